/**
 * While the debugger records, the probe sends SSE messages and XHR text bodies lean (size and a
 * 64-character prefix): the page's copy pairs with the browser's, which carries the whole text, in
 * either arrival order; what only the page saw stays, marked truncated.
 */
import { describe, expect, it } from 'vitest';
import { FRAME_PREFIX_CHARS } from '../../core/protocol';
import { Recording } from '../../core/reducer';
import { eventLog } from './events';

const URL_SSE = 'http://127.0.0.1:8000/events';
const text = (i: number) => `{"n":${i},"pad":"${'x'.repeat(300)}"}`;
const reduce = (events: ReturnType<typeof eventLog>['events']) => {
  const rec = new Recording();
  rec.apply(events);
  return rec;
};

describe('lean SSE messages', () => {
  it('pair with the browser copies: each message once, whole; one the browser missed stays truncated', () => {
    const log = eventLog();
    log.cdp({ kind: 'channel.created', channelId: 'sse1', transport: 'sse', url: URL_SSE });
    log.page({ kind: 'channel.created', channelId: 'page:sse:1', transport: 'sse', url: URL_SSE });
    const cdp = (i: number) =>
      log.cdp({
        kind: 'channel.frame',
        channelId: 'sse1',
        direction: 'receive',
        opcode: 1,
        data: text(i),
        size: text(i).length,
        eventName: 'message',
      });
    const page = (i: number) =>
      log.page({
        kind: 'channel.frame',
        channelId: 'page:sse:1',
        direction: 'receive',
        opcode: 1,
        data: text(i).slice(0, FRAME_PREFIX_CHARS),
        size: text(i).length,
        truncated: true,
        eventName: 'message',
      });
    log.at(100);
    cdp(0);
    page(0);
    page(1);
    cdp(1);
    page(2); // the browser's copy never came
    const sse = reduce(log.events).channels.get('sse1')!;
    expect(sse.frames.map((f) => [f.data.length, f.truncated])).toEqual([
      [text(0).length, false],
      [text(1).length, false],
      [FRAME_PREFIX_CHARS, true],
    ]);
    expect(sse.frames[2].size).toBe(text(2).length);
  });
});

describe('lean XHR bodies', () => {
  it("take the browser's whole body whichever comes first", () => {
    const body = text(7);
    for (const order of ['page first', 'cdp first'] as const) {
      const log = eventLog();
      const start = { method: 'GET', url: 'http://127.0.0.1:8000/api/x', headers: {}, resourceType: 'xhr' };
      log.cdp({ kind: 'request.start', requestId: 'r1', ...start });
      log.page({ kind: 'request.start', requestId: 'page:1', ...start });
      const response = { status: 200, statusText: 'OK', headers: {}, mimeType: 'application/json' };
      const pageSide = () =>
        log.page({
          kind: 'request.response',
          requestId: 'page:1',
          ...response,
          body: body.slice(0, FRAME_PREFIX_CHARS),
          bodyTruncated: true,
        });
      const cdpSide = () => {
        log.cdp({ kind: 'request.response', requestId: 'r1', ...response });
        log.cdp({ kind: 'request.finished', requestId: 'r1' });
        log.cdp({ kind: 'request.body', requestId: 'r1', body, truncated: false });
      };
      if (order === 'page first') {
        pageSide();
        cdpSide();
      } else {
        cdpSide();
        pageSide();
      }
      const requests = [...reduce(log.events).requests.values()];
      expect(requests).toHaveLength(1);
      expect([order, requests[0].responseBody, requests[0].responseBodyTruncated]).toEqual([
        order,
        body,
        false,
      ]);
    }
  });
});
