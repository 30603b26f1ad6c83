/**
 * Reads one HAR entry, as any tool wrote it, into a checked record. Tools disagree on almost
 * everything (see `../shared/corpus/har/SOURCES.md`): missing fields, `null`s, status 0 or -1,
 * headers as numbers. What an entry cannot do without (a request with a URL and a method) makes
 * it skipped with a reason; everything else falls back.
 */
import { normaliseMethod } from '../cors/safelist';
import type { CorsErrorStatus, Headers, StackFrame } from '../events';

export interface EntryMessage {
  direction: 'send' | 'receive';
  time: number;
  opcode: number;
  data: string;
  size?: number;
  truncated?: boolean;
  eventName?: string;
  lastEventId?: string;
}

interface Common {
  index: number;
  id: string;
  url: string;
  time: number;
  duration: number;
  status: number;
  statusText: string;
  responseHeaders: Headers;
  initiatorStack?: StackFrame[];
}

export interface RequestRecord extends Common {
  type: 'request';
  method: string;
  headers: Headers;
  /** Headers as sent on the wire, when the file also has the page's own (`_pageHeaders`). */
  wireHeaders?: Headers;
  postData?: string;
  resourceType: string;
  preflightFor?: string;
  mimeType?: string;
  body?: string;
  bodyBase64: boolean;
  bodyTruncated: boolean;
  state?: 'pending' | 'done' | 'failed';
  error?: string;
  cors?: CorsErrorStatus;
  blockedReason?: string;
  canceled?: boolean;
}

export interface ChannelRecord extends Common {
  type: 'channel';
  transport: 'websocket' | 'sse';
  messages: EntryMessage[];
  droppedMessages: number;
  state?: string;
  closeCode?: number;
  closeReason?: string;
  errorMessage?: string;
}

export type EntryRecord = RequestRecord | ChannelRecord;

type Obj = Record<string, unknown>;

