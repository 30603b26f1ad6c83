/**
 * The probe's end of the probe -> bridge hop. Events wait in one bounded ring buffer; while
 * the bridge has not said "record", nothing is posted at all (no work when nobody listens).
 * While recording, a short timer batches events into `ProbeToBridge` messages of at most
 * `PAGE_LIMITS.maxBatch` events, so a busy page costs one postMessage per batch, not per event.
 * When the buffer is full the oldest event is dropped and counted in `overflow`, which rides
 * on the next message: nothing is lost silently.
 *
 * The bridge's command is a `BridgeToProbe` window message from this window. The page can
 * forge it too; that only makes the probe post to the bridge, which decides what to keep.
 */
import { isBridgeToProbe } from '../core/guards';
import { PAGE_LIMITS, PAGE_MESSAGE_TAG, PAGE_PROTOCOL_VERSION } from '../core/protocol';
import type { ProbeEvent, ProbeToBridge } from '../core/protocol';
import type { Natives } from './natives';

export interface Outbox {
  push(event: ProbeEvent): void;
  readonly recording: boolean;
  /** The bridge said the browser's debugger records this tab (frames: size and prefix only). */
  readonly browserCarriesPayloads: boolean;
  /** Stops listening for commands and drops the timer. */
  dispose(): void;
}

export interface OutboxOptions {
  /** How long events gather before a batch is posted while recording. */
  flushDelayMs?: number;
  capacity?: number;
}

/**
 * Creates the outbox and starts listening for the bridge's `record` command on `n.win`.
 * @param n Natives captured at install time.
 */
export function createOutbox(n: Natives, options: OutboxOptions = {}): Outbox {
  const delay = options.flushDelayMs ?? 50;
  const capacity = options.capacity ?? PAGE_LIMITS.bufferEvents;
  const ring: Array<ProbeEvent | undefined> = new Array(capacity);
  const messageSource = n.getter(n.win.MessageEvent?.prototype, 'source');
  const messageData = n.getter(n.win.MessageEvent?.prototype, 'data');
  let head = 0;
  let count = 0;
  let overflow = 0;
  let recording = false;
  let browserCarriesPayloads = false;
  let timer: unknown;

  function push(event: ProbeEvent): void {
    if (count === capacity) {
      // Drop the oldest: the newest events are the ones closest to the failure being studied.
      ring[head] = undefined;
      head = (head + 1) % capacity;
      count--;
      overflow++;
    }
    ring[(head + count) % capacity] = event;
    count++;
    if (!recording) return;
    if (count >= PAGE_LIMITS.maxBatch) flush();
    else if (timer === undefined) timer = n.setTimer(onTimer, delay);
  }

  function onTimer(): void {
    timer = undefined;
    flush();
  }

  function flush(): void {
    if (timer !== undefined) {
      n.clearTimer(timer);
      timer = undefined;
    }
    while (count > 0) {
      const size = count < PAGE_LIMITS.maxBatch ? count : PAGE_LIMITS.maxBatch;
      // A literal, not `new Array`: the page may have replaced the global by now.
      const events: ProbeEvent[] = [];
      for (let i = 0; i < size; i++) {
        events[i] = ring[head] as ProbeEvent;
        ring[head] = undefined;
        head = (head + 1) % capacity;
      }
      count -= size;
      const message: ProbeToBridge = {
        [PAGE_MESSAGE_TAG]: 'probe',
        v: PAGE_PROTOCOL_VERSION,
        type: 'events',
        events,
        overflow,
      };
      overflow = 0;
      try {
        n.post(message);
      } catch {
        // postMessage throws only for uncloneable data, which the probe never builds.
      }
    }
  }

  function onMessage(event: Event): void {
    try {
      if (messageSource(event) !== n.win) return;
      const data = messageData(event);
      if (!isBridgeToProbe(data)) return;
      recording = data.on;
      browserCarriesPayloads = data.on && data.cdp === true;
      if (recording) flush();
      else if (timer !== undefined) {
        n.clearTimer(timer);
        timer = undefined;
      }
    } catch {
      // A hostile message (a getter that throws) must not surface in the page.
    }
  }

  n.listen(n.win, 'message', onMessage);

  return {
    push,
    get recording() {
      return recording;
    },
    get browserCarriesPayloads() {
      return browserCarriesPayloads;
    },
    dispose() {
      n.unlisten(n.win, 'message', onMessage);
      if (timer !== undefined) n.clearTimer(timer);
      timer = undefined;
    },
  };
}
