/**
 * Feeds recorded requests to the analyser: builds the exchange from a request and its
 * preflight as the reducer holds them (CDP, probe or HAR), and puts our verdict next to
 * Chromium's when CDP gave one. The browser's verdict wins when both exist; a disagreement is
 * kept so the panel can show both.
 */
import type { CorsErrorStatus } from '../events';
import { getHeader, parseHeaderList } from '../headers';
import type { Locale } from '../i18n';
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
  /** Both verdicts exist and name different failures. */
  disagree: boolean;
}

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
 * Our verdict for a recorded request. Recordings do not say the credentials mode, so a failed
 * request that passes without credentials but fails with them is judged as credentialed (a
 * `Cookie` header says so directly). Its `warnings` are in `locale`.
 */
export function analyseRecordedRequest(
  request: HttpRequest,
  preflight: HttpRequest | undefined,
  locale: Locale = 'en',
): CorsVerdict | undefined {
  const sentCookies = getHeader(headersOf(request), 'cookie') !== undefined;
  const exchange = corsExchangeOf(request, preflight, sentCookies ? 'include' : 'same-origin');
  if (!exchange) return undefined;
  const plain = analyseCors(exchange, locale);
  if (sentCookies || plain.outcome !== 'allowed' || request.state !== 'failed') return plain;
  const credentialed = analyseCors(
    { ...exchange, request: { ...exchange.request, credentials: 'include' } },
    locale,
  );
  return credentialed.outcome === 'blocked' ? credentialed : plain;
}

/** Chromium's verdict and ours for `request`, with the one to act on (our warnings in `locale`). */
export function requestCorsVerdict(
  request: HttpRequest,
  preflight: HttpRequest | undefined,
  locale: Locale = 'en',
): RequestCorsVerdict {
  const browser = request.failure?.cors;
  const ours = analyseRecordedRequest(request, preflight, locale);
  const oursBlocked =
    ours?.outcome === 'blocked' && ours.corsError
      ? { corsError: ours.corsError, failedParameter: ours.failedParameter ?? '' }
      : undefined;
  const disagree =
    browser !== undefined && ours !== undefined && ours.outcome !== 'unknown' && !sameVerdict(ours, browser);
  if (browser) return { browser, ours, decided: browser, basis: 'cdp', disagree };
  return { ours, decided: oursBlocked, basis: 'headers', disagree: false };
}
