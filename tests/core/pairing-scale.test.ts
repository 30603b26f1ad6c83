/**
 * The page can forge any number of reports of one URL, dated anywhere in the last hour. Pairing
 * (`core/pairing.ts`) and the timeline's order (`core/timeline-order.ts`) must stay near-linear:
 * 100,000 forged same-URL requests fold in seconds (the quadratic pairing took minutes), and
 * both keep their meaning, checked against brute-force references on generated inputs.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RecordedEvent } from '../../core/events';
import type { TimelineItem } from '../../core/model';
import { Pairing } from '../../core/pairing';
import { Recording } from '../../core/reducer';
import { TimelineOrder, rowBefore } from '../../core/timeline-order';

const MEMORY_MS = 60_000;

/** What `Pairing` means, by brute force: nearest report of the other side; ties: earlier, then first. */
class ReferencePairing {
  private waiting: Array<{ key: string; id: string; time: number; fromPage: boolean; n: number }> = [];
  private arrivals = 0;
  constructor(private readonly windowMs: number) {}

  pair(key: string, id: string, time: number, fromPage: boolean): string | undefined {
    this.waiting = this.waiting.filter((c) => c.key !== key || c.time >= time - MEMORY_MS);
    const fits = this.waiting
      .filter((c) => c.key === key && c.fromPage !== fromPage && Math.abs(c.time - time) <= this.windowMs)
      .sort((a, b) => Math.abs(a.time - time) - Math.abs(b.time - time) || a.time - b.time || a.n - b.n);
    if (fits.length > 0) {
      this.waiting = this.waiting.filter((c) => c !== fits[0]);
      return fits[0].id;
    }
    this.waiting.push({ key, id, time, fromPage, n: this.arrivals++ });
    return undefined;
  }
}

function forgedRequests(n: number, timeOf: (i: number) => number): RecordedEvent[] {
  const events: RecordedEvent[] = [];
  for (let i = 0; i < n; i++)
    events.push({
      kind: 'request.start',
      requestId: `page:${i}`,
      url: 'http://127.0.0.1:8000/api/same',
      method: 'GET',
      headers: {},
      resourceType: 'fetch',
      seq: i + 1,
      time: timeOf(i),
      source: 'page',
    });
  return events;
}

function expectOrdered(rows: readonly TimelineItem[]): void {
  for (let i = 1; i < rows.length; i++) expect(rowBefore(rows[i], rows[i - 1])).toBe(false);
}

describe('pairing at scale', () => {
  it('pairs exactly as the brute-force reference on generated report streams', () => {
    const report = fc.record({
      key: fc.constantFrom('GET a', 'GET b'),
      time: fc.oneof(fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 200_000 })),
      fromPage: fc.boolean(),
    });
    fc.assert(
      fc.property(
        fc.array(report, { maxLength: 1200 }),
        fc.integer({ min: 0, max: 3000 }),
        (reports, windowMs) => {
          const pairing = new Pairing(windowMs);
          const reference = new ReferencePairing(windowMs);
          reports.forEach((r, i) => {
            expect(pairing.pair(r.key, `r${i}`, r.time, r.fromPage)).toBe(
              reference.pair(r.key, `r${i}`, r.time, r.fromPage),
            );
          });
        },
      ),
      { numRuns: 60 },
    );
    // Long streams of one key in a narrow time span: sides beyond one block of reports.
    const crowded = fc.record({
      time: fc.integer({ min: 0, max: 300 }),
      fromPage: fc.integer({ min: 0, max: 9 }).map((n) => n < 8),
    });
    fc.assert(
      fc.property(fc.array(crowded, { minLength: 1500, maxLength: 2500 }), (reports) => {
        const pairing = new Pairing(2);
        const reference = new ReferencePairing(2);
        reports.forEach((r, i) => {
          expect(pairing.pair('k', `r${i}`, r.time, r.fromPage)).toBe(
            reference.pair('k', `r${i}`, r.time, r.fromPage),
          );
        });
      }),
      { numRuns: 8 },
    );
    // Many keys with a report or two each: the lone report waiting under a key, then its sides.
    const sparse = fc.record({
      key: fc.integer({ min: 0, max: 60 }).map((k) => `GET /${k}`),
      time: fc.oneof(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 150_000 })),
      fromPage: fc.boolean(),
    });
    fc.assert(
      fc.property(
        fc.array(sparse, { maxLength: 400 }),
        fc.integer({ min: 0, max: 70_000 }),
        (reports, windowMs) => {
          const pairing = new Pairing(windowMs);
          const reference = new ReferencePairing(windowMs);
          reports.forEach((r, i) => {
            expect(pairing.pair(r.key, `r${i}`, r.time, r.fromPage)).toBe(
              reference.pair(r.key, `r${i}`, r.time, r.fromPage),
            );
          });
        },
      ),
      { numRuns: 60 },
    );
  });

  it('folds 100,000 forged page requests to one URL, with and without a CDP twin, in seconds', () => {
    const started = performance.now();
    // One time for all (the case that made each report scan every earlier one)...
    const same = new Recording();
    same.apply(forgedRequests(100_000, () => 1_000));
    // ...and times scattered over a minute, applied in the recorder's batches.
    const scattered = new Recording();
    const events = forgedRequests(100_000, (i) => 1_000 + ((i * 7919) % 60_000));
    for (let i = 0; i < events.length; i += 1000) scattered.apply(events.slice(i, i + 1000));
    const elapsed = performance.now() - started;
    expect(same.requests.size).toBe(100_000);
    expect(scattered.timeline).toHaveLength(100_000);
    expectOrdered(scattered.timeline);
    // A CDP request of that URL still finds its page twin among them.
    scattered.apply([
      {
        kind: 'request.start',
        requestId: '1.1',
        url: 'http://127.0.0.1:8000/api/same',
        method: 'GET',
        headers: {},
        resourceType: 'fetch',
        seq: 200_000,
        time: 30_000,
        source: 'cdp',
      },
    ]);
    expect(scattered.requests.size).toBe(100_000);
    expect(scattered.requests.get('1.1')?.source).toBe('cdp');
    // Generous: the quadratic pairing took over a minute for the first alone; here ~2 s.
    expect(elapsed).toBeLessThan(20_000);
  }, 60_000);
});

describe('timeline order', () => {
  it('ends every batch sorted, with the rows inserted and not removed, whatever order times come in', () => {
    const op = fc.oneof(
      fc.record({ insert: fc.integer({ min: 0, max: 50 }) }),
      fc.record({ remove: fc.nat() }),
      fc.constant('flush' as const),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 300 }), (ops) => {
        const rows: TimelineItem[] = [];
        const order = new TimelineOrder(rows);
        const live = new Map<string, TimelineItem>();
        let seq = 0;
        for (const o of ops) {
          if (o === 'flush') {
            order.flush();
            expectOrdered(rows);
            expect(rows.length).toBe(live.size);
          } else if ('insert' in o) {
            const row: TimelineItem = { type: 'request', id: `r${++seq}`, time: o.insert, seq };
            live.set(row.id, row);
            order.insert(row);
          } else if (live.size > 0) {
            const row = [...live.values()][o.remove % live.size];
            live.delete(row.id);
            order.remove(row.type, row.id, row.time, row.seq);
          }
        }
        order.flush();
        const expected = [...live.values()].sort((a, b) => a.time - b.time || a.seq - b.seq);
        expect(rows).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});
