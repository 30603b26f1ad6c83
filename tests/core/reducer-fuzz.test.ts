/**
 * The reducer under generated hostile logs (`hostile-events.ts`): 8,000 logs of every event kind,
 * page ids colliding with CDP ids, extreme numbers, unicode, repeated and backward seqs, applied
 * in batches. Nothing throws; every request and socket CDP reported is there with CDP's URL,
 * method, status and verdict whatever the page sent; a CDP socket holds only CDP's frames; the
 * timeline holds one row per record and stays in order.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RecordedEvent } from '../../core/events';
import { Recording } from '../../core/reducer';
import { rowBefore } from '../../core/timeline-order';
import { hostileLog } from './hostile-events';

interface CdpRequest {
  url: string;
  method: string;
  status?: { value: number };
  end?: RecordedEvent & ({ kind: 'request.failed' } | { kind: 'request.finished' });
}

/** What CDP alone said, replaying the reducer's seq rule (an event not above the last is skipped). */
function cdpTruth(events: readonly RecordedEvent[]) {
  const requests = new Map<string, CdpRequest>();
  const channels = new Map<string, string>();
  const frameSeqs = new Set<number>();
  let last = Number.NEGATIVE_INFINITY;
  let finiteTimes = true;
  for (const ev of events) {
    if (ev.seq <= last) continue;
    last = ev.seq;
    finiteTimes &&= Number.isFinite(ev.time);
    if (ev.source !== 'cdp') continue;
    const known =
      ev.kind.startsWith('request.') && 'requestId' in ev && ev.requestId !== undefined
        ? requests.get(ev.requestId)
        : undefined;
    if (ev.kind === 'request.start') {
      if (known) Object.assign(known, { url: ev.url, method: ev.method });
      else requests.set(ev.requestId, { url: ev.url, method: ev.method });
    } else if (ev.kind === 'request.response' && known) known.status = { value: ev.status };
    else if ((ev.kind === 'request.failed' || ev.kind === 'request.finished') && known) known.end = ev;
    else if (ev.kind === 'channel.created' && !channels.has(ev.channelId)) channels.set(ev.channelId, ev.url);
    else if (ev.kind === 'channel.frame' && channels.has(ev.channelId)) frameSeqs.add(ev.seq);
  }
  return { requests, channels, frameSeqs, finiteTimes };
}

function checkTimeline(rec: Recording, ordered: boolean): void {
  const seen = new Set<string>();
  for (const row of rec.timeline) {
    const key = `${row.type} ${row.id}`;
    expect(seen.has(key), key).toBe(false);
    seen.add(key);
    if (row.type === 'request') expect(rec.requests.has(row.id)).toBe(true);
    if (row.type === 'channel') expect(rec.channels.has(row.id)).toBe(true);
    if (row.type === 'exception') expect(rec.exceptions.has(row.id)).toBe(true);
  }
  for (const r of rec.requests.values())
    if (r.preflightFor === undefined) expect(seen.has(`request ${r.id}`), r.id).toBe(true);
  for (const c of rec.channels.values()) expect(seen.has(`channel ${c.id}`)).toBe(true);
  for (const x of rec.exceptions.values()) expect(seen.has(`exception ${x.id}`)).toBe(true);
  if (ordered)
    for (let i = 1; i < rec.timeline.length; i++)
      expect(rowBefore(rec.timeline[i], rec.timeline[i - 1])).toBe(false);
}

describe('reducer fuzzing', () => {
  it('6,000 hostile page + CDP logs: no throw, every CDP record as CDP reported it, a consistent timeline', () => {
    fc.assert(
      fc.property(hostileLog(), ({ events, batches }) => {
        const rec = new Recording();
        for (const batch of batches) rec.apply(batch);
        const truth = cdpTruth(events);
        for (const [id, want] of truth.requests) {
          const got = rec.requests.get(id);
          expect(got, id).toBeDefined();
          expect(got!.source).toBe('cdp');
          expect(got!.url).toBe(want.url);
          expect(got!.method).toBe(want.method);
          if (want.status) expect(got!.status).toBe(want.status.value);
          if (want.end?.kind === 'request.finished') expect(got!.state).toBe('done');
          if (want.end?.kind === 'request.failed') {
            expect(got!.state).toBe('failed');
            expect(got!.failure?.errorText).toBe(want.end.errorText);
            expect(got!.failure?.cors).toEqual(want.end.cors);
          }
        }
        for (const [id, url] of truth.channels) {
          const got = rec.channels.get(id);
          expect(got?.url).toBe(url);
          for (const f of got!.frames) expect(truth.frameSeqs.has(f.seq)).toBe(true);
        }
        checkTimeline(rec, truth.finiteTimes);
        expect(rec.eventCount).toBeLessThanOrEqual(events.length);
      }),
      { numRuns: 6_000 },
    );
  }, 60_000);

  it('2,000 hostile logs with HAR events too, applied whole and in batches: no throw, the same model', () => {
    fc.assert(
      fc.property(hostileLog({ withHar: true }), ({ events, batches }) => {
        const whole = new Recording();
        whole.apply(events);
        const batched = new Recording();
        for (const batch of batches) batched.apply(batch);
        checkTimeline(whole, false);
        expect(batched.timeline).toEqual(whole.timeline);
        expect([...batched.requests.keys()]).toEqual([...whole.requests.keys()]);
        expect(batched.capture).toEqual(whole.capture);
      }),
      { numRuns: 2_000 },
    );
  }, 60_000);
});
