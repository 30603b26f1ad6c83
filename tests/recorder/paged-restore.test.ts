/**
 * After a worker restart the recorder reads the stored log in pages: panels that subscribe
 * meanwhile get what is read so far, then the rest as it comes, every event once and in seq
 * order; events recorded during the load come after the stored ones; a clear stops the load.
 * IndexedDB is replaced by memory whose page reads wait until the test lets them through.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Browser } from 'wxt/browser';
import type { RecordedEvent } from '../../core/events';
import type { RecorderToPanel } from '../../core/protocol';
import type { TabState } from '../../recorder/event-store';
import { TabRecording } from '../../recorder/tab-recording';

const db = vi.hoisted(() => {
  const rows = new Map<number, RecordedEvent[]>();
  const states = new Map<number, TabState>();
  const waiting: Array<() => void> = [];
  return {
    rows: (tabId: number) => rows.get(tabId) ?? rows.set(tabId, []).get(tabId)!,
    states,
    /** Page reads waiting for `release`. */
    waiting,
    reset() {
      rows.clear();
      states.clear();
      waiting.length = 0;
    },
  };
});

vi.mock('../../recorder/event-store', () => ({
  appendEvents: async (tabId: number, events: RecordedEvent[]) => {
    db.rows(tabId).push(...events);
  },
  lastEvent: async (tabId: number) => db.rows(tabId).at(-1),
  loadEventsPage: async (tabId: number, after: number, upTo: number, limit: number) => {
    // Read when asked (an IndexedDB transaction's snapshot), handed over when released.
    const page = db
      .rows(tabId)
      .filter((e) => e.seq > after && e.seq <= upTo)
      .slice(0, limit);
    await new Promise<void>((resolve) => db.waiting.push(resolve));
    return page;
  },
  deleteEvents: async (tabId: number) => {
    db.rows(tabId).length = 0;
  },
  loadTabState: async (tabId: number) => db.states.get(tabId),
  saveTabState: async (tabId: number, state: TabState) => {
    db.states.set(tabId, { ...state });
  },
  deleteTabState: async (tabId: number) => {
    db.states.delete(tabId);
  },
}));

const TAB = 10;
/** One first page (5,000), two full pages (20,000) and a short last one. */
const STORED = 5000 + 2 * 20_000 + 7;
const deps = { reloadTab: async () => undefined };

function store(count: number, state: Partial<TabState> = {}): void {
  const rows = db.rows(TAB);
  for (let seq = 1; seq <= count; seq++)
    rows.push({ kind: 'user.action', action: `a${seq}`, seq, time: 1000 + seq, source: 'user' });
  db.states.set(TAB, { recording: false, nextSeq: count + 1, userCanceled: false, ...state });
}

/**
 * A panel's port. A snapshot saying `stored` is followed, as in the panel (`stores/stored-log.ts`),
 * by a read of the stored events up to that seq, taken when it arrives; `events()` keeps what the
 * panel's model keeps: each seq once, in the order it came, later duplicates skipped.
 */
