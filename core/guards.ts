/**
 * The guards of every hop but the page's (that one is a schema: `probe-schema.ts`). Whatever
 * crosses a context is `unknown` until its guard accepts it. `HOP_MESSAGE_TYPES` lists each
 * hop's message types so a test can prove every type has a guard that accepts it and rejects
 * its malformed twin (tests/core/guards.test.ts).
 */
import {
  PAGE_MESSAGE_TAG,
  PAGE_PROTOCOL_VERSION,
  REALTIME_LIMITS,
  REPLAY_LIMITS,
  type BridgePolicyCommand,
  type BridgeRecordCommand,
  type BridgeToProbe,
  type BridgeToRecorder,
  DEVTOOLS_LIMITS,
  type DevtoolsToRecorder,
  type PanelToRecorder,
  type ProbeToBridge,
  type RecorderStatus,
  type RecorderToBridge,
  type RealtimePolicy,
  type ReplayRequest,
  type RecorderToPanel,
} from './protocol';
import { captureOrigin } from './capture-from-load';

type Obj = Record<string, unknown>;
const isObject = (x: unknown): x is Obj => typeof x === 'object' && x !== null;
const isTabId = (x: unknown): x is number => Number.isInteger(x) && (x as number) >= 0;
const isCount = (x: unknown): x is number => Number.isInteger(x) && (x as number) >= 0;

/** Every hop's message types, spelled out so tests can enumerate them. */
export const HOP_MESSAGE_TYPES = {
  'probe->bridge': ['events'],
  'bridge->probe': ['record', 'policy'],
  'bridge->recorder': ['events', 'rejected'],
  'recorder->bridge': ['record', 'policy'],
  'panel->recorder': ['subscribe', 'start', 'stop', 'clear', 'realtime', 'replay', 'captureFromLoad'],
  'recorder->panel': ['snapshot', 'events', 'status', 'error'],
  'devtools->recorder': ['har-entries'],
} as const satisfies {
  'probe->bridge': readonly ProbeToBridge['type'][];
  'bridge->probe': readonly BridgeToProbe['type'][];
  'bridge->recorder': readonly BridgeToRecorder['type'][];
  'recorder->bridge': readonly RecorderToBridge['type'][];
  'panel->recorder': readonly PanelToRecorder['type'][];
  'recorder->panel': readonly RecorderToPanel['type'][];
  'devtools->recorder': readonly DevtoolsToRecorder['type'][];
};
export type Hop = keyof typeof HOP_MESSAGE_TYPES;

/** The bridge's command to the probe. The page can forge it: it only starts or stops streaming. */
export function isBridgeToProbe(x: unknown): x is BridgeRecordCommand {
  return (
    isObject(x) &&
    x[PAGE_MESSAGE_TAG] === 'bridge' &&
    x.v === PAGE_PROTOCOL_VERSION &&
    x.type === 'record' &&
    typeof x.on === 'boolean' &&
    (x.cdp === undefined || typeof x.cdp === 'boolean')
  );
}

/**
 * A real-time policy, rebuilt from known fields only: plain URL substrings, capped in number
 * and length. Undefined when anything is off.
 */
export function parseRealtimePolicy(x: unknown): RealtimePolicy | undefined {
  if (!isObject(x) || typeof x.allOff !== 'boolean' || !Array.isArray(x.blocked)) return undefined;
  if (x.blocked.length > REALTIME_LIMITS.maxPatterns) return undefined;
  const blocked: string[] = [];
  for (const p of x.blocked as unknown[]) {
    if (!isRealtimePattern(p)) return undefined;
    if (!blocked.includes(p)) blocked.push(p);
  }
  return { allOff: x.allOff, blocked };
}

/** A channel pattern: plain text, no declarativeNetRequest wildcard or anchor characters. */
export function isRealtimePattern(x: unknown): x is string {
  return (
    typeof x === 'string' && x.length > 0 && x.length <= REALTIME_LIMITS.maxPatternChars && !/[*|^\s]/.test(x)
  );
}

