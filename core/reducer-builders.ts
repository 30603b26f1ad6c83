/**
 * The small builders and merge steps of the reducer (`core/reducer.ts`): a request from its
 * start event, what the page knew about a request the browser reported (and forgetting it when
 * the browser says otherwise), a channel's close, a refused channel counted, the key that pairs
 * two reports of one throw, and the timeline's order (rows inserted and removed by binary search).
 */
import type { ChannelClosed, ChannelRefused, ExceptionEvent, RecordedEvent, RequestStart } from './events';
import type { Channel, HttpRequest, RefusedChannel, TimelineItem } from './model';

/** Where a row sorts in the timeline. */
type RowPlace = Pick<TimelineItem, 'time' | 'seq'>;

/** Timeline order: by time, ties by sequence number. */
export function rowBefore(a: RowPlace, b: RowPlace): boolean {
  return a.time < b.time || (a.time === b.time && a.seq < b.seq);
}

/** Keeps the timeline in (time, seq) order; events arrive mostly in order, so usually a push. */
export function insertRow(rows: TimelineItem[], item: TimelineItem): void {
  const last = rows[rows.length - 1];
  if (!last || !rowBefore(item, last)) {
    rows.push(item);
    return;
  }
  rows.splice(firstAfter(rows, item), 0, item);
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

/**
 * Removes the row of a record merged into another: found by its (time, seq) in O(log n), so a
 * flood of rows the page dated later cannot make each merge scan them all. A time that does
 * not order (NaN from an old log) falls back to a scan from the end.
 */
export function removeRow(
  rows: TimelineItem[],
  type: TimelineItem['type'],
  id: string,
  time: number,
  seq: number,
): void {
  const at = firstAfter(rows, { time, seq }) - 1;
  const row = rows[at];
  if (row && row.type === type && row.id === id) {
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

/** Counts a channel refused by the real-time switch under `<transport> <url>`. */
export function countRefusal(refused: Map<string, RefusedChannel>, ev: RecordedEvent & ChannelRefused): void {
  const key = `${ev.transport} ${ev.url}`;
  const known = refused.get(key);
  if (known) {
    known.count++;
    known.lastTime = Math.max(known.lastTime, ev.time);
  } else {
    refused.set(key, {
      transport: ev.transport,
      url: ev.url,
      count: 1,
      firstTime: ev.time,
      lastTime: ev.time,
    });
  }
}

export function newRequest(ev: RecordedEvent & RequestStart): HttpRequest {
  return {
    id: ev.requestId,
    source: ev.source,
    url: ev.url,
    method: ev.method,
    resourceType: ev.resourceType,
    startTime: ev.time,
    firstSeq: ev.seq,
    requestHeaders: ev.headers,
    postData: ev.postData,
    state: 'pending',
    preflightFor: ev.preflightFor,
    initiatorStack: ev.initiatorStack,
  };
}

/** Keeps what the page knew about a request the browser reported after it. */
export function absorbPageRequest(target: HttpRequest, page: HttpRequest): void {
  target.initiatorStack ??= page.initiatorStack;
  target.postData ??= page.postData;
  if (page.state === 'failed' && page.failure) {
    target.pageError = page.failure.errorText;
    target.failure = page.failure;
  }
  // Fallbacks until CDP reports its own (it overwrites them as its events arrive).
  target.state = page.state;
  target.endTime = page.endTime;
  target.status = page.status;
  target.statusText = page.statusText;
  target.responseHeaders = page.responseHeaders;
  target.mimeType = page.mimeType;
  target.responseBody = page.responseBody;
  target.responseBodyTruncated = page.responseBodyTruncated;
}

/** Drops an answer only the page reported, once the browser says the request failed without one. */
export function forgetAnswer(r: HttpRequest): void {
  r.status = undefined;
  r.statusText = undefined;
  r.responseHeaders = undefined;
  r.mimeType = undefined;
  r.responseBody = undefined;
  r.responseBodyTruncated = undefined;
}

export function closeChannel(c: Channel, ev: ChannelClosed, fallback: boolean): void {
  c.state = 'closed';
  // CDP's webSocketClosed carries no code: the page's close event supplies it either way.
  if (fallback) {
    c.closeCode ??= ev.code;
    c.closeReason ??= ev.reason;
  } else {
    c.closeCode = ev.code ?? c.closeCode;
    c.closeReason = ev.reason ?? c.closeReason;
  }
}

/** Console reports pair only with console reports; CDP may prefix `Uncaught (in promise)`. */
export function exceptionKey(ev: ExceptionEvent): string {
  const message = ev.message.replace(/^Uncaught(?: \(in promise\))?:?\s*/, '').trim();
  return `${ev.surface === 'console' ? 'console' : 'thrown'}|${message}`;
}
