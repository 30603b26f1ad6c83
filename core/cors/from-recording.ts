/**
 * Feeds recorded requests to the analyser: builds the exchange from a request and its
 * preflight as the reducer holds them (CDP, probe or HAR), and puts our verdict next to
 * Chromium's when CDP gave one. The browser's verdict wins when both exist; a disagreement is
 * kept so the panel can show both.
 */
import type { CorsErrorStatus } from '../events';
import { getHeader, parseHeaderList } from '../headers';
import type { Locale, Messages } from '../i18n';
import type { HttpRequest } from '../model';
import {
  analyseCors,
  sameVerdict,
  type CorsExchange,
  type CorsVerdict,
  type CredentialsMode,
} from './analyse';

export interface RequestCorsVerdict {
  /** Chromium's own verdict (CDP `corsErrorStatus`), when the failure carried one. */
  browser?: CorsErrorStatus;
  /** Ours, from the recorded headers alone. */
  ours?: CorsVerdict;
  /** The verdict to act on: the browser's when there is one, else ours when it blocks. */
  decided?: CorsErrorStatus;
  /** `cdp` when the browser's verdict decided, `headers` when ours did. */
  basis: 'cdp' | 'headers';
  /** How our verdict was reached from what was recorded, when ours decided (see `CorsInference`). */
  inference?: CorsInference;
  /** The recorded failure's own text (`net::ERR_FAILED`), when the request failed. */
  failure?: string;
  /** Both verdicts exist and name different failures. */
  disagree: boolean;
}

/**
 * How our verdict was reached when the browser's is missing (a HAR file never carries it):
 * - `headers`: the answers fail the check whatever the credentials mode;
 * - `cookieSent`: judged with credentials, because the request carried a `Cookie` header;
 * - `failedWithoutCredentials`: judged with credentials, because the request failed although
 *   its answers pass without them (the only credentials check that could have failed);
 * - `failureNotRecorded`: the file does not say the request failed (a proxy such as mitmproxy
 *   or Charles never sees the browser refuse an answer; Firefox's HAR writes the response it got
 *   and no failure field, devtools `client/netmonitor/src/har/har-builder.js` `buildResponse`),
 *   but a browser in CORS mode refuses these answers whatever the credentials mode.
 */
export type CorsInference = 'headers' | 'cookieSent' | 'failedWithoutCredentials' | 'failureNotRecorded';

