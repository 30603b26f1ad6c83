/**
 * Captures Server-Sent Events channels: `EventSource` is a masked proxy, the probe listens for
 * `open`, `message` and `error` on each instance, and a masked `close()` reports the page
 * closing it (no event fires for that).
 *
 * Only default `message` events are seen. Named event types (`event: token`) reach only
 * listeners registered for that name; seeing them would mean wrapping `addEventListener`,
 * which is page-visible. CDP (`Network.eventSourceMessageReceived`) reports them all.
 *
 * While the browser's debugger records the tab (`ctx.browserCarriesPayloads()`), a message is
 * reported by its size and first `FRAME_PREFIX_CHARS` characters, as WebSocket frames are: the
 * browser's copy carries the data, and the two copies pair on that prefix (`core/frame-twins.ts`).
 */
import { FRAME_PREFIX_CHARS } from '../core/protocol';
import type { ProbeContext } from './context';
import { textPreview } from './preview';
import type { RealtimeGate } from './realtime-policy';

/**
 * Wraps `win.EventSource` (no-op when the window has none).
 * @param ctx The probe context of this install.
 * @param gate The real-time policy: refuses new sources it switches off, closes live ones.
 */
export function captureEventSource(ctx: ProbeContext, gate?: RealtimeGate): void {
  const { n } = ctx;
  const Native = n.win.EventSource;
  if (typeof Native !== 'function') return;
  const proto = Native.prototype as object;
  const channels = n.weakMap<object, string>();
  const sourceUrl = n.getter(proto, 'url');
  const readyState = n.getter(proto, 'readyState');
  const eventType = n.getter(n.win.Event?.prototype, 'type');
  const messageData = n.getter(n.win.MessageEvent?.prototype, 'data');
  const messageLastEventId = n.getter(n.win.MessageEvent?.prototype, 'lastEventId');
  const CLOSED = 2;
  // Captured before any page script: the gate closes sources with the native method.
  const nativeClose = (proto as { close?: Function }).close;
  const EventCtor = n.win.Event;
  const dispatch = n.win.EventTarget?.prototype.dispatchEvent;

  /**
   * An EventSource that the browser gave up on reads CLOSED and fires `error`; `close()` fires
   * nothing, so the probe dispatches that `error` itself (a task later, as the browser would).
   */
  function shutDown(source: object): void {
    if (nativeClose) n.apply(nativeClose, source, []);
    if (typeof EventCtor === 'function' && dispatch)
      n.setTimer(() => {
        try {
          n.apply(dispatch, source, [n.construct(EventCtor, ['error'], EventCtor)]);
        } catch {
          // Best effort.
        }
      }, 0);
  }

  function onEvent(source: object, channelId: string, event: Event): void {
    try {
      const type = eventType(event);
      const time = n.now();
      if (type === 'message') {
        const data = messageData(event);
        const whole = typeof data === 'string' ? data : '';
        const text = ctx.browserCarriesPayloads()
          ? textPreview(n, whole, FRAME_PREFIX_CHARS)
          : textPreview(n, whole);
        const lastEventId = messageLastEventId(event);
        ctx.emit({
          kind: 'channel.frame',
          time,
          channelId,
          direction: 'receive',
          opcode: 1,
          data: text.data,
          size: text.size,
          ...(text.truncated ? { truncated: true } : {}),
          eventName: 'message',
          ...(typeof lastEventId === 'string' && lastEventId !== ''
            ? { lastEventId: textPreview(n, lastEventId).data }
            : {}),
        });
      } else if (type === 'open') {
        ctx.emit({ kind: 'channel.open', time, channelId });
      } else if (type === 'error') {
        ctx.emit({ kind: 'channel.error', time, channelId, message: 'EventSource error' });
        // CONNECTING after an error means the browser will reconnect; CLOSED means it gave up.
        if (readyState(source) === CLOSED) ctx.emit({ kind: 'channel.closed', time, channelId });
      }
    } catch {
      // Never throw inside the page's event dispatch.
    }
  }

  function onCreated(source: object): void {
    const channelId = ctx.nextId('page:sse:');
    channels.set(source, channelId);
    ctx.emit({
      kind: 'channel.created',
      time: n.now(),
      channelId,
      transport: 'sse',
      url: textPreview(n, sourceUrl(source) as string).data,
    });
    const listener = (event: Event) => onEvent(source, channelId, event);
    n.listen(source, 'open', listener);
    n.listen(source, 'message', listener);
    n.listen(source, 'error', listener);
  }

  ctx.mask.wrapConstructor(n.win, 'EventSource', (target, args, newTarget) => {
    const source = n.construct(target, args, newTarget);
    try {
      const url = sourceUrl(source) as string;
      if (gate?.refuses(url)) {
        shutDown(source);
        ctx.emit({ kind: 'channel.refused', time: n.now(), transport: 'sse', url: textPreview(n, url).data });
        return source;
      }
      onCreated(source);
      gate?.track({
        url,
        close: (code, reason) => {
          const channelId = channels.get(source);
          shutDown(source);
          if (channelId !== undefined)
            ctx.emit({ kind: 'channel.closed', time: n.now(), channelId, code, reason });
        },
        isClosed: () => readyState(source) === CLOSED,
      });
    } catch {
      // The page gets its EventSource whatever happens to the report.
    }
    return source;
  });

  ctx.mask.wrapFunction(proto, 'close', (target, thisArg, args) => {
    let wasOpen = false;
    try {
      wasOpen = channels.get(thisArg as object) !== undefined && readyState(thisArg as object) !== CLOSED;
    } catch {
      wasOpen = false;
    }
    const result = n.apply(target, thisArg, args);
    try {
      const channelId = channels.get(thisArg as object);
      if (wasOpen && channelId !== undefined)
        ctx.emit({ kind: 'channel.closed', time: n.now(), channelId, reason: 'closed by the page' });
    } catch {
      // Best effort.
    }
    return result;
  });
}
