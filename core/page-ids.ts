/**
 * The page's own id namespace. The page can forge every id it reports, so an id carried by a
 * page event (`source: 'page'`) lives under `page:` and can never name a record the browser
 * reported (CDP request and socket ids never start with it): a page report reusing a CDP id
 * cannot rewrite that request's URL, status or CORS verdict. The recorder namespaces page
 * events as they arrive (`recorder/page-intake.ts`); the reducer does it again for logs stored
 * before, so old recordings are safe too. Idempotent: the probe's own ids are `page:…` already.
 */

/** Prefix of every id a page event carries. */
export const PAGE_ID_PREFIX = 'page:';

/** Every field of an event body that names a record (see `core/events.ts`). */
const ID_FIELDS = [
  'requestId',
  'preflightFor',
  'channelId',
  'exceptionId',
  'replayId',
  'sourceRequestId',
] as const;

/** The id in the page's namespace (unchanged when already there). */
export function pageId(id: string): string {
  return id.startsWith(PAGE_ID_PREFIX) ? id : PAGE_ID_PREFIX + id;
}

/**
 * The event with every id it carries in the page's namespace: the same object when all are
 * already there, else a shallow copy (events in the log are never mutated).
 */
export function inPageNamespace<T extends object>(event: T): T {
  let copy: Record<string, unknown> | undefined;
  for (const field of ID_FIELDS) {
    const id = (event as Record<string, unknown>)[field];
    if (typeof id !== 'string' || id.startsWith(PAGE_ID_PREFIX)) continue;
    copy ??= Object.assign({}, event) as Record<string, unknown>;
    copy[field] = PAGE_ID_PREFIX + id;
  }
  return (copy as T | undefined) ?? event;
}
