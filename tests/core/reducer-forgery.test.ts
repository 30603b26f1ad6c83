/**
 * A page that reuses the browser's ids: every id a page event carries lives under `page:`, so
 * a forged page report can never rewrite a record CDP reported (its URL, status, CORS verdict,
 * frames, close code), nor make the panel fetch another URL as a script's source map. The
 * merge of a page report with its CDP twin (`Pairing`) keeps working.
 */
import { describe, expect, it } from 'vitest';
import type { RecordedEvent } from '../../core/events';
import { inPageNamespace, pageId } from '../../core/page-ids';
import { Recording } from '../../core/reducer';
import { findFindings } from '../../core/rules';
import { createSourceMapLoader, scriptsToMap } from '../../composables/source-maps';
import { ORIGIN, REFRESH_URL, SEED_STACK, corsRefreshFailure, eventLog } from './events';

const EVIL = 'http://evil.example/steal?what=';
const SCRIPT = `${ORIGIN}/assets/main-abc.js`;

function reduce(events: readonly RecordedEvent[]): Recording {
  const rec = new Recording();
  rec.apply(events);
  return rec;
}

describe('page ids live in their own namespace', () => {
  it('a page request.start/response/failed reusing a CDP id leaves the CDP row as the browser reported it', () => {
    const log = corsRefreshFailure(eventLog());
    const before = structuredClone(reduce(log.events).requests.get('1000.1')!);
    log
      .at(50)
      .page({
        kind: 'request.start',
        requestId: '1000.1',
        url: `${EVIL}1`,
        method: 'GET',
        headers: { authorization: 'x' },
        resourceType: 'fetch',
      })
      .page({ kind: 'request.response', requestId: '1000.1', status: 500, statusText: 'forged', headers: {} })
      .page({ kind: 'request.failed', requestId: '1000.1', errorText: 'forged' })
      .page({ kind: 'request.finished', requestId: '1000.1' })
      .page({ kind: 'request.response', requestId: '1000.1-pre', status: 204, statusText: '', headers: {} });
    const rec = reduce(log.events);
    const post = rec.requests.get('1000.1')!;
    expect(post.url).toBe(REFRESH_URL);
    expect(post.method).toBe('POST');
    expect(post.status).toBe(before.status);
    expect(post.state).toBe('failed');
    expect(post.failure).toEqual(before.failure);
    expect(post.failure?.cors?.corsError).toBe('HeaderDisallowedByPreflightResponse');
    expect(post.pageError).toBeUndefined();
    expect(rec.requests.get('1000.1-pre')!.status).toBe(200);
    // The forged report is a page row of its own, and Chromium's verdict still decides the finding.
    expect(rec.requests.get('page:1000.1')?.url).toBe(`${EVIL}1`);
    const cors = findFindings(rec).filter((f) => f.ruleId.startsWith('cors/'));
    expect(cors.map((f) => f.ruleId)).toEqual(['cors/header-not-allowed']);
    expect(cors[0].basis).toBe('cdp');
  });

  it('a page response or failure with the id of a pending CDP request does not answer it', () => {
    const log = eventLog()
      .cdp({
        kind: 'request.start',
        requestId: '7.1',
        url: `${ORIGIN}/api/me`,
        method: 'GET',
        headers: {},
        resourceType: 'fetch',
      })
      .at(5)
      .page({ kind: 'request.response', requestId: '7.1', status: 401, statusText: '', headers: {} })
      .page({ kind: 'request.failed', requestId: '7.1', errorText: 'TypeError: Failed to fetch' });
    const req = reduce(log.events).requests.get('7.1')!;
    expect(req.status).toBeUndefined();
    expect(req.state).toBe('pending');
    expect(req.failure).toBeUndefined();
  });

  it('page channel and exception events reusing CDP ids change nothing the browser reported', () => {
    const log = eventLog()
      .cdp({ kind: 'channel.created', channelId: '9.1', transport: 'websocket', url: 'ws://127.0.0.1/ws' })
      .cdp({ kind: 'channel.open', channelId: '9.1', status: 101 })
      .cdp({ kind: 'channel.closed', channelId: '9.1', code: 1000 })
      .cdp({ kind: 'exception', surface: 'error', message: 'Error: real', exceptionId: '3' })
      .at(10)
      .page({ kind: 'channel.frame', channelId: '9.1', direction: 'receive', opcode: 1, data: 'x', size: 1 })
      .page({ kind: 'channel.error', channelId: '9.1', message: 'forged' })
      .page({ kind: 'channel.closed', channelId: '9.1', code: 4401, reason: 'forged' })
      .page({ kind: 'exception.handled', exceptionId: '3' });
    const rec = reduce(log.events);
    const channel = rec.channels.get('9.1')!;
    expect(channel.frames).toEqual([]);
    expect(channel.closeCode).toBe(1000);
    expect(channel.closeReason).toBeUndefined();
    expect(channel.errorMessage).toBeUndefined();
    expect(channel.state).toBe('closed');
    expect([...rec.exceptions.values()].map((x) => x.handledLater)).toEqual([false]);
  });

  it('a page script report with a CDP script id cannot change which URLs the source-map loader fetches', async () => {
    const log = eventLog()
      .cdp({
        kind: 'request.start',
        requestId: 's1',
        url: SCRIPT,
        method: 'GET',
        headers: {},
        resourceType: 'script',
      })
      .cdp({ kind: 'request.finished', requestId: 's1' })
      .at(10)
      .page({
        kind: 'request.start',
        requestId: 's1',
        url: `${EVIL}map`,
        method: 'GET',
        headers: {},
        resourceType: 'fetch',
      })
      .page({
        kind: 'exception',
        surface: 'error',
        message: 'Error: boom',
        stack: [
          { functionName: 'a', url: `${EVIL}map`, line: 1, column: 1 },
          { functionName: 'b', url: SCRIPT, line: 1, column: 2 },
          { functionName: 'c', url: `${ORIGIN}/assets/never-loaded.js`, line: 1, column: 3 },
        ],
      });
    const rec = reduce(log.events);
    expect(rec.requests.get('s1')!.url).toBe(SCRIPT);
    expect(scriptsToMap(rec)).toEqual([SCRIPT]);
    const fetched: string[] = [];
    const loader = createSourceMapLoader(async (url) => {
      fetched.push(url);
      return url === SCRIPT ? { text: `x;\n//# sourceMappingURL=${EVIL}other.map` } : undefined;
    });
    await loader.load(scriptsToMap(rec));
    // The script's map lives on another origin: not fetched either.
    expect(fetched).toEqual([SCRIPT]);
  });

  it('still merges the probe report of a request with its CDP twin, in either order', () => {
    for (const pageFirst of [true, false]) {
      const log = eventLog();
      const cdp = () =>
        log.cdp({
          kind: 'request.start',
          requestId: '1.1',
          url: `${ORIGIN}/api/x`,
          method: 'GET',
          headers: {},
          resourceType: 'fetch',
        });
      const page = () =>
        log.page({
          kind: 'request.start',
          requestId: '1.1',
          url: `${ORIGIN}/api/x`,
          method: 'GET',
          headers: {},
          resourceType: 'fetch',
          initiatorStack: [{ functionName: 'load', url: SCRIPT, line: 1, column: 1 }],
        });
      (pageFirst ? page : cdp)();
      log.at(20);
      (pageFirst ? cdp : page)();
      log.at(30).page({ kind: 'request.failed', requestId: '1.1', errorText: 'TypeError: Failed to fetch' });
      log.cdp({ kind: 'request.response', requestId: '1.1', status: 200, statusText: 'OK', headers: {} });
      log.cdp({ kind: 'request.finished', requestId: '1.1' });
      const rec = reduce(log.events);
      expect([...rec.requests.keys()]).toEqual(['1.1']);
      const req = rec.requests.get('1.1')!;
      expect(req.source).toBe('cdp');
      expect(req.initiatorStack?.[0].functionName).toBe('load');
      expect(req.pageError).toBe('TypeError: Failed to fetch');
      expect(req.status).toBe(200);
      expect(rec.timeline.map((row) => row.id)).toEqual(['1.1']);
    }
  });
});

