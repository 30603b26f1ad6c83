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
  'channel.refused',
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

/**
 * Characters of a text frame the probe keeps while the browser's debugger carries the payload:
 * the prefix `core/frame-twins.ts` pairs the two copies on.
 */
export const FRAME_PREFIX_CHARS = 64;

// ---- probe <-> bridge (window.postMessage in the page) -------------------------------------

export interface ProbeToBridge {
  [PAGE_MESSAGE_TAG]: 'probe';
  v: typeof PAGE_PROTOCOL_VERSION;
  type: 'events';
  events: ProbeEvent[];
  /** Events the probe had to discard since its last message (bounded buffer). */
  overflow: number;
}

export interface BridgeRecordCommand {
  [PAGE_MESSAGE_TAG]: 'bridge';
  v: typeof PAGE_PROTOCOL_VERSION;
  type: 'record';
  /** true: flush the buffer and stream; false: buffer again (bounded). */
  on: boolean;
  /**
   * true: the browser's debugger (CDP) records this tab and carries every frame's payload, so the
   * probe reports each frame by its size and first `FRAME_PREFIX_CHARS` text characters only
   * (enough for `core/frame-twins.ts` to pair it with the browser's copy). Absent or false: full
   * payloads, the page's copy being the only one.
   */
  cdp?: boolean;
}

/** The tab's real-time policy for the probe to enforce (see `RealtimePolicy`). */
export interface BridgePolicyCommand {
  [PAGE_MESSAGE_TAG]: 'bridge';
  v: typeof PAGE_PROTOCOL_VERSION;
  type: 'policy';
  policy: RealtimePolicy;
}

export type BridgeToProbe = BridgeRecordCommand | BridgePolicyCommand;

// ---- the real-time policy (issue 5: real-time off) -----------------------------------------

/**
 * Which real-time channels of a tab are switched off. Set only from the panel; the recorder
 * enforces it at the network (declarativeNetRequest) and pushes it down to the probe, which
 * refuses new sockets and closes live ones.
 */
export interface RealtimePolicy {
  /** Every WebSocket and EventSource of the tab is off. */
  allOff: boolean;
  /**
   * Channels switched off one by one: URL substrings such as `127.0.0.1:8000/ws/widgets/`.
   * Plain text only (no `*`, `|`, `^`), so the probe and declarativeNetRequest agree on a match.
   */
  blocked: string[];
}

export const REALTIME_LIMITS = { maxPatterns: 20, maxPatternChars: 500 } as const;

/** Close code and reason the probe uses for live channels it closes (4000-4999: application). */
export const REALTIME_CLOSE = { code: 4000, reason: 'Closed by Handshake: real-time switched off' } as const;

// ---- bridge <-> recorder (runtime port named BRIDGE_PORT) ----------------------------------

export const BRIDGE_PORT = 'handshake-bridge';

export type BridgeToRecorder =
  | { type: 'events'; events: ProbeEvent[]; overflow: number }
  | { type: 'rejected'; count: number; reason: string };

export type RecorderToBridge =
  /** `cdp`: the debugger is attached and records frames (see `BridgeRecordCommand.cdp`). */
  { type: 'record'; on: boolean; cdp?: boolean } | { type: 'policy'; policy: RealtimePolicy };

// ---- panel <-> recorder (runtime port named PANEL_PORT) ------------------------------------

export const PANEL_PORT = 'handshake-panel';

/**
 * The `storage.local` key of the panel's "Keep everything" setting: `true` lifts the recorder's
 * per-tab memory bound (`recorder/memory-bound.ts`). The recorder follows the key's changes.
 */
export const KEEP_EVERYTHING_KEY = 'recorder:keepEverything';

