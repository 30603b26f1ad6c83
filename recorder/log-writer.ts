/**
 * The writing half of a tab's log: events wait in memory for at most `FLUSH_MS`, are saved to
 * IndexedDB in batches (one after another, in seq order), then sent to the panels. A batch the
 * browser refuses (quota, disk full) is kept and retried; beyond `RETRY_LIMIT` attempts or
 * `RETRY_MAX_EVENTS` events it is given up and a `capture.gap` says so. What has not reached
 * IndexedDB is noted in the tab's state (`storage.session`, a separate quota), so that a
 * restarted worker logs the gap too (`TabRecording.restore`).
 */
import type { CaptureGap, RecordedEvent } from '../core/events';
import * as store from './event-store';

/** Panels get appended events at most this often (ms), in one message. */
export const FLUSH_MS = 50;
/** A failed batch is tried again after this long (ms) when nothing new comes. */
export const RETRY_MS = 1000;
/** Attempts to save one batch before its events are given up. */
export const RETRY_LIMIT = 5;
/** Events kept for a retry at most: beyond, the oldest are given up at once. */
export const RETRY_MAX_EVENTS = 50_000;

/** Events the browser refused to store, as a restarted worker must hear of them. */
export type UnsavedRange = store.UnsavedRange;

export interface LogWriterDeps {
  tabId: number;
  /**
   * Persists the tab's state: it carries `unsaved`, and `pendingFrom`, how far back in time the
   * events not stored yet may reach (the start of a restart's gap: `restartGaps`).
   */
  saveState(unsaved: UnsavedRange | undefined, pendingFrom: number | undefined): Promise<void>;
  /** A batch is stored: panels may show it. */
  saved(batch: RecordedEvent[]): void;
  /** A save failed (the reason names the browser's error): panels are told at once. */
  failed(reason: string): void;
  /** Events given up for good: remove them from memory and log this gap in their place. */
  lost(events: readonly RecordedEvent[], gap: CaptureGap): void;
}

/** The browser's error as a reader needs it: `QuotaExceededError: …`. */
export function describeError(err: unknown): string {
  if (err instanceof Error || (typeof DOMException !== 'undefined' && err instanceof DOMException))
    return err.message ? `${err.name}: ${err.message}` : err.name;
  return err == null ? 'unknown error' : String(err);
}

/** Merges two unsaved ranges (or starts one). */
export function mergeUnsaved(a: UnsavedRange | undefined, b: UnsavedRange): UnsavedRange {
  if (!a) return b;
  return { from: Math.min(a.from, b.from), to: Math.max(a.to, b.to), reason: b.reason };
}

/**
 * The gaps a restored log begins with: events the browser refused and the worker never stored
 * (`unsaved`), and, when the worker died mid-recording, the time since the last stored event.
 */
export function restartGaps(
  saved: store.TabState,
  last: RecordedEvent | undefined,
  now: number,
): CaptureGap[] {
  const gaps: CaptureGap[] = [];
  if (saved.unsaved) {
    const { from, to, reason } = saved.unsaved;
    const why = `not saved to IndexedDB before the service worker restarted (${reason})`;
    gaps.push({ kind: 'capture.gap', from, to, reason: why });
  }
  // Events after the last saved batch died with the worker: say so in the log. The log is not in
  // time order (page events come late), so the gap starts at the earliest time they may have had.
  if (saved.recording) {
    const from = Math.min(last?.time ?? now, saved.pendingFrom ?? now, now);
    gaps.push({ kind: 'capture.gap', from, to: now, reason: 'service worker restarted' });
  }
  return gaps;
}

/** How the reason of a gap for events the browser refused to store begins. */
export const LOST_MARK = 'not saved to IndexedDB';

export class LogWriter {
  private unsent: RecordedEvent[] = [];
  /** A refused batch waiting for its next attempt (saved before `unsent`). */
  private retry: RecordedEvent[] = [];
  private attempts = 0;
  private flushTimer: ReturnType<typeof setTimeout> | undefined;
  /** Batches are saved one after another, in seq order. */
  private saving: Promise<void> = Promise.resolve();
  /** The highest seq saved to IndexedDB: panels are shown nothing beyond it. */
  savedSeq = 0;
  /** Events not in IndexedDB (refused or given up), as noted in the tab's state. */
  unsaved: UnsavedRange | undefined;
  private disposed = false;
  /** Batches handed to the save chain and not stored yet. */
  private readonly queued = new Set<RecordedEvent[]>();
  /** How late (ms) events came since the last state save: page events come late, by seconds. */
  private lag = 0;
  /** Events counted by loss gaps not stored yet (a later gap folds them in). */
  private lostInGaps = 0;

  constructor(private readonly deps: LogWriterDeps) {}

  /** Queues an event for the next batch. Ignored once the tab is disposed. */
  add(event: RecordedEvent): void {
    if (this.disposed) return;
    this.unsent.push(event);
    const lag = Date.now() - event.time;
    if (lag > this.lag) this.lag = lag;
    this.flushTimer ??= setTimeout(() => this.flush(), FLUSH_MS);
  }

