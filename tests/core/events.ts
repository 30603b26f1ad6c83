/**
 * Builds event logs for core tests: a clock and a seq counter, so tests say what happened
 * and when (`log.at(1200).cdp({...})`) instead of writing seq/time/source by hand.
 */
import type { EventBody, EventSource, RecordedEvent } from '../../core/events';

export const T0 = 1_737_190_000_000;
export const ORIGIN = 'http://127.0.0.1:5173';
export const API = 'http://127.0.0.1:8000';
export const REFRESH_URL = `${API}/api/auth/token/refresh/`;

/** The seed's minified stack, as Chrome printed it. */
export const SEED_STACK =
  'Error: Auth context not provided\n' +
  '    at new X (http://127.0.0.1:5173/assets/websocketService-BKJDZuHi.js:1:826)\n' +
  '    at http://127.0.0.1:5173/assets/websocketService-BKJDZuHi.js:1:3219';

export interface EventLog {
  readonly events: RecordedEvent[];
  /** Sets the clock to T0 + `ms` for the next events. */
  at(ms: number): EventLog;
  cdp(body: EventBody): EventLog;
  page(body: EventBody): EventLog;
  har(body: EventBody): EventLog;
  user(body: EventBody): EventLog;
  /** Returns the events added since the last `take()` (for incremental `apply`). */
  take(): RecordedEvent[];
}

export function eventLog(): EventLog {
  const events: RecordedEvent[] = [];
  let seq = 0;
  let now = T0;
  let taken = 0;
  const add = (source: EventSource) => (body: EventBody) => {
    events.push({ ...body, seq: ++seq, time: now, source } as RecordedEvent);
    return log;
  };
  const log: EventLog = {
    events,
    at(ms) {
      now = T0 + ms;
      return log;
    },
    cdp: add('cdp'),
    page: add('page'),
    har: add('har'),
    user: add('user'),
    take() {
      const batch = events.slice(taken);
      taken = events.length;
      return batch;
    },
  };
  return log;
}

/**
 * The seed's CORS failure as CDP reports it: the POST to the refresh endpoint, its OPTIONS
 * preflight answered 200 with `allowHeaders`, and the verdict on the POST's `loadingFailed`.
 */
export function corsRefreshFailure(
  log: EventLog,
  opts: {
    id?: string;
    at?: number;
    allowHeaders?: string | null;
    preflightFirst?: boolean;
    corsError?: string;
  } = {},
): EventLog {
  const id = opts.id ?? '1000.1';
  const preId = `${id}-pre`;
  const at = opts.at ?? 0;
  const post = {
    kind: 'request.start',
    requestId: id,
    url: REFRESH_URL,
    method: 'POST',
    resourceType: 'fetch',
    headers: { 'Content-Type': 'application/json', Authorization: 'Token abc', Origin: ORIGIN },
  } as const;
  const pre = {
    kind: 'request.start',
    requestId: preId,
    url: REFRESH_URL,
    method: 'OPTIONS',
    resourceType: 'preflight',
    preflightFor: id,
    headers: {
      Origin: ORIGIN,
      'Access-Control-Request-Method': 'POST',
      'Access-Control-Request-Headers': 'authorization,content-type',
    },
  } as const;
  const allow = opts.allowHeaders === undefined ? 'content-type' : opts.allowHeaders;
  const preHeaders: Record<string, string> = { 'Access-Control-Allow-Origin': ORIGIN };
  if (allow !== null) preHeaders['Access-Control-Allow-Headers'] = allow;
  log.at(at);
  if (opts.preflightFirst) log.cdp(pre).cdp(post);
  else log.cdp(post).cdp(pre);
  return log
    .at(at + 20)
    .cdp({ kind: 'request.response', requestId: preId, status: 200, statusText: 'OK', headers: preHeaders })
    .cdp({ kind: 'request.finished', requestId: preId })
    .at(at + 25)
    .cdp({
      kind: 'request.failed',
      requestId: id,
      errorText: 'net::ERR_FAILED',
      cors: {
        corsError: opts.corsError ?? 'HeaderDisallowedByPreflightResponse',
        failedParameter: 'authorization',
      },
    });
}

/** A login request (CDP) starting at `at`, answered 15 ms later. */
export function login(log: EventLog, at: number, status = 200): EventLog {
  return log
    .at(at)
    .cdp({
      kind: 'request.start',
      requestId: `l${at}`,
      url: `${API}/api/auth/login/`,
      method: 'POST',
      headers: {},
      resourceType: 'fetch',
    })
    .at(at + 15)
    .cdp({ kind: 'request.response', requestId: `l${at}`, status, statusText: '', headers: {} })
    .cdp({ kind: 'request.finished', requestId: `l${at}` });
}

/** A token refresh (CDP) with `token` as Authorization, answered `took` ms later with `status`. */
export function refresh(
  log: EventLog,
  id: string,
  at: number,
  status: number,
  token = 'Token t1',
  took = 30,
): EventLog {
  log.at(at).cdp({
    kind: 'request.start',
    requestId: id,
    url: REFRESH_URL,
    method: 'POST',
    headers: { Authorization: token },
    resourceType: 'xhr',
  });
  return log
    .at(at + took)
    .cdp({ kind: 'request.response', requestId: id, status, statusText: '', headers: {} })
    .cdp({ kind: 'request.finished', requestId: id });
}

/**
 * A refresh that failed with no CORS verdict on the failure: only Chromium's console line says
 * why (`x-csrftoken` not allowed by Access-Control-Allow-Headers).
 */
export function corsConsoleOnlyFailure(): EventLog {
  const text =
    `Access to fetch at '${REFRESH_URL}' from origin '${ORIGIN}' has been blocked by CORS policy: ` +
    'Request header field x-csrftoken is not allowed by Access-Control-Allow-Headers in preflight response.';
  return eventLog()
    .cdp({
      kind: 'request.start',
      requestId: '9.1',
      url: REFRESH_URL,
      method: 'POST',
      headers: {},
      resourceType: 'fetch',
    })
    .at(30)
    .cdp({ kind: 'request.failed', requestId: '9.1', errorText: 'net::ERR_FAILED' })
    .at(31)
    .cdp({ kind: 'log', level: 'error', category: 'cors', text });
}
