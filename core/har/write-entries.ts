/**
 * One HAR entry per request (preflights are entries of their own, typed `preflight`, as Chrome
 * writes them) and per channel, built from the reduced model and passed through the redactor.
 */
import { getHeader } from '../headers';
import type { Channel, Frame, HttpRequest } from '../model';
import { splitSetCookie, type Redactor } from '../redact/redactor';
import type { HarCookie, HarEntry, HarNameValue, HarPostData, HarTimings } from './types';

export interface EntryOptions {
  /** Write only what Chrome's own export writes (no `_` fields of ours). */
  chromeOnly: boolean;
}

export function toNameValues(headers: Record<string, string> | undefined): HarNameValue[] {
  return Object.entries(headers ?? {}).map(([name, value]) => ({ name, value }));
}

/** Query parameters of a URL, decoded, as HAR lists them. */
export function queryOf(url: string): HarNameValue[] {
  const q = url.indexOf('?');
  if (q < 0) return [];
  const hash = url.indexOf('#', q);
  const query = url.slice(q + 1, hash < 0 ? undefined : hash);
  return query
    .split('&')
    .filter((pair) => pair !== '')
    .map((pair) => {
      const eq = pair.indexOf('=');
      const name = eq < 0 ? pair : pair.slice(0, eq);
      const value = eq < 0 ? '' : pair.slice(eq + 1);
      return { name: decode(name), value: decode(value) };
    });
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

function cookiesOf(header: string | undefined, r: Redactor): HarCookie[] {
  if (!header) return [];
  const list = header.split(';').flatMap((pair) => {
    const eq = pair.indexOf('=');
    return eq < 0 ? [] : [{ name: pair.slice(0, eq).trim(), value: pair.slice(eq + 1).trim() }];
  });
  return r.cookies(list);
}

function setCookiesOf(header: string | undefined, r: Redactor): HarCookie[] {
  if (!header) return [];
  const lines: string[] = [];
  splitSetCookie(header, (line) => {
    lines.push(line);
    return line;
  });
  return lines.flatMap((line) => cookiesOf(line.split(';')[0], r));
}

function timings(total: number): HarTimings {
  return { blocked: -1, dns: -1, connect: -1, send: 0, wait: total, receive: 0, ssl: -1 };
}

function iso(time: number): string {
  return new Date(Number.isFinite(time) ? time : 0).toISOString();
}

function postDataOf(req: HttpRequest, headers: Record<string, string>, r: Redactor): HarPostData | undefined {
  if (req.postData === undefined) return undefined;
  const mimeType = getHeader(headers, 'content-type') ?? '';
  const post: HarPostData = { mimeType, text: r.body(req.postData, mimeType) };
  if (/x-www-form-urlencoded/i.test(mimeType)) post.params = r.params(queryOf(`?${req.postData}`));
  return post;
}

/** The entry of one request or preflight. */
export function requestEntry(req: HttpRequest, r: Redactor, options: EntryOptions): HarEntry {
  const sent = req.wireHeaders ?? req.requestHeaders;
  const duration = req.endTime !== undefined ? Math.max(0, req.endTime - req.startTime) : 0;
  const body = req.responseBody;
  const base64 = req.responseBodyBase64 === true;
  const mimeType = req.mimeType ?? getHeader(req.responseHeaders, 'content-type') ?? '';
  const location = getHeader(req.responseHeaders, 'location');
  const entry: HarEntry = {
    startedDateTime: iso(req.startTime),
    time: duration,
    request: {
      method: req.method,
      url: r.url(req.url),
      httpVersion: '',
      cookies: cookiesOf(getHeader(sent, 'cookie'), r),
      headers: r.headers(toNameValues(sent)),
      queryString: r.params(queryOf(req.url)),
      postData: postDataOf(req, sent, r),
      headersSize: -1,
      bodySize: req.postData?.length ?? 0,
    },
    response: {
      status: req.status ?? 0,
      statusText: r.text(req.statusText ?? ''),
      httpVersion: '',
      cookies: setCookiesOf(getHeader(req.responseHeaders, 'set-cookie'), r),
      headers: r.headers(toNameValues(req.responseHeaders)),
      content: {
        size: body?.length ?? 0,
        mimeType,
        ...(body !== undefined
          ? {
              text: base64
                ? r.base64(body, mimeType, `response body of ${r.url(req.url)}`)
                : r.body(body, mimeType),
            }
          : {}),
        ...(base64 ? { encoding: 'base64' as const } : {}),
      },
      redirectURL: location ? r.url(location) : '',
      headersSize: -1,
      bodySize: -1,
    },
    cache: {},
    timings: timings(duration),
    _resourceType: req.resourceType,
  };
  if (req.state === 'failed') entry._error = r.text(req.failure?.errorText ?? 'net::ERR_FAILED');
  if (options.chromeOnly) return r.seal(entry);
  entry._requestId = req.id;
  entry._source = req.source;
  entry._state = req.state;
  if (req.preflightFor !== undefined) entry._preflightFor = req.preflightFor;
  if (req.failure?.cors) entry._cors = req.failure.cors;
  if (req.failure?.blockedReason) entry._blockedReason = req.failure.blockedReason;
  if (req.failure?.canceled !== undefined) entry._canceled = req.failure.canceled;
  if (req.pageError) entry._pageError = r.text(req.pageError);
  if (req.wireHeaders) entry._pageHeaders = r.headers(toNameValues(req.requestHeaders));
  if (req.responseBodyTruncated) entry._responseBodyTruncated = true;
  if (req.initiatorStack)
    entry._initiatorStack = req.initiatorStack.map((f) => ({ ...f, url: r.url(f.url) }));
  return r.seal(entry);
}

/**
 * The entry of one channel, without its messages: they are streamed separately (a socket can
 * carry millions of frames), see `channelMessages`.
 */
export function channelEntry(channel: Channel, r: Redactor, options: EntryOptions): HarEntry {
  const duration = Math.max(0, channel.lastActivity - channel.createdTime);
  const entry: HarEntry = {
    startedDateTime: iso(channel.createdTime),
    time: duration,
    request: {
      method: 'GET',
      url: r.url(channel.url),
      httpVersion: '',
      cookies: [],
      headers: [],
      queryString: r.params(queryOf(channel.url)),
      headersSize: -1,
      bodySize: 0,
    },
    response: {
      status: channel.handshakeStatus ?? 0,
      statusText: channel.handshakeStatus === 101 ? 'Switching Protocols' : '',
      httpVersion: '',
      cookies: [],
      headers: [],
      content: { size: 0, mimeType: channel.transport === 'sse' ? 'text/event-stream' : '' },
      redirectURL: '',
      headersSize: -1,
      bodySize: -1,
    },
    cache: {},
    timings: timings(duration),
    _resourceType: channel.transport === 'sse' ? 'eventsource' : 'websocket',
  };
  if (options.chromeOnly) return r.seal(entry);
  entry._source = channel.source;
  entry._channel = {
    id: channel.id,
    state: channel.state,
    ...(channel.closeCode !== undefined ? { closeCode: channel.closeCode } : {}),
    ...(channel.closeReason !== undefined ? { closeReason: r.text(channel.closeReason) } : {}),
    ...(channel.errorMessage !== undefined ? { errorMessage: r.text(channel.errorMessage) } : {}),
  };
  if (channel.initiatorStack)
    entry._initiatorStack = channel.initiatorStack.map((f) => ({ ...f, url: r.url(f.url) }));
  return r.seal(entry);
}

/** One message of a channel, in Chrome's `_webSocketMessages` shape or our SSE shape. */
export function channelMessage(channel: Channel, frame: Frame, r: Redactor, options: EntryOptions): object {
  // Binary frames are base64: redacted as text when they decode to text, else dropped if a
  // secret shows in them (rewriting bytes of an unknown format would corrupt it).
  const data =
    frame.opcode === 2
      ? r.base64(frame.data, '', `binary frame of ${r.url(channel.url)}`)
      : r.body(frame.data);
  const extra = options.chromeOnly
    ? {}
    : { _size: frame.size, ...(frame.truncated ? { _truncated: true } : {}) };
  if (channel.transport === 'sse') {
    return r.seal({
      time: frame.time / 1000,
      ...(frame.eventName ? { eventName: r.text(frame.eventName) } : {}),
      data,
      ...extra,
    });
  }
  return r.seal({ type: frame.direction, time: frame.time / 1000, opcode: frame.opcode, data, ...extra });
}
