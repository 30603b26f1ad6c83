/**
 * Guards for the extension-internal hops into the recorder. The bridge has already validated
 * page events against `core/probe-schema.ts`; here we check the envelope and the commands.
 */
import type { BridgeToRecorder, PanelToRecorder } from '../core/protocol';

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null;
}

const isTabId = (x: unknown): x is number => Number.isInteger(x) && (x as number) >= 0;

/** A panel command, or undefined when the message is not one. */
export function parsePanelMessage(raw: unknown): PanelToRecorder | undefined {
  if (!isRecord(raw) || !isTabId(raw.tabId)) return undefined;
  switch (raw.type) {
    case 'subscribe':
    case 'stop':
    case 'clear':
      return { type: raw.type, tabId: raw.tabId };
    case 'start':
      return { type: 'start', tabId: raw.tabId, reload: raw.reload === true };
    default:
      return undefined;
  }
}

/** A bridge message, or undefined when the message is not one. */
export function parseBridgeMessage(raw: unknown): BridgeToRecorder | undefined {
  if (!isRecord(raw)) return undefined;
  if (raw.type === 'events' && Array.isArray(raw.events) && typeof raw.overflow === 'number') {
    return raw as BridgeToRecorder;
  }
  if (raw.type === 'rejected' && typeof raw.count === 'number' && typeof raw.reason === 'string') {
    return { type: 'rejected', count: raw.count, reason: raw.reason };
  }
  return undefined;
}
