import { describe, expect, it } from 'vitest';
import type { RecordedEvent } from '~/core/events';
import { Recording } from '~/core/reducer';
import { TimelineSearchIndex, queryWords } from '~/core/timeline-filter';
import { refreshEvents, snapshotEvents, socketEvents } from '../stores/fixtures/seed-events';

function seed(): Recording {
  const rec = new Recording();
  rec.apply([...snapshotEvents(), ...refreshEvents(), ...socketEvents()]);
  return rec;
}
const keys = (items: ReadonlyArray<{ type: string; id: string }>) => items.map((i) => `${i.type}:${i.id}`);

describe('TimelineSearchIndex', () => {
  it('returns the timeline itself for an empty or blank query', () => {
    const rec = seed();
    const index = new TimelineSearchIndex(rec);
    expect(index.filter(rec.timeline, '')).toBe(rec.timeline);
    expect(index.filter(rec.timeline, '   ')).toBe(rec.timeline);
    expect(queryWords('  POST  Refresh ')).toEqual(['post', 'refresh']);
  });

  it('matches URL, method and message case-insensitively, every word required', () => {
    const rec = seed();
    const index = new TimelineSearchIndex(rec);
    expect(keys(index.filter(rec.timeline, 'REFRESH'))).toEqual(['request:r2']);
    expect(keys(index.filter(rec.timeline, 'post refresh'))).toEqual(['request:r2']);
    expect(keys(index.filter(rec.timeline, 'get refresh'))).toEqual([]);
    expect(keys(index.filter(rec.timeline, 'auth context'))).toEqual(['exception:x6']);
    expect(keys(index.filter(rec.timeline, 'websocket'))).toEqual(['channel:ws1']);
  });

  it('finds an item whose request arrived after the first search', () => {
    const rec = new Recording();
    rec.apply(snapshotEvents());
    const index = new TimelineSearchIndex(rec);
    expect(keys(index.filter(rec.timeline, 'refresh'))).toEqual([]);
    rec.apply(refreshEvents());
    expect(keys(index.filter(rec.timeline, 'refresh'))).toEqual(['request:r2']);
  });

  it('filters 100,000 items and keeps their order', () => {
    const events: RecordedEvent[] = [];
    for (let i = 0; i < 100_000; i++)
      events.push({
        kind: 'request.start',
        requestId: `q${i}`,
        url: `http://127.0.0.1/api/${i % 10 === 0 ? 'orders' : 'items'}/${i}`,
        method: 'GET',
        headers: {},
        resourceType: 'fetch',
        seq: i + 1,
        time: i,
        source: 'cdp',
      });
    const rec = new Recording();
    rec.apply(events);
    const found = new TimelineSearchIndex(rec).filter(rec.timeline, 'orders');
    expect(found).toHaveLength(10_000);
    expect(found[1]).toMatchObject({ id: 'q10' });
  });
});
