/**
 * Links each CORS preflight of a HAR to the request it was sent for. HAR has no initiator link
 * (ENGINEERING.md: Chrome writes the preflight as its own entry, `_resourceType: 'preflight'`);
 * our own files say it (`_preflightFor`). Otherwise: an OPTIONS with
 * `Access-Control-Request-Method` to the same URL, the nearest request of that method after it.
 */
import { getHeader } from '../headers';
import type { EntryRecord, RequestRecord } from './read-entry';

/** A preflight and its request start within this long of each other. */
const PAIR_WINDOW_MS = 10_000;
/**
 * Chrome stamps the actual request first and its preflight a few ms later (CDP
 * `requestWillBeSent` of the fetch, then of the preflight), so the request may start first.
 */
const CLOCK_SLACK_MS = 1000;

export function isPreflight(r: RequestRecord): boolean {
  if (r.resourceType === 'preflight') return true;
  return r.method === 'OPTIONS' && getHeader(r.headers, 'access-control-request-method') !== undefined;
}

/** Sets `preflightFor` (and `resourceType: 'preflight'`) on each preflight it can pair. */
export function pairPreflights(records: EntryRecord[]): void {
  const requests = records.filter((r): r is RequestRecord => r.type === 'request');
  const ids = new Set(requests.map((r) => r.id));
  const taken = new Set<string>();
  for (const r of requests)
    if (r.preflightFor !== undefined && ids.has(r.preflightFor)) taken.add(r.preflightFor);
  for (const preflight of requests) {
    if (!isPreflight(preflight)) continue;
    preflight.resourceType = 'preflight';
    if (preflight.preflightFor !== undefined && ids.has(preflight.preflightFor)) continue;
    preflight.preflightFor = undefined;
    const method = getHeader(preflight.headers, 'access-control-request-method')?.trim().toUpperCase();
    let best: RequestRecord | undefined;
    for (const actual of requests) {
      if (actual === preflight || taken.has(actual.id) || isPreflight(actual) || actual.url !== preflight.url)
        continue;
      if (method !== undefined && actual.method !== method) continue;
      const gap = actual.time - preflight.time;
      if (gap < -CLOCK_SLACK_MS || gap > PAIR_WINDOW_MS) continue;
      if (!best || Math.abs(gap) < Math.abs(best.time - preflight.time)) best = actual;
    }
    if (best) {
      preflight.preflightFor = best.id;
      taken.add(best.id);
    }
  }
}
