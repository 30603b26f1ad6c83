/**
 * Captures `XMLHttpRequest` by wrapping `open`, `setRequestHeader` and `send` on its
 * prototype (instances and subclasses stay untouched). request.start at `send`, the outcome at
 * `loadend`: response (status, headers, text body when `responseType` is '' or 'text') or
 * failure (`net::ERR_FAILED (xhr error)`, `timeout`, `abort`). While the browser's debugger
 * records the tab, a text body of a type the recorder fetches from CDP is reported by its first
 * `FRAME_PREFIX_CHARS` characters, marked truncated: the browser's copy (`request.body`) replaces it.
 */
import { FRAME_PREFIX_CHARS } from '../core/protocol';
import type { ProbeContext } from './context';
import { HeaderRecord, errorText, mimeTypeOf, normaliseMethod, textPreview } from './preview';

/** Prefixes of the response types the recorder fetches from CDP (`TEXT_MIME`, core/cdp-normalize.ts). */
const BROWSER_FETCHED = [
  'text/',
  'application/json',
  'application/javascript',
  'application/xml',
  'application/x-www-form-urlencoded',
];

interface XhrState {
  method: string;
  url: string;
  headers: HeaderRecord;
  /** Set between `send` and `loadend`. */
  requestId?: string;
  outcome?: 'error' | 'timeout' | 'abort';
  listening: boolean;
}

const FAILURE_TEXT = { error: 'net::ERR_FAILED (xhr error)', timeout: 'timeout', abort: 'abort' } as const;

/**
 * Wraps the XHR prototype of `ctx.n.win` (no-op when there is none).
 * @param ctx The probe context of this install.
 */
