/**
 * Frames of a socket both observers saw: the browser (CDP) and the probe in the page each report
 * every frame of a merged channel. Dropping the page's copies wholesale loses frames whenever the
 * browser's side is away (the service worker restarting, the debugger detached): the page's
 * copies are then the only record. So each frame is kept once: a report is matched with its twin
 * from the other observer (same direction, opcode and text prefix, times within a few seconds, in
 * arrival order) and only a frame with no twin is added. A browser report that comes after its page
 * twin replaces the twin's payload (the browser's is the wire's).
 *
 * Work is O(1) amortised per frame; memory holds only unmatched reports of the last `KEEP_MS`
 * (page reports can arrive that late: the bridge holds them while the service worker restarts).
 */
import type { ChannelFrame } from './events';
import type { Channel, Frame } from './model';

/** Two reports of one frame are at most this far apart (ms, by their own times). */
const TWIN_MS = 3000;
/** Unmatched reports older than this (behind the channel's newest report) are let go. */
const KEEP_MS = 30_000;
/** At most this many unmatched reports per channel, key and side. */
const MAX_QUEUE = 50_000;

interface Waiting {
  time: number;
  /** Index of the frame in `channel.frames`. */
  index: number;
}

/** A FIFO with a moving head (no O(n) shift). */
class Queue {
  private items: Waiting[] = [];
  private head = 0;

  get size(): number {
    return this.items.length - this.head;
  }

  peek(): Waiting | undefined {
    return this.items[this.head];
  }

  shift(): Waiting | undefined {
    const item = this.items[this.head];
    if (item === undefined) return undefined;
    this.head++;
    if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return item;
  }

  push(item: Waiting): void {
    this.items.push(item);
  }

  /** Lets go of entries older than `before`. */
  dropBefore(before: number): void {
    for (let w = this.peek(); w !== undefined && w.time < before; w = this.peek()) this.shift();
  }
}

interface Sides {
  cdp: Queue;
  page: Queue;
}

type FrameReport = ChannelFrame & { seq: number; time: number; source: string };

/** What identifies one frame across the two observers (their sizes and truncation differ). */
function keyOf(ev: FrameReport): string {
  return `${ev.direction} ${ev.opcode} ${ev.opcode === 1 ? ev.data.slice(0, 64) : ''}`;
}

/** Per channel: unmatched reports by key, swept now and then so memory follows the last KEEP_MS. */
interface ChannelTwins {
  byKey: Map<string, Sides>;
  /** The newest report time seen on the channel. */
  newest: number;
  /** Reports added since the last sweep. */
  sinceSweep: number;
}

/** Per channel (record id) and key, the reports still waiting for their twin. */
export class FrameTwins {
  private readonly channels = new Map<string, ChannelTwins>();

  /**
   * Adds a frame report to its channel, unless it is the twin of a frame already there.
   * @param channel The channel record (after aliasing: the merged record).
   * @param ev The frame event, from either observer.
   */
  add(channel: Channel, ev: FrameReport): void {
    const fromPage = ev.source === 'page';
    let state = this.channels.get(channel.id);
    if (!state) this.channels.set(channel.id, (state = { byKey: new Map(), newest: ev.time, sinceSweep: 0 }));
    if (ev.time > state.newest) state.newest = ev.time;
    const key = keyOf(ev);
    let sides = state.byKey.get(key);
    if (!sides) state.byKey.set(key, (sides = { cdp: new Queue(), page: new Queue() }));
    const other = fromPage ? sides.cdp : sides.page;
    other.dropBefore(ev.time - TWIN_MS);
    const twin = other.peek();
    if (twin !== undefined && twin.time <= ev.time + TWIN_MS) {
      other.shift();
      // The browser's report replaces the page's payload; the page's copy of a known frame is dropped.
      if (!fromPage) upgrade(channel.frames[twin.index], ev);
      if (sides.cdp.size === 0 && sides.page.size === 0) state.byKey.delete(key);
      return;
    }
    const mine = fromPage ? sides.page : sides.cdp;
    if (mine.size >= MAX_QUEUE) mine.shift();
    mine.push({ time: ev.time, index: channel.frames.length });
    // A sweep costs one step per key: run after as many adds as there are keys (amortised O(1)).
    if (++state.sinceSweep > Math.max(1024, state.byKey.size)) sweep(state);
    channel.frames.push({
      seq: ev.seq,
      time: ev.time,
      direction: ev.direction,
      opcode: ev.opcode,
      data: ev.data,
      size: ev.size,
      truncated: ev.truncated ?? false,
      eventName: ev.eventName,
    });
    if (ev.direction === 'receive') channel.framesIn++;
    else channel.framesOut++;
  }

  /** The channel's record id changed (the browser's record replaced the page's, frames kept in order). */
  rename(from: string, to: string): void {
    const state = this.channels.get(from);
    this.channels.delete(from);
    if (state) this.channels.set(to, state);
  }
}

/** Lets go of reports older than KEEP_MS behind the channel's newest, and of keys left empty. */
function sweep(state: ChannelTwins): void {
  const before = state.newest - KEEP_MS;
  for (const [key, sides] of state.byKey) {
    sides.cdp.dropBefore(before);
    sides.page.dropBefore(before);
    if (sides.cdp.size === 0 && sides.page.size === 0) state.byKey.delete(key);
  }
  state.sinceSweep = 0;
}

function upgrade(frame: Frame | undefined, ev: FrameReport): void {
  if (!frame) return;
  frame.data = ev.data;
  frame.size = ev.size;
  frame.opcode = ev.opcode;
  frame.truncated = ev.truncated ?? false;
  frame.eventName = ev.eventName ?? frame.eventName;
}
