// @vitest-environment happy-dom
/**
 * A long recording reaches the panel through IndexedDB, not the port: when the recorder's
 * snapshot says `stored`, the panel reads the saved events itself, page after page, applies the
 * events the port brought meanwhile after them, each once and in order, and derives findings once
 * the read is done. A newer snapshot or a clear stops a read; a failed read is shown.
 */
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import type { RecordedEvent } from '~/core/events';
import { useRecordingStore } from '~/stores/recording';
import type { StoredReader } from '~/stores/stored-log';
import { FakeRecorderLink, manualFrames } from './fixtures/fake-recorder-link';
import { status, TAB_ID } from './fixtures/seed-events';

const action = (seq: number): RecordedEvent => ({
  kind: 'user.action',
  action: `a${seq}`,
  seq,
  time: 1_000 + seq,
  source: 'user',
});
const actions = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => action(from + i));

/** A fake IndexedDB: the stored events; each page read waits until the test releases it. */
function fakeStore(stored: RecordedEvent[]) {
  const reads: Array<{ after: number; upTo: number; limit: number; release(fail?: Error): void }> = [];
  const read: StoredReader = (tabId, after, upTo, limit) => {
    expect(tabId).toBe(TAB_ID);
    return new Promise((resolve, reject) =>
      reads.push({
        after,
        upTo,
        limit,
        release: (fail) =>
          fail ? reject(fail) : resolve(stored.filter((e) => e.seq > after && e.seq <= upTo).slice(0, limit)),
      }),
    );
  };
  return { read, reads };
}

/** Lets promise chains run. */
async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) await Promise.resolve();
}

function setup(stored: RecordedEvent[]) {
  const link = new FakeRecorderLink();
  const frames = manualFrames();
  const db = fakeStore(stored);
  const store = useRecordingStore();
  store.attach(link, TAB_ID, { scheduleFrame: frames.schedule, readStored: db.read, sourceMaps: null });
  return { link, frames, db, store };
}

/** Releases page reads until none is waiting. */
async function releaseAll(db: ReturnType<typeof fakeStore>): Promise<void> {
  await settle();
  while (db.reads.length > 0) {
    db.reads.shift()!.release();
    await settle();
  }
}

describe('recording store: a long recording read from IndexedDB', () => {
  beforeEach(() => setActivePinia(createPinia()));

  it('reads the stored events in pages, then what the port brought meanwhile, each once and in order', async () => {
    const { link, frames, db, store } = setup(actions(1, 60_010));
    link.deliver({ type: 'snapshot', status: status(false), events: [], stored: 60_000 });
    // Live events saved meanwhile; the first overlaps what the read will bring.
    link.deliver({ type: 'events', tabId: TAB_ID, events: actions(59_999, 60_005) });
    await settle();
    expect(db.reads[0]).toMatchObject({ after: 0, upTo: 60_000, limit: 5000 });
    db.reads.shift()!.release();
    await settle();
    frames.run();
    // The first page shows at once; findings wait for the whole recording.
    expect(store.recording.eventCount).toBe(5000);
    expect(store.findingsPending).toBe(true);
    expect(db.reads[0]).toMatchObject({ after: 5000, upTo: 60_000, limit: 50_000 });
    const before = store.version;
    await releaseAll(db);
    expect(store.events().map((e) => e.seq)).toEqual(actions(1, 60_005).map((e) => e.seq));
    expect(store.recording.eventCount).toBe(60_005);
    // The whole recording is published at once, without waiting for a frame; findings a task later.
    expect(store.version).toBeGreaterThan(before);
    expect(store.findingsPending).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 0));
    frames.run();
    expect(store.findingsPending).toBe(false);
    // After the read, the port's events are applied as they come.
    link.deliver({ type: 'events', tabId: TAB_ID, events: actions(60_006, 60_006) });
    expect(store.events().at(-1)?.seq).toBe(60_006);
  });

  it('a reconnect reads only what follows its last seq', async () => {
    const { link, frames, db, store } = setup(actions(1, 30_000));
    link.deliver({ type: 'snapshot', status: status(false), events: actions(1, 100) });
    frames.run();
    link.deliver({ type: 'snapshot', status: status(false), events: [], fromSeq: 100, stored: 30_000 });
    await settle();
    expect(db.reads[0]).toMatchObject({ after: 100, upTo: 30_000 });
    await releaseAll(db);
    expect(store.events().map((e) => e.seq)).toEqual(actions(1, 30_000).map((e) => e.seq));
  });

  it('stops a read on a newer snapshot and on clear', async () => {
    const { link, db, store } = setup(actions(1, 30_000));
    link.deliver({ type: 'snapshot', status: status(false), events: [], stored: 30_000 });
    await settle();
    const stale = db.reads.shift()!;
    link.deliver({ type: 'snapshot', status: status(false), events: actions(1, 3) });
    stale.release();
    await settle();
    expect(db.reads).toHaveLength(0);
    expect(store.events().map((e) => e.seq)).toEqual([1, 2, 3]);

    link.deliver({ type: 'snapshot', status: status(false), events: [], stored: 30_000 });
    await settle();
    const cleared = db.reads.shift()!;
    store.clear();
    cleared.release();
    await settle();
    expect(db.reads).toHaveLength(0);
    expect(store.events()).toEqual([]);
    link.deliver({ type: 'events', tabId: TAB_ID, events: actions(30_001, 30_001) });
    expect(store.events().map((e) => e.seq)).toEqual([30_001]);
  });

  it('says so when the stored recording cannot be read, and keeps what came through the port', async () => {
    const { link, db, store } = setup(actions(1, 30_000));
    link.deliver({ type: 'snapshot', status: status(false), events: [], stored: 30_000 });
    link.deliver({ type: 'events', tabId: TAB_ID, events: actions(30_001, 30_002) });
    await settle();
    db.reads.shift()!.release(new Error('UnknownError: disk gone'));
    await settle();
    expect(store.errors.at(-1)).toContain('disk gone');
    expect(store.events().map((e) => e.seq)).toEqual([30_001, 30_002]);
  });
});