export function captureXhr(ctx: ProbeContext): void {
  const { n } = ctx;
  const Xhr = n.win.XMLHttpRequest;
  if (typeof Xhr !== 'function') return;
  const proto = Xhr.prototype as object;
  const states = n.weakMap<object, XhrState>();
  const status = n.getter(proto, 'status');
  const statusText = n.getter(proto, 'statusText');
  const responseType = n.getter(proto, 'responseType');
  const responseText = n.getter(proto, 'responseText');
  const getAllResponseHeaders = n.getOwnPropertyDescriptor(proto, 'getAllResponseHeaders')?.value as Function;
  const eventType = n.getter(n.win.Event?.prototype, 'type');
  const urlHref = n.getter(n.win.URL?.prototype, 'href');
  const URLCtor = n.win.URL;

  function onOpen(xhr: object, args: unknown[]): void {
    const method = args[0];
    const url = args[1];
    let absolute = '';
    if (typeof url === 'string') absolute = n.resolveUrl(url);
    else if (URLCtor !== undefined && url instanceof URLCtor) absolute = urlHref(url) as string;
    const previous = states.get(xhr);
    states.set(xhr, {
      method: typeof method === 'string' ? normaliseMethod(n, method) : 'GET',
      url: textPreview(n, absolute).data,
      headers: new HeaderRecord(n),
      listening: previous ? previous.listening : false,
    });
  }

  function onSend(xhr: object, state: XhrState, body: unknown): string {
    const requestId = ctx.nextId('page:');
    state.requestId = requestId;
    state.outcome = undefined;
    if (!state.listening) {
      state.listening = true;
      const listener = (event: Event) => onEvent(xhr, event);
      n.listen(xhr, 'error', listener);
      n.listen(xhr, 'timeout', listener);
      n.listen(xhr, 'abort', listener);
      n.listen(xhr, 'loadend', listener);
    }
    ctx.emit({
      kind: 'request.start',
      time: n.now(),
      requestId,
      method: state.method,
      url: state.url,
      headers: state.headers.headers,
      ...(typeof body === 'string' ? { postData: textPreview(n, body).data } : {}),
      resourceType: 'xhr',
    });
    return requestId;
  }

  function onEvent(xhr: object, event: Event): void {
    try {
      const state = states.get(xhr);
      const requestId = state?.requestId;
      if (!state || requestId === undefined) return;
      const type = eventType(event);
      if (type === 'error' || type === 'timeout' || type === 'abort') {
        state.outcome = type;
        return;
      }
      if (type !== 'loadend') return;
      state.requestId = undefined;
      const code = status(xhr) as number;
      if (state.outcome !== undefined || code === 0) {
        const outcome = state.outcome ?? 'error';
        ctx.emit({
          kind: 'request.failed',
          time: n.now(),
          requestId,
          errorText: FAILURE_TEXT[outcome],
          ...(outcome === 'abort' ? { canceled: true } : {}),
        });
        return;
      }
      reportResponse(xhr, requestId, code);
    } catch {
      // A listener of ours must never throw inside the page's event dispatch.
    }
  }

  /** Whether the recorder fetches a body of this type from CDP (no RegExp: the page owns it). */
  function browserFetches(mimeType: string): boolean {
    const type = n.lower(mimeType);
    for (let i = 0; i < BROWSER_FETCHED.length; i++)
      if (n.indexOf(type, BROWSER_FETCHED[i], 0) === 0) return true;
    return n.indexOf(type, 'application/', 0) === 0 && n.indexOf(type, '+json', 0) > 0;
  }

  function reportResponse(xhr: object, requestId: string, code: number): void {
    const headers = new HeaderRecord(n);
    headers.addRawBlock(n.apply(getAllResponseHeaders, xhr, []) as string);
    const type = responseType(xhr);
    // responseText throws for other response types; CDP has those bodies anyway.
    const mimeType = mimeTypeOf(n, headers.headers);
    // While the browser's debugger records the tab it fetches text bodies itself (the types of
    // `CdpNormalizer.wantsBody`): of those only a prefix travels, marked truncated.
    const limit =
      ctx.browserCarriesPayloads() && mimeType !== undefined && browserFetches(mimeType)
        ? FRAME_PREFIX_CHARS
        : undefined;
    const body =
      type === '' || type === 'text' ? textPreview(n, responseText(xhr) as string, limit) : undefined;
    ctx.emit({
      kind: 'request.response',
      time: n.now(),
      requestId,
      status: code,
      statusText: textPreview(n, statusText(xhr) as string).data,
      headers: headers.headers,
      ...(mimeType !== undefined ? { mimeType } : {}),
      ...(body !== undefined ? { body: body.data, bodyTruncated: body.truncated } : {}),
    });
    ctx.emit({ kind: 'request.finished', time: n.now(), requestId });
  }

  ctx.mask.wrapFunction(proto, 'open', (target, thisArg, args) => {
    const result = n.apply(target, thisArg, args);
    try {
      onOpen(thisArg as object, args);
    } catch {
      // Reporting is best effort; the page's call already happened.
    }
    return result;
  });

  ctx.mask.wrapFunction(proto, 'setRequestHeader', (target, thisArg, args) => {
    // Native first: if it throws (wrong state, bad name), the header was not set.
    const result = n.apply(target, thisArg, args);
    try {
      states.get(thisArg as object)?.headers.add(args[0], args[1]);
    } catch {
      // Best effort.
    }
    return result;
  });

  ctx.mask.wrapFunction(proto, 'send', (target, thisArg, args) => {
    let requestId: string | undefined;
    try {
      const state = states.get(thisArg as object);
      // Reported before the native call: a synchronous XHR fires loadend inside `send`.
      if (state) requestId = onSend(thisArg as object, state, args[0]);
    } catch {
      requestId = undefined;
    }
    try {
      return n.apply(target, thisArg, args);
    } catch (error) {
      if (requestId !== undefined) {
        try {
          // A synchronous XHR may already have reported its outcome at loadend.
          const state = states.get(thisArg as object);
          if (state && state.requestId === requestId) {
            state.requestId = undefined;
            ctx.emit({ kind: 'request.failed', time: n.now(), requestId, errorText: errorText(n, error) });
          }
        } catch {
          // The page's exception matters more than our report of it.
        }
      }
      throw error;
    }
  });
}
