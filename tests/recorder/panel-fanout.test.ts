/**
 * Live events reach panels in few messages (at most one per `LIVE_MS` while a page is busy), and
 * never out of order with anything else a panel is sent: a status, an error or a snapshot goes
 * after the live events made before it.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Browser } from 'wxt/browser';
import type { RecordedEvent } from '../../core/events';
import type { RecorderStatus, RecorderToPanel } from '../../core/protocol';
import { LIVE_MS, PanelFanout } from '../../recorder/panel-fanout';

type Port = Browser.runtime.Port;

function fakePort(): { port: Port; got: RecorderToPanel[] } {
  const got: RecorderToPanel[] = [];
  const port = {
    postMessage: (msg: RecorderToPanel) => got.push(msg),
    onDisconnect: { addListener: () => undefined },
  } as unknown as Port;
  return { port, got };
}

const ev = (seq: number): RecordedEvent =>
  ({ kind: 'user.action', action: 'x', seq, time: seq, source: 'user' }) as RecordedEvent;
const seqs = (msgs: RecorderToPanel[]) =>
  msgs.map((m) => (m.type === 'events' ? m.events.map((e) => e.seq) : m.type));
const status = { tabId: 1, recording: true, cdp: 'attached' } as RecorderStatus;

describe('PanelFanout', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('sends the first live batch at once and gathers the next ones for LIVE_MS', () => {
    const fanout = new PanelFanout(1, () => undefined);
    const { port, got } = fakePort();
    fanout.add(port);
    fanout.live([ev(1)]);
    expect(seqs(got)).toEqual([[1]]);
    fanout.live([ev(2)]);
    fanout.live([ev(3), ev(4)]);
    expect(seqs(got)).toEqual([[1]]);
    vi.advanceTimersByTime(LIVE_MS);
    expect(seqs(got)).toEqual([[1], [2, 3, 4]]);
  });

  it('sends what waits before a status, an error or another message', () => {
    const fanout = new PanelFanout(1, () => undefined);
    const { port, got } = fakePort();
    fanout.add(port);
    fanout.live([ev(1)]);
    fanout.live([ev(2)]);
    fanout.status(status);
    fanout.live([ev(3)]);
    fanout.error('saveFailed', 'm', 'r');
    fanout.live([ev(4)]);
    fanout.post(port, { type: 'snapshot', status, events: [] });
    expect(seqs(got)).toEqual([[1], [2], 'status', [3], 'error', [4], 'snapshot']);
    vi.advanceTimersByTime(LIVE_MS * 2);
    expect(got).toHaveLength(7);
  });

  it('a panel joining gets its snapshot, not the live events made before it', () => {
    const fanout = new PanelFanout(1, () => undefined);
    const first = fakePort();
    fanout.add(first.port);
    fanout.live([ev(1)]);
    fanout.live([ev(2)]);
    const second = fakePort();
    fanout.add(second.port);
    fanout.live([ev(3)]);
    vi.advanceTimersByTime(LIVE_MS);
    expect(seqs(first.got)).toEqual([[1], [2], [3]]);
    expect(seqs(second.got)).toEqual([[3]]);
  });
});
