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

/** A request that may be the one a preflight was sent for, with its place in the file. */
interface Candidate {
  request: RequestRecord;
  order: number;
}

/** Candidates by key, each list in time order (stable: file order among equal times). */
function index(candidates: Candidate[], keyOf: (r: RequestRecord) => string): Map<string, Candidate[]> {
  const byKey = new Map<string, Candidate[]>();
  for (const c of candidates) {
    const key = keyOf(c.request);
    const list = byKey.get(key);
    if (list) list.push(c);
    else byKey.set(key, [c]);
  }
  for (const list of byKey.values()) list.sort((a, b) => a.request.time - b.request.time);
  return byKey;
}

/** The first position in `list` (time order) whose request starts at or after `time`. */
function firstAtOrAfter(list: Candidate[], time: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid].request.time < time) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Sets `preflightFor` (and `resourceType: 'preflight'`) on each preflight it can pair: the
 * nearest untaken request of the asked method to the same URL within the window, the earlier
 * in the file on a tie. Linear in the file: candidates are indexed by URL and method once, and
 * each preflight looks only inside its time window (a 100,000-entry file has URLs polled
 * thousands of times).
 */
export function pairPreflights(records: EntryRecord[]): void {
  const requests = records.filter((r): r is RequestRecord => r.type === 'request');
  const ids = new Set(requests.map((r) => r.id));
  const taken = new Set<string>();
  for (const r of requests)
    if (r.preflightFor !== undefined && ids.has(r.preflightFor)) taken.add(r.preflightFor);
  const preflights: RequestRecord[] = [];
  const candidates: Candidate[] = [];
  requests.forEach((r, order) => {
    if (isPreflight(r)) preflights.push(r);
    else candidates.push({ request: r, order });
  });
  const byUrl = index(candidates, (r) => r.url);
  const byUrlAndMethod = index(candidates, (r) => `${r.method} ${r.url}`);
  for (const preflight of preflights) {
    preflight.resourceType = 'preflight';
    if (preflight.preflightFor !== undefined && ids.has(preflight.preflightFor)) continue;
    preflight.preflightFor = undefined;
    const method = getHeader(preflight.headers, 'access-control-request-method')?.trim();
    const list =
      (method === undefined ? byUrl.get(preflight.url) : byUrlAndMethod.get(`${method} ${preflight.url}`)) ??
      [];
    let best: Candidate | undefined;
    let bestGap = Infinity;
    for (let i = firstAtOrAfter(list, preflight.time - CLOCK_SLACK_MS); i < list.length; i++) {
      const candidate = list[i];
      const gap = candidate.request.time - preflight.time;
      // Time order: past the window, or farther than the best so far, nothing nearer follows.
      if (gap > PAIR_WINDOW_MS || gap > bestGap) break;
      if (taken.has(candidate.request.id)) continue;
      const distance = Math.abs(gap);
      if (distance < bestGap || (distance === bestGap && best && candidate.order < best.order)) {
        best = candidate;
        bestGap = distance;
      }
    }
    if (best) {
      preflight.preflightFor = best.request.id;
      taken.add(best.request.id);
    }
  }
}
