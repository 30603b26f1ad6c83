/**
 * The checks of a preflight answer beyond the access check: its status, and whether its
 * `Access-Control-Allow-Methods` / `-Headers` lists cover the request (Fetch standard,
 * CORS-preflight fetch steps 7; Chromium `preflight_result.cc`).
 */
import { getHeader } from '../headers';
import { messagesFor, type Locale } from '../i18n';
import { isSafelistedMethod } from './safelist';
import type { CorsErrorName } from './verdict';

export interface PreflightListFailure {
  corsError: CorsErrorName;
  failedParameter: string;
  decisiveHeader: string;
  /** Every header the list misses, sorted (Chromium names one of them, in its own order). */
  disallowedHeaders?: string[];
}

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/**
 * Splits an allow list the way Chromium does: commas separate, surrounding whitespace and empty
 * elements are tolerated, every element must be an HTTP token (so `GET; PUT` or `GET PUT` is
 * invalid). Returns undefined for an invalid list.
 */
export function parseAllowList(value: string | undefined): string[] | undefined {
  if (value === undefined) return [];
  const items: string[] = [];
  for (const raw of value.split(',')) {
    const item = raw.trim();
    if (!item) continue;
    if (!TOKEN.test(item)) return undefined;
    items.push(item);
  }
  return items;
}

/**
 * Checks the preflight answer's method and header lists against the request. `*` is a
 * wildcard only without credentials; methods compare case-sensitively (`put` is not `PUT`),
 * header names case-insensitively. Chromium 156 still lets `*` cover `authorization`
 * (deprecated, the standard says it must not): `warnings` gets a note, in `locale`, when that happens.
 */
export function checkPreflightLists(
  headers: Record<string, string>,
  method: string,
  unsafeHeaders: string[],
  include: boolean,
  warnings: string[],
  locale: Locale = 'en',
): PreflightListFailure | undefined {
  const methodsValue = getHeader(headers, 'access-control-allow-methods');
  const headersValue = getHeader(headers, 'access-control-allow-headers');
  const methods = parseAllowList(methodsValue);
  if (!methods)
    return {
      corsError: 'InvalidAllowMethodsPreflightResponse',
      // Chromium leaves the parameter empty for an unparsable list (seen in 156).
      failedParameter: '',
      decisiveHeader: 'access-control-allow-methods',
    };
  const allowed = parseAllowList(headersValue)?.map((h) => h.toLowerCase());
  if (!allowed)
    return {
      corsError: 'InvalidAllowHeadersPreflightResponse',
      failedParameter: '',
      decisiveHeader: 'access-control-allow-headers',
    };
  const methodOk =
    methods.includes(method) || isSafelistedMethod(method) || (!include && methods.includes('*'));
  if (!methodOk)
    return {
      corsError: 'MethodDisallowedByPreflightResponse',
      failedParameter: method,
      decisiveHeader: 'access-control-allow-methods',
    };
  const wildcard = !include && allowed.includes('*');
  const disallowed: string[] = [];
  for (const name of unsafeHeaders) {
    if (allowed.includes(name)) continue;
    if (wildcard) {
      if (name === 'authorization') warnings.push(messagesFor(locale).cors.warnings.authorizationWildcard);
      continue;
    }
    disallowed.push(name);
  }
  if (disallowed.length)
    return {
      corsError: 'HeaderDisallowedByPreflightResponse',
      failedParameter: disallowed[0],
      disallowedHeaders: disallowed,
      decisiveHeader: 'access-control-allow-headers',
    };
  return undefined;
}
