/**
 * The guard for what the recorder sends the panel. Whatever arrives over the port is `unknown`
 * until `isRecorderToPanel` accepts it (STYLE.md rule 3).
 */
import type { RecorderStatus, RecorderToPanel } from '~/core/protocol';

const CDP_STATES = new Set(['attached', 'detached', 'unavailable', 'never']);

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function isStatus(value: unknown): value is RecorderStatus {
  return (
    isObject(value) &&
    typeof value.tabId === 'number' &&
    typeof value.recording === 'boolean' &&
    typeof value.cdp === 'string' &&
    CDP_STATES.has(value.cdp)
  );
}

function areEvents(value: unknown): boolean {
  return (
    Array.isArray(value) &&
    value.every((e) => isObject(e) && typeof e.seq === 'number' && typeof e.kind === 'string')
  );
}

/**
 * Checks the envelope of a recorder message. Events inside a batch are checked only for the
 * fields the panel indexes by (`seq`, `kind`): they come from our own service worker, which
 * validated every page-authored event before appending it, and a deep check of 100,000 events
 * per snapshot would stall the panel.
 */
export function isRecorderToPanel(message: unknown): message is RecorderToPanel {
  if (!isObject(message)) return false;
  switch (message.type) {
    case 'snapshot':
      return isStatus(message.status) && areEvents(message.events);
    case 'events':
      return typeof message.tabId === 'number' && areEvents(message.events);
    case 'status':
      return isStatus(message.status);
    case 'error':
      return typeof message.tabId === 'number' && typeof message.message === 'string';
    default:
      return false;
  }
}
