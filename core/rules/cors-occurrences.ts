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

/** A recording's preflights by URL, each list in start order (stable: recording order on ties). */
function preflightsByUrl(rec: Recording): Map<string, HttpRequest[]> {
  const byUrl = new Map<string, HttpRequest[]>();
  for (const r of rec.requests.values()) {
    if (r.method !== 'OPTIONS' || r.resourceType !== 'preflight') continue;
    const list = byUrl.get(r.url);
    if (list) list.push(r);
    else byUrl.set(r.url, [r]);
  }
  for (const list of byUrl.values()) list.sort((a, b) => a.startTime - b.startTime);
  return byUrl;
}

/**
 * What is derived once per recording state: `Recording.apply` is the only way a recording
 * changes, and it counts every event it applies, so `eventCount` names the state. Seven rules
 * ask for the occurrences of the same recording; the panel asks again after each batch.
 */
interface Derived {
  eventCount: number;
  preflights?: Map<string, HttpRequest[]>;
  occurrences?: CorsOccurrence[];
}
const derived = new WeakMap<Recording, Derived>();

function derivedOf(rec: Recording): Derived {
  const known = derived.get(rec);
  if (known && known.eventCount === rec.eventCount) return known;
  const fresh: Derived = { eventCount: rec.eventCount };
  derived.set(rec, fresh);
  return fresh;
}

/**
 * The request's preflight: linked by the reducer (CDP initiator, HAR `preflightFor`), else the
 * latest preflight to the same URL that started at most 3 s before it (the first recorded on a
 * tie). Indexed by URL once per recording state, so a 100,000-request file stays linear.
 */
export function preflightOf(rec: Recording, request: HttpRequest): HttpRequest | undefined {
  if (request.preflightId) return rec.requests.get(request.preflightId);
  const state = derivedOf(rec);
  state.preflights ??= preflightsByUrl(rec);
  const list = state.preflights.get(request.url);
  if (!list) return undefined;
  // The first preflight that started after the request; the one before it is the latest.
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid].startTime <= request.startTime) lo = mid + 1;
    else hi = mid;
  }
  if (lo === 0) return undefined;
  let i = lo - 1;
  while (i > 0 && list[i - 1].startTime === list[i].startTime) i--;
  return request.startTime - list[i].startTime > 3000 ? undefined : list[i];
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
  const state = derivedOf(rec);
  state.occurrences ??= findOccurrences(rec);
  // A copy: a caller may sort or filter it; the occurrences themselves are shared.
  return state.occurrences.slice();
}

function findOccurrences(rec: Recording): CorsOccurrence[] {
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
