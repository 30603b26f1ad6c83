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

/** Stack lines read as frames at most: V8 prints 10 unless a page raises `Error.stackTraceLimit`. */
const MAX_FRAME_LINES = 100;
/** Longer lines are not read as frames: `core/stack.ts`'s patterns backtrack on long crafted lines. */
const MAX_FRAME_LINE_CHARS = 500;

/**
 * The part of a page's stack text worth parsing, in linear time: only lines that can be frames
 * (`at …` or `…@…`), whitespace runs collapsed, at most MAX_FRAME_LINES lines of at most
 * MAX_FRAME_LINE_CHARS. A 128 KiB crafted `stackText` otherwise keeps the parser busy for minutes.
 */
export function frameLinesOf(stackText: string): string {
  const kept: string[] = [];
  for (let start = 0; start <= stackText.length && kept.length < MAX_FRAME_LINES;) {
    let end = stackText.indexOf('\n', start);
    if (end < 0) end = stackText.length;
    if (end - start <= 4 * MAX_FRAME_LINE_CHARS) {
      const line = stackText.slice(start, end).replace(/\s+/g, ' ');
      if (line.length <= MAX_FRAME_LINE_CHARS && (/^ ?at /.test(line) || line.includes('@'))) kept.push(line);
    }
    start = end + 1;
  }
  return kept.join('\n');
}
