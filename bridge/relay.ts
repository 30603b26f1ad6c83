/**
 * The bridge (content script, ISOLATED world): the only way page events reach the extension.
 * Every probe-shaped window message is validated against the schema and the size caps; a
 * valid one is batched to the recorder, an invalid one is dropped and counted. The page can
 * forge all of it, so nothing here can start anything: events go in, the recording state and
 * the real-time policy come back down to the probe, and that is all.
 *
 * The recording state says whether the browser's debugger carries frame payloads (`cdp`). When
 * the recorder goes away (the service worker stopped) its debugger events go with it, so the
 * bridge tells the probe to send full payloads again until the recorder says otherwise.
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
/**
 * Largest port message, in JSON characters. Chrome refuses a message above 64 MiB
 * (`kMaxMessageLength`, extensions/renderer/api/messaging/messaging_util.cc); 8 Mi characters
 * stay below it even at 3 UTF-8 bytes per character. A batch is split to fit.
 */
export const MAX_MESSAGE_CHARS = 8 * 1024 * 1024;
/** Validated events held while the worker is away, in JSON characters: oldest out first. */
const MAX_PENDING_CHARS = 8 * MAX_MESSAGE_CHARS;
/** Sends of one batch that may fail in a row before it is dropped (counted), not retried forever. */
export const MAX_SEND_ATTEMPTS = 5;

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
  /** Validated events not sent yet, each with its JSON length. */
  let pending: Array<{ event: ProbeEvent; chars: number }> = [];
  let pendingChars = 0;
  let failures = 0;
  let overflow = 0;
  let rejectedUnsent = 0;
  let lastReason = '';
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** What the probe was last told. */
  let recording = false;
  let cdp = false;

  const toProbe = (on: boolean, browserCarriesPayloads: boolean) => {
    recording = on;
    cdp = on && browserCarriesPayloads;
    const msg: BridgeToProbe = {
      [PAGE_MESSAGE_TAG]: 'bridge',
      v: PAGE_PROTOCOL_VERSION,
      type: 'record',
      on,
      ...(cdp ? { cdp: true } : {}),
    };
    win.postMessage(msg, '*');
  };

  const ensurePort = (): RecorderPort => {
    if (port) return port;
    const p = connect();
    port = p;
    p.onMessage.addListener((raw) => {
      if (!isRecorderToBridge(raw)) return;
      if (raw.type === 'record') toProbe(raw.on, raw.cdp === true);
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
      if (port !== p) return;
      port = undefined;
      // No recorder, no debugger events: the page's copies must carry the payloads meanwhile.
      if (cdp) toProbe(recording, false);
    });
    return p;
  };

  const reject = (count: number, reason: string) => {
    counters.rejected = addCount(counters.rejected, count);
    rejectedUnsent = addCount(rejectedUnsent, count);
    lastReason = reason;
  };

  /** How many of the first pending events fit in one port message. */
  const nextBatchLength = (): number => {
    let n = 0;
    let chars = 0;
    while (n < pending.length && (n === 0 || chars + pending[n].chars <= MAX_MESSAGE_CHARS)) {
      chars += pending[n].chars;
      n++;
    }
    return n;
  };

  const flush = () => {
    timer = undefined;
    let batch = 0;
    try {
      const p = ensurePort();
      while (pending.length > 0 || overflow > 0) {
        batch = nextBatchLength();
        const events = pending.slice(0, batch).map((x) => x.event);
        p.postMessage({ type: 'events', events, overflow });
        for (let i = 0; i < batch; i++) pendingChars -= pending[i].chars;
        pending = pending.slice(batch);
        counters.forwarded = addCount(counters.forwarded, batch);
        overflow = 0;
        failures = 0;
      }
      if (rejectedUnsent > 0) {
        p.postMessage({ type: 'rejected', count: rejectedUnsent, reason: lastReason });
        rejectedUnsent = 0;
      }
    } catch {
      // The worker is restarting: keep the batch and try again shortly; but a batch that fails
      // on fresh ports again and again cannot be sent at all, and would jam everything behind it.
      port = undefined;
      if (++failures >= MAX_SEND_ATTEMPTS && batch > 0) {
        for (let i = 0; i < batch; i++) pendingChars -= pending[i].chars;
        pending = pending.slice(batch);
        failures = 0;
        reject(batch, `${batch} page event(s) could not be sent to the recorder`);
      }
      schedule();
    }
  };

  const schedule = () => {
    timer ??= setTimeout(flush, FLUSH_MS);
  };

  const onMessage = (event: MessageEvent) => {
    if (event.source !== win || !isProbeShaped(event.data)) return;
    const result = parseProbeMessage(event.data);
    if (!result.ok) reject(1, result.reason);
    else {
      overflow = addCount(overflow, result.message.overflow);
      for (const event of result.message.events) {
        // The envelope and the overflow count fit in the margin left by the 3-bytes bound.
        const chars = JSON.stringify(event).length;
        if (chars > MAX_MESSAGE_CHARS)
          reject(1, `a ${event.kind} event of ${chars} characters is too large to send`);
        else {
          pending.push({ event, chars });
          pendingChars += chars;
        }
      }
      // Bounded while the worker is away: oldest first out, and counted.
      let drop = 0;
      while (pending.length - drop > MAX_PENDING || pendingChars > MAX_PENDING_CHARS)
        pendingChars -= pending[drop++].chars;
      if (drop > 0) {
        overflow = addCount(overflow, drop);
        pending = pending.slice(drop);
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
