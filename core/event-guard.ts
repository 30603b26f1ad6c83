/**
 * What the reducer does to every event before folding it, because logs stored by older versions
 * (or written by hand) were not held to today's page-hop rules: a page event's ids go into the
 * page's namespace (`core/page-ids.ts`), and a time no Date can hold (NaN, ±Infinity, beyond
 * ±8.64e15 ms) is replaced, so exports and reports never meet an "Invalid time value".
 */
import type { RecordedEvent } from './events';
import { inPageNamespace } from './page-ids';

/** The largest distance from the epoch a JavaScript Date holds (ms). */
const MAX_DATE_MS = 8.64e15;

/**
 * The event as the reducer folds it: page ids namespaced, the time within a Date's range
 * (beyond it: clamped to the edge; not a number at all: `fallbackTime`, the last good time).
 * The same object when nothing changes; never mutates the log.
 */
export function guardedEvent(ev: RecordedEvent, fallbackTime: number): RecordedEvent {
  const named = ev.source === 'page' ? inPageNamespace(ev) : ev;
  const t: unknown = named.time;
  if (typeof t === 'number' && Math.abs(t) <= MAX_DATE_MS) return named;
  const time = typeof t === 'number' && !Number.isNaN(t) ? Math.sign(t) * MAX_DATE_MS : fallbackTime;
  return Object.assign({}, named, { time });
}