function originOf(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

const headersOf = (r: HttpRequest | undefined) => r?.wireHeaders ?? r?.requestHeaders;

/**
 * The exchange of `request` for the analyser, or undefined when it is not a cross-origin
 * request we can judge: no `Origin` on it nor on its preflight (HAR drops it from the actual
 * entry of a failed preflight), or the same origin as its URL.
 */
export function corsExchangeOf(
  request: HttpRequest,
  preflight: HttpRequest | undefined,
  credentials: CredentialsMode = 'same-origin',
): CorsExchange | undefined {
  const origin = getHeader(headersOf(request), 'origin') ?? getHeader(headersOf(preflight), 'origin');
  if (!origin || origin === originOf(request.url)) return undefined;
  const asked = getHeader(headersOf(preflight), 'access-control-request-headers');
  return {
    request: {
      method: request.method,
      url: request.url,
      headers: request.requestHeaders,
      credentials,
      origin,
      // The preflight lists exactly what the browser found unsafe; the recorded request
      // headers mix the page's with the browser's own.
      unsafeHeaderNames: asked !== undefined ? parseHeaderList(asked) : undefined,
    },
    preflight:
      preflight?.status !== undefined && preflight.status > 0
        ? { url: preflight.url, status: preflight.status, headers: preflight.responseHeaders ?? {} }
        : undefined,
    responses:
      request.status !== undefined && request.status > 0
        ? [{ url: request.url, status: request.status, headers: request.responseHeaders ?? {} }]
        : [],
  };
}

/**
 * Was `request` made in CORS mode? `Sec-Fetch-Mode` says it when recorded. Without it, an
 * `Origin` on a GET or HEAD does: browsers add `Origin` to those only for CORS requests
 * (https://fetch.spec.whatwg.org/#append-a-request-origin-header), and so does a fetch or XHR
 * resource type. A POST with `Origin` and nothing else may be a form (`no-cors`): unknown.
 */
export function corsModeOf(request: HttpRequest, preflight: HttpRequest | undefined): boolean | undefined {
  const mode =
    getHeader(headersOf(request), 'sec-fetch-mode') ?? getHeader(headersOf(preflight), 'sec-fetch-mode');
  if (mode !== undefined) return mode.trim().toLowerCase() === 'cors';
  if (preflight) return true;
  if (getHeader(headersOf(request), 'origin') === undefined) return undefined;
  if (request.method === 'GET' || request.method === 'HEAD') return true;
  return ['fetch', 'xhr'].includes(request.resourceType) ? true : undefined;
}

/**
 * Our verdict for a recorded request, with how it was reached. Recordings do not say the
 * credentials mode: a `Cookie` header says "include" directly; otherwise a failed request that
 * passes without credentials but fails with them is judged as credentialed. Its `warnings` are
 * in `locale`.
 */
export function inferRecordedVerdict(
  request: HttpRequest,
  preflight: HttpRequest | undefined,
  locale: Locale = 'en',
): { verdict: CorsVerdict; inference: CorsInference } | undefined {
  if (corsModeOf(request, preflight) === false) return undefined;
  const sentCookies = getHeader(headersOf(request), 'cookie') !== undefined;
  const exchange = corsExchangeOf(request, preflight, sentCookies ? 'include' : 'same-origin');
  if (!exchange) return undefined;
  const plain = analyseCors(exchange, locale);
  if (sentCookies) return { verdict: plain, inference: 'cookieSent' };
  const failed = request.state === 'failed';
  // A 304 that went through is judged on the cached response's headers, updated with the 304's
  // (https://fetch.spec.whatwg.org/#http-network-or-cache-fetch): servers often leave CORS
  // headers off a 304, and the file holds only those.
  if (!failed && request.status === 304) return undefined;
  if (plain.outcome === 'blocked')
    return { verdict: plain, inference: failed ? 'headers' : 'failureNotRecorded' };
  if (!failed) return { verdict: plain, inference: 'headers' };
  // Allowed, or unknown for want of an actual response (a failed preflight leaves none).
  const credentialed = analyseCors(
    { ...exchange, request: { ...exchange.request, credentials: 'include' } },
    locale,
  );
  // A request that went out (an answer, or its own `Origin`: Chrome's HAR lists the headers
  // sent, and a request stopped by its preflight has none) got past its preflight.
  const sent = (request.status ?? 0) > 0 || getHeader(headersOf(request), 'origin') !== undefined;
  return credentialed.outcome === 'blocked' && !(credentialed.stage === 'preflight' && sent)
    ? { verdict: credentialed, inference: 'failedWithoutCredentials' }
    : { verdict: plain, inference: 'headers' };
}

/** Our verdict for a recorded request (see `inferRecordedVerdict`), its `warnings` in `locale`. */
export function analyseRecordedRequest(
  request: HttpRequest,
  preflight: HttpRequest | undefined,
  locale: Locale = 'en',
): CorsVerdict | undefined {
  return inferRecordedVerdict(request, preflight, locale)?.verdict;
}

/** Chromium's verdict and ours for `request`, with the one to act on (our warnings in `locale`). */
export function requestCorsVerdict(
  request: HttpRequest,
  preflight: HttpRequest | undefined,
  locale: Locale = 'en',
): RequestCorsVerdict {
  const browser = request.failure?.cors;
  const inferred = inferRecordedVerdict(request, preflight, locale);
  const ours = inferred?.verdict;
  const oursBlocked =
    ours?.outcome === 'blocked' && ours.corsError
      ? { corsError: ours.corsError, failedParameter: ours.failedParameter ?? '' }
      : undefined;
  const disagree =
    browser !== undefined && ours !== undefined && ours.outcome !== 'unknown' && !sameVerdict(ours, browser);
  if (browser)
    return { browser, ours, decided: browser, basis: 'cdp', failure: request.failure?.errorText, disagree };
  return {
    ours,
    decided: oursBlocked,
    basis: 'headers',
    inference: oursBlocked ? inferred?.inference : undefined,
    failure: request.failure?.errorText,
    disagree: false,
  };
}

/**
 * How the verdict to act on was reached, in the language of `m`: the browser's own, from the
 * response headers, or inferred and from what. Undefined when nothing decided.
 */
export function howWeKnow(verdict: RequestCorsVerdict, m: Messages): string | undefined {
  const w = m.cors.verdict;
  if (!verdict.decided) return undefined;
  if (verdict.basis === 'cdp') return w.knownFromBrowser;
  const error = verdict.failure ?? m.rulesCors.values.failed;
  switch (verdict.inference) {
    case 'cookieSent':
      return w.inferredFromCookie;
    case 'failedWithoutCredentials':
      return w.inferredFromFailure({ error });
    case 'failureNotRecorded':
      return w.inferredUnrecorded;
    default:
      return w.knownFromHeaders({ error });
  }
}
