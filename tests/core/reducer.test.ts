import { describe, expect, it } from 'vitest';
import { Recording } from '../../core/reducer';
import { API, ORIGIN, REFRESH_URL, SEED_STACK, T0, corsRefreshFailure, eventLog } from './events';

const WS_URL = 'ws://127.0.0.1:8000/ws/notifications/';

function reduce(events: Parameters<Recording['apply']>[0]): Recording {
  const rec = new Recording();
  rec.apply(events);
  return rec;
}

describe('Recording: requests and preflights', () => {
  it.each([false, true])('pairs a preflight with its request (preflight first: %s)', (preflightFirst) => {
    const rec = reduce(corsRefreshFailure(eventLog(), { preflightFirst }).events);
    const post = rec.requests.get('1000.1')!;
    const pre = rec.requests.get('1000.1-pre')!;
    expect(post.preflightId).toBe('1000.1-pre');
    expect(pre.preflightFor).toBe('1000.1');
    expect(pre.status).toBe(200);
    expect(post.state).toBe('failed');
    expect(post.failure?.cors?.failedParameter).toBe('authorization');
    // The preflight is shown inside its request, not as a row of its own.
    expect(rec.timeline.map((row) => row.id)).toEqual(['1000.1']);
  });

  it('keeps the last response when CDP reports one twice', () => {
    const log = eventLog()
      .cdp({
        kind: 'request.start',
        requestId: 'r1',
        url: `${API}/a`,
        method: 'GET',
        headers: {},
        resourceType: 'fetch',
      })
      .cdp({ kind: 'request.response', requestId: 'r1', status: 302, statusText: 'Found', headers: {} })
      .cdp({ kind: 'request.response', requestId: 'r1', status: 200, statusText: 'OK', headers: { a: 'b' } })
      .at(40)
      .cdp({ kind: 'request.finished', requestId: 'r1' });
    const req = reduce(log.events).requests.get('r1')!;
    expect(req.status).toBe(200);
    expect(req.responseHeaders).toEqual({ a: 'b' });
    expect(req.state).toBe('done');
    expect(req.endTime).toBe(T0 + 40);
  });

  it.each(['cdp first', 'page first'])('merges the probe and CDP reports of one fetch (%s)', (order) => {
    const log = eventLog();
    const cdpStart = () =>
      log.cdp({
        kind: 'request.start',
        requestId: '1000.1',
        url: REFRESH_URL,
        method: 'POST',
        headers: {},
        resourceType: 'fetch',
      });
    const pageStart = () =>
      log.page({
        kind: 'request.start',
        requestId: 'page:1',
        url: REFRESH_URL,
        method: 'POST',
        headers: {},
        resourceType: 'fetch',
      });
    if (order === 'cdp first') {
      cdpStart();
      log.at(5);
      pageStart();
    } else {
      pageStart();
      log.at(900);
      cdpStart();
    }
    log.at(1000).cdp({
      kind: 'request.failed',
      requestId: '1000.1',
      errorText: 'net::ERR_FAILED',
      cors: { corsError: 'HeaderDisallowedByPreflightResponse', failedParameter: 'authorization' },
    });
    log
      .at(1001)
      .page({ kind: 'request.failed', requestId: 'page:1', errorText: 'TypeError: Failed to fetch' });

    const rec = reduce(log.events);
    expect([...rec.requests.keys()]).toEqual(['1000.1']);
    expect(rec.timeline.map((row) => row.id)).toEqual(['1000.1']);
    const req = rec.requests.get('1000.1')!;
    expect(req.source).toBe('cdp');
    expect(req.pageError).toBe('TypeError: Failed to fetch');
    expect(req.failure?.errorText).toBe('net::ERR_FAILED');
    expect(req.failure?.cors?.corsError).toBe('HeaderDisallowedByPreflightResponse');
  });

  it('keeps page-only requests as their own rows, and does not merge beyond 3 s', () => {
    const log = eventLog()
      .at(0)
      .page({
        kind: 'request.start',
        requestId: 'page:1',
        url: `${API}/me`,
        method: 'GET',
        headers: {},
        resourceType: 'fetch',
      })
      .at(10)
      .page({ kind: 'request.response', requestId: 'page:1', status: 200, statusText: 'OK', headers: {} })
      .at(11)
      .page({ kind: 'request.finished', requestId: 'page:1' })
      .at(3500)
      .cdp({
        kind: 'request.start',
        requestId: '7.1',
        url: `${API}/me`,
        method: 'GET',
        headers: {},
        resourceType: 'fetch',
      });
    const rec = reduce(log.events);
    expect(rec.requests.get('page:1')).toMatchObject({ source: 'page', status: 200, state: 'done' });
    expect(rec.timeline.map((row) => row.id)).toEqual(['page:1', '7.1']);
  });

  it('does not pair a page fetch with a different method', () => {
    const log = eventLog()
      .cdp({
        kind: 'request.start',
        requestId: '7.1',
        url: `${API}/me`,
        method: 'GET',
        headers: {},
        resourceType: 'fetch',
      })
      .page({
        kind: 'request.start',
        requestId: 'page:1',
        url: `${API}/me`,
        method: 'POST',
        headers: {},
        resourceType: 'fetch',
      });
    expect(reduce(log.events).timeline).toHaveLength(2);
  });
});

