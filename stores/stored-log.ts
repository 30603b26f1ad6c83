/**
 * The panel's read of a recording's saved events straight from the recorder's IndexedDB
 * (`recorder/event-store.ts`, same extension origin), when the recorder's snapshot says
 * `stored`: a port carries ~15–25 MB/s (1,000,000 events took the service worker ~18 s of
 * serialising alone), IndexedDB hands JSON text to the panel at ~150 MB/s.
 */
import type { RecordedEvent } from '~/core/events';
import { loadEventsPage } from '~/recorder/event-store';

/** Reads at most `limit` events of a tab with `after < seq <= upTo`, in seq order. */
export type StoredReader = (
  tabId: number,
  after: number,
  upTo: number,
  limit: number,
) => Promise<RecordedEvent[]>;

export const readStoredEvents: StoredReader = loadEventsPage;

/** The first page is small, so that rows show at once; the rest in larger pages. */
const FIRST_PAGE = 5000;
const PAGE = 50_000;

/** One read in progress; events the port brings meanwhile wait in `live`, in order. */
export interface StoredRead {
  live: RecordedEvent[][];
}

/**
 * Reads the tab's saved events after `after` up to `upTo` page by page and hands each page to
 * `apply`, until done or `current()` is no longer `read` (a new snapshot, a clear, a file opened).
 * The next page is asked of IndexedDB before the current one is applied, so that the database
 * works while the panel folds events (it otherwise sat idle ~1.8 s per 1,000,000 events).
 * Resolves with whether the read ran to its end.
 */
export async function readStoredLog(opts: {
  read: StoredReader;
  tabId: number;
  after: number;
  upTo: number;
  apply(events: RecordedEvent[]): void;
  current(): boolean;
}): Promise<boolean> {
  if (opts.after >= opts.upTo) return true;
  let next: Promise<RecordedEvent[]> | undefined = opts.read(opts.tabId, opts.after, opts.upTo, FIRST_PAGE);
  try {
    while (next) {
      const reading = next;
      next = undefined;
      // A stale read's failure is nobody's concern: it stops quietly.
      const page = await reading.catch((err: unknown) => {
        if (opts.current()) throw err;
        return undefined;
      });
      if (!page || !opts.current()) return false;
      if (page.length === 0) break;
      const after = page[page.length - 1].seq;
      if (after < opts.upTo) next = opts.read(opts.tabId, after, opts.upTo, PAGE);
      opts.apply(page);
    }
    return true;
  } finally {
    // A read abandoned (stale, or `apply` threw) must not fail unobserved.
    next?.catch(() => undefined);
  }
}
