/**
 * The request behind a lone preflight. A proxy's HAR (mitmproxy, Charles) holds the OPTIONS
 * exchange the browser made, and nothing after it when the browser refused the answer: the
 * request itself was never sent (Fetch standard, CORS-preflight fetch: a failed preflight is a
 * network error for the request, https://fetch.spec.whatwg.org/#cors-preflight-fetch). What it
 * would have been is in the preflight's own words: the origin, the method asked for, the headers
 * asked for (`corsExchangeOf` reads those from the preflight).
 */
import { getHeader } from '../headers';
import type { HttpRequest } from '../model';

/**
 * For a preflight read from a HAR that no request was paired with, the request it was sent for
 * (never sent, so `pending`, with the preflight's id and only its `Origin`); undefined otherwise.
 */
export function requestOfLonePreflight(preflight: HttpRequest): HttpRequest | undefined {
  if (preflight.source !== 'har' || preflight.resourceType !== 'preflight') return undefined;
  if (preflight.preflightFor !== undefined || !preflight.status) return undefined;
  const headers = preflight.wireHeaders ?? preflight.requestHeaders;
  const method = getHeader(headers, 'access-control-request-method')?.trim();
  const origin = getHeader(headers, 'origin');
  if (!method || !origin) return undefined;
  return {
    id: preflight.id,
    source: preflight.source,
    url: preflight.url,
    method,
    resourceType: 'fetch',
    startTime: preflight.startTime,
    firstSeq: preflight.firstSeq,
    requestHeaders: { Origin: origin },
    state: 'pending',
  };
}
