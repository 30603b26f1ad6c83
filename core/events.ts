/**
 * The recording: an append-only log of typed events. Every context that captures something
 * (CDP in the recorder, the probe in the page, a HAR importer, the user's own actions)
 * normalises it into one of these kinds before it is appended. `core/reducer.ts` folds the log
 * into requests, channels, rejections and findings.
 */

/** Who authored an event. Browser-authored evidence (`cdp`) is preferred over page-reported. */
export type EventSource = 'cdp' | 'page' | 'har' | 'user';

export type Headers = Record<string, string>;

/** One parsed stack frame (V8 format `at fn (url:line:col)`). Lines and columns are 1-based. */
export interface StackFrame {
  functionName: string;
  url: string;
  line: number;
  column: number;
}

export interface RequestStart {
  kind: 'request.start';
  requestId: string;
  url: string;
  method: string;
  headers: Headers;
  postData?: string;
  /** fetch | xhr | document | script | preflight | other … (lower case). */
  resourceType: string;
  /** For a CORS preflight: the id of the request it was sent for. */
  preflightFor?: string;
  /** Origin of the document that sent it, when known. */
  documentUrl?: string;
  initiatorStack?: StackFrame[];
}

export interface RequestResponse {
  kind: 'request.response';
  requestId: string;
  status: number;
  statusText: string;
  headers: Headers;
  mimeType?: string;
  /** Response body when captured (text, possibly truncated). */
  body?: string;
  bodyTruncated?: boolean;
}

/** Headers as they really went on the wire (CDP `requestWillBeSentExtraInfo`). */
export interface RequestWireHeaders {
  kind: 'request.wire-headers';
  requestId: string;
  headers: Headers;
}

export interface RequestBody {
  kind: 'request.body';
  requestId: string;
  body: string;
  truncated: boolean;
  base64?: boolean;
}

export interface RequestFinished {
  kind: 'request.finished';
  requestId: string;
  encodedDataLength?: number;
}

/** `corsError` uses Chromium's vocabulary (CDP `Network.CorsError`). */
export interface CorsErrorStatus {
  corsError: string;
  failedParameter: string;
}

export interface RequestFailed {
  kind: 'request.failed';
  requestId: string;
  errorText: string;
  canceled?: boolean;
  blockedReason?: string;
  cors?: CorsErrorStatus;
}

export type ChannelTransport = 'websocket' | 'sse';

export interface ChannelOpen {
  kind: 'channel.created';
  channelId: string;
  transport: ChannelTransport;
  url: string;
  initiatorStack?: StackFrame[];
}

export interface ChannelHandshake {
  kind: 'channel.open';
  channelId: string;
  status?: number;
  headers?: Headers;
}

export interface ChannelFrame {
  kind: 'channel.frame';
  channelId: string;
  direction: 'send' | 'receive';
  /** 1 text, 2 binary (WebSocket opcodes); SSE messages are text. */
  opcode: number;
  /** Text as text; binary as base64. Possibly truncated, see `size`. */
  data: string;
  /** Size of the whole payload in bytes (or characters when the size is unknown). */
  size: number;
  truncated?: boolean;
  /** SSE only. */
  eventName?: string;
  lastEventId?: string;
}

export interface ChannelError {
  kind: 'channel.error';
  channelId: string;
  message: string;
}

export interface ChannelClosed {
  kind: 'channel.closed';
  channelId: string;
  code?: number;
  reason?: string;
  wasClean?: boolean;
}

/**
 * The probe refused a new WebSocket / EventSource because the tab's real-time policy switched
 * it off (the page saw an error and a close, as on an outage). Counted, never hidden: a
 * reconnect loop shows up as a growing count.
 */
export interface ChannelRefused {
  kind: 'channel.refused';
  transport: ChannelTransport;
  url: string;
}

