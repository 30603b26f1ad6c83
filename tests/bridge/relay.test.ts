// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MAX_MESSAGE_CHARS, MAX_SEND_ATTEMPTS, startBridge, type RecorderPort } from '../../bridge/relay';
import { parseBridgeToRecorder } from '../../core/guards';
import { PAGE_LIMITS, type BridgeToRecorder } from '../../core/protocol';

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

  /** A request whose headers make an event of about `mib` MiB of JSON (each value at the page cap). */
  const heavy = (mib: number, id: string) => ({
    kind: 'request.start',
    time: 1,
    requestId: id,
    url: 'http://127.0.0.1/',
    method: 'GET',
    resourceType: 'fetch',
    headers: Object.fromEntries(
      Array.from({ length: mib * 8 }, (_, i) => [`h${i}`, 'x'.repeat(PAGE_LIMITS.maxStringChars)]),
    ),
  });
  const heavyMessage = (events: unknown[]) => ({ ...valid(), events });

  it('splits batches below the port limit and drops, counted, an event too large to send alone', () => {
    const f = fakePort();
    // Chrome refuses a port message above 64 MiB: the fake refuses anything above our own cap.
    const realPost = f.port.postMessage;
    f.port.postMessage = (m) => {
      if (JSON.stringify(m).length > MAX_MESSAGE_CHARS + 1024) throw new Error('Message length exceeded');
      realPost(m);
    };
    const bridge = startBridge(window, () => f.port);
    for (let i = 0; i < 5; i++) post(heavyMessage([heavy(3, `r${i}`)]));
    post(heavyMessage([heavy(24, 'huge')]));
    post(valid('http://after/'));
    vi.advanceTimersByTime(150);
    const batches = f.sent.filter((m) => m.type === 'events');
    expect(batches.length).toBeGreaterThanOrEqual(3);
    const ids = batches
      .flatMap((m) => (m.type === 'events' ? m.events : []))
      .map((e) => ('requestId' in e ? e.requestId : e.kind));
    expect(ids).toEqual(['r0', 'r1', 'r2', 'r3', 'r4', 'page.load']);
    expect(f.sent).toContainEqual({
      type: 'rejected',
      count: 1,
      reason: expect.stringContaining('too large'),
    });
    expect(bridge.counters).toEqual({ forwarded: 6, rejected: 1 });
    bridge.stop();
  });

  it('gives up on a batch that no fresh port accepts, counts it, and sends what follows', () => {
    let refuse = true;
    const ports: ReturnType<typeof fakePort>[] = [];
    const bridge = startBridge(window, () => {
      const f = fakePort();
      const realPost = f.port.postMessage;
      f.port.postMessage = (m) => {
        if (refuse && m.type === 'events') throw new Error('Message length exceeded');
        realPost(m);
      };
      ports.push(f);
      return f.port;
    });
    post(valid('http://stuck/'));
    vi.advanceTimersByTime(150 * MAX_SEND_ATTEMPTS);
    refuse = false;
    post(valid('http://after/'));
    vi.advanceTimersByTime(10_000);
    const sent = ports.flatMap((p) => p.sent);
    expect(sent.filter((m) => m.type === 'events')).toEqual([
      { type: 'events', events: [expect.objectContaining({ url: 'http://after/' })], overflow: 0 },
    ]);
    expect(sent).toContainEqual({
      type: 'rejected',
      count: 1,
      reason: expect.stringContaining('could not be sent'),
    });
    // Bounded: a handful of attempts, not one every 100 ms for ever.
    expect(ports.length).toBeLessThanOrEqual(MAX_SEND_ATTEMPTS + 3);
    bridge.stop();
  });
});
