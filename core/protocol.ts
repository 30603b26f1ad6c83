/**
 * The typed messages of each hop, named by direction. Whatever arrives over a hop is `unknown`
 * until the matching guard accepts it (see `core/probe-schema.ts` for the page-side hop).
 */
import type { EventBody, RecordedEvent } from './events';

/** Marker on every window message between the probe (MAIN world) and the bridge. */
export const PAGE_MESSAGE_TAG = '__handshake';
export const PAGE_PROTOCOL_VERSION = 1;

/** Kinds the probe may report. Anything else from the page is refused by the bridge. */
export const PROBE_EVENT_KINDS = [
  'request.start',
  'request.response',
  'request.finished',
  'request.failed',
  'channel.created',
  'channel.open',
  'channel.frame',
  'channel.error',
  'channel.closed',
  'exception',
  'exception.handled',
  'page.load',
] as const;
export type ProbeEventKind = (typeof PROBE_EVENT_KINDS)[number];

/** An event as the probe reports it: a body of an allowed kind plus the page's clock. */
export type ProbeEvent = Extract<EventBody, { kind: ProbeEventKind }> & { time: number };

/** Size caps the probe respects and the bridge enforces. */
export const PAGE_LIMITS = {
  /** Longest text the probe keeps of a frame, body or header value (characters). */
  previewChars: 64 * 1024,
  /** Any string longer than this makes the whole message malformed. */
  maxStringChars: 128 * 1024,
  /** Events per window message. */
  maxBatch: 500,
  /** Events the probe holds while the tab is not recording. */
  bufferEvents: 5000,
  /** Headers per request. */
  maxHeaders: 200,
  /** Stack frames per stack. */
  maxFrames: 100,
} as const;

// ---- probe <-> bridge (window.postMessage in the page) -------------------------------------

export interface ProbeToBridge {
  [PAGE_MESSAGE_TAG]: 'probe';
  v: typeof PAGE_PROTOCOL_VERSION;
  type: 'events';
  events: ProbeEvent[];
  /** Events the probe had to discard since its last message (bounded buffer). */
  overflow: number;
}

export interface BridgeToProbe {
  [PAGE_MESSAGE_TAG]: 'bridge';
  v: typeof PAGE_PROTOCOL_VERSION;
  type: 'record';
  /** true: flush the buffer and stream; false: buffer again (bounded). */
  on: boolean;
}

// ---- bridge <-> recorder (runtime port named BRIDGE_PORT) ----------------------------------

export const BRIDGE_PORT = 'handshake-bridge';

export type BridgeToRecorder =
  | { type: 'events'; events: ProbeEvent[]; overflow: number }
  | { type: 'rejected'; count: number; reason: string };

export type RecorderToBridge = { type: 'record'; on: boolean };

// ---- panel <-> recorder (runtime port named PANEL_PORT) ------------------------------------

export const PANEL_PORT = 'handshake-panel';

export type PanelToRecorder =
  | { type: 'subscribe'; tabId: number }
  | { type: 'start'; tabId: number; reload: boolean }
  | { type: 'stop'; tabId: number }
  | { type: 'clear'; tabId: number };

export interface RecorderStatus {
  tabId: number;
  recording: boolean;
  /** The debugger's state for this tab. */
  cdp: 'attached' | 'detached' | 'unavailable' | 'never';
  cdpReason?: string;
}

export type RecorderToPanel =
  | { type: 'snapshot'; status: RecorderStatus; events: RecordedEvent[] }
  | { type: 'events'; tabId: number; events: RecordedEvent[] }
  | { type: 'status'; status: RecorderStatus }
  | { type: 'error'; tabId: number; message: string };