describe('Recording: channels', () => {
  it.each(['cdp first', 'page first'])(
    'merges the two reports of one WebSocket without doubling frames (%s)',
    (order) => {
      const log = eventLog();
      const created = (source: 'cdp' | 'page', id: string) =>
        log[source]({ kind: 'channel.created', channelId: id, transport: 'websocket', url: WS_URL });
      if (order === 'cdp first') {
        created('cdp', 'ws1');
        created('page', 'page:ws1');
      } else {
        created('page', 'page:ws1');
        log.at(30);
        created('cdp', 'ws1');
      }
      log
        .at(50)
        .cdp({ kind: 'channel.open', channelId: 'ws1', status: 101 })
        .page({ kind: 'channel.open', channelId: 'page:ws1' });
      for (const source of ['cdp', 'page'] as const) {
        const id = source === 'cdp' ? 'ws1' : 'page:ws1';
        log.at(60)[source]({
          kind: 'channel.frame',
          channelId: id,
          direction: 'send',
          opcode: 1,
          data: '{"sub":1}',
          size: 9,
        });
        log.at(70)[source]({
          kind: 'channel.frame',
          channelId: id,
          direction: 'receive',
          opcode: 1,
          data: 'hi',
          size: 2,
        });
      }
      log.at(80).cdp({ kind: 'channel.closed', channelId: 'ws1' });
      log.at(81).page({ kind: 'channel.closed', channelId: 'page:ws1', code: 4001, reason: 'auth' });

      const rec = reduce(log.events);
      expect([...rec.channels.keys()]).toEqual(['ws1']);
      expect(rec.timeline.map((row) => row.id)).toEqual(['ws1']);
      const ws = rec.channels.get('ws1')!;
      expect(ws.frames.map((f) => f.data)).toEqual(['{"sub":1}', 'hi']);
      expect([ws.framesOut, ws.framesIn]).toEqual([1, 1]);
      // CDP's webSocketClosed has no code: the page's close event supplies it.
      expect(ws).toMatchObject({
        state: 'closed',
        closeCode: 4001,
        closeReason: 'auth',
        lastActivity: T0 + 81,
      });
      expect(ws.handshakeStatus).toBe(101);
    },
  );

  it('follows an error then a close, and a page-only SSE channel', () => {
    const log = eventLog()
      .page({ kind: 'channel.created', channelId: 'page:es1', transport: 'sse', url: `${API}/events` })
      .at(5)
      .page({
        kind: 'channel.frame',
        channelId: 'page:es1',
        direction: 'receive',
        opcode: 1,
        data: 'x',
        size: 1,
        eventName: 'tick',
      })
      .at(10)
      .page({ kind: 'channel.error', channelId: 'page:es1', message: 'EventSource failed' });
    const rec = reduce(log.events);
    const es = rec.channels.get('page:es1')!;
    expect(es).toMatchObject({
      source: 'page',
      state: 'error',
      errorMessage: 'EventSource failed',
      framesIn: 1,
    });
    expect(es.frames[0].eventName).toBe('tick');
    rec.apply(log.at(20).page({ kind: 'channel.closed', channelId: 'page:es1' }).take().slice(-1));
    expect(es.state).toBe('closed');
    expect(es.errorMessage).toBe('EventSource failed');
  });
});

