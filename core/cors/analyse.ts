/**
 * The CORS analyser: Fetch-standard CORS checks of one request against the server's answers,
 * from headers alone. It gives the verdict Chromium would give, in Chromium's words, so it can
 * stand in where the browser's verdict is missing (HAR files, browsers without CDP) and
 * cross-check it where it is not.
 */
import { getHeader } from '../headers';
import type { Locale } from '../i18n';
import { checkAccess } from './access-check';
import { checkPreflightLists } from './preflight-check';
import { isSafelistedMethod, normaliseMethod, unsafeHeaderNames } from './safelist';
import type { CorsExchange, CorsResponse, CorsVerdict } from './verdict';

export * from './verdict';

function isRedirect(response: CorsResponse): boolean {
  return (
    [301, 302, 303, 307, 308].includes(response.status) &&
    getHeader(response.headers, 'location') !== undefined
  );
}

function originOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

/**
 * True when Chromium's verdict and ours name the same failure. For a disallowed header,
 * Chromium's `failedParameter` only has to be one of the headers we found missing (see
 * `CorsVerdict.disallowedHeaders`).
 */
export function sameVerdict(
  ours: CorsVerdict,
  chromium: { corsError: string; failedParameter: string } | undefined,
): boolean {
  if (!chromium) return ours.outcome === 'allowed';
  if (ours.outcome !== 'blocked' || ours.corsError !== chromium.corsError) return false;
  if (ours.disallowedHeaders) return ours.disallowedHeaders.includes(chromium.failedParameter);
  return ours.failedParameter === chromium.failedParameter;
}

/**
 * Decides whether the browser lets the page read the response of `exchange.request`.
 * Order as in Chromium: the preflight (redirect, access check, status, method and header
 * lists), then each hop of the actual request (access check; a cross-origin redirect from a
 * cross-origin URL taints the origin to `null`, Fetch standard HTTP-redirect fetch step 13).
 * `locale` is the language of the verdict's `warnings`.
 */
export function analyseCors(exchange: CorsExchange, locale: Locale = 'en'): CorsVerdict {
  const { request } = exchange;
  const method = normaliseMethod(request.method);
  const unsafeHeaders = request.unsafeHeaderNames
    ? [...new Set(request.unsafeHeaderNames.map((h) => h.trim().toLowerCase()).filter(Boolean))].sort()
    : unsafeHeaderNames(request.headers);
  const preflightNeeded = !isSafelistedMethod(method) || unsafeHeaders.length > 0;
  const include = request.credentials === 'include';
  const warnings: string[] = [];
  const base = { preflightNeeded, method, unsafeHeaders, warnings };

  if (preflightNeeded) {
    const preflight = exchange.preflight;
    if (!preflight) return { ...base, outcome: 'unknown' };
    const status = preflight.status;
    const blocked = (
      f: Pick<CorsVerdict, 'corsError' | 'failedParameter' | 'decisiveHeader' | 'disallowedHeaders'>,
    ) => ({ ...base, ...f, outcome: 'blocked', stage: 'preflight', status }) as CorsVerdict;
    if (status >= 300 && status < 400)
      return blocked({
        corsError: 'PreflightDisallowedRedirect',
        failedParameter: '',
        decisiveHeader: 'location',
      });
    const access = checkAccess(preflight, request.origin, request.credentials, true);
    if (access) return blocked(access);
    // The status counts only after the access check: an error page without CORS headers is
    // reported as a missing Allow-Origin, which is what hides server errors behind "CORS".
    if (status < 200 || status > 299)
      return blocked({ corsError: 'PreflightInvalidStatus', failedParameter: '', decisiveHeader: '' });
    const lists = checkPreflightLists(preflight.headers, method, unsafeHeaders, include, warnings, locale);
    if (lists) return blocked(lists);
  }

  let origin = request.origin;
  let currentUrl = request.url;
  for (const [index, response] of exchange.responses.entries()) {
    const redirect = isRedirect(response);
    const access = checkAccess(response, origin, request.credentials, false);
    if (access)
      return {
        ...base,
        ...access,
        outcome: 'blocked',
        stage: redirect ? 'redirect' : 'response',
        status: response.status,
      };
    if (!redirect) return { ...base, outcome: 'allowed', status: response.status };
    if (index === exchange.responses.length - 1) break;
    const next = new URL(getHeader(response.headers, 'location') ?? '', currentUrl).href;
    if (originOf(next) !== originOf(currentUrl) && originOf(currentUrl) !== request.origin) origin = 'null';
    currentUrl = next;
  }
  return { ...base, outcome: 'unknown' };
}
