/**
 * fast-check arbitraries of hostile event logs for the reducer and panel fuzz tests: every event
 * kind, page ids colliding with CDP ids, extreme numbers (NaN, ±1e308, 8.64e15, negatives),
 * unicode, odd header names (`__proto__`, `constructor`), out-of-order and repeated seqs.
 * CDP events keep what Chromium really sends (finite times, ids never under `page:`); page and
 * old-log events may carry anything their types allow.
 */
import fc from 'fast-check';
import type { EventBody, EventSource, RecordedEvent } from '../../core/events';

export const T0 = 1_737_190_000_000;

const CDP_IDS = ['1.1', '2.1', '3.1', 'w1', 's1', '__proto__', 'constructor'];
const PAGE_IDS = [...CDP_IDS, 'page:1', 'page:ws:1', 'page:x1', ''];
const URLS = [
  'http://127.0.0.1:8000/api/auth/token/refresh/',
  'http://127.0.0.1:5173/assets/main.js',
  'ws://127.0.0.1:8000/ws/',
  'http://evil.example/x.map',
  'javascript:alert(1)',
  'data:text/plain,x',
  'http://[::1]:99999/é?q=%zz#',
  '',
];

export const hostileNumber = fc.oneof(
  fc.integer({ min: -5, max: 70_000 }),
  fc.constantFrom(0, -1, 1e308, -1e308, 8.64e15, -8.64e15, Number.MAX_SAFE_INTEGER, NaN, Infinity, -0, 0.5),
  fc.double(),
);
const text = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.constantFrom(
    'Error: Auth context not provided',
    'Uncaught (in promise) TypeError: Failed to fetch',
    '\u2028\r',
  ),
);
const url = fc.oneof(fc.constantFrom(...URLS), fc.webUrl(), fc.string({ maxLength: 20 }));
const method = fc.constantFrom('GET', 'POST', 'OPTIONS', 'PUT', 'get', '', 'ΠΟΣΤ');
const headerName = fc.oneof(
  fc.constantFrom(
    'authorization',
    'Origin',
    'access-control-allow-origin',
    'Access-Control-Allow-Headers',
    'access-control-allow-credentials',
    'sec-fetch-mode',
    'cookie',
    'set-cookie',
    'content-type',
    '__proto__',
    'constructor',
    'toString',
  ),
  fc.string({ maxLength: 12 }),
);
const headerValue = fc.oneof(
  fc.constantFrom('*', 'null', 'http://127.0.0.1:5173', 'true', 'Bearer a.b.c'),
  text,
);
const headers = fc.oneof(
  fc.dictionary(headerName, headerValue, { maxKeys: 6 }),
  fc.dictionary(fc.string({ maxLength: 8 }), headerValue, { minKeys: 50, maxKeys: 200 }),
);
const frame = fc.record({
  functionName: text,
  url,
  line: hostileNumber,
  column: hostileNumber,
});
const stack = fc.array(frame, { maxLength: 4 });
const stackText = fc.oneof(
  text,
  fc
    .array(fc.tuple(text, url, hostileNumber), { maxLength: 4 })
    .map((frames) => ['Error: x', ...frames.map(([fn, u, n]) => `    at ${fn} (${u}:${n}:${n})`)].join('\n')),
);
const CORS_ERRORS = [
  'HeaderDisallowedByPreflightResponse',
  'PreflightMissingAllowOriginHeader',
  'MissingAllowOriginHeader',
  'AllowOriginMismatch',
  'MethodDisallowedByPreflightResponse',
  'InvalidAllowHeadersPreflightResponse',
  'PreflightInvalidStatus',
  'UnexpectedPrivateNetworkAccess',
  'Bogus',
];

const opt = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

/** What the recorder itself writes as the user's: actions and replay outcomes. */
function userBodies(id: fc.Arbitrary<string>): fc.Arbitrary<EventBody> {
  return fc.oneof(
    fc.record({ kind: fc.constant('user.action' as const), action: text, detail: opt(text) }),
    fc.record({
      kind: fc.constant('replay.result' as const),
      replayId: id,
      sourceRequestId: id,
      url,
      method,
      startTime: hostileNumber,
      durationMs: hostileNumber,
      status: opt(hostileNumber),
      statusText: opt(text),
      headers: opt(headers),
      body: opt(text),
      bodyTruncated: opt(fc.boolean()),
      error: opt(text),
    }),
  );
}