describe('Recording: exceptions', () => {
  const rejection = {
    kind: 'exception',
    surface: 'unhandledrejection',
    message: 'Error: Auth context not provided',
    stackText: SEED_STACK,
  } as const;

  it.each(['cdp first', 'page first'])(
    'keeps one record for a throw CDP and the page both saw (%s)',
    (order) => {
      const log = eventLog();
      if (order === 'cdp first')
        log
          .cdp({ ...rejection, exceptionId: 'c1' })
          .at(15)
          .page({ ...rejection, exceptionId: 'p1' });
      else
        log
          .page({ ...rejection, exceptionId: 'p1' })
          .at(15)
          .cdp({ ...rejection, exceptionId: 'c1' });
      log.at(500).page({ kind: 'exception.handled', exceptionId: 'p1' });

      const rec = reduce(log.events);
      expect(rec.exceptions.size).toBe(1);
      const [x] = rec.exceptions.values();
      expect(x.source).toBe('cdp');
      expect(x.alsoReportedAs).toHaveLength(1);
      expect(x.alsoReportedAs[0]).not.toBe(x.id);
      expect(rec.timeline).toEqual([{ type: 'exception', id: x.id, time: x.time, seq: x.firstSeq }]);
      expect(x.handledLater).toBe(true);
    },
  );

  it('parses stackText and defaults the location to the top frame', () => {
    const rec = reduce(eventLog().page(rejection).events);
    const x = rec.exceptions.get('x1')!;
    expect(x.stack).toHaveLength(2);
    expect(x).toMatchObject({
      url: `${ORIGIN}/assets/websocketService-BKJDZuHi.js`,
      line: 1,
      column: 826,
      handledLater: false,
    });
  });

  it('keeps console reports and throws 2 s apart as separate rows', () => {
    const log = eventLog()
      .cdp(rejection)
      .at(10)
      .page({
        kind: 'exception',
        surface: 'console',
        message: 'Router error: Error: Auth context not provided',
      })
      .at(2500)
      .page(rejection);
    const rec = reduce(log.events);
    expect(rec.exceptions.size).toBe(3);
    expect(rec.timeline.map((row) => row.id)).toEqual(['x1', 'x2', 'x3']);
  });
});

describe('Recording: capture, logs, timeline', () => {
  it('counts dropped events and follows the debugger state', () => {
    const rec = new Recording();
    expect(rec.capture.cdp).toBe('never');
    const log = eventLog()
      .user({ kind: 'capture.state', cdp: 'attached' })
      .user({ kind: 'capture.dropped', rejected: 2, overflow: 0 })
      .user({ kind: 'capture.dropped', rejected: 1, overflow: 40, reason: 'buffer full' })
      .user({ kind: 'capture.dropped', rejected: 0, overflow: 0, clamped: 5, payloads: 7 })
      .user({ kind: 'capture.dropped', rejected: 0, overflow: 0, payloads: 3 })
      .user({ kind: 'capture.state', cdp: 'detached', reason: 'canceled_by_user' });
    rec.apply(log.events);
    expect(rec.capture).toEqual({
      cdp: 'detached',
      cdpReason: 'canceled_by_user',
      rejected: 3,
      overflow: 40,
      clamped: 5,
      payloads: 10,
    });
    expect(rec.eventCount).toBe(6);
  });

  it('orders rows by time (ties by seq), inserts late events, keeps logs out of the timeline', () => {
    const rec = new Recording();
    const log = eventLog();
    log
      .at(0)
      .cdp({ kind: 'page.load', url: `${ORIGIN}/` })
      .at(100)
      .user({ kind: 'user.action', action: 'record' })
      .at(100)
      .cdp({ kind: 'log', level: 'error', category: 'cors', text: 'blocked' });
    rec.apply(log.take());
    // A page report that arrives late, with an earlier clock reading.
    log
      .at(50)
      .page({
        kind: 'request.start',
        requestId: 'page:1',
        url: `${API}/x`,
        method: 'GET',
        headers: {},
        resourceType: 'xhr',
      })
      .at(100)
      .page({ kind: 'channel.created', channelId: 'page:ws', transport: 'websocket', url: WS_URL });
    rec.apply(log.take());
    expect(rec.timeline.map((row) => `${row.type}:${row.id}`)).toEqual([
      'page:p1',
      'request:page:1',
      'action:a2',
      'channel:page:ws',
    ]);
    expect(rec.logs.map((l) => l.text)).toEqual(['blocked']);
  });

  it('skips events it has already applied (a snapshot overlapping a live batch)', () => {
    const log = corsRefreshFailure(eventLog());
    const rec = reduce(log.events);
    rec.apply(log.events.slice(2));
    expect(rec.eventCount).toBe(log.events.length);
    expect(rec.timeline).toHaveLength(1);
  });
});