/** An unhandled rejection, an uncaught error, or an error logged to the console. */
export interface ExceptionEvent {
  kind: 'exception';
  /** How it surfaced. */
  surface: 'unhandledrejection' | 'error' | 'console';
  /** `Error: Auth context not provided`, or the text of a non-Error reason. */
  message: string;
  /** Error class name when the reason was an Error. */
  errorName?: string;
  stack?: StackFrame[];
  /** The raw stack text as the browser printed it. */
  stackText?: string;
  /** Script the error was thrown from (top frame, or the error event's filename). */
  url?: string;
  line?: number;
  column?: number;
  /** Id to match a later `rejectionhandled` (page) or `exceptionRevoked` (CDP). */
  exceptionId?: string;
}

export interface ExceptionHandled {
  kind: 'exception.handled';
  exceptionId: string;
}

/** Console and browser log entries (`Log.entryAdded`): CORS text, network errors, deprecations. */
export interface LogEntry {
  kind: 'log';
  level: 'error' | 'warning' | 'info' | 'verbose';
  /** Chromium's log source: `network`, `javascript`, `cors`, `console-api`, … */
  category: string;
  text: string;
  url?: string;
  requestId?: string;
}

/** A document started loading in the tab (probe start or CDP navigation). */
export interface PageLoad {
  kind: 'page.load';
  url: string;
}

/** The state of capture: debugger attached/detached, dropped messages. Shown in the panel. */
export interface CaptureState {
  kind: 'capture.state';
  cdp: 'attached' | 'detached' | 'unavailable';
  /** Why CDP detached: `target_closed`, `canceled_by_user`, … or an attach error. */
  reason?: string;
}

/** Page messages that the bridge or the probe refused or lost. */
export interface CaptureDropped {
  kind: 'capture.dropped';
  /** Malformed or oversized probe-shaped messages the bridge refused. */
  rejected: number;
  /** Events the probe's bounded buffer had to discard before recording began. */
  overflow: number;
  /** Page event times outside the recording's window, clamped into it (`recorder/page-intake.ts`). */
  clamped?: number;
  /**
   * Frame payloads not kept: the tab's recording passed its memory bound (`recorder/memory-bound.ts`)
   * and new frames were recorded without their data (`truncated`, with their `size`).
   */
  payloads?: number;
  reason?: string;
}

/**
 * A stretch of time the recorder did not capture: its service worker was stopped mid-recording
 * (MV3 may stop it at any moment) and restarted. Events persisted before are all kept.
 */
export interface CaptureGap {
  kind: 'capture.gap';
  /** The last persisted event's time (epoch ms). */
  from: number;
  /** When the recorder resumed (epoch ms). */
  to: number;
  reason: string;
}

/** Something the user did from the panel (record, reload, replay, toggle). */
export interface UserAction {
  kind: 'user.action';
  action: string;
  detail?: string;
}

/**
 * The outcome of a replay the user confirmed (issue 5). Sent from the page's origin by the
 * recorder; the browser's own record of the same request (CDP) carries the CORS verdict.
 */
export interface ReplayResult {
  kind: 'replay.result';
  /** `replay:<seq of the user action>`. */
  replayId: string;
  sourceRequestId: string;
  url: string;
  method: string;
  startTime: number;
  durationMs: number;
  /** Absent when the request failed (CORS, network): then `error` says how. */
  status?: number;
  statusText?: string;
  headers?: Headers;
  body?: string;
  bodyTruncated?: boolean;
  /** `TypeError: Failed to fetch` for a CORS or network failure. */
  error?: string;
}

export type EventBody =
  | RequestStart
  | RequestWireHeaders
  | RequestResponse
  | RequestBody
  | RequestFinished
  | RequestFailed
  | ChannelOpen
  | ChannelHandshake
  | ChannelFrame
  | ChannelError
  | ChannelClosed
  | ChannelRefused
  | ExceptionEvent
  | ExceptionHandled
  | LogEntry
  | PageLoad
  | CaptureState
  | CaptureDropped
  | CaptureGap
  | UserAction
  | ReplayResult;

export type EventKind = EventBody['kind'];

/** One entry of the log. `seq` is assigned by the recorder, strictly increasing per recording. */
export type RecordedEvent = EventBody & {
  seq: number;
  /** Wall-clock milliseconds since the epoch. */
  time: number;
  source: EventSource;
};
