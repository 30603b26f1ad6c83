/**
 * Keeps the reducer's timeline in (time, seq) order. Events arrive mostly in time order, so a
 * row is usually pushed; a row dated earlier than the last one (the page can date its events
 * anywhere in the last hour) waits until the batch is folded, then all of them are merged in
 * one pass. A flood of back-dated rows costs O(n) per batch instead of a splice per row.
 */
import type { TimelineItem } from './model';

/** Where a row sorts in the timeline. */
type RowPlace = Pick<TimelineItem, 'time' | 'seq'>;

/** Late rows up to this many are spliced in one by one; more are merged in one pass. */
const SPLICE_AT_MOST = 16;

/** Timeline order: by time, ties by sequence number. */
export function rowBefore(a: RowPlace, b: RowPlace): boolean {
  return a.time < b.time || (a.time === b.time && a.seq < b.seq);
}

/** Index of the first row that `item` sorts before (binary search). */
function firstAfter(rows: readonly TimelineItem[], item: RowPlace): number {
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (rowBefore(item, rows[mid])) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

const keyOf = (type: TimelineItem['type'], id: string) => `${type} ${id}`;

/** The ordered timeline of one `Recording`; `flush` after each batch. */
export class TimelineOrder {
  /** Rows dated before the last row, not placed yet. */
  private readonly late = new Map<string, TimelineItem>();

  constructor(private readonly rows: TimelineItem[]) {}

  insert(item: TimelineItem): void {
    const last = this.rows[this.rows.length - 1];
    if (!last || !rowBefore(item, last)) {
      this.rows.push(item);
      return;
    }
    const key = keyOf(item.type, item.id);
    if (this.late.has(key)) this.flush();
    this.late.set(key, item);
  }

  /**
   * Removes the row of a record merged into another: found by its (time, seq) in O(log n). A
   * time that does not order (NaN from an old log) falls back to a scan from the end.
   */
  remove(type: TimelineItem['type'], id: string, time: number, seq: number): void {
    if (this.late.delete(keyOf(type, id))) return;
    const rows = this.rows;
    const at = firstAfter(rows, { time, seq }) - 1;
    if (rows[at]?.type === type && rows[at].id === id) {
      rows.splice(at, 1);
      return;
    }
    for (let i = rows.length - 1; i >= 0; i--) {
      if (rows[i].type === type && rows[i].id === id) {
        rows.splice(i, 1);
        return;
      }
    }
  }

  /** Places the late rows: spliced when few, else merged from the end in one pass. */
  flush(): void {
    if (this.late.size === 0) return;
    const late = Array.from(this.late.values());
    this.late.clear();
    const rows = this.rows;
    if (late.length <= SPLICE_AT_MOST) {
      for (const item of late) rows.splice(firstAfter(rows, item), 0, item);
      return;
    }
    late.sort((a, b) => (rowBefore(a, b) ? -1 : rowBefore(b, a) ? 1 : 0));
    let i = rows.length - 1;
    for (const item of late) rows.push(item);
    let write = rows.length - 1;
    for (let j = late.length - 1; j >= 0; write--) {
      if (i >= 0 && rowBefore(late[j], rows[i])) rows[write] = rows[i--];
      else rows[write] = late[j--];
    }
  }
}
