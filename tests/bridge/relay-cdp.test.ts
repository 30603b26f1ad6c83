// @vitest-environment happy-dom
/**
 * The bridge passes the recorder's "the debugger carries frame payloads" down to the probe, and
 * takes it back when the recorder goes away (its debugger events go with the service worker).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startBridge, type RecorderPort } from '../../bridge/relay';
import { isBridgeToProbe, isRecorderToBridge } from '../../core/guards';

function fakePort() {
  const listeners: Array<(m: unknown) => void> = [];
  const disconnects: Array<() => void> = [];
  const port: RecorderPort = {
    postMessage: () => undefined,
    onMessage: { addListener: (cb) => void listeners.push(cb) },
    onDisconnect: { addListener: (cb) => void disconnects.push(cb) },
  };
  return {
    port,
    push: (m: unknown) => listeners.forEach((l) => l(m)),
    disconnect: () => disconnects.forEach((d) => d()),
  };
}

describe('bridge: debugger state to the probe', () => {
  let seen: unknown[];
  beforeEach(() => {
    vi.useFakeTimers();
    seen = [];
    vi.spyOn(window, 'postMessage').mockImplementation((m: unknown) => void seen.push(m));
  });
  afterEach(() => {
    vi.restoreAllMocks();
    vi.useRealTimers();
  });

  it('says cdp while the recorder says so, and full payloads again when the recorder is gone', () => {
    const f = fakePort();
    const bridge = startBridge(window, () => f.port);
    f.push({ type: 'record', on: true, cdp: true });
    f.push({ type: 'record', on: true });
    f.push({ type: 'record', on: true, cdp: true });
    f.disconnect();
    expect(seen).toEqual([
      { __handshake: 'bridge', v: 1, type: 'record', on: true, cdp: true },
      { __handshake: 'bridge', v: 1, type: 'record', on: true },
      { __handshake: 'bridge', v: 1, type: 'record', on: true, cdp: true },
      { __handshake: 'bridge', v: 1, type: 'record', on: true },
    ]);
    expect(seen.every(isBridgeToProbe)).toBe(true);
    bridge.stop();
  });

  it('a worker that goes away while nothing records starts nothing', () => {
    const f = fakePort();
    const bridge = startBridge(window, () => f.port);
    f.push({ type: 'record', on: false, cdp: true });
    f.disconnect();
    expect(seen).toEqual([{ __handshake: 'bridge', v: 1, type: 'record', on: false }]);
    bridge.stop();
  });

  it('the guards take a boolean cdp flag only', () => {
    expect(isRecorderToBridge({ type: 'record', on: true, cdp: true })).toBe(true);
    expect(isRecorderToBridge({ type: 'record', on: true, cdp: 1 })).toBe(false);
    expect(isBridgeToProbe({ __handshake: 'bridge', v: 1, type: 'record', on: true, cdp: false })).toBe(true);
    expect(isBridgeToProbe({ __handshake: 'bridge', v: 1, type: 'record', on: true, cdp: 'true' })).toBe(
      false,
    );
  });
});
