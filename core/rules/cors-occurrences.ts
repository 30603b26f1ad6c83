/**
 * The CORS failures of a recording, each with its preflight, Chromium's verdict and ours, and
 * the rule family that explains it. The `cors/*` rules share this so that every failure lands
 * in exactly one family, and "not really CORS" (a server error behind the CORS symptom) is
 * claimed first.
 */
import { requestCorsVerdict, type RequestCorsVerdict } from '../cors/from-recording';
import { requestOfLonePreflight } from '../cors/lone-preflight';
import { getHeader } from '../headers';
import type { Finding, HttpRequest } from '../model';
import type { Recording } from '../reducer';

export type CorsFamily =
  | 'hidden-server-error'
  | 'preflight-status'
  | 'header-not-allowed'
  | 'method-not-allowed'
  | 'invalid-allow-list'
  | 'credentials'
  | 'origin-mismatch';

export interface CorsOccurrence {
  request: HttpRequest;
  preflight?: HttpRequest;
  verdict: RequestCorsVerdict;
  corsError: string;
  failedParameter: string;
  family: CorsFamily;
  /** The answer that decided it (the preflight's or the actual response's). */
  answer?: HttpRequest;
  origin?: string;
  basis: Finding['basis'];
}

const CREDENTIALS = new Set([
  'WildcardOriginNotAllowed',
  'PreflightWildcardOriginNotAllowed',
  'InvalidAllowCredentials',
  'PreflightInvalidAllowCredentials',
]);
const MISSING_ORIGIN = new Set(['MissingAllowOriginHeader', 'PreflightMissingAllowOriginHeader']);
/** Private Network Access blocks: the server never got a say (Chromium `LocalNetworkAccess…`). */
const NETWORK_BLOCKS = /LocalNetwork|PrivateNetwork|MissingAllowExternal|InvalidAllowExternal/;

/** The family of a failure, from its verdict and the status of the answer that decided it. */
export function corsFamilyOf(corsError: string, answerStatus: number | undefined): CorsFamily {
  if (NETWORK_BLOCKS.test(corsError) || corsError === 'PreflightDisallowedRedirect')
    return 'hidden-server-error';
  if (MISSING_ORIGIN.has(corsError) && answerStatus !== undefined && answerStatus >= 400)
    return 'hidden-server-error';
  if (corsError === 'PreflightInvalidStatus') return 'preflight-status';
  if (corsError === 'HeaderDisallowedByPreflightResponse') return 'header-not-allowed';
  if (corsError === 'MethodDisallowedByPreflightResponse') return 'method-not-allowed';
  if (corsError.startsWith('InvalidAllow') && corsError.endsWith('PreflightResponse'))
    return 'invalid-allow-list';
  if (CREDENTIALS.has(corsError)) return 'credentials';
  return 'origin-mismatch';
}

/** The request's preflight: linked by the reducer (CDP initiator, HAR `preflightFor`), else by URL and time. */
export function preflightOf(rec: Recording, request: HttpRequest): HttpRequest | undefined {
  if (request.preflightId) return rec.requests.get(request.preflightId);
  let best: HttpRequest | undefined;
  for (const r of rec.requests.values()) {
    if (r.method !== 'OPTIONS' || r.resourceType !== 'preflight' || r.url !== request.url) continue;
    if (r.startTime > request.startTime || request.startTime - r.startTime > 3000) continue;
    if (!best || r.startTime > best.startTime) best = r;
  }
  return best;
}

const headersOf = (r: HttpRequest | undefined) => r?.wireHeaders ?? r?.requestHeaders;

/** The occurrences of one family. */
export function corsOccurrencesOf(rec: Recording, family: CorsFamily): CorsOccurrence[] {
  return corsOccurrences(rec).filter((o) => o.family === family);
}

/**
 * A HAR from a proxy (mitmproxy, Charles) or from Firefox may not record that the browser refused
 * an answer: a request it calls done that went out with an `Origin` is judged too.
 */
function unrecordedFailurePossible(request: HttpRequest): boolean {
  return (
    request.source === 'har' &&
    request.state === 'done' &&
    getHeader(headersOf(request), 'origin') !== undefined
  );
}

/**
 * Every failed request with a CORS verdict (Chromium's or ours), in time order; from a HAR file,
 * also a request the file records as done whose answers a browser refuses whatever the
 * credentials mode (`CorsInference` `failureNotRecorded`), and the request behind a preflight
 * with nothing after it (`requestOfLonePreflight`).
 */
export function corsOccurrences(rec: Recording): CorsOccurrence[] {
  const found: CorsOccurrence[] = [];
  for (const recorded of rec.requests.values()) {
    const lone = requestOfLonePreflight(recorded);
    const request = lone ?? recorded;
    if (!lone && (request.preflightFor !== undefined || request.method === 'OPTIONS')) continue;
    if (!lone && request.state !== 'failed' && !unrecordedFailurePossible(request)) continue;
    const preflight = lone ? recorded : preflightOf(rec, request);
    const verdict = requestCorsVerdict(request, preflight);
    if (!verdict.decided) continue;
    const { corsError, failedParameter } = verdict.decided;
    const atPreflight = corsError.startsWith('Preflight') || corsError.endsWith('PreflightResponse');
    const answer = atPreflight ? preflight : request;
    found.push({
      request,
      preflight,
      verdict,
      corsError,
      failedParameter,
      family: corsFamilyOf(corsError, answer?.status),
      answer,
      origin: getHeader(headersOf(request), 'origin') ?? getHeader(headersOf(preflight), 'origin'),
      // The evidence's own source: CDP-reported headers are browser evidence even when our
      // analyser, not Chromium, named the reason.
      basis: request.source === 'user' ? 'page' : request.source,
    });
  }
  return found.sort((a, b) => a.request.startTime - b.request.startTime);
}
