/**
 * The guards of every hop but the page's (that one is a schema: `probe-schema.ts`). Whatever
 * crosses a context is `unknown` until its guard accepts it. `HOP_MESSAGE_TYPES` lists each
 * hop's message types so a test can prove every type has a guard that accepts it and rejects
 * its malformed twin (tests/core/guards.test.ts).
 */
import {
  PAGE_MESSAGE_TAG,
  PAGE_PROTOCOL_VERSION,
  type BridgeToProbe,
  type BridgeToRecorder,
  type PanelToRecorder,
  type ProbeToBridge,
  type RecorderStatus,
  type RecorderToBridge,
  type RecorderToPanel,
} from './protocol';

type Obj = Record<string, unknown>;
const isObject = (x: unknown): x is Obj => typeof x === 'object' && x !== null;
const isTabId = (x: unknown): x is number => Number.isInteger(x) && (x as number) >= 0;
const isCount = (x: unknown): x is number => Number.isInteger(x) && (x as number) >= 0;

/** Every hop's message types, spelled out so tests can enumerate them. */
export const HOP_MESSAGE_TYPES = {
  'probe->bridge': ['events'],
  'bridge->probe': ['record'],
  'bridge->recorder': ['events', 'rejected'],
  'recorder->bridge': ['record'],
  'panel->recorder': ['subscribe', 'start', 'stop', 'clear'],
  'recorder->panel': ['snapshot', 'events', 'status', 'error'],
} as const satisfies {
  'probe->bridge': readonly ProbeToBridge['type'][];
  'bridge->probe': readonly BridgeToProbe['type'][];
  'bridge->recorder': readonly BridgeToRecorder['type'][];
  'recorder->bridge': readonly RecorderToBridge['type'][];
  'panel->recorder': readonly PanelToRecorder['type'][];
  'recorder->panel': readonly RecorderToPanel['type'][];
};
export type Hop = keyof typeof HOP_MESSAGE_TYPES;

/** The bridge's command to the probe. The page can forge it: it only starts or stops streaming. */
export function isBridgeToProbe(x: unknown): x is BridgeToProbe {
  return (
    isObject(x) &&
    x[PAGE_MESSAGE_TAG] === 'bridge' &&
    x.v === PAGE_PROTOCOL_VERSION &&
    x.type === 'record' &&
    typeof x.on === 'boolean'
  );
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
  return isObject(x) && x.type === 'record' && typeof x.on === 'boolean';
}

/** A panel command to the recorder, rebuilt from known fields only. */
export function parsePanelToRecorder(x: unknown): PanelToRecorder | undefined {
  if (!isObject(x) || !isTabId(x.tabId)) return undefined;
  switch (x.type) {
    case 'subscribe':
    case 'stop':
    case 'clear':
      return { type: x.type, tabId: x.tabId };
    case 'start':
      return { type: 'start', tabId: x.tabId, reload: x.reload === true };
    default:
      return undefined;
  }
}

const CDP_STATES = new Set(['attached', 'detached', 'unavailable', 'never']);

function isStatus(x: unknown): x is RecorderStatus {
  return (
    isObject(x) &&
    isTabId(x.tabId) &&
    typeof x.recording === 'boolean' &&
    typeof x.cdp === 'string' &&
    CDP_STATES.has(x.cdp)
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
      return isStatus(x.status) && areEvents(x.events);
    case 'events':
      return isTabId(x.tabId) && areEvents(x.events);
    case 'status':
      return isStatus(x.status);
    case 'error':
      return isTabId(x.tabId) && typeof x.message === 'string';
    default:
      return false;
  }
}