  /** Starts saving what is queued now. */
  flush(): void {
    clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    if (this.disposed) return;
    const batch = this.unsent;
    this.unsent = [];
    this.queued.add(batch);
    this.saving = this.saving.then(() => this.saveThenSend(batch)).finally(() => this.queued.delete(batch));
  }

  /** Flushes and waits until every batch queued so far is saved (or refused). */
  async settle(): Promise<void> {
    this.flush();
    await this.saving;
  }

  /** The log is cleared: drop whatever waits, refused batches too, after the write in flight. */
  async clear(): Promise<void> {
    await this.settle();
    this.unsent = [];
    this.retry = [];
    this.attempts = 0;
    // The refused events are deleted with the rest: a restart has no gap to log for them.
    this.unsaved = undefined;
    clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
  }

  /**
   * The tab is closed: no more writes. Unsent events are dropped and the write in flight is
   * awaited, so that the caller's delete comes after it and nothing lands behind it.
   */
  async dispose(): Promise<void> {
    this.disposed = true;
    clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    this.unsent = [];
    this.retry = [];
    await this.saving;
  }

  /**
   * Saves a batch, then sends it to the panels. In this order, a worker stopped in between
   * never leaves a panel showing an event that the restarted recorder no longer has.
   */
  private async saveThenSend(next: RecordedEvent[]): Promise<void> {
    // A refused batch goes first, with whatever came since: the log is stored in seq order.
    const batch = this.retry.length === 0 ? next : this.retry.concat(next);
    this.retry = [];
    if (batch.length === 0 || this.disposed) return;
    try {
      await store.appendEvents(this.deps.tabId, batch);
    } catch (err) {
      if (!this.disposed) await this.refused(batch, describeError(err));
      return;
    }
    if (this.disposed) return;
    this.attempts = 0;
    this.lostInGaps = 0;
    this.savedSeq = Math.max(this.savedSeq, batch[batch.length - 1].seq);
    // Everything refused before is now stored or logged as a gap (itself in this batch or earlier).
    if (this.unsaved && this.retry.length === 0) this.unsaved = undefined;
    try {
      await this.deps.saveState(this.unsaved, this.pendingFrom(batch));
    } catch (err) {
      this.deps.failed(describeError(err));
    }
    this.deps.saved(batch);
  }

  /**
   * How far back the events not stored yet may reach: the earliest time among them, and for those
   * still to come, now less the lateness seen since the last state save.
   */
  private pendingFrom(done: RecordedEvent[]): number {
    let from = Date.now() - Math.max(this.lag, 0);
    this.lag = 0;
    const scan = (events: readonly RecordedEvent[]) => {
      for (const e of events) if (e.time < from) from = e.time;
    };
    for (const batch of this.queued) if (batch !== done) scan(batch);
    scan(this.retry);
    scan(this.unsent);
    return from;
  }

  /** A batch was refused: note it in the tab's state, keep it for a retry or give it up. */
  private async refused(batch: RecordedEvent[], reason: string): Promise<void> {
    this.attempts++;
    this.deps.failed(reason);
    const first = batch[0];
    const last = batch[batch.length - 1];
    this.unsaved = mergeUnsaved(this.unsaved, { from: first.time, to: last.time, reason });
    if (this.attempts >= RETRY_LIMIT) this.giveUp(batch, reason);
    else if (batch.length > RETRY_MAX_EVENTS) {
      this.giveUp(batch.slice(0, batch.length - RETRY_MAX_EVENTS), reason);
      this.retry = batch.slice(batch.length - RETRY_MAX_EVENTS);
    } else this.retry = batch;
    this.flushTimer ??= setTimeout(() => this.flush(), RETRY_MS);
    try {
      await this.deps.saveState(this.unsaved, this.pendingFrom(batch));
    } catch {
      // storage.session refused too: the panels were told; nothing more can be kept.
    }
  }

  /**
   * Gives up refused events: the caller drops them from memory and logs one gap for them. An
   * earlier such gap among them (never stored either) is folded into the new one.
   */
  private giveUp(events: RecordedEvent[], reason: string): void {
    this.attempts = 0;
    let from = Infinity;
    let to = -Infinity;
    let count = this.lostInGaps;
    for (const e of events) {
      const start = e.kind === 'capture.gap' && e.reason.startsWith(LOST_MARK) ? e.from : e.time;
      if (start < from) from = start;
      if (e.time > to) to = e.time;
      if (!(e.kind === 'capture.gap' && e.reason.startsWith(LOST_MARK))) count++;
    }
    this.lostInGaps = count;
    this.unsaved = mergeUnsaved(this.unsaved, { from, to, reason });
    this.deps.lost(events, {
      kind: 'capture.gap',
      from,
      to,
      reason: `${LOST_MARK} (${count} events: ${reason})`,
    });
  }
}
