/**
 * The CORS check of one response (https://fetch.spec.whatwg.org/#cors-check), with Chromium's
 * finer error names (`services/network/public/cpp/cors/cors.cc`, `CheckAccessInternal`): a
 * value that fails is classified as multiple values, an invalid value, or a mismatch.
 */
import { getHeader } from '../headers';
import type { CorsErrorName, CredentialsMode, CorsResponse } from './verdict';

export interface AccessFailure {
  corsError: CorsErrorName;
  failedParameter: string;
  decisiveHeader: string;
}

/** Is `value` something Chromium's URL parser (GURL) accepts as a URL with a host? */
function looksLikeOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol.length > 1;
  } catch {
    return false;
  }
}

/**
 * Checks `Access-Control-Allow-Origin` and, for credentialed requests,
 * `Access-Control-Allow-Credentials` on `response`. `preflight` selects the `Preflight…` names.
 * Returns undefined when the response passes.
 */
export function checkAccess(
  response: CorsResponse,
  origin: string,
  credentials: CredentialsMode,
  preflight: boolean,
): AccessFailure | undefined {
  const name = (base: string) => (preflight ? `Preflight${base}` : base) as CorsErrorName;
  const fail = (base: string, failedParameter: string, header = 'access-control-allow-origin') => ({
    corsError: name(base),
    failedParameter,
    decisiveHeader: header,
  });
  if (response.status === 0) return { corsError: 'InvalidResponse', failedParameter: '', decisiveHeader: '' };
  const allowOrigin = getHeader(response.headers, 'access-control-allow-origin');
  const include = credentials === 'include';
  if (allowOrigin === '*') {
    if (!include) return undefined;
    return fail('WildcardOriginNotAllowed', '');
  }
  if (allowOrigin === undefined) return fail('MissingAllowOriginHeader', '');
  if (allowOrigin !== origin) {
    // Chromium compares the raw string (so `null` can match an opaque origin), then names
    // the problem: a list is never valid, `null` is a mismatch, anything else must parse.
    if (/[ ,]/.test(allowOrigin)) return fail('MultipleAllowOriginValues', allowOrigin);
    if (allowOrigin === 'null') return fail('AllowOriginMismatch', allowOrigin);
    if (!looksLikeOrigin(allowOrigin)) return fail('InvalidAllowOriginValue', allowOrigin);
    return fail('AllowOriginMismatch', allowOrigin);
  }
  if (include) {
    // Case-sensitive on purpose: only the exact `true` counts (Fetch standard, CORS check step 7).
    const allowCredentials = getHeader(response.headers, 'access-control-allow-credentials');
    if (allowCredentials !== 'true')
      return fail('InvalidAllowCredentials', allowCredentials ?? '', 'access-control-allow-credentials');
  }
  return undefined;
}
