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

interface DrivenSource extends EventSource {
  serverOpen(): void;
  serverMessage(data: string, lastEventId?: string, type?: string): void;
}

interface DrivenXhr extends XMLHttpRequest {
  respond(status: number, statusText: string, rawHeaders: string, body: string): void;
}

describe('SSE messages and XHR bodies while the browser carries payloads', () => {
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
  const long = 'y'.repeat(500) + 'END';

  it('reports an SSE message by its size and 64-character prefix with the debugger, whole without', () => {
    record(t, true, true);
    const source = new t.win.EventSource('/events') as DrivenSource;
    source.serverOpen();
    source.serverMessage(long, 'id-1');
    source.serverMessage('short');
    record(t, true, false);
    source.serverMessage(long);
    t.runTimers();
    const frames = t.events().filter((e) => e.kind === 'channel.frame');
    expect(frames).toEqual([
      expect.objectContaining({ data: 'y'.repeat(64), size: 503, truncated: true, lastEventId: 'id-1' }),
      expect.objectContaining({ data: 'short', size: 5 }),
      expect.objectContaining({ data: long, size: 503 }),
    ]);
    expect(frames[1]).not.toHaveProperty('truncated');
  });

  it('sends a prefix of an XHR text body the browser fetches itself, the whole of any other', () => {
    record(t, true, true);
    const send = (type: string) => {
      const xhr = new t.win.XMLHttpRequest() as DrivenXhr;
      xhr.open('GET', '/api/x');
      xhr.send();
      xhr.respond(200, 'OK', `content-type: ${type}\r\n`, long);
    };
    send('application/json; charset=utf-8');
    send('application/problem+json');
    send('application/octet-stream');
    record(t, true, false);
    send('text/plain');
    t.runTimers();
    const bodies = t
      .events()
      .flatMap((e) => (e.kind === 'request.response' ? [[e.body?.length, e.bodyTruncated]] : []));
    expect(bodies).toEqual([
      [64, true],
      [64, true],
      [503, false],
      [503, false],
    ]);
  });
});
