// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startBridge, type RecorderPort } from '../../bridge/relay';
import { parseBridgeToRecorder } from '../../core/guards';
import type { BridgeToRecorder } from '../../core/protocol';

/** A fake recorder port at our own seam: records what the bridge posts. */
function fakePort() {
  const sent: BridgeToRecorder[] = [];
  const listeners: Array<(m: unknown) => void> = [];
  const disconnects: Array<() => void> = [];
  const port: RecorderPort = {
    postMessage: (m) => void sent.push(m),
    onMessage: { addListener: (cb) => void listeners.push(cb) },
    onDisconnect: { addListener: (cb) => void disconnects.push(cb) },
  };
  return {
    port,
    sent,
    push: (m: unknown) => listeners.forEach((l) => l(m)),
    disconnect: () => disconnects.forEach((d) => d()),
  };
}

/** happy-dom's postMessage events lack `source === window` (ENGINEERING.md): dispatch our own. */
function post(data: unknown, source: unknown = window) {
  window.dispatchEvent(new MessageEvent('message', { data, source: source as Window }));
}

const valid = (url = 'http://127.0.0.1/') => ({
  __handshake: 'probe',
  v: 1,
  type: 'events',
  overflow: 0,
  events: [{ kind: 'page.load', time: 1, url }],
});

describe('bridge relay', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('forwards valid probe events in one batch', () => {
    const f = fakePort();
    const bridge = startBridge(window, () => f.port);
    post(valid('http://a/'));
    post(valid('http://b/'));
    vi.advanceTimersByTime(150);
    expect(f.sent).toHaveLength(1);
    expect(f.sent[0]).toMatchObject({ type: 'events', events: [{ url: 'http://a/' }, { url: 'http://b/' }] });
    bridge.stop();
  });

  it('drops and counts malformed, oversized and unknown-kind messages, never forwarding them', () => {
    const f = fakePort();
    const bridge = startBridge(window, () => f.port);
    post({ ...valid(), events: [{ kind: 'page.load', time: 1, url: 'x'.repeat(200 * 1024) }] });
    post({ ...valid(), events: [{ kind: 'user.action', action: 'replay', time: 1 }] });
    post({ __handshake: 'probe', events: 'nope' });
    post(valid());
    vi.advanceTimersByTime(150);
    const events = f.sent.filter((m) => m.type === 'events');
    const rejected = f.sent.filter((m) => m.type === 'rejected');
    expect(events).toHaveLength(1);
    expect(events[0].type === 'events' && events[0].events).toHaveLength(1);
    expect(rejected).toEqual([{ type: 'rejected', count: 3, reason: expect.any(String) }]);
    expect(bridge.counters).toEqual({ forwarded: 1, rejected: 3 });
    bridge.stop();
  });

  it('ignores messages from other windows and messages that are not probe-shaped', () => {
    const f = fakePort();
    const bridge = startBridge(window, () => f.port);
    post(valid(), null);
    post({ hello: 'app message' });
    vi.advanceTimersByTime(150);
    expect(f.sent).toHaveLength(0);
    bridge.stop();
  });

  it('passes the recording state down to the probe', () => {
    const f = fakePort();
    const seen: unknown[] = [];
    const spy = vi.spyOn(window, 'postMessage').mockImplementation((m: unknown) => void seen.push(m));
    const bridge = startBridge(window, () => f.port);
    f.push({ type: 'record', on: true });
    expect(seen).toEqual([{ __handshake: 'bridge', v: 1, type: 'record', on: true }]);
    spy.mockRestore();
    bridge.stop();
  });

  it('reconnects after the worker went away and keeps the batch', () => {
    const first = fakePort();
    const second = fakePort();
    const ports = [first, second];
    const bridge = startBridge(window, () => {
      const next = ports.shift()!;
      return next.port;
    });
    first.disconnect();
    post(valid('http://after-restart/'));
    vi.advanceTimersByTime(150);
    expect(first.sent).toHaveLength(0);
    expect(second.sent[0]).toMatchObject({ type: 'events', events: [{ url: 'http://after-restart/' }] });
    bridge.stop();
  });

  it('keeps every counter finite: an overflow of 1e308 twice still reaches the recorder, events and all', () => {
    const f = fakePort();
    const bridge = startBridge(window, () => f.port);
    post({ ...valid('http://a/'), overflow: Number.MAX_SAFE_INTEGER });
    post({ ...valid('http://b/'), overflow: Number.MAX_SAFE_INTEGER });
    post({ ...valid('http://c/'), overflow: 1e308 });
    vi.advanceTimersByTime(150);
    // A runtime port serializes as JSON: a non-finite number would arrive as null.
    const sent = f.sent.map((m) => parseBridgeToRecorder(JSON.parse(JSON.stringify(m))));
    const events = sent.filter((m) => m?.type === 'events');
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ events: [{ url: 'http://a/' }, { url: 'http://b/' }] });
    expect(events[0]?.type === 'events' && events[0].overflow).toBe(Number.MAX_SAFE_INTEGER);
    // The 1e308 message is refused whole and counted, not summed.
    expect(sent).toContainEqual({ type: 'rejected', count: 1, reason: expect.stringContaining('overflow') });
    expect(bridge.counters).toEqual({ forwarded: 2, rejected: 1 });
    bridge.stop();
  });
});
