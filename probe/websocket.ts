/**
 * Captures WebSocket channels: the constructor is a masked proxy (so `instanceof`, `extends`
 * and statics behave as native), frames received come from a listener the probe adds to each
 * socket, frames sent from a masked `WebSocket.prototype.send`.
 *
 * Text frames are kept as text, ArrayBuffer / typed-array frames as base64 (opcode 2). Blob
 * frames (the default `binaryType`) are reported with their size only: reading a Blob is
 * asynchronous and costs a copy; CDP has the payload.
 *
 * While the browser's debugger records the tab (`ctx.browserCarriesPayloads()`) each frame is
 * reported once more only so that a frame the browser missed is still in the log: its size and,
 * for text, its first `FRAME_PREFIX_CHARS` characters (what `core/frame-twins.ts` pairs the two
 * copies on), marked truncated when cut. No copy, no base64 of the payload on the page's thread.
 */
import type { ChannelFrame } from '../core/events';
import { FRAME_PREFIX_CHARS } from '../core/protocol';
import type { ProbeContext } from './context';
import type { Preview } from './preview';
import type { RealtimeGate } from './realtime-policy';
import { binaryPreview, textPreview } from './preview';

/** Opcode, payload preview and size of one frame. */
export type FramePayload = Preview & { opcode: number };

/**
 * Builds the payload reader shared by sent and received frames.
 * @param ctx The probe context of this install.
 */
export function createFrameReader(ctx: ProbeContext): (data: unknown) => FramePayload {
  const { n } = ctx;
  const blobSize = n.getter(n.win.Blob?.prototype, 'size');
  return (data) => {
    const lean = ctx.browserCarriesPayloads();
    if (typeof data === 'string') {
      const text = lean ? textPreview(n, data, FRAME_PREFIX_CHARS) : textPreview(n, data);
      return { opcode: 1, data: text.data, size: text.size, truncated: text.truncated };
    }
    const bytes = ctx.binary.bytes(data);
    if (bytes) {
      if (lean) return { opcode: 2, data: '', size: bytes.length, truncated: bytes.length > 0 };
      const binary = binaryPreview(n, bytes);
      return { opcode: 2, data: binary.data, size: binary.size, truncated: binary.truncated };
    }
    let size = 0;
    try {
      const value = typeof data === 'object' && data !== null ? blobSize(data) : undefined;
      if (typeof value === 'number') size = value;
    } catch {
      size = 0;
    }
    return { opcode: 2, data: '', size, truncated: size > 0 };
  };
}

/**
 * Wraps `win.WebSocket` and its `send` (no-op when the window has no WebSocket).
 * @param ctx The probe context of this install.
 * @param gate The real-time policy: refuses new sockets it switches off, closes live ones.
 */
export function captureWebSocket(ctx: ProbeContext, gate?: RealtimeGate): void {
  const { n } = ctx;
  const Native = n.win.WebSocket;
  if (typeof Native !== 'function') return;
  const proto = Native.prototype as object;
  const channels = n.weakMap<object, string>();
  const socketUrl = n.getter(proto, 'url');
  const readyState = n.getter(proto, 'readyState');
  const eventType = n.getter(n.win.Event?.prototype, 'type');
  const messageData = n.getter(n.win.MessageEvent?.prototype, 'data');
  const closeProto = n.win.CloseEvent?.prototype;
  const closeCode = n.getter(closeProto, 'code');
  const closeReason = n.getter(closeProto, 'reason');
  const closeWasClean = n.getter(closeProto, 'wasClean');
  const readFrame = createFrameReader(ctx);
  // Captured before any page script: the gate closes sockets with the native method.
  const nativeClose = (proto as { close?: Function }).close;
  const OPEN = 1;
  const CLOSING = 2;

  function frame(channelId: string, direction: ChannelFrame['direction'], data: unknown): void {
    const payload = readFrame(data);
    ctx.emit({
      kind: 'channel.frame',
      time: n.now(),
      channelId,
      direction,
      opcode: payload.opcode,
      data: payload.data,
      size: payload.size,
      ...(payload.truncated ? { truncated: true } : {}),
    });
  }

  function onEvent(channelId: string, event: Event): void {
    try {
      const type = eventType(event);
      const time = n.now();
      if (type === 'message') frame(channelId, 'receive', messageData(event));
      else if (type === 'open') ctx.emit({ kind: 'channel.open', time, channelId });
      else if (type === 'error')
        ctx.emit({ kind: 'channel.error', time, channelId, message: 'WebSocket error' });
      else if (type === 'close') {
        ctx.emit({
          kind: 'channel.closed',
          time,
          channelId,
          code: closeCode(event) as number,
          reason: textPreview(n, closeReason(event) as string).data,
          wasClean: closeWasClean(event) as boolean,
        });
      }
    } catch {
      // Never throw inside the page's event dispatch.
    }
  }

  function onCreated(socket: object): void {
    const channelId = ctx.nextId('page:ws:');
    channels.set(socket, channelId);
    ctx.emit({
      kind: 'channel.created',
      time: n.now(),
      channelId,
      transport: 'websocket',
      url: textPreview(n, socketUrl(socket) as string).data,
    });
    const listener = (event: Event) => onEvent(channelId, event);
    n.listen(socket, 'open', listener);
    n.listen(socket, 'message', listener);
    n.listen(socket, 'error', listener);
    n.listen(socket, 'close', listener);
  }

  /**
   * Refused: the page still gets a real WebSocket, closed before it connected, so it sees what
   * an outage looks like (`error`, then `close` 1006) and its reconnect logic runs as it would.
   * The recorder's network rule blocks the handshake too; this refusal is the one we count.
   */
  function refuse(socket: object, url: string): void {
    if (nativeClose) n.apply(nativeClose, socket, []);
    ctx.emit({
      kind: 'channel.refused',
      time: n.now(),
      transport: 'websocket',
      url: textPreview(n, url).data,
    });
  }

  ctx.mask.wrapConstructor(n.win, 'WebSocket', (target, args, newTarget) => {
    const socket = n.construct(target, args, newTarget);
    try {
      const url = socketUrl(socket) as string;
      if (gate?.refuses(url)) {
        refuse(socket, url);
        return socket;
      }
      onCreated(socket);
      if (gate && nativeClose)
        gate.track({
          url,
          close: (code, reason) => void n.apply(nativeClose, socket, [code, reason]),
          isClosed: () => (readyState(socket) as number) >= CLOSING,
        });
    } catch {
      // The page gets its socket whatever happens to the report.
    }
    return socket;
  });

  ctx.mask.wrapFunction(proto, 'send', (target, thisArg, args) => {
    const result = n.apply(target, thisArg, args);
    try {
      const channelId = channels.get(thisArg as object);
      // A send on a closing socket is discarded by the browser: not a frame.
      if (channelId !== undefined && readyState(thisArg as object) === OPEN)
        frame(channelId, 'send', args[0]);
    } catch {
      // Best effort.
    }
    return result;
  });
}