export function isObject(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

/** `[{name, value}]` -> a header map; repeated names are joined (`Set-Cookie` by newline, as CDP does). */
export function headerMap(list: unknown): Headers {
  const out: Headers = {};
  if (!Array.isArray(list)) return out;
  for (const h of list) {
    if (!isObject(h) || typeof h.name !== 'string' || h.name === '') continue;
    const value = typeof h.value === 'string' ? h.value : h.value == null ? '' : String(h.value);
    const name = h.name;
    const sep = name.toLowerCase() === 'set-cookie' ? '\n' : ', ';
    out[name] = name in out ? `${out[name]}${sep}${value}` : value;
  }
  return out;
}

/** The well-formed stack frames of a value read from a file (malformed ones left out). */
export function stackFramesOf(v: unknown): StackFrame[] | undefined {
  if (!Array.isArray(v)) return undefined;
  return v.filter(
    (f): f is StackFrame =>
      isObject(f) &&
      typeof f.functionName === 'string' &&
      typeof f.url === 'string' &&
      typeof f.line === 'number' &&
      typeof f.column === 'number',
  );
}

function stackOf(v: unknown): StackFrame[] | undefined {
  const frames = stackFramesOf(v);
  return frames?.length ? frames : undefined;
}

function messagesOf(list: unknown, sse: boolean): { messages: EntryMessage[]; dropped: number } {
  const messages: EntryMessage[] = [];
  let dropped = 0;
  for (const m of Array.isArray(list) ? list : []) {
    const time = isObject(m) ? num(m.time) : undefined;
    const data = isObject(m) ? m.data : undefined;
    const type = isObject(m) ? m.type : undefined;
    if (
      !isObject(m) ||
      time === undefined ||
      typeof data !== 'string' ||
      (!sse && type !== 'send' && type !== 'receive')
    ) {
      dropped++;
      continue;
    }
    messages.push({
      direction: type === 'send' ? 'send' : 'receive',
      // Chrome and mitmproxy write epoch seconds; some tools write milliseconds.
      time: time > 1e11 ? time : time * 1000,
      opcode: num(m.opcode) ?? 1,
      data,
      size: num(m._size),
      truncated: m._truncated === true ? true : undefined,
      eventName: str(m.eventName),
      lastEventId: str(m.lastEventId),
    });
  }
  return { messages, dropped };
}

/**
 * The tool's own words for a failed request. Chrome's HAR writer puts `_error` on the response
 * (devtools-frontend `front_end/models/har/Log.ts`, `_buildResponse`: `localizedFailDescription`,
 * e.g. `net::ERR_FAILED` for a CORS failure, next to the status and headers received); Safari
 * (WebKit `WebInspectorUI/UserInterface/Controllers/HARBuilder.js`, `failureReasonText`) and
 * mitmproxy do too; Playwright writes `response._failureText`; our own files write `_error` on
 * the entry.
 */
function failureText(raw: Obj, response: Obj): string | undefined {
  return str(raw._error) || str(response._error) || str(response._failureText) || undefined;
}

/** Why an entry is skipped: a key of the `har.skip` messages (`harSkipReason` writes it out). */
export type HarSkipCode = 'notObject' | 'noRequest' | 'noUrl' | 'noMethod';

/** One entry, or why it is skipped. `fallbackTime` is used when it has no valid date. */
export function readEntry(raw: unknown, index: number, fallbackTime: number): EntryRecord | HarSkipCode {
  if (!isObject(raw)) return 'notObject';
  const request = raw.request;
  if (!isObject(request)) return 'noRequest';
  const url = str(request.url);
  if (!url) return 'noUrl';
  const method = str(request.method);
  if (method === undefined) return 'noMethod';
  const response = isObject(raw.response) ? raw.response : {};
  const content = isObject(response.content) ? response.content : {};
  const started = typeof raw.startedDateTime === 'string' ? Date.parse(raw.startedDateTime) : NaN;
  const ownId = str(raw._requestId);
  const common: Common = {
    index,
    id: ownId ?? `har-${index}`,
    url,
    time: Number.isFinite(started) ? started : fallbackTime,
    duration: Math.max(0, num(raw.time) ?? 0),
    status: num(response.status) ?? 0,
    statusText: str(response.statusText) ?? '',
    responseHeaders: headerMap(response.headers),
    initiatorStack: stackOf(raw._initiatorStack),
  };
  const resourceType = (str(raw._resourceType) ?? '').toLowerCase();
  const sse = resourceType === 'eventsource' || Array.isArray(raw._eventSourceMessages);
  if (sse || resourceType === 'websocket' || Array.isArray(raw._webSocketMessages) || /^wss?:/i.test(url)) {
    const channel = isObject(raw._channel) ? raw._channel : {};
    const { messages, dropped } = messagesOf(sse ? raw._eventSourceMessages : raw._webSocketMessages, sse);
    return {
      ...common,
      id: str(channel.id) ?? common.id,
      type: 'channel',
      transport: sse ? 'sse' : 'websocket',
      messages,
      droppedMessages: dropped,
      state: str(channel.state),
      closeCode: num(channel.closeCode),
      closeReason: str(channel.closeReason),
      errorMessage: str(channel.errorMessage),
    };
  }
  const headers = headerMap(request.headers);
  const postData = isObject(request.postData) ? str(request.postData.text) : undefined;
  const cors = isObject(raw._cors) ? raw._cors : undefined;
  const state = str(raw._state);
  // Object.assign, not `{ ...common, … }`: V8 adds each property after a spread on its slow
  // path, which made this 100 times slower (8 s of a 100,000-entry import).
  return Object.assign<Common, Omit<RequestRecord, keyof Common>>(common, {
    type: 'request',
    // Some tools write "" for data: URLs; a request without a method was a GET. Only the methods
    // fetch() normalises are upper-cased: `patch` went out as `patch`, and CORS tells them apart.
    method: method === '' ? 'GET' : normaliseMethod(method),
    headers: Array.isArray(raw._pageHeaders) ? headerMap(raw._pageHeaders) : headers,
    wireHeaders: Array.isArray(raw._pageHeaders) ? headers : undefined,
    postData: postData === '' ? undefined : postData,
    resourceType: resourceType || 'other',
    preflightFor: str(raw._preflightFor),
    mimeType: str(content.mimeType) || undefined,
    body: str(content.text) || undefined,
    bodyBase64: content.encoding === 'base64',
    bodyTruncated: raw._responseBodyTruncated === true,
    state: state === 'pending' || state === 'done' || state === 'failed' ? state : undefined,
    error: failureText(raw, response),
    cors:
      cors && typeof cors.corsError === 'string' && typeof cors.failedParameter === 'string'
        ? { corsError: cors.corsError, failedParameter: cors.failedParameter }
        : undefined,
    blockedReason: str(raw._blockedReason),
    canceled: typeof raw._canceled === 'boolean' ? raw._canceled : undefined,
  });
}
