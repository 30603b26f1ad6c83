/**
 * Nothing is lost silently between the recorder and IndexedDB: a batch the browser refuses
 * (quota, disk full) is retried, then given up with a `capture.gap` naming the browser's error;
 * what never reached IndexedDB is noted in the tab's state so that a restarted worker logs the
 * gap too; a closed tab's pending writes never land after its rows are deleted.
 * IndexedDB is replaced by memory that refuses writes, or holds them, when the test says so.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Browser } from 'wxt/browser';
import type { RecordedEvent } from '../../core/events';
import type { RecorderToPanel } from '../../core/protocol';
import type { TabState } from '../../recorder/event-store';
import { RETRY_LIMIT } from '../../recorder/log-writer';
import { RealtimeRuleError } from '../../recorder/realtime-policy';
import type * as RealtimeModule from '../../recorder/realtime-policy';
import { TabRecording } from '../../recorder/tab-recording';

const db = vi.hoisted(() => {
  const rows = new Map<number, RecordedEvent[]>();
  const states = new Map<number, unknown>();
  return {
    rows: (tabId: number) => rows.get(tabId) ?? rows.set(tabId, []).get(tabId)!,
    states,
    /** While set, every append is refused with this error. */
    refuse: undefined as Error | undefined,
    /** While set, appends wait for `release` (a write in flight). */
    hold: false,
    held: [] as Array<() => void>,
    appends: 0,
    reset() {
      rows.clear();
      states.clear();
      this.refuse = undefined;
      this.hold = false;
      this.held.length = 0;
      this.appends = 0;
    },
  };
});

vi.mock('../../recorder/event-store', () => ({
  appendEvents: async (tabId: number, events: RecordedEvent[]) => {
    db.appends++;
    if (db.refuse) throw db.refuse;
    if (db.hold) await new Promise<void>((resolve) => db.held.push(resolve));
    for (const e of events) db.rows(tabId).push(e);
  },
  lastEvent: async (tabId: number) => db.rows(tabId).at(-1),
  loadEventsPage: async (tabId: number, after: number, upTo: number, limit: number) =>
    db
      .rows(tabId)
      .filter((e) => e.seq > after && e.seq <= upTo)
      .slice(0, limit),
  deleteEvents: async (tabId: number) => {
    db.rows(tabId).length = 0;
  },
  loadTabState: async (tabId: number) => structuredClone(db.states.get(tabId)),
  saveTabState: async (tabId: number, state: TabState) => {
    db.states.set(tabId, structuredClone(state));
  },
  deleteTabState: async (tabId: number) => {
    db.states.delete(tabId);
  },
}));

const policy = vi.hoisted(() => ({ refuse: false }));
vi.mock('../../recorder/realtime-policy', async (original) => {
  const real = await original<typeof RealtimeModule>();
  return {
    ...real,
    loadRealtimePolicy: async () => undefined,
    forgetRealtimePolicy: async () => undefined,
    showBadge: async () => undefined,
    enforceRealtimePolicy: async () => {
      if (policy.refuse) throw new real.RealtimeRuleError('rule refused');
    },
  };
});

const TAB = 7;
const deps = { reloadTab: async () => undefined };
const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

function panelPort() {
  const received: RecorderToPanel[] = [];
  const port = {
    postMessage: (m: RecorderToPanel) => received.push(m),
    onDisconnect: { addListener: () => undefined },
  } as unknown as Browser.runtime.Port;
  const events = () =>
    received.flatMap((m): RecordedEvent[] => (m.type === 'events' || m.type === 'snapshot' ? m.events : []));
  return { port, received, events };
}

const gaps = (events: readonly RecordedEvent[]) => events.filter((e) => e.kind === 'capture.gap');
const actions = (events: readonly RecordedEvent[]) =>
  events.flatMap((e) => (e.kind === 'user.action' ? [e.action] : []));

/** Lets promise chains run (no timers). */
async function settle(): Promise<void> {
  for (let i = 0; i < 50; i++) await Promise.resolve();
}

async function recording(): Promise<TabRecording> {
  const rec = await TabRecording.restore(TAB, deps);
  await rec.start(false);
  await vi.advanceTimersByTimeAsync(100);
  return rec;
}

beforeEach(() => {
  vi.useFakeTimers();
  db.reset();
  policy.refuse = false;
});
afterEach(() => vi.useRealTimers());

