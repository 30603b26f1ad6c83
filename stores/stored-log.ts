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
  let after = opts.after;
  let limit = FIRST_PAGE;
  while (after < opts.upTo) {
    const page = await opts.read(opts.tabId, after, opts.upTo, limit);
    if (!opts.current()) return false;
    if (page.length === 0) break;
    opts.apply(page);
    after = page[page.length - 1].seq;
    limit = PAGE;
  }
  return true;
}
