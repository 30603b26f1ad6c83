/**
 * `readStoredLog` (stores/stored-log.ts): the next page of a stored recording is asked of
 * IndexedDB before the current page is applied, so the database reads while the panel folds.
 */
import { describe, expect, it } from 'vitest';
import type { RecordedEvent } from '~/core/events';
import { readStoredLog, type StoredReader } from '~/stores/stored-log';

const action = (seq: number): RecordedEvent => ({
  kind: 'user.action',
  action: `a${seq}`,
  seq,
  time: 1_000 + seq,
  source: 'user',
});

function store(count: number) {
  const stored = Array.from({ length: count }, (_, i) => action(i + 1));
  const asked: Array<{ after: number; limit: number }> = [];
  const read: StoredReader = async (_tab, after, upTo, limit) => {
    asked.push({ after, limit });
    return stored.filter((e) => e.seq > after && e.seq <= upTo).slice(0, limit);
  };
  return { read, asked };
}

describe('readStoredLog', () => {
  it('asks for the next page before applying the current one, and applies every event once in order', async () => {
    const { read, asked } = store(120_000);
    const applied: number[] = [];
    const askedWhenApplied: number[] = [];
    const done = await readStoredLog({
      read,
      tabId: 1,
      after: 0,
      upTo: 110_000,
      apply: (events) => {
        askedWhenApplied.push(asked.length);
        for (const e of events) applied.push(e.seq);
      },
      current: () => true,
    });
    expect(done).toBe(true);
    expect(applied).toEqual(Array.from({ length: 110_000 }, (_, i) => i + 1));
    expect(asked).toEqual([
      { after: 0, limit: 5000 },
      { after: 5000, limit: 50_000 },
      { after: 55_000, limit: 50_000 },
      { after: 105_000, limit: 50_000 },
    ]);
    // Page n is applied while page n + 1 is being read; the last page has nothing after it.
    expect(askedWhenApplied).toEqual([2, 3, 4, 4]);
  });

  it('stops when no longer current, applying nothing more, and a failed read ahead goes unreported', async () => {
    let live = true;
    let reads = 0;
    const read: StoredReader = async (_tab, after, _upTo, limit) => {
      if (++reads > 1) throw new Error('database closed');
      return Array.from({ length: limit }, (_, i) => action(after + i + 1));
    };
    const applied: number[] = [];
    const done = await readStoredLog({
      read,
      tabId: 1,
      after: 0,
      upTo: 100_000,
      apply: (events) => {
        applied.push(events.length);
        live = false;
      },
      current: () => live,
    });
    expect(done).toBe(false);
    expect(applied).toEqual([5000]);
  });

  it('rejects with the error of a failed read while current', async () => {
    const read: StoredReader = () => Promise.reject(new Error('UnknownError: disk gone'));
    await expect(
      readStoredLog({ read, tabId: 1, after: 0, upTo: 10, apply: () => undefined, current: () => true }),
    ).rejects.toThrow('disk gone');
  });
});
