/**
 * What the reducer derives from the log: requests (with their preflight), channels with
 * frames, exceptions, and the capture state. Views read these; nothing but the reducer writes.
 */
import type { ChannelTransport, CorsErrorStatus, EventSource, Headers, StackFrame } from './events';

export interface HttpRequest {
  id: string;
  /** `cdp` when the browser reported it; `page` when only the probe saw it. */
  source: EventSource;
  url: string;
  method: string;
  resourceType: string;
  startTime: number;
  endTime?: number;
  firstSeq: number;
  requestHeaders: Headers;
  /** Headers as sent on the wire, when CDP reported them. */
  wireHeaders?: Headers;
  postData?: string;
  status?: number;
  statusText?: string;
  responseHeaders?: Headers;
  mimeType?: string;
  responseBody?: string;
  responseBodyTruncated?: boolean;
  /** The body is base64 (binary content). */
  responseBodyBase64?: boolean;
  state: 'pending' | 'done' | 'failed';
  failure?: { errorText: string; cors?: CorsErrorStatus; blockedReason?: string; canceled?: boolean };
  /** Id of the CORS preflight sent for this request. */
  preflightId?: string;
  /** For a preflight: the id of the request it was sent for. */
  preflightFor?: string;
  initiatorStack?: StackFrame[];
  /** The probe's view of the same request, when both saw it (e.g. `TypeError: Failed to fetch`). */
  pageError?: string;
}

export interface Frame {
  seq: number;
  time: number;
  direction: 'send' | 'receive';
  opcode: number;
  data: string;
  size: number;
  truncated: boolean;
  eventName?: string;
}

export type ChannelState = 'connecting' | 'open' | 'closed' | 'error';

export interface Channel {
  id: string;
  source: EventSource;
  transport: ChannelTransport;
  url: string;
  createdTime: number;
  firstSeq: number;
  state: ChannelState;
  /** HTTP status of the opening handshake (101 for WebSocket, 200 for SSE), when reported. */
  handshakeStatus?: number;
  closeCode?: number;
  closeReason?: string;
  errorMessage?: string;
  frames: Frame[];
  framesIn: number;
  framesOut: number;
  lastActivity: number;
  initiatorStack?: StackFrame[];
}

/** New channels the probe refused because real-time was switched off, per URL (issue 5). */
export interface RefusedChannel {
  transport: ChannelTransport;
  url: string;
  count: number;
  firstTime: number;
  lastTime: number;
}

export interface Exception {
  /** `x<seq>` of the first event that reported it. */
  id: string;
  source: EventSource;
  time: number;
  firstSeq: number;
  surface: 'unhandledrejection' | 'error' | 'console';
  message: string;
  errorName?: string;
  stack: StackFrame[];
  stackText?: string;
  url?: string;
  line?: number;
  column?: number;
  /** A rejection that the page handled later (`rejectionhandled`). */
  handledLater: boolean;
  /** Ids of the other reports of the same throw (CDP and probe both saw it). */
  alsoReportedAs: string[];
}

/** Where a minified frame came from, per the page's source map. Lines and columns are 1-based. */
export interface OriginalFrame {
  /** The original source, resolved against the map's URL (`…/src/services/websocketService.ts`). */
  source: string;
  line: number;
  column: number;
  /** The original name at that position, when the map has one. */
  name?: string;
}

export interface CaptureSummary {
  cdp: 'attached' | 'detached' | 'unavailable' | 'never';
  cdpReason?: string;
  /** Probe-shaped messages the bridge refused (malformed, oversized, forged). */
  rejected: number;
  /** Events the probe's buffer discarded before recording began. */
  overflow: number;
  /** Page event times outside the recording's window, clamped into it (kept, not dropped). */
  clamped: number;
  /** Frames kept without their payload: the tab's recording passed its memory bound. */
  payloads: number;
}

export type TimelineItem =
  | { type: 'request'; id: string; time: number; seq: number }
  | { type: 'channel'; id: string; time: number; seq: number }
  | { type: 'exception'; id: string; time: number; seq: number }
  | { type: 'page'; id: string; time: number; seq: number; url: string }
  | {
      type: 'action';
      id: string;
      time: number;
      seq: number;
      action: string;
      /** In English, as recorded (what free-text filters match). */
      detail?: string;
      /** The same detail as data, for actions whose detail the reducer composes: views word it anew. */
      note?: ActionNote;
    };

/** The parts of a composed action detail: a replay's answer, a capture gap's length and cause. */
export type ActionNote =
  | { kind: 'replay'; method: string; url: string; status?: number; error?: string }
  | { kind: 'gap'; seconds: number; reason: string };

export type Severity = 'error' | 'warning' | 'info';

/** A pointer from a finding to the recorded thing that proves it. */
export interface Evidence {
  type: 'request' | 'channel' | 'exception' | 'log';
  id: string;
  /** One line for the list: `POST /api/auth/token/refresh/ — preflight rejected`. */
  label: string;
}

export interface Fact {
  label: string;
  value: string;
}

export interface FixSnippet {
  /** `Django (django-cors-headers)`, `Express (cors)`, `nginx` … */
  label: string;
  code: string;
}

export interface Finding {
  /** Stable rule id, e.g. `cors/header-not-allowed`. */
  ruleId: string;
  /** Stable per finding within a recording (rule id + subject), for selection. */
  key: string;
  severity: Severity;
  /** One line in plain words. */
  title: string;
  /** What happened, in a few sentences. */
  explanation: string;
  /** What to change, and where. */
  fix: string;
  fixSnippets: FixSnippet[];
  /** Key facts shown with the finding: the disallowed header, what the server allowed… */
  facts: Fact[];
  evidence: Evidence[];
  /** How many times it occurred. */
  count: number;
  firstTime: number;
  /** Which kind of evidence decided it. */
  basis: 'cdp' | 'page' | 'har';
  /**
   * Distinct occurrences, when `count` groups several reports: one per way the same root
   * cause reached the page (a router's catch, an unhandled rejection), not per observer.
   */
  occurrences?: Array<{ time: number; label: string; evidenceIds: string[] }>;
  /** Keys of findings that caused this one (e.g. the socket constructed before auth). */
  causedBy?: string[];
}
