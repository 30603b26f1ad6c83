/**
 * HAR 1.2 (http://www.softwareishard.com/blog/har-12-spec/) as Chrome DevTools writes and reads
 * it, plus the `_`-prefixed fields Handshake adds. Everything read from a file is `unknown`
 * until `import.ts` has checked it: these types describe what we write.
 */
import type { CorsErrorStatus, EventSource, Headers, RecordedEvent, StackFrame } from '../events';
import type { Finding } from '../model';
import type { RedactionManifest } from '../redact/manifest';

export interface HarNameValue {
  name: string;
  value: string;
}

export interface HarCookie extends HarNameValue {
  path?: string;
  domain?: string;
  expires?: string;
  httpOnly?: boolean;
  secure?: boolean;
}

export interface HarPostData {
  mimeType: string;
  text: string;
  params?: HarNameValue[];
}

export interface HarRequest {
  method: string;
  url: string;
  httpVersion: string;
  cookies: HarCookie[];
  headers: HarNameValue[];
  queryString: HarNameValue[];
  postData?: HarPostData;
  headersSize: number;
  bodySize: number;
}

export interface HarContent {
  size: number;
  mimeType: string;
  text?: string;
  encoding?: 'base64';
}

export interface HarResponse {
  status: number;
  statusText: string;
  httpVersion: string;
  cookies: HarCookie[];
  headers: HarNameValue[];
  content: HarContent;
  redirectURL: string;
  headersSize: number;
  bodySize: number;
}

export interface HarTimings {
  blocked: number;
  dns: number;
  connect: number;
  send: number;
  wait: number;
  receive: number;
  ssl: number;
}

/** One WebSocket message as Chrome writes it: `time` in epoch seconds, `opcode` 1 text / 2 binary. */
export interface HarWebSocketMessage {
  type: 'send' | 'receive';
  time: number;
  opcode: number;
  data: string;
}

/** One SSE message (our field: Chrome does not export EventSource messages). */
export interface HarEventSourceMessage {
  time: number;
  eventName?: string;
  lastEventId?: string;
  data: string;
}

/** What a channel entry keeps beyond its messages, so that an import rebuilds the same channel. */
export interface HarChannelState {
  id: string;
  state: 'connecting' | 'open' | 'closed' | 'error';
  closeCode?: number;
  closeReason?: string;
  errorMessage?: string;
}

export interface HarEntry {
  pageref?: string;
  startedDateTime: string;
  time: number;
  request: HarRequest;
  response: HarResponse;
  cache: Record<string, never>;
  timings: HarTimings;
  /** Chrome's own fields. */
  _resourceType?: string;
  _error?: string;
  _webSocketMessages?: HarWebSocketMessage[];
  /** Ours: everything an import needs to rebuild the same request or channel. */
  _requestId?: string;
  _source?: EventSource;
  _state?: 'pending' | 'done' | 'failed';
  _preflightFor?: string;
  _cors?: CorsErrorStatus;
  _blockedReason?: string;
  _canceled?: boolean;
  _pageError?: string;
  /** Headers the page set, when `request.headers` are the ones that went on the wire. */
  _pageHeaders?: HarNameValue[];
  _responseBodyTruncated?: boolean;
  _initiatorStack?: StackFrame[];
  _eventSourceMessages?: HarEventSourceMessage[];
  _channel?: HarChannelState;
}

/** Log-level events that are neither requests nor channels, as recorded (minus `seq`). */
export type HarLoggedEvent = Omit<RecordedEvent, 'seq'>;

/** A CORS verdict as the browser gave it, per request (ours). */
export interface HarCorsVerdict {
  requestId: string;
  url: string;
  corsError: string;
  failedParameter: string;
}

export interface HarLog {
  version: '1.2';
  creator: { name: string; version: string };
  pages: Array<{ startedDateTime: string; id: string; title: string; pageTimings: Record<string, number> }>;
  entries: HarEntry[];
  /** Ours. */
  _exceptions?: HarLoggedEvent[];
  _logs?: HarLoggedEvent[];
  _userActions?: HarLoggedEvent[];
  _pageLoads?: HarLoggedEvent[];
  _capture?: HarLoggedEvent[];
  /** Replays the user confirmed, with their outcome (redacted). */
  _replays?: HarLoggedEvent[];
  /** Stretches the recorder did not capture (its worker restarted). */
  _captureGaps?: HarLoggedEvent[];
  _corsVerdicts?: HarCorsVerdict[];
  _findings?: Finding[];
  _redaction?: RedactionManifest;
}

export type { Headers };
