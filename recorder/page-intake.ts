/**
 * Page events on their way into a tab's log. The page can forge every number: times are
 * clamped to a window around the recorder's own clock (a far-future time would stretch the
 * time axis to centuries and break export dates), and every clamp is counted in the log.
 * It can forge every id too: each is stored under `page:` (`core/page-ids.ts`), so a page
 * event never names a record the browser reported.
 */
import type { EventBody } from '../core/events';
import { inPageNamespace } from '../core/page-ids';

/**
 * How far page times may stray from the recorder's clock when they arrive. The probe and the
 * recorder read the same system clock (`Date.now()`); events reach the recorder within a
 * flush or two, or from the probe's buffer of the time before recording began.
 */
export const PAGE_TIME_WINDOW = { pastMs: 60 * 60 * 1000, futureMs: 2000 } as const;

type Append = (time: number, body: EventBody) => void;

/**
 * Appends a batch of page events with their ids in the page's namespace and their times
 * clamped to `[now - PAGE_TIME_WINDOW.pastMs, now + PAGE_TIME_WINDOW.futureMs]`, then one
 * `capture.dropped` note for the probe's overflow and one for the clamped times, if any.
 * Returns how many times were clamped.
 */
export function appendPageEvents(
  events: ReadonlyArray<{ time: number } & EventBody>,
  overflow: number,
  now: number,
  append: Append,
): number {
  const min = now - PAGE_TIME_WINDOW.pastMs;
  const max = now + PAGE_TIME_WINDOW.futureMs;
  let clamped = 0;
  for (const { time, ...body } of events) {
    // `Number.isFinite` also catches a `null` that a non-finite number became on the port.
    const bounded = Number.isFinite(time) ? Math.min(Math.max(time, min), max) : now;
    if (bounded !== time) clamped++;
    append(bounded, inPageNamespace(body as EventBody));
  }
  if (overflow > 0)
    append(now, {
      kind: 'capture.dropped',
      rejected: 0,
      overflow,
      reason: 'probe buffer full before recording began',
    });
  if (clamped > 0)
    append(now, {
      kind: 'capture.dropped',
      rejected: 0,
      overflow: 0,
      clamped,
      reason: `${clamped} page event time(s) outside the recording's window, clamped`,
    });
  return clamped;
}