/**
 * The bridge's policy command to the probe. The page can forge this one too: it can only switch
 * its own channels off or on in its own window, which it could do without us. The network rule
 * and the recorded policy come only from the panel.
 */
export function isBridgePolicy(x: unknown): x is BridgePolicyCommand {
  return (
    isObject(x) &&
    x[PAGE_MESSAGE_TAG] === 'bridge' &&
    x.v === PAGE_PROTOCOL_VERSION &&
    x.type === 'policy' &&
    parseRealtimePolicy(x.policy) !== undefined
  );
}

/** Any bridge command to the probe. */
export function isBridgeCommand(x: unknown): x is BridgeToProbe {
  return isBridgeToProbe(x) || isBridgePolicy(x);
}

/** A header name fetch accepts (RFC 9110 token); HTTP/2 pseudo-headers like `:path` are not. */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/** An http(s) origin as `URL.origin` writes it (scheme, host, optional port; nothing else). */
function isHttpOrigin(x: unknown): x is string {
  return typeof x === 'string' && x.length <= 300 && /^https?:\/\/[^\s/?#@\\]+$/i.test(x);
}

/**
 * A replay request, rebuilt from known fields only: an http(s) URL, a method token, string
 * headers with valid names, an optional string body; all capped.
 */
export function parseReplayRequest(x: unknown): ReplayRequest | undefined {
  if (!isObject(x) || typeof x.sourceRequestId !== 'string' || x.sourceRequestId.length > 200)
    return undefined;
  if (typeof x.url !== 'string' || x.url.length > REPLAY_LIMITS.maxUrlChars || !/^https?:\/\//i.test(x.url))
    return undefined;
  if (typeof x.method !== 'string' || !/^[A-Za-z]{1,16}$/.test(x.method)) return undefined;
  if (!isObject(x.headers)) return undefined;
  const entries = Object.entries(x.headers);
  if (entries.length > REPLAY_LIMITS.maxHeaders) return undefined;
  const headers: Record<string, string> = {};
  for (const [name, value] of entries) {
    if (!HEADER_NAME.test(name) || typeof value !== 'string' || value.length > REPLAY_LIMITS.maxUrlChars)
      return undefined;
    headers[name] = value;
  }
  if (x.body !== undefined && (typeof x.body !== 'string' || x.body.length > REPLAY_LIMITS.maxBodyChars))
    return undefined;
  if (!isHttpOrigin(x.pageOrigin)) return undefined;
  return {
    sourceRequestId: x.sourceRequestId,
    url: x.url,
    method: x.method.toUpperCase(),
    headers,
    ...(x.body !== undefined ? { body: x.body } : {}),
    pageOrigin: x.pageOrigin,
  };
}

/**
 * A bridge message to the recorder. The events inside were validated by the bridge against
 * the page schema; the bridge is our own content script, so here we check the envelope.
 */
export function parseBridgeToRecorder(x: unknown): BridgeToRecorder | undefined {
  if (!isObject(x)) return undefined;
  if (x.type === 'events' && Array.isArray(x.events) && isCount(x.overflow)) return x as BridgeToRecorder;
  if (x.type === 'rejected' && isCount(x.count) && typeof x.reason === 'string') {
    return { type: 'rejected', count: x.count, reason: x.reason };
  }
  return undefined;
}

/** The recorder's command to a bridge. */
export function isRecorderToBridge(x: unknown): x is RecorderToBridge {
  if (!isObject(x)) return false;
  if (x.type === 'policy') return parseRealtimePolicy(x.policy) !== undefined;
  return (
    x.type === 'record' && typeof x.on === 'boolean' && (x.cdp === undefined || typeof x.cdp === 'boolean')
  );
}

/** A panel command to the recorder, rebuilt from known fields only. */
export function parsePanelToRecorder(x: unknown): PanelToRecorder | undefined {
  if (!isObject(x) || !isTabId(x.tabId)) return undefined;
  switch (x.type) {
    case 'subscribe':
      if (x.fromSeq === undefined) return { type: 'subscribe', tabId: x.tabId };
      return isSeq(x.fromSeq) ? { type: 'subscribe', tabId: x.tabId, fromSeq: x.fromSeq } : undefined;
    case 'stop':
    case 'clear':
      return { type: x.type, tabId: x.tabId };
    case 'start':
      return { type: 'start', tabId: x.tabId, reload: x.reload === true };
    case 'realtime': {
      const policy = parseRealtimePolicy(x.policy);
      return policy && { type: 'realtime', tabId: x.tabId, policy };
    }
    case 'replay': {
      const request = parseReplayRequest(x.request);
      return request && { type: 'replay', tabId: x.tabId, request };
    }
    case 'captureFromLoad': {
      const origin = captureOrigin(x.origin);
      if (origin === undefined || origin !== x.origin || typeof x.on !== 'boolean') return undefined;
      return { type: 'captureFromLoad', tabId: x.tabId, origin, on: x.on };
    }
    default:
      return undefined;
  }
}

/** A sequence number: 0 (nothing yet) or a seq the recorder assigned. */
function isSeq(x: unknown): x is number {
  return typeof x === 'number' && Number.isSafeInteger(x) && x >= 0;
}

const CDP_STATES = new Set(['attached', 'detached', 'unavailable', 'never']);

function isStatus(x: unknown): x is RecorderStatus {
  return (
    isObject(x) &&
    isTabId(x.tabId) &&
    typeof x.recording === 'boolean' &&
    typeof x.cdp === 'string' &&
    CDP_STATES.has(x.cdp) &&
    (x.realtime === undefined || parseRealtimePolicy(x.realtime) !== undefined)
  );
}

function areEvents(x: unknown): boolean {
  return (
    Array.isArray(x) && x.every((e) => isObject(e) && typeof e.seq === 'number' && typeof e.kind === 'string')
  );
}

/**
 * A recorder message to the panel. Events inside a batch are checked only for the fields the
 * panel indexes by (`seq`, `kind`): they come from our own service worker, which validated
 * every page-authored event before appending it, and a deep check of 100,000 events per
 * snapshot would stall the panel.
 */
export function isRecorderToPanel(x: unknown): x is RecorderToPanel {
  if (!isObject(x)) return false;
  switch (x.type) {
    case 'snapshot':
      return (
        isStatus(x.status) &&
        areEvents(x.events) &&
        (x.fromSeq === undefined || isSeq(x.fromSeq)) &&
        (x.stored === undefined || isSeq(x.stored))
      );
    case 'events':
      return isTabId(x.tabId) && areEvents(x.events);
    case 'status':
      return isStatus(x.status);
    case 'error':
      return (
        isTabId(x.tabId) &&
        typeof x.message === 'string' &&
        (x.code === undefined ||
          x.code === 'saveFailed' ||
          x.code === 'loadFailed' ||
          x.code === 'realtimeFailed') &&
        (x.reason === undefined || typeof x.reason === 'string')
      );
    default:
      return false;
  }
}

/**
 * A devtools page's batch of HAR entries. Only the envelope is checked here: each entry is
 * browser-reported but describes page traffic, so `core/har`'s reader checks it field by field.
 */
export function parseDevtoolsToRecorder(x: unknown): DevtoolsToRecorder | undefined {
  if (!isObject(x) || x.type !== 'har-entries' || !isTabId(x.tabId) || !Array.isArray(x.entries))
    return undefined;
  if (x.entries.length > DEVTOOLS_LIMITS.maxEntries) return undefined;
  const entries = x.entries as unknown[];
  if (!entries.every(isObject)) return undefined;
  return { type: 'har-entries', tabId: x.tabId, entries };
}
