/**
 * The linear preflight pairing keeps the behaviour of the quadratic one it replaced (kept here
 * as the reference), on generated files with few URLs, equal times and both clock orders; and
 * the CORS occurrences, derived once per recording state, follow the recording as it grows.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RecordedEvent } from '../../../core/events';
import { getHeader } from '../../../core/headers';
import { isPreflight, pairPreflights } from '../../../core/har/pair-preflights';
import type { RequestRecord } from '../../../core/har/read-entry';
import { Recording } from '../../../core/reducer';
import { corsOccurrences } from '../../../core/rules/cors-occurrences';

/** The pairing as it was before issue 13: every preflight against every request. */
function quadratic(requests: RequestRecord[]): void {
  const ids = new Set(requests.map((r) => r.id));
  const taken = new Set<string>();
  for (const r of requests)
    if (r.preflightFor !== undefined && ids.has(r.preflightFor)) taken.add(r.preflightFor);
  for (const preflight of requests) {
    if (!isPreflight(preflight)) continue;
    preflight.resourceType = 'preflight';
    if (preflight.preflightFor !== undefined && ids.has(preflight.preflightFor)) continue;
    preflight.preflightFor = undefined;
    const method = getHeader(preflight.headers, 'access-control-request-method')?.trim();
    let best: RequestRecord | undefined;
    for (const actual of requests) {
      if (actual === preflight || taken.has(actual.id) || isPreflight(actual) || actual.url !== preflight.url)
        continue;
      if (method !== undefined && actual.method !== method) continue;
      const gap = actual.time - preflight.time;
      if (gap < -1000 || gap > 10_000) continue;
      if (!best || Math.abs(gap) < Math.abs(best.time - preflight.time)) best = actual;
    }
    if (best) {
      preflight.preflightFor = best.id;
      taken.add(best.id);
    }
  }
}

const record = fc.record({
  url: fc.constantFrom('https://a.test/x', 'https://a.test/y', 'https://b.test/x'),
  method: fc.constantFrom('GET', 'PUT', 'POST', 'OPTIONS'),
  asks: fc.option(fc.constantFrom('PUT', ' POST ', 'post', 'GET'), { nil: undefined }),
  preflightType: fc.boolean(),
  time: fc.integer({ min: 0, max: 30 }).map((t) => t * 500),
  ownLink: fc.option(fc.nat({ max: 30 }), { nil: undefined }),
});

function records(shapes: Array<typeof record extends fc.Arbitrary<infer T> ? T : never>): RequestRecord[] {
  return shapes.map(
    (s, i) =>
      ({
        type: 'request',
        index: i,
        id: `r${i}`,
        url: s.url,
        method: s.method,
        time: s.time,
        duration: 1,
        status: 200,
        statusText: '',
        headers: s.asks === undefined ? {} : { 'Access-Control-Request-Method': s.asks },
        responseHeaders: {},
        resourceType: s.preflightType && s.method === 'OPTIONS' ? 'preflight' : 'fetch',
        preflightFor: s.ownLink === undefined ? undefined : `r${s.ownLink}`,
        bodyBase64: false,
        bodyTruncated: false,
      }) as RequestRecord,
  );
}

describe('linear preflight pairing', () => {
  it('pairs exactly as the quadratic pairing did', () => {
    fc.assert(
      fc.property(fc.array(record, { maxLength: 40 }), (shapes) => {
        const fast = records(shapes);
        const reference = records(shapes);
        pairPreflights(fast);
        quadratic(reference);
        expect(fast.map((r) => [r.preflightFor, r.resourceType])).toEqual(
          reference.map((r) => [r.preflightFor, r.resourceType]),
        );
      }),
      { numRuns: 2000 },
    );
  });
});

describe('CORS occurrences, derived once per recording state', () => {
  const start = (seq: number, id: string, url: string): RecordedEvent =>
    ({
      kind: 'request.start',
      seq,
      time: seq,
      source: 'cdp',
      requestId: id,
      url,
      method: 'GET',
      headers: { Origin: 'https://app.test' },
      resourceType: 'fetch',
    }) as RecordedEvent;
  const failed = (seq: number, id: string): RecordedEvent =>
    ({
      kind: 'request.failed',
      seq,
      time: seq,
      source: 'cdp',
      requestId: id,
      errorText: 'net::ERR_FAILED',
      cors: { corsError: 'MissingAllowOriginHeader', failedParameter: '' },
    }) as RecordedEvent;

  it('follows the recording as events arrive, and a caller cannot spoil the shared answer', () => {
    const rec = new Recording();
    rec.apply([start(1, 'a', 'https://api.test/a'), failed(2, 'a')]);
    const first = corsOccurrences(rec);
    expect(first.map((o) => o.request.id)).toEqual(['a']);
    first.pop();
    expect(corsOccurrences(rec)).toHaveLength(1);
    rec.apply([start(3, 'b', 'https://api.test/b')]);
    expect(corsOccurrences(rec)).toHaveLength(1);
    rec.apply([failed(4, 'b')]);
    expect(corsOccurrences(rec).map((o) => o.request.id)).toEqual(['a', 'b']);
  });
});
