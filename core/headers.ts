/**
 * Case-insensitive access to recorded header maps. Header names are case-insensitive
 * (RFC 9110 §5.1), and the sources disagree on spelling: CDP reports what the page set,
 * HTTP/2 and the preflight's `Access-Control-Request-Headers` are lower case, HAR keeps
 * whatever the exporter saw. Never compare header names with `===` on raw keys.
 */
import type { Headers } from './events';

/**
 * The value of header `name` in `headers`, whatever its spelling. When the map holds the
 * same name under several spellings, the values are joined with `, ` (RFC 9110 §5.3).
 */
export function getHeader(headers: Headers | undefined, name: string): string | undefined {
  if (!headers) return undefined;
  const wanted = name.toLowerCase();
  let found: string | undefined;
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() !== wanted) continue;
    found = found === undefined ? value : `${found}, ${value}`;
  }
  return found;
}

/** True when `headers` holds `name` in any spelling. */
export function hasHeader(headers: Headers | undefined, name: string): boolean {
  return getHeader(headers, name) !== undefined;
}

/**
 * Splits a comma-separated header list (`Access-Control-Allow-Headers: Content-Type, X-Id`)
 * into lower-case tokens. Surrounding whitespace and empty elements are dropped, as
 * Chromium tolerates them.
 */
export function parseHeaderList(value: string | undefined): string[] {
  if (!value) return [];
  return value
    .split(',')
    .map((token) => token.trim().toLowerCase())
    .filter((token) => token.length > 0);
}

/** `x-api-key` -> `X-Api-Key`: the conventional spelling, for display and config snippets. */
export function canonicalHeaderName(name: string): string {
  return name
    .toLowerCase()
    .split('-')
    .map((part) => (part ? part[0].toUpperCase() + part.slice(1) : part))
    .join('-');
}
