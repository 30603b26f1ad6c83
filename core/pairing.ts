/**
 * Pairs two observers' reports of the same thing: the probe's (page) and the browser's (CDP or
 * a HAR), which arrive in either order, a little apart in time. Used by the reducer to show one
 * row per request, channel and throw.
 */

/** Unmatched candidates older than this are forgotten, which keeps each scan short. */
const PAIRING_MEMORY_MS = 60_000;

interface Candidate {
  id: string;
  time: number;
  fromPage: boolean;
}

/**
 * Pairs a page report with a browser report of the same thing (same key, close in time),
 * whichever arrives first. Each report is paired at most once.
 */
export class Pairing {
  private readonly waiting = new Map<string, Candidate[]>();

  constructor(private readonly windowMs: number) {}

  /** Returns the id of the report it pairs with, or registers it as waiting. */
  pair(key: string, id: string, time: number, fromPage: boolean): string | undefined {
    const list = this.waiting.get(key) ?? [];
    // Lists are in arrival order, which is nearly time order: forget the stale head.
    while (list.length > 0 && list[0].time < time - PAIRING_MEMORY_MS) list.shift();
    let best = -1;
    for (let i = 0; i < list.length; i++) {
      const gap = Math.abs(list[i].time - time);
      if (list[i].fromPage === fromPage || gap > this.windowMs) continue;
      if (best < 0 || gap < Math.abs(list[best].time - time)) best = i;
    }
    if (best >= 0) {
      const [partner] = list.splice(best, 1);
      return partner.id;
    }
    list.push({ id, time, fromPage });
    this.waiting.set(key, list);
    return undefined;
  }
}
