import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { installProbe, type ProbeHandle } from '../../probe';
import { createTestWindow, type TestWindow } from './fake-window';

/** The fake WebSocket's test drivers (see fake-window.ts). */
interface DrivenSocket extends WebSocket {
  sent: unknown[];
  serverOpen(): void;
  serverMessage(data: unknown): void;
  serverError(): void;
  serverClose(code: number, reason: string, wasClean: boolean): void;
}

describe('WebSocket capture', () => {
  let t: TestWindow;
  let handle: ProbeHandle;
  let NativeSocket: typeof WebSocket;
  let nativeDescriptor: PropertyDescriptor | undefined;
  beforeEach(() => {
    t = createTestWindow('http://127.0.0.1:8080/app/');
    NativeSocket = t.win.WebSocket;
    nativeDescriptor = Object.getOwnPropertyDescriptor(t.win, 'WebSocket');
    handle = installProbe(t.win);
    t.record(true);
    t.posted.length = 0;
  });
  afterEach(async () => {
    handle.uninstall();
    await t.close();
  });

  const open = (url = 'ws://127.0.0.1:9000/ws/notifications') => {
    const socket = new t.win.WebSocket(url) as DrivenSocket;
    socket.serverOpen();
    return socket;
  };

  it('reports created, open, frames both ways and close', () => {
    const socket = open();
    socket.send('{"type":"subscribe","channel":"dashboard"}');
    socket.serverMessage('{"type":"error","message":"Auth context not provided"}');
    socket.serverClose(4001, 'unauthorised', true);
    expect(socket.sent).toEqual(['{"type":"subscribe","channel":"dashboard"}']);
    t.runTimers();
    expect(t.events()).toEqual([
      {
        kind: 'channel.created',
        time: expect.any(Number),
        channelId: 'page:ws:1',
        transport: 'websocket',
        url: 'ws://127.0.0.1:9000/ws/notifications',
      },
      { kind: 'channel.open', time: expect.any(Number), channelId: 'page:ws:1' },
      {
        kind: 'channel.frame',
        time: expect.any(Number),
        channelId: 'page:ws:1',
        direction: 'send',
        opcode: 1,
        data: '{"type":"subscribe","channel":"dashboard"}',
        size: 42,
      },
      {
        kind: 'channel.frame',
        time: expect.any(Number),
        channelId: 'page:ws:1',
        direction: 'receive',
        opcode: 1,
        data: '{"type":"error","message":"Auth context not provided"}',
        size: 54,
      },
      {
        kind: 'channel.closed',
        time: expect.any(Number),
        channelId: 'page:ws:1',
        code: 4001,
        reason: 'unauthorised',
        wasClean: true,
      },
    ]);
  });

  it('encodes binary frames as base64, reports Blobs by size, and truncates long payloads', () => {
    const socket = open();
    socket.send(new Uint8Array([104, 105, 255]));
    socket.send(new Uint8Array([0, 1, 2, 3, 4, 5]).subarray(2, 4));
    socket.serverMessage(new Uint8Array([1, 2, 3]).buffer);
    socket.serverMessage(new t.win.Blob(['hello']));
    socket.send('x'.repeat(70_000));
    socket.serverMessage(new ArrayBuffer(60_000));
    t.runTimers();
    const frames = t.events().filter((e) => e.kind === 'channel.frame');
    expect(frames[0]).toMatchObject({ direction: 'send', opcode: 2, data: 'aGn/', size: 3 });
    expect(frames[1]).toMatchObject({ opcode: 2, data: btoa('\u0002\u0003'), size: 2 });
    expect(frames[2]).toMatchObject({ direction: 'receive', opcode: 2, data: 'AQID', size: 3 });
    expect(frames[3]).toMatchObject({ direction: 'receive', opcode: 2, data: '', size: 5 });
    expect(frames[4]).toMatchObject({ opcode: 1, size: 70_000, truncated: true });
    expect((frames[4] as { data: string }).data).toHaveLength(64 * 1024);
    expect(frames[5]).toMatchObject({ opcode: 2, size: 60_000, truncated: true });
    expect((frames[5] as { data: string }).data.length).toBeLessThanOrEqual(64 * 1024);
    expect(frames[0]).not.toHaveProperty('truncated');
  });

  it('does not report sends the native refused or discarded', () => {
    const socket = new t.win.WebSocket('ws://127.0.0.1:9000/ws') as DrivenSocket;
    expect(() => socket.send('too early')).toThrow('CONNECTING');
    socket.serverOpen();
    socket.close();
    socket.send('after close'); // discarded by the browser, no exception
    t.runTimers();
    expect(t.events().filter((e) => e.kind === 'channel.frame')).toEqual([]);
  });

  it('reports errors and passes constructor exceptions through', () => {
    const socket = open();
    socket.serverError();
    socket.serverClose(1006, '', false);
    expect(() => new t.win.WebSocket('ftp://nope')).toThrow(SyntaxError);
    t.runTimers();
    expect(t.events().slice(2)).toEqual([
      { kind: 'channel.error', time: expect.any(Number), channelId: 'page:ws:1', message: 'WebSocket error' },
      {
        kind: 'channel.closed',
        time: expect.any(Number),
        channelId: 'page:ws:1',
        code: 1006,
        reason: '',
        wasClean: false,
      },
    ]);
  });

  it('keeps the constructor indistinguishable: statics, prototype, instanceof, subclassing', () => {
    const Socket = t.win.WebSocket;
    expect(Socket).not.toBe(NativeSocket);
    expect(Socket.name).toBe('WebSocket');
    expect(Socket.length).toBe(NativeSocket.length);
    expect(Socket.OPEN).toBe(1);
    expect(Socket.prototype).toBe(NativeSocket.prototype);
    expect(Socket.prototype.constructor).toBe(Socket);
    expect(t.win.Function.prototype.toString.call(Socket)).toBe(
      t.win.Function.prototype.toString.call(NativeSocket),
    );
    expect(Object.getOwnPropertyDescriptor(t.win, 'WebSocket')).toEqual({
      ...nativeDescriptor,
      value: Socket,
    });

    class ReconnectingSocket extends Socket {
      tag = 'mine';
    }
    const sub = new ReconnectingSocket('ws://127.0.0.1:9000/ws') as ReconnectingSocket & DrivenSocket;
    expect(sub).toBeInstanceOf(ReconnectingSocket);
    expect(sub).toBeInstanceOf(Socket);
    expect(sub.tag).toBe('mine');
    expect(Object.getPrototypeOf(sub)).toBe(ReconnectingSocket.prototype);
    sub.serverOpen();
    sub.send('from subclass');
    t.runTimers();
    expect(t.events().map((e) => e.kind)).toEqual(['channel.created', 'channel.open', 'channel.frame']);
  });

  it('restores the native constructor on uninstall', () => {
    handle.uninstall();
    expect(t.win.WebSocket).toBe(NativeSocket);
    expect(NativeSocket.prototype.constructor).toBe(NativeSocket);
    handle = installProbe(t.win);
  });
});