/** Event bodies of every kind, with ids drawn from `ids`. */
function bodies(ids: readonly string[]): fc.Arbitrary<EventBody> {
  const id = fc.oneof(fc.constantFrom(...ids), fc.string({ maxLength: 4 }));
  return fc.oneof(
    fc.record({
      kind: fc.constant('request.start' as const),
      requestId: id,
      url,
      method,
      headers,
      postData: opt(text),
      resourceType: fc.constantFrom('fetch', 'xhr', 'document', 'script', 'preflight', 'other', 'websocket'),
      preflightFor: opt(id),
      documentUrl: opt(url),
      initiatorStack: opt(stack),
    }),
    fc.record({ kind: fc.constant('request.wire-headers' as const), requestId: id, headers }),
    fc.record({
      kind: fc.constant('request.response' as const),
      requestId: id,
      status: hostileNumber,
      statusText: text,
      headers,
      mimeType: opt(text),
      body: opt(text),
      bodyTruncated: opt(fc.boolean()),
    }),
    fc.record({
      kind: fc.constant('request.body' as const),
      requestId: id,
      body: text,
      truncated: fc.boolean(),
      base64: opt(fc.boolean()),
    }),
    fc.record({
      kind: fc.constant('request.finished' as const),
      requestId: id,
      encodedDataLength: opt(hostileNumber),
    }),
    fc.record({
      kind: fc.constant('request.failed' as const),
      requestId: id,
      errorText: fc.oneof(text, fc.constantFrom('net::ERR_FAILED', 'net::ERR_CONNECTION_REFUSED')),
      canceled: opt(fc.boolean()),
      blockedReason: opt(text),
      cors: opt(fc.record({ corsError: fc.constantFrom(...CORS_ERRORS), failedParameter: text })),
    }),
    fc.record({
      kind: fc.constant('channel.created' as const),
      channelId: id,
      transport: fc.constantFrom('websocket' as const, 'sse' as const),
      url,
      initiatorStack: opt(stack),
    }),
    fc.record({
      kind: fc.constant('channel.open' as const),
      channelId: id,
      status: opt(hostileNumber),
      headers: opt(headers),
    }),
    fc.record({
      kind: fc.constant('channel.frame' as const),
      channelId: id,
      direction: fc.constantFrom('send' as const, 'receive' as const),
      opcode: hostileNumber,
      data: text,
      size: hostileNumber,
      truncated: opt(fc.boolean()),
      eventName: opt(text),
      lastEventId: opt(text),
    }),
    fc.record({ kind: fc.constant('channel.error' as const), channelId: id, message: text }),
    fc.record({
      kind: fc.constant('channel.closed' as const),
      channelId: id,
      code: opt(fc.oneof(fc.constantFrom(1000, 1006, 1008, 1011, 4401, 4403), hostileNumber)),
      reason: opt(text),
      wasClean: opt(fc.boolean()),
    }),
    fc.record({
      kind: fc.constant('channel.refused' as const),
      transport: fc.constantFrom('websocket' as const, 'sse' as const),
      url,
    }),
    fc.record({
      kind: fc.constant('exception' as const),
      surface: fc.constantFrom('unhandledrejection' as const, 'error' as const, 'console' as const),
      message: text,
      errorName: opt(text),
      stack: opt(stack),
      stackText: opt(stackText),
      url: opt(url),
      line: opt(hostileNumber),
      column: opt(hostileNumber),
      exceptionId: opt(id),
    }),
    fc.record({ kind: fc.constant('exception.handled' as const), exceptionId: id }),
    fc.record({
      kind: fc.constant('log' as const),
      level: fc.constantFrom('error' as const, 'warning' as const, 'info' as const, 'verbose' as const),
      category: fc.constantFrom('cors', 'network', 'javascript', 'console-api'),
      text,
      url: opt(url),
      requestId: opt(id),
    }),
    fc.record({ kind: fc.constant('page.load' as const), url }),
    fc.record({
      kind: fc.constant('capture.state' as const),
      cdp: fc.constantFrom('attached' as const, 'detached' as const, 'unavailable' as const),
      reason: opt(text),
    }),
    fc.record({
      kind: fc.constant('capture.dropped' as const),
      rejected: hostileNumber,
      overflow: hostileNumber,
      clamped: opt(hostileNumber),
      reason: opt(text),
    }),
    fc.record({
      kind: fc.constant('capture.gap' as const),
      from: hostileNumber,
      to: hostileNumber,
      reason: text,
    }),
    userBodies(id),
  ) as fc.Arbitrary<EventBody>;
}

const cdpBodies = bodies(CDP_IDS);
const cdpTime = fc.integer({ min: 0, max: 8000 });
const pageBodies = bodies(PAGE_IDS);

/** One generated event before its seq is set: CDP (finite times), page or HAR (any time), user (recorder's own). */
const drafted = (withHar: boolean) =>
  fc.oneof(
    {
      weight: 3,
      arbitrary: fc.record({ source: fc.constant<EventSource>('cdp'), body: cdpBodies, time: cdpTime }),
    },
    {
      weight: 3,
      arbitrary: fc.record({
        source: fc.constantFrom<EventSource>(...(withHar ? (['page', 'har'] as const) : (['page'] as const))),
        body: pageBodies,
        time: fc.oneof(fc.integer({ min: -3_600_000, max: 8000 }), hostileNumber),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        source: fc.constant<EventSource>('user'),
        body: userBodies(fc.constantFrom(...PAGE_IDS)),
        time: cdpTime,
      }),
    },
  );

/**
 * A hostile log: events of every kind and source (`har` too when asked), with seqs mostly
 * increasing, some repeated or going back (the reducer skips those). Split into batches as
 * `apply` receives them.
 */
export function hostileLog(options: { withHar?: boolean; maxLength?: number } = {}) {
  return fc
    .record({
      drafts: fc.array(drafted(options.withHar ?? false), { maxLength: options.maxLength ?? 40 }),
      seqSteps: fc.array(fc.constantFrom(1, 1, 1, 1, 2, 0, -3), { minLength: 1, maxLength: 40 }),
      cuts: fc.array(fc.nat({ max: 40 }), { maxLength: 4 }),
    })
    .map(({ drafts, seqSteps, cuts }) => {
      let seq = 0;
      const events = drafts.map((d, i) => {
        seq += seqSteps[i % seqSteps.length];
        return { ...d.body, seq, time: T0 + d.time, source: d.source } as RecordedEvent;
      });
      const bounds = [0, ...cuts.map((c) => Math.min(c, events.length)).sort((a, b) => a - b), events.length];
      const batches: RecordedEvent[][] = [];
      for (let i = 1; i < bounds.length; i++) batches.push(events.slice(bounds[i - 1], bounds[i]));
      return { events, batches };
    });
}
