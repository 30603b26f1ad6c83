/**
 * Captures `fetch`: request.start when called, request.response + request.finished when the
 * headers arrive, request.failed (with `String(error)`, e.g. `TypeError: Failed to fetch`)
 * when it rejects, after which the page gets the very same rejection.
 *
 * Response bodies are not read: cloning a Response doubles its memory and can change how the
 * page's own read behaves under back-pressure. CDP reports bodies (`Network.getResponseBody`).
 * For the same reason `request.finished` means "headers received", not "body read".
 * Request bodies are kept only when they are strings (FormData, Blob, streams are skipped).
 */
import type { ProbeContext } from './context';
import { HeaderRecord, errorText, mimeTypeOf, normaliseMethod, textPreview } from './preview';

/**
 * Wraps `win.fetch` (no-op when the window has none).
 * @param ctx The probe context of this install.
 */
export function captureFetch(ctx: ProbeContext): void {
  const { n } = ctx;
  const win = n.win;
  const RequestCtor = win.Request;
  const HeadersCtor = win.Headers;
  const URLCtor = win.URL;
  const requestUrl = n.getter(RequestCtor?.prototype, 'url');
  const requestMethod = n.getter(RequestCtor?.prototype, 'method');
  const requestHeaders = n.getter(RequestCtor?.prototype, 'headers');
  const responseStatus = n.getter(win.Response?.prototype, 'status');
  const responseStatusText = n.getter(win.Response?.prototype, 'statusText');
  const responseHeaders = n.getter(win.Response?.prototype, 'headers');
  const headersForEach = HeadersCtor?.prototype.forEach as Function | undefined;
  const urlHref = n.getter(URLCtor?.prototype, 'href');

  /** Only own data properties: reading a getter on the page's init object would be observable. */
  function readData(obj: object, key: string): unknown {
    const d = n.getOwnPropertyDescriptor(obj, key);
    return d ? d.value : undefined;
  }

  function addHeaders(record: HeaderRecord, source: unknown): void {
    if (typeof source !== 'object' || source === null) return;
    if (HeadersCtor && headersForEach && source instanceof HeadersCtor) {
      n.apply(headersForEach, source, [(value: string, name: string) => record.add(name, value)]);
    } else if (n.isArray(source)) {
      for (let i = 0; i < source.length; i++) {
        const pair = source[i] as unknown[];
        if (n.isArray(pair)) record.add(pair[0], pair[1]);
      }
    } else {
      const keys = n.keys(source);
      for (let i = 0; i < keys.length; i++) record.add(keys[i], readData(source, keys[i]));
    }
  }

  function reportStart(input: unknown, init: unknown): string {
    const isRequest = RequestCtor !== undefined && input instanceof RequestCtor;
    let url = '';
    if (typeof input === 'string') url = n.resolveUrl(input);
    else if (isRequest) url = requestUrl(input as object) as string;
    else if (URLCtor !== undefined && input instanceof URLCtor) url = urlHref(input) as string;

    const options = typeof init === 'object' && init !== null ? init : undefined;
    const initMethod = options ? readData(options, 'method') : undefined;
    let method = 'GET';
    if (typeof initMethod === 'string') method = normaliseMethod(n, initMethod);
    else if (isRequest) method = requestMethod(input as object) as string;

    const headers = new HeaderRecord(n);
    const initHeaders = options ? readData(options, 'headers') : undefined;
    // As in `new Request(input, init)`: init's headers replace the Request's, they do not merge.
    if (initHeaders !== undefined) addHeaders(headers, initHeaders);
    else if (isRequest) addHeaders(headers, requestHeaders(input as object));

    const body = options ? readData(options, 'body') : undefined;
    const requestId = ctx.nextId('page:');
    ctx.emit({
      kind: 'request.start',
      time: n.now(),
      requestId,
      method,
      url: textPreview(n, url).data,
      headers: headers.headers,
      ...(typeof body === 'string' ? { postData: textPreview(n, body).data } : {}),
      resourceType: 'fetch',
    });
    return requestId;
  }

  function reportResponse(requestId: string, response: object): void {
    const headers = new HeaderRecord(n);
    addHeaders(headers, responseHeaders(response));
    const mimeType = mimeTypeOf(n, headers.headers);
    ctx.emit({
      kind: 'request.response',
      time: n.now(),
      requestId,
      status: responseStatus(response) as number,
      statusText: textPreview(n, responseStatusText(response) as string).data,
      headers: headers.headers,
      ...(mimeType !== undefined ? { mimeType } : {}),
    });
    ctx.emit({ kind: 'request.finished', time: n.now(), requestId });
  }

  function reportFailure(requestId: string, error: unknown): void {
    const errorName =
      typeof error === 'object' && error !== null ? (error as { name?: unknown }).name : undefined;
    ctx.emit({
      kind: 'request.failed',
      time: n.now(),
      requestId,
      errorText: errorText(n, error),
      ...(errorName === 'AbortError' ? { canceled: true } : {}),
    });
  }

  ctx.mask.wrapFunction(win, 'fetch', (target, thisArg, args) => {
    let requestId: string | undefined;
    try {
      requestId = reportStart(args[0], args[1]);
    } catch {
      requestId = undefined;
    }
    let result: Promise<unknown>;
    try {
      result = n.apply(target, thisArg, args) as Promise<unknown>;
    } catch (error) {
      // e.g. `Illegal invocation` when called on a foreign `this`: same exception, reported.
      if (requestId !== undefined) {
        try {
          reportFailure(requestId, error);
        } catch {
          // The page's exception matters more than our report of it.
        }
      }
      throw error;
    }
    if (requestId === undefined) return result;
    const id = requestId;
    return n.then(
      result,
      (response) => {
        try {
          reportResponse(id, response as object);
        } catch {
          // Never let reporting change the page's result.
        }
        return response;
      },
      (error) => {
        try {
          reportFailure(id, error);
        } catch {
          // Same: the page must get its own rejection, untouched.
        }
        throw error;
      },
    );
  });
}