describe('a page report merged with its CDP twin fills gaps only until the browser answers', () => {
  const forgedFirst = (pageFailed: boolean) => {
    const log = eventLog().page({
      kind: 'request.start',
      requestId: 'page:1',
      url: REFRESH_URL,
      method: 'POST',
      headers: {},
      resourceType: 'fetch',
    });
    log
      .at(5)
      .page({ kind: 'request.response', requestId: 'page:1', status: 500, statusText: 'x', headers: {} });
    if (pageFailed) log.page({ kind: 'request.failed', requestId: 'page:1', errorText: 'forged' });
    return log;
  };

  it.each([false, true])(
    'a status the page made up goes when CDP reports a CORS failure (page failed too: %s)',
    (pageFailed) => {
      const log = corsRefreshFailure(forgedFirst(pageFailed), { at: 10 });
      const rec = reduce(log.events);
      const post = rec.requests.get('1000.1')!;
      expect([...rec.requests.keys()].sort()).toEqual(['1000.1', '1000.1-pre']);
      expect(post.status).toBeUndefined();
      expect(post.responseHeaders).toBeUndefined();
      expect(post.failure?.cors?.corsError).toBe('HeaderDisallowedByPreflightResponse');
      const cors = findFindings(rec).filter((f) => f.ruleId.startsWith('cors/'));
      expect(cors.map((f) => f.ruleId)).toEqual(['cors/header-not-allowed']);
    },
  );

  it('a failure the page made up goes when CDP reports the request finished', () => {
    const log = eventLog()
      .cdp({
        kind: 'request.start',
        requestId: '5.1',
        url: `${ORIGIN}/api/x`,
        method: 'GET',
        headers: {},
        resourceType: 'fetch',
      })
      .page({
        kind: 'request.start',
        requestId: 'page:1',
        url: `${ORIGIN}/api/x`,
        method: 'GET',
        headers: {},
        resourceType: 'fetch',
      })
      .at(5)
      .page({ kind: 'request.failed', requestId: 'page:1', errorText: 'TypeError: Failed to fetch' })
      .at(9)
      .cdp({ kind: 'request.response', requestId: '5.1', status: 200, statusText: 'OK', headers: {} })
      .cdp({ kind: 'request.finished', requestId: '5.1' });
    const req = reduce(log.events).requests.get('5.1')!;
    expect(req.state).toBe('done');
    expect(req.status).toBe(200);
    expect(req.failure).toBeUndefined();
    // The page's own view stays visible as what the page saw.
    expect(req.pageError).toBe('TypeError: Failed to fetch');
  });
});

