/**
 * The bridge (content script, ISOLATED world): the only way page events reach the extension.
 * Every probe-shaped window message is validated against the schema and the size caps; a
 * valid one is batched to the recorder, an invalid one is dropped and counted. The page can
 * forge all of it, so nothing here can start anything: events go in, the recording state and
 * the real-time policy come back down to the probe, and that is all.
 */
import { isRecorderToBridge } from '../core/guards';
import { PAGE_NUMBER_LIMITS, isProbeShaped, parseProbeMessage } from '../core/probe-schema';
import {
  PAGE_MESSAGE_TAG,
  PAGE_PROTOCOL_VERSION,
  type BridgeToProbe,
  type BridgeToRecorder,
  type ProbeEvent,
} from '../core/protocol';

/** The part of a runtime port the bridge uses (a seam for tests). */
export interface RecorderPort {
  postMessage(msg: BridgeToRecorder): void;
  onMessage: { addListener(cb: (msg: unknown) => void): void };
  onDisconnect: { addListener(cb: () => void): void };
}

const FLUSH_MS = 100;
const MAX_PENDING = 5000;

/** A sum of page counts that stays a safe integer however often the page sends its maximum. */
export const addCount = (a: number, b: number): number => Math.min(a + b, PAGE_NUMBER_LIMITS.maxCount);

export interface BridgeCounters {
  forwarded: number;
  rejected: number;
}

/**
 * Starts relaying. `connect` opens a port to the recorder; it is called again after the
 * service worker went away, so a killed worker loses nothing already validated.
 */
export function startBridge(
  win: Window,
  connect: () => RecorderPort,
): { counters: BridgeCounters; stop(): void } {
  const counters: BridgeCounters = { forwarded: 0, rejected: 0 };
  let port: RecorderPort | undefined;
  let pending: ProbeEvent[] = [];
  let overflow = 0;
  let rejectedUnsent = 0;
  let lastReason = '';
  let timer: ReturnType<typeof setTimeout> | undefined;

  const toProbe = (on: boolean) => {
    const msg: BridgeToProbe = { [PAGE_MESSAGE_TAG]: 'bridge', v: PAGE_PROTOCOL_VERSION, type: 'record', on };
    win.postMessage(msg, '*');
  };

  const ensurePort = (): RecorderPort => {
    if (port) return port;
    const p = connect();
    port = p;
    p.onMessage.addListener((raw) => {
      if (!isRecorderToBridge(raw)) return;
      if (raw.type === 'record') toProbe(raw.on);
      // The recorder's real-time policy (set from the panel only), for the probe to enforce.
      else
        win.postMessage(
          {
            [PAGE_MESSAGE_TAG]: 'bridge',
            v: PAGE_PROTOCOL_VERSION,
            type: 'policy',
            policy: raw.policy,
          } satisfies BridgeToProbe,
          '*',
        );
    });
    p.onDisconnect.addListener(() => {
      if (port === p) port = undefined;
    });
    return p;
  };

  const flush = () => {
    timer = undefined;
    try {
      const p = ensurePort();
      if (pending.length > 0 || overflow > 0) {
        p.postMessage({ type: 'events', events: pending, overflow });
        counters.forwarded = addCount(counters.forwarded, pending.length);
        pending = [];
        overflow = 0;
      }
      if (rejectedUnsent > 0) {
        p.postMessage({ type: 'rejected', count: rejectedUnsent, reason: lastReason });
        rejectedUnsent = 0;
      }
    } catch {
      // The worker is restarting: keep the batch and try again shortly.
      port = undefined;
      schedule();
    }
  };

  const schedule = () => {
    timer ??= setTimeout(flush, FLUSH_MS);
  };

  const onMessage = (event: MessageEvent) => {
    if (event.source !== win || !isProbeShaped(event.data)) return;
    const result = parseProbeMessage(event.data);
    if (!result.ok) {
      counters.rejected = addCount(counters.rejected, 1);
      rejectedUnsent = addCount(rejectedUnsent, 1);
      lastReason = result.reason;
    } else {
      const { events } = result.message;
      overflow = addCount(overflow, result.message.overflow);
      for (const e of events) pending.push(e);
      // Bounded while the worker is away: oldest first out, and counted.
      if (pending.length > MAX_PENDING) {
        overflow = addCount(overflow, pending.length - MAX_PENDING);
        pending = pending.slice(-MAX_PENDING);
      }
    }
    schedule();
  };

  win.addEventListener('message', onMessage);
  ensurePort();
  return {
    counters,
    stop() {
      win.removeEventListener('message', onMessage);
      clearTimeout(timer);
    },
  };
}