function panelPort() {
  const received: RecorderToPanel[] = [];
  /** What each message brought: its events, and for `stored` the stored ones read after it. */
  const brought: RecordedEvent[][] = [];
  const port = {
    postMessage: (m: RecorderToPanel) => {
      received.push(m);
      if (m.type !== 'events' && m.type !== 'snapshot') return;
      brought.push(m.events);
      if (m.type === 'snapshot' && m.stored !== undefined) {
        const { fromSeq = 0, stored } = m;
        brought.push(db.rows(TAB).filter((e) => e.seq > fromSeq && e.seq <= stored));
      }
    },
    onDisconnect: { addListener: () => undefined },
  } as unknown as Browser.runtime.Port;
  const events = () => {
    const out: RecordedEvent[] = [];
    for (const part of brought) for (const e of part) if (e.seq > (out.at(-1)?.seq ?? 0)) out.push(e);
    return out;
  };
  const seqs = () => events().map((e) => e.seq);
  return { port, received, events, seqs };
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

/** Lets promise chains run (no timers). */
async function settle(): Promise<void> {
  for (let i = 0; i < 50; i++) await Promise.resolve();
}

/** Hands over the page read now waiting. */
async function releasePage(): Promise<void> {
  await settle();
  expect(db.waiting.length).toBe(1);
  db.waiting.shift()!();
  await settle();
}

/** Restores the tab, letting its first page through. */
async function restore(): Promise<TabRecording> {
  const restoring = TabRecording.restore(TAB, deps);
  await releasePage();
  return restoring;
}

beforeEach(() => {
  vi.useFakeTimers();
  db.reset();
});
afterEach(() => vi.useRealTimers());

describe('restoring a large recording in pages', () => {
  it('sends a panel subscribing mid-load every stored event once, in order, then the new ones', async () => {
    store(STORED);
    const rec = await restore();
    const early = panelPort();
    rec.addPanel(early.port);
    // More than one chunk stored: the panel reads them from IndexedDB itself, not from the port.
    expect(early.received[0]).toMatchObject({ type: 'snapshot', events: [], stored: STORED });
    expect(early.seqs()).toEqual(range(1, STORED));

    await releasePage();
    expect(early.received).toHaveLength(1);

    // Recorded during the load: saved at once, but shown only after the stored events.
    await rec.start(false);
    await vi.advanceTimersByTimeAsync(100);
    const recordAction = db.rows(TAB).find((e) => e.kind === 'user.action' && e.action === 'record');
    expect(recordAction?.seq).toBeGreaterThan(STORED);
    expect(early.seqs().at(-1)).toBe(STORED);

    // A second panel, and a reconnecting one that holds up to 12,000.
    const late = panelPort();
    rec.addPanel(late.port);
    const catchUp = panelPort();
    rec.addPanel(catchUp.port, 12_000);
    expect(catchUp.received[0]).toMatchObject({ type: 'snapshot', fromSeq: 12_000, events: [] });
    // A reconnect missing less than a chunk gets it through the port.
    const near = panelPort();
    rec.addPanel(near.port, STORED - 10);
    expect(near.received[0]).toMatchObject({ type: 'snapshot', fromSeq: STORED - 10, stored: undefined });

    await releasePage();
    await releasePage();
    await settle();
    expect(db.waiting).toHaveLength(0);

    const all = db.rows(TAB).map((e) => e.seq);
    expect(all.length).toBeGreaterThan(STORED);
    expect(early.seqs()).toEqual(all);
    expect(late.seqs()).toEqual(all);
    expect(catchUp.seqs()).toEqual(all.filter((s) => s > 12_000));
    expect(near.seqs()).toEqual(all.filter((s) => s > STORED - 10));

    // After the load, new events go straight out; a new panel gets everything in its snapshot.
    rec.addRejected(1, 'test');
    await vi.advanceTimersByTimeAsync(100);
    const after = db.rows(TAB).map((e) => e.seq);
    expect(after.length).toBe(all.length + 1);
    expect(early.seqs()).toEqual(after);
    const fresh = panelPort();
    rec.addPanel(fresh.port);
    expect(fresh.seqs()).toEqual(after);
  });

  it('logs the gap of a restart mid-recording after the last stored event', async () => {
    // The state was saved before the last batch: seqs continue after what is stored.
    store(STORED, { recording: true, nextSeq: 40_000 });
    const rec = await restore();
    const panel = panelPort();
    rec.addPanel(panel.port);
    await vi.advanceTimersByTimeAsync(100);
    for (let i = 0; i < 3; i++) await releasePage();
    await vi.advanceTimersByTimeAsync(100);
    const seqs = panel.seqs();
    expect(seqs.slice(0, STORED)).toEqual(range(1, STORED));
    expect(new Set(seqs).size).toBe(seqs.length);
    const gap = panel.events().find((e) => e.kind === 'capture.gap');
    expect(gap?.seq).toBe(STORED + 1);
    expect(seqs).toEqual(db.rows(TAB).map((e) => e.seq));
  });

  it('stops loading on clear: panels get an empty snapshot, then only new events', async () => {
    store(STORED);
    const rec = await restore();
    const panel = panelPort();
    rec.addPanel(panel.port);
    await rec.start(false);
    const clearing = rec.clear();
    await settle();
    // The page read before the clear arrives after it: dropped, and nothing more is read.
    await releasePage();
    await clearing;
    await settle();
    expect(db.waiting).toHaveLength(0);
    expect(db.rows(TAB)).toEqual([]);
    expect(panel.received.at(-1)).toMatchObject({ type: 'snapshot', events: [] });

    rec.addRejected(1, 'after clear');
    await vi.advanceTimersByTimeAsync(100);
    const last = panel.received.at(-1);
    expect(last).toMatchObject({ type: 'events' });
    const seqs = last?.type === 'events' ? last.events.map((e) => e.seq) : [];
    expect(seqs).toHaveLength(1);
    expect(seqs[0]).toBeGreaterThan(STORED);
    const fresh = panelPort();
    rec.addPanel(fresh.port);
    expect(fresh.seqs()).toEqual(seqs);
  });

  it('restores a small recording in one page, without a load in the background', async () => {
    store(30);
    const rec = await restore();
    await settle();
    expect(db.waiting).toHaveLength(0);
    const panel = panelPort();
    rec.addPanel(panel.port);
    expect(panel.seqs()).toEqual(range(1, 30));
  });
});