describe('times of an old log that no Date holds', () => {
  it('are clamped to the edge of a Date, or take the last good time, so rows and exports keep valid dates', () => {
    const log = eventLog()
      .page({ kind: 'page.load', url: `${ORIGIN}/` })
      .at(8.7e15)
      .page({ kind: 'page.load', url: `${ORIGIN}/future` });
    const events = log.events.concat([
      { kind: 'page.load', url: `${ORIGIN}/nan`, seq: 3, time: NaN, source: 'page' },
      { kind: 'page.load', url: `${ORIGIN}/null`, seq: 4, time: null as unknown as number, source: 'cdp' },
    ]);
    const rec = reduce(events);
    expect(rec.timeline.map((row) => row.time)).toEqual([events[0].time, 8.64e15, 8.64e15, 8.64e15]);
    for (const row of rec.timeline) expect(() => new Date(row.time).toISOString()).not.toThrow();
    // The log itself is left as it was.
    expect(events[2].time).toBeNaN();
  });
});

describe('a crafted stack text', () => {
  it('costs milliseconds, not minutes, and an honest one still gives its frames', () => {
    const crafted = [
      `at ${' '.repeat(4000)}x`,
      `at a ${' ('.repeat(60_000)}`,
      `${'@'.repeat(60_000)}:1:1x`,
      ...Array.from({ length: 300 }, () => `at a ${' ('.repeat(240)}`),
    ].join('\n');
    const started = performance.now();
    const rec = reduce(
      eventLog()
        .page({
          kind: 'exception',
          surface: 'error',
          message: 'Error: x',
          stackText: crafted.slice(0, 128 * 1024),
        })
        .page({ kind: 'exception', surface: 'error', message: 'Error: y', stackText: SEED_STACK }).events,
    );
    // Before, the first line alone kept the parser busy for minutes.
    expect(performance.now() - started).toBeLessThan(3_000);
    const [, honest] = [...rec.exceptions.values()];
    expect(honest.stack.map((f) => f.line + ':' + f.column)).toEqual(['1:826', '1:3219']);
  });
});

describe('inPageNamespace', () => {
  it('prefixes every id once, leaves page ids and other fields alone, never mutates the event', () => {
    const start = { kind: 'request.start', requestId: 'a', preflightFor: 'b', url: 'u' } as const;
    const named = inPageNamespace(start);
    expect(named).toEqual({ kind: 'request.start', requestId: 'page:a', preflightFor: 'page:b', url: 'u' });
    expect(start.requestId).toBe('a');
    expect(inPageNamespace(named)).toBe(named);
    const close = { kind: 'channel.closed', channelId: 'page:ws:1' };
    expect(inPageNamespace(close)).toBe(close);
    expect(inPageNamespace({ kind: 'exception.handled', exceptionId: 'x1' })).toEqual({
      kind: 'exception.handled',
      exceptionId: 'page:x1',
    });
    expect(pageId('page:1')).toBe('page:1');
    expect(pageId('1')).toBe('page:1');
  });
});
