/**
 * A tab's recording is bounded in memory: beyond the bound, new frames are recorded without
 * their payload (size kept, marked truncated) and counted in a `capture.dropped`; no event is
 * lost and nothing recorded before changes. "Keep everything" (settings, `storage.local`) lifts
 * the bound. IndexedDB is replaced by memory; storage is WXT's fake browser.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { ChannelFrame, RecordedEvent } from '../../core/events';
import { KEEP_EVERYTHING_KEY } from '../../core/protocol';
import { MemoryBound, estimateSize, watchKeepEverything } from '../../recorder/memory-bound';
import { TabRecording } from '../../recorder/tab-recording';

const db = vi.hoisted(() => ({ rows: [] as RecordedEvent[] }));

vi.mock('../../recorder/event-store', () => ({
  appendEvents: async (_tabId: number, events: RecordedEvent[]) => {
    for (const e of events) db.rows.push(e);
  },
  lastEvent: async () => db.rows.at(-1),
  loadEventsPage: async () => [],
  deleteEvents: async () => {
    db.rows.length = 0;
  },
  loadTabState: async () => undefined,
  saveTabState: async () => undefined,
  deleteTabState: async () => undefined,
}));

const frame = (i: number): ChannelFrame & { time: number } => ({
  kind: 'channel.frame',
  channelId: 'ws1',
  direction: 'receive',
  opcode: 1,
  data: `${i}:`.padEnd(1000, 'x'),
  size: 1000,
  time: Date.now(),
});
const FRAME_BYTES = estimateSize(frame(0));

async function recordFrames(keep: () => boolean, count: number) {
  const rec = await TabRecording.restore(1, {
    reloadTab: async () => undefined,
    memory: { limit: 10 * FRAME_BYTES, keepEverything: keep },
  });
  await rec.start(false);
  rec.addPageEvents(
    Array.from({ length: count }, (_, i) => frame(i)),
    0,
  );
  await vi.advanceTimersByTimeAsync(1100);
  const frames = db.rows.filter((e): e is RecordedEvent & ChannelFrame => e.kind === 'channel.frame');
  const dropped = db.rows.filter((e) => e.kind === 'capture.dropped');
  return { frames, dropped };
}

beforeEach(() => {
  vi.useFakeTimers();
  db.rows.length = 0;
  fakeBrowser.reset();
});
afterEach(() => vi.useRealTimers());

describe('per-tab memory bound', () => {
  it('keeps every frame, drops the payloads of those beyond the bound and counts them', async () => {
    const { frames, dropped } = await recordFrames(() => false, 30);
    expect(frames).toHaveLength(30);
    const full = frames.filter((f) => f.data.length === 1000);
    const stubs = frames.filter((f) => f.data === '');
    // The bound is reached a little before ten frames (the record action counts too).
    expect(full.length).toBeGreaterThanOrEqual(9);
    expect(full.length).toBeLessThanOrEqual(10);
    expect(full.map((f) => f.data.split(':')[0])).toEqual(full.map((_, i) => String(i)));
    expect(stubs).toHaveLength(30 - full.length);
    for (const s of stubs) expect(s).toMatchObject({ truncated: true, size: 1000 });
    expect(dropped).toHaveLength(1);
    expect(dropped[0]).toMatchObject({
      payloads: stubs.length,
      reason: expect.stringMatching(/Keep everything/),
    });
  });

  it('keeps every payload with "Keep everything" on', async () => {
    const { frames, dropped } = await recordFrames(() => true, 30);
    expect(frames.every((f) => f.data.length === 1000)).toBe(true);
    expect(dropped).toEqual([]);
  });

  it('follows the "Keep everything" setting in storage', async () => {
    watchKeepEverything();
    const reports: unknown[] = [];
    const bound = new MemoryBound((body) => reports.push(body), { limit: 0 });
    expect(bound.admit(frame(1))).toMatchObject({ data: '' });
    await fakeBrowser.storage.local.set({ [KEEP_EVERYTHING_KEY]: true });
    expect(bound.admit(frame(2))).toMatchObject({ data: frame(2).data });
    await fakeBrowser.storage.local.set({ [KEEP_EVERYTHING_KEY]: false });
    expect(bound.admit(frame(3))).toMatchObject({ data: '' });
    bound.flushReport();
    expect(reports).toEqual([expect.objectContaining({ kind: 'capture.dropped', payloads: 2 })]);
  });
});
