/**
 * Pairs two observers' reports of the same thing: the probe's (page) and the browser's (CDP or
 * a HAR), which arrive in either order, a little apart in time. Used by the reducer to show one
 * row per request, channel and throw.
 *
 * The page can forge any number of reports with one key (50,000 fetches of one URL), so each
 * report costs O(log n): waiting reports are kept per key and per side, sorted by time, and a
 * report only looks at the other side's reports nearest to its own time.
 */

/** Unmatched candidates older than this are forgotten, which keeps the lists short. */
const PAIRING_MEMORY_MS = 60_000;

interface Candidate {
  id: string;
  time: number;
}

/** Reports per block of a `Side`; a block is split when it holds twice as many. */
const BLOCK = 256;

/** A place in a `Side`: block, index in the block (`block === blocks.length`: the end). */
interface Place {
  block: number;
  at: number;
}

/**
 * One side's waiting reports, sorted by time (ties in arrival order), in blocks of at most
 * 2 × BLOCK: finding a time is two binary searches, adding or taking one moves at most a block,
 * whatever order the (page-dated) times arrive in.
 */
class Side {
  private blocks: Candidate[][] = [];
  size = 0;

  /** Forgets the reports older than `cutoff`. */
  expire(cutoff: number): void {
    while (this.blocks.length > 0) {
      const first = this.blocks[0];
      if (first[first.length - 1].time < cutoff) {
        this.blocks.shift();
        this.size -= first.length;
        continue;
      }
      let stale = 0;
      while (first[stale].time < cutoff) stale++;
      first.splice(0, stale);
      this.size -= stale;
      return;
    }
  }

  /** The first place whose report is at `time` or later (`after`: later than `time`). */
  private bound(time: number, after: boolean): Place {
    const below = (t: number) => t < time || (after && t === time);
    let lo = 0;
    let hi = this.blocks.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const block = this.blocks[mid];
      if (below(block[block.length - 1].time)) lo = mid + 1;
      else hi = mid;
    }
    const block = this.blocks[lo];
    let at = 0;
    let end = block ? block.length : 0;
    while (at < end) {
      const mid = (at + end) >>> 1;
      if (below(block[mid].time)) at = mid + 1;
      else end = mid;
    }
    return { block: lo, at };
  }

  private get(p: Place): Candidate | undefined {
    return this.blocks[p.block]?.[p.at];
  }

  private previous(p: Place): Candidate | undefined {
    if (p.at > 0) return this.blocks[p.block][p.at - 1];
    const block = this.blocks[p.block - 1];
    return block?.[block.length - 1];
  }

  add(candidate: Candidate): void {
    this.size++;
    const p = this.bound(candidate.time, true);
    if (p.block === this.blocks.length) {
      const last = this.blocks[this.blocks.length - 1];
      if (last && last.length < 2 * BLOCK) last.push(candidate);
      else this.blocks.push([candidate]);
      return;
    }
    const block = this.blocks[p.block];
    block.splice(p.at, 0, candidate);
    if (block.length > 2 * BLOCK) this.blocks.splice(p.block + 1, 0, block.splice(BLOCK));
  }

  /**
   * Takes the report nearest to `time` within `windowMs`: on a tie the earlier one, and among
   * reports of one time the first to arrive.
   */
  take(time: number, windowMs: number): Candidate | undefined {
    const next = this.bound(time, false);
    const after = this.get(next);
    const before = this.previous(next);
    let place: Place | undefined;
    if (before && time - before.time <= windowMs && (!after || time - before.time <= after.time - time))
      place = this.bound(before.time, false);
    else if (after && after.time - time <= windowMs) place = next;
    if (!place) return undefined;
    const block = this.blocks[place.block];
    const [taken] = block.splice(place.at, 1);
    if (block.length === 0) this.blocks.splice(place.block, 1);
    this.size--;
    return taken;
  }
}

/** The one report waiting under a key, on its side: most keys never see a second report. */
interface Lone extends Candidate {
  fromPage: boolean;
}

interface Sides {
  page: Side;
  browser: Side;
}

/**
 * Pairs a page report with a browser report of the same thing (same key, close in time),
 * whichever arrives first. Each report is paired at most once. A report without a finite time
 * pairs with nothing. A key with one report waiting holds just that report (a recording the
 * probe did not see has one per request: 250,000 at 1,000,000 events), sides once it has more.
 */
export class Pairing {
  private readonly waiting = new Map<string, Lone | Sides>();

  constructor(private readonly windowMs: number) {}

  /** Returns the id of the report it pairs with, or registers it as waiting. */
  pair(key: string, id: string, time: number, fromPage: boolean): string | undefined {
    if (!Number.isFinite(time)) return undefined;
    let sides = this.waiting.get(key);
    if (!sides || (isLone(sides) && sides.time < time - PAIRING_MEMORY_MS)) {
      // Nothing waits (or only a report this report forgets): this one waits alone.
      this.waiting.set(key, { id, time, fromPage });
      return undefined;
    }
    if (isLone(sides)) {
      const lone = sides;
      if (lone.fromPage !== fromPage && Math.abs(lone.time - time) <= this.windowMs) {
        this.waiting.delete(key);
        return lone.id;
      }
      sides = { page: new Side(), browser: new Side() };
      (lone.fromPage ? sides.page : sides.browser).add({ id: lone.id, time: lone.time });
      this.waiting.set(key, sides);
    }
    const [own, other] = fromPage ? [sides.page, sides.browser] : [sides.browser, sides.page];
    own.expire(time - PAIRING_MEMORY_MS);
    other.expire(time - PAIRING_MEMORY_MS);
    const partner = other.take(time, this.windowMs);
    if (partner) {
      if (own.size === 0 && other.size === 0) this.waiting.delete(key);
      return partner.id;
    }
    own.add({ id, time });
    return undefined;
  }
}

function isLone(entry: Lone | Sides): entry is Lone {
  return 'fromPage' in entry;
}