describe('a write IndexedDB refuses', () => {
  it('is retried with the next flush and lands in seq order when the browser accepts again', async () => {
    const rec = await recording();
    const panel = panelPort();
    rec.addPanel(panel.port);
    db.refuse = quota();
    rec.addRejected(1, 'first');
    await vi.advanceTimersByTimeAsync(100);
    expect(panel.received).toContainEqual(expect.objectContaining({ type: 'error', code: 'saveFailed' }));
    expect((db.states.get(TAB) as TabState).unsaved?.reason).toMatch(/QuotaExceededError/);

    db.refuse = undefined;
    rec.addRejected(1, 'second');
    // While writes fail they are tried once a second, the refused batch first.
    await vi.advanceTimersByTimeAsync(1100);
    const reasons = db.rows(TAB).flatMap((e) => (e.kind === 'capture.dropped' ? [e.reason] : []));
    expect(reasons).toEqual(['first', 'second']);
    const seqs = db.rows(TAB).map((e) => e.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(gaps(db.rows(TAB))).toEqual([]);
    expect((db.states.get(TAB) as TabState).unsaved).toBeUndefined();
    // The panel saw them once saved, never before.
    expect(panel.events().map((e) => e.seq)).toEqual(seqs);
  });

  it('is given up after the retries with a capture gap that names the browser error, shown to panels', async () => {
    const rec = await recording();
    const panel = panelPort();
    rec.addPanel(panel.port);
    db.refuse = quota();
    rec.addRejected(1, 'lost');
    // Retries come by themselves, one a second, with no new event to carry them.
    await vi.advanceTimersByTimeAsync(100 + 1000 * RETRY_LIMIT);
    db.refuse = undefined;
    await vi.advanceTimersByTimeAsync(2000);

    const stored = db.rows(TAB);
    expect(stored.some((e) => e.kind === 'capture.dropped')).toBe(false);
    const [gap] = gaps(stored);
    expect(gap).toMatchObject({ kind: 'capture.gap', reason: expect.stringMatching(/QuotaExceededError/) });
    expect(gaps(panel.events())).toEqual([gap]);
    // A panel opened now sees what is stored, the gap in place of the lost event.
    const fresh = panelPort();
    rec.addPanel(fresh.port);
    expect(fresh.events()).toEqual(stored);
    expect((db.states.get(TAB) as TabState).unsaved).toBeUndefined();
  });

  it('survives a worker restart: the restored log has a gap for what never reached IndexedDB', async () => {
    const rec = await recording();
    const before = db.rows(TAB).length;
    db.refuse = quota();
    rec.addRejected(1, 'never stored');
    await vi.advanceTimersByTimeAsync(100);
    // The worker dies here; the browser accepts writes again in the new one.
    db.refuse = undefined;
    const restored = await TabRecording.restore(TAB, deps);
    await vi.advanceTimersByTimeAsync(100);
    const panel = panelPort();
    restored.addPanel(panel.port);

    const stored = db.rows(TAB);
    expect(stored.slice(0, before).some((e) => e.kind === 'capture.gap')).toBe(false);
    const reasons = gaps(stored).map((e) => e.reason);
    expect(reasons.some((r) => /not saved/.test(r) && /QuotaExceededError/.test(r))).toBe(true);
    expect(gaps(panel.events()).map((e) => e.reason)).toEqual(reasons);
  });
});

describe('the gap of a worker restart', () => {
  it('starts early enough to cover late page events that died with the worker', async () => {
    const rec = await recording();
    await vi.advanceTimersByTimeAsync(10_000);
    // Page events come seconds late through the bridge in a flood; the browser's come at once.
    const frame = (time: number) => ({
      kind: 'channel.frame' as const,
      channelId: 'ws',
      direction: 'receive' as const,
      opcode: 1,
      data: 'x',
      size: 1,
      time,
    });
    rec.addPageEvents([frame(Date.now() - 2000)], 0);
    rec.addRejected(1, 'the last stored event');
    await vi.advanceTimersByTimeAsync(60); // stored, with the tab's state
    const lostTime = Date.now() - 2000;
    rec.addPageEvents([frame(lostTime)], 0);
    // The worker dies before the next flush.
    const restored = await TabRecording.restore(TAB, deps);
    await vi.advanceTimersByTimeAsync(100);
    const last = db.rows(TAB).find((e) => e.kind === 'capture.dropped');
    const [gap] = gaps(db.rows(TAB));
    expect(restored.recording).toBe(true);
    expect(last!.time).toBeGreaterThan(lostTime);
    expect(gap).toMatchObject({ reason: 'service worker restarted' });
    expect(gap.kind === 'capture.gap' && gap.from).toBeLessThanOrEqual(lostTime);
  });
});

describe('clearing a recording whose writes fail', () => {
  it('drops the refused events with the rest: no gap for them after a restart', async () => {
    const rec = await recording();
    db.refuse = quota();
    rec.addRejected(1, 'refused, then cleared');
    await vi.advanceTimersByTimeAsync(100);
    expect((db.states.get(TAB) as TabState).unsaved).toBeDefined();
    await rec.clear(); // its last attempt is refused too
    db.refuse = undefined;
    await vi.advanceTimersByTimeAsync(2000);
    expect((db.states.get(TAB) as TabState).unsaved).toBeUndefined();
    expect(db.rows(TAB).some((e) => e.kind === 'capture.dropped')).toBe(false);
    const restored = await TabRecording.restore(TAB, deps);
    await vi.advanceTimersByTimeAsync(100);
    expect(gaps(db.rows(TAB)).map((e) => e.reason)).toEqual(['service worker restarted']);
    expect(restored.recording).toBe(true);
  });
});

describe('closing a tab', () => {
  it('cancels its pending writes: nothing lands after its rows are deleted', async () => {
    const rec = await recording();
    rec.addRejected(1, 'in flight');
    db.hold = true;
    await vi.advanceTimersByTimeAsync(60); // the batch is being written
    expect(db.held).toHaveLength(1);
    rec.addRejected(1, 'not flushed yet');
    const disposing = rec.dispose();
    await settle(); // the delete would run now, were it not waiting for the write
    db.hold = false;
    db.held.shift()!();
    await disposing;
    await vi.advanceTimersByTimeAsync(2000);
    expect(db.rows(TAB)).toEqual([]);
    expect(db.states.has(TAB)).toBe(false);
  });
});

describe('switching real-time channels', () => {
  it('keeps the previous policy when the browser refuses the rule update', async () => {
    const rec = await recording();
    await rec.setRealtime({ allOff: true, blocked: [] });
    expect(rec.status().realtime).toEqual({ allOff: true, blocked: [] });
    policy.refuse = true;
    await expect(rec.setRealtime({ allOff: false, blocked: [] })).rejects.toBeInstanceOf(RealtimeRuleError);
    expect(rec.status().realtime).toEqual({ allOff: true, blocked: [] });
    await vi.advanceTimersByTimeAsync(100);
    // The refused switch is not recorded as done.
    expect(actions(db.rows(TAB)).filter((a) => /realtime|channel/.test(a))).toHaveLength(1);
  });
});
