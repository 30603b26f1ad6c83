/**
 * The small builders and merge steps of the reducer (`core/reducer.ts`): a request from its
 * start event, what the page knew about a request the browser reported (and forgetting it when
 * the browser says otherwise), a channel's close, a refused channel counted, the key that pairs
 * two reports of one throw.
 */
import type { ChannelClosed, ChannelRefused, ExceptionEvent, RecordedEvent, RequestStart } from './events';
import type { Channel, HttpRequest, RefusedChannel } from './model';

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
