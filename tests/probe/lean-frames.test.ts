/**
 * With the browser's debugger recording the tab (the bridge's `record` says `cdp: true`), the probe
 * reports each WebSocket frame by its size and first 64 text characters only — the browser's copy
 * carries the payload — and goes back to full payloads as soon as the debugger is gone.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FRAME_PREFIX_CHARS } from '../../core/protocol';
import { installProbe, type ProbeHandle } from '../../probe';
import { createTestWindow, type TestWindow } from './fake-window';

interface DrivenSocket extends WebSocket {
  serverOpen(): void;
  serverMessage(data: unknown): void;
}

const record = (t: TestWindow, on: boolean, cdp?: boolean) =>
  t.message({ __handshake: 'bridge', v: 1, type: 'record', on, ...(cdp === undefined ? {} : { cdp }) });

describe('frames while the browser carries payloads', () => {
  let t: TestWindow;
  let handle: ProbeHandle;
  beforeEach(() => {
    t = createTestWindow('http://127.0.0.1:8080/app/');
    handle = installProbe(t.win);
  });
  afterEach(async () => {
    handle.uninstall();
    await t.close();
  });

  const frames = () => t.events().filter((e) => e.kind === 'channel.frame');
  const socket = () => {
    const s = new t.win.WebSocket('ws://127.0.0.1:9000/feed') as DrivenSocket;
    s.serverOpen();
    return s;
  };
  const long = 'x'.repeat(1000) + 'END';

  it('sends size and a 64-character prefix, marked truncated, with the debugger attached', () => {
    record(t, true, true);
    const s = socket();
    s.serverMessage(long);
    s.serverMessage('{"n":1}');
    s.send(new Uint8Array([1, 2, 3, 4]).buffer);
    t.runTimers();
    expect(FRAME_PREFIX_CHARS).toBe(64);
    expect(frames()).toEqual([
      expect.objectContaining({
        direction: 'receive',
        opcode: 1,
        data: 'x'.repeat(64),
        size: 1003,
        truncated: true,
      }),
      expect.objectContaining({ direction: 'receive', opcode: 1, data: '{"n":1}', size: 7 }),
      expect.objectContaining({ direction: 'send', opcode: 2, data: '', size: 4, truncated: true }),
    ]);
    expect(frames()[1]).not.toHaveProperty('truncated');
  });

  it('sends full payloads again once the debugger is gone, and without it from the start', () => {
    record(t, true);
    const s = socket();
    s.serverMessage(long);
    record(t, true, true);
    s.serverMessage(long);
    record(t, true, false);
    s.serverMessage(long);
    s.send(new Uint8Array([1, 2, 3]).buffer);
    t.runTimers();
    expect(frames().map((f) => f.kind === 'channel.frame' && f.data.length)).toEqual([1003, 64, 1003, 4]);
    expect(frames()[3]).toMatchObject({ opcode: 2, data: 'AQID', size: 3 });
  });

  it('ignores a record command whose cdp flag is not a boolean', () => {
    record(t, true);
    t.message({ __handshake: 'bridge', v: 1, type: 'record', on: true, cdp: 'yes' });
    socket().serverMessage(long);
    t.runTimers();
    expect(frames()).toEqual([expect.objectContaining({ data: long, size: 1003 })]);
  });

  it('a stop clears the flag: the next recording without the debugger gets full payloads', () => {
    record(t, true, true);
    record(t, false, true);
    record(t, true);
    socket().serverMessage(long);
    t.runTimers();
    expect(frames()).toEqual([expect.objectContaining({ data: long })]);
  });
});