export type PanelToRecorder =
  /**
   * `fromSeq`: the last seq the panel already holds (a reconnect): the recorder sends only what
   * follows, when it still can (no clear in between), else everything.
   */
  | { type: 'subscribe'; tabId: number; fromSeq?: number }
  | { type: 'start'; tabId: number; reload: boolean }
  | { type: 'stop'; tabId: number }
  | { type: 'clear'; tabId: number }
  /** Sets the tab's whole real-time policy (the panel sends the state it wants). */
  | { type: 'realtime'; tabId: number; policy: RealtimePolicy }
  /** Sends a request again from the page's origin, after the user confirmed it. */
  | { type: 'replay'; tabId: number; request: ReplayRequest }
  /**
   * "Capture from page load" on `origin` (an exact http(s) origin, `core/capture-from-load.ts`):
   * the probe and bridge run in its pages from their first script, recorded or not. `tabId` is
   * the panel's tab; the setting is per origin.
   */
  | { type: 'captureFromLoad'; tabId: number; origin: string; on: boolean };

/** What a replay sends: the recorded request, possibly edited by the user. */
export interface ReplayRequest {
  /** The recorded request it replays. */
  sourceRequestId: string;
  url: string;
  method: string;
  headers: Record<string, string>;
  body?: string;
  /**
   * The origin of the page the user confirmed the replay from. The replay runs in whatever
   * document the tab shows when it is sent: it is refused unless that document has this origin.
   */
  pageOrigin: string;
}

/** What a replay refused because the tab shows another page carries as its `error`. */
export function replayPageRefusal(actual: string, expected: string): string {
  return `Not sent by Handshake: the tab shows ${actual}, not ${expected}`;
}

/** The two origins of a `replayPageRefusal` error; undefined for any other error. */
export function parseReplayPageRefusal(
  error: string | undefined,
): { actual: string; expected: string } | undefined {
  const found = /^Not sent by Handshake: the tab shows (\S+), not (\S+)$/.exec(error ?? '');
  return found ? { actual: found[1], expected: found[2] } : undefined;
}

export const REPLAY_LIMITS = { maxUrlChars: 8 * 1024, maxHeaders: 100, maxBodyChars: 1024 * 1024 } as const;

export interface RecorderStatus {
  tabId: number;
  recording: boolean;
  /** The debugger's state for this tab. */
  cdp: 'attached' | 'detached' | 'unavailable' | 'never';
  cdpReason?: string;
  /** The tab's real-time policy, when one was ever set. */
  realtime?: RealtimePolicy;
}

export type RecorderToPanel =
  /**
   * `fromSeq` set: `events` follow that seq and add to what the panel holds; absent: replace.
   * `stored` set: the events after `fromSeq` (or from the first) up to this seq are not in the
   * message: the panel reads them from the recorder's IndexedDB (`recorder/event-store.ts`), far
   * faster than a port carries them; later events come as usual.
   */
  | { type: 'snapshot'; status: RecorderStatus; events: RecordedEvent[]; fromSeq?: number; stored?: number }
  | { type: 'events'; tabId: number; events: RecordedEvent[] }
  | { type: 'status'; status: RecorderStatus }
  | {
      type: 'error';
      tabId: number;
      /** In English: what a panel shows when it does not know `code`. */
      message: string;
      /** The recorder's own failures, which the panel words in its language (`reason` is data). */
      code?: RecorderErrorCode;
      reason?: string;
    };

/** Failures of the recorder itself (a browser API's own refusal comes as `message` alone). */
export type RecorderErrorCode =
  | 'saveFailed'
  | 'loadFailed'
  /** The browser refused the tab's real-time rules; the previous setting is kept (`reason`). */
  | 'realtimeFailed';

// ---- devtools page -> recorder (runtime port named DEVTOOLS_PORT) --------------------------

export const DEVTOOLS_PORT = 'handshake-devtools';

/** Caps on what one devtools message may carry (the entries are checked again one by one). */
export const DEVTOOLS_LIMITS = { maxEntries: 100 } as const;

/**
 * HAR entries of finished requests from `devtools.network.onRequestFinished`, for browsers
 * without `chrome.debugger` (Firefox). Each entry is `unknown` until `core/har`'s reader accepts it.
 */
export type DevtoolsToRecorder = { type: 'har-entries'; tabId: number; entries: unknown[] };
