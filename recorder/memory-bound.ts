/**
 * Per-tab memory bound of the recorder. Every event of a tab stays in the worker's memory (and
 * in every panel's) for as long as the tab records; a socket flooding for hours would exhaust it.
 * Beyond `MEMORY_BOUND_BYTES` of estimated size, new frames are recorded without their payload
 * (`data: ''`, `truncated: true`, `size` kept), in memory and in IndexedDB alike, and every such
 * frame is counted in a `capture.dropped` (`payloads`). Nothing already recorded is touched. The
 * "Keep everything" setting (panel settings menu, `storage.local`) lifts the bound.
 */
import { browser } from 'wxt/browser';
import type { EventBody } from '../core/events';
import { KEEP_EVERYTHING_KEY } from '../core/protocol';

/**
 * 256 MiB of estimated size per tab: strings count 2 bytes a character (V8 keeps most as
 * one-byte strings, so real use is often lower), every event 64 bytes and every nested object 256.
 */
export const MEMORY_BOUND_BYTES = 256 * 1024 * 1024;
/** Payloads dropped are reported at most this often (ms), as one `capture.dropped`. */
const REPORT_MS = 1000;

/** A cheap size estimate of one event (no serialisation): see `MEMORY_BOUND_BYTES`. */
export function estimateSize(body: EventBody): number {
  let bytes = 64;
  for (const value of Object.values(body)) {
    if (typeof value === 'string') bytes += value.length * 2;
    else if (typeof value === 'object' && value !== null) bytes += 256;
    else bytes += 8;
  }
  return bytes;
}

let keepEverything = false;

/** Follows the "Keep everything" setting. Call once when the recorder starts. */
export function watchKeepEverything(): void {
  void browser.storage.local
    .get(KEEP_EVERYTHING_KEY)
    .then((got) => (keepEverything = got[KEEP_EVERYTHING_KEY] === true))
    .catch(() => undefined);
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && KEEP_EVERYTHING_KEY in changes)
      keepEverything = changes[KEEP_EVERYTHING_KEY].newValue === true;
  });
}

export interface MemoryBoundOptions {
  /** Bytes of estimated size (`MEMORY_BOUND_BYTES` unless a test says otherwise). */
  limit?: number;
  /** Whether the bound is lifted (the "Keep everything" setting unless a test says otherwise). */
  keepEverything?: () => boolean;
}

export class MemoryBound {
  private bytes = 0;
  private unreported = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly limit: number;
  private readonly lifted: () => boolean;

  /** `report` appends the `capture.dropped` for payloads dropped since the last one. */
  constructor(
    private readonly report: (body: EventBody) => void,
    options: MemoryBoundOptions = {},
  ) {
    this.limit = options.limit ?? MEMORY_BOUND_BYTES;
    this.lifted = options.keepEverything ?? (() => keepEverything);
  }

  /** The body to record: as it is, or beyond the bound a frame without its payload. */
  admit(body: EventBody): EventBody {
    let kept = body;
    if (body.kind === 'channel.frame' && body.data.length > 0 && this.bytes >= this.limit && !this.lifted()) {
      kept = { ...body, data: '', truncated: true };
      this.unreported++;
      this.timer ??= setTimeout(() => this.flushReport(), REPORT_MS);
    }
    this.bytes += estimateSize(kept);
    return kept;
  }

  /** Counts an event already recorded (read back from IndexedDB after a restart). */
  count(body: EventBody): void {
    this.bytes += estimateSize(body);
  }

  /** The log was cleared: its memory is free again. */
  reset(): void {
    this.bytes = 0;
  }

  /** Reports what is not reported yet, now. */
  flushReport(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.unreported === 0) return;
    const payloads = this.unreported;
    this.unreported = 0;
    const mib = Math.round(this.limit / (1024 * 1024));
    this.report({
      kind: 'capture.dropped',
      rejected: 0,
      overflow: 0,
      payloads,
      reason: `${payloads} frame payloads not kept: this tab's recording passed ${mib} MiB in memory (settings: Keep everything lifts the bound)`,
    });
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.unreported = 0;
  }
}
