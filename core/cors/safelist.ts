/**
 * The Fetch standard's safelists: which methods and request headers a page may send
 * cross-origin without a preflight (https://fetch.spec.whatwg.org/#cors-safelisted-method,
 * #cors-safelisted-request-header, #cors-unsafe-request-header-names).
 */
import type { Headers } from '../events';

const SAFELISTED_METHODS = new Set(['GET', 'HEAD', 'POST']);
/** https://fetch.spec.whatwg.org/#concept-method-normalize */
const NORMALISED_METHODS = new Set(['DELETE', 'GET', 'HEAD', 'OPTIONS', 'POST', 'PUT']);
const SAFELISTED_CONTENT_TYPES = new Set([
  'application/x-www-form-urlencoded',
  'multipart/form-data',
  'text/plain',
]);
/** The browser sets these itself; a page cannot (https://fetch.spec.whatwg.org/#forbidden-request-header). */
const FORBIDDEN = new Set([
  'accept-charset',
  'accept-encoding',
  'access-control-request-headers',
  'access-control-request-method',
  'connection',
  'content-length',
  'cookie',
  'cookie2',
  'date',
  'dnt',
  'expect',
  'host',
  'keep-alive',
  'origin',
  'referer',
  'set-cookie',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'via',
]);
/**
 * Headers that recorders (CDP, HAR) show on a request although the browser, not the page,
 * added them; they never trigger a preflight.
 */
const BROWSER_ADDED = new Set(['user-agent', 'cache-control', 'pragma', 'priority']);

/** `put` -> `PUT` as `fetch()` does; other methods (`patch`) keep their case. */
export function normaliseMethod(method: string): string {
  const upper = method.toUpperCase();
  return NORMALISED_METHODS.has(upper) ? upper : method;
}

/** GET, HEAD and POST need no preflight (compared after normalisation, case-sensitively). */
export function isSafelistedMethod(method: string): boolean {
  return SAFELISTED_METHODS.has(method);
}

/** https://fetch.spec.whatwg.org/#cors-unsafe-request-header-byte */
function hasUnsafeByte(value: string): boolean {
  for (const ch of value) {
    const code = ch.charCodeAt(0);
    if ((code < 0x20 && code !== 0x09) || code === 0x7f || '"():<>?@[\\]{}'.includes(ch)) return true;
  }
  return false;
}

/** https://fetch.spec.whatwg.org/#cors-safelisted-request-header */
export function isSafelistedHeader(name: string, value: string): boolean {
  if (value.length > 128) return false;
  switch (name.toLowerCase()) {
    case 'accept':
      return !hasUnsafeByte(value);
    case 'accept-language':
    case 'content-language':
      return /^[0-9A-Za-z *,\-.;=]*$/.test(value);
    case 'content-type': {
      if (hasUnsafeByte(value)) return false;
      const essence = value.split(';')[0].trim().toLowerCase();
      return SAFELISTED_CONTENT_TYPES.has(essence);
    }
    case 'range':
      return /^bytes=\d+-\d*$/.test(value);
    default:
      return false;
  }
}

/** True for headers the page cannot have set: forbidden names, `sec-*`, `proxy-*`, browser-added. */
export function isBrowserControlledHeader(name: string): boolean {
  const lower = name.toLowerCase();
  return (
    FORBIDDEN.has(lower) ||
    BROWSER_ADDED.has(lower) ||
    lower.startsWith('sec-') ||
    lower.startsWith('proxy-') ||
    lower.startsWith(':')
  );
}

/**
 * The request's CORS-unsafe header names, lower case, deduplicated and sorted: exactly the list
 * the browser sends in `Access-Control-Request-Headers`. Safelisted headers whose values add up
 * to more than 1024 bytes become unsafe too (the standard's safelist size limit).
 */
export function unsafeHeaderNames(headers: Headers): string[] {
  const unsafe = new Set<string>();
  const safelisted: string[] = [];
  let safelistSize = 0;
  for (const [name, value] of Object.entries(headers)) {
    const lower = name.toLowerCase();
    if (isBrowserControlledHeader(lower)) continue;
    if (isSafelistedHeader(lower, value)) {
      safelisted.push(lower);
      safelistSize += value.length;
    } else unsafe.add(lower);
  }
  if (safelistSize > 1024) for (const name of safelisted) unsafe.add(name);
  return [...unsafe].sort();
}
