/**
 * Reads back the log-level `_` fields of our own files (exceptions, console/browser logs, user
 * actions, page loads, the capture summary) as events. Each item is checked; a bad one is
 * dropped and counted, never trusted.
 */
import type { EventBody } from '../events';
import { isObject, stackFramesOf } from './read-entry';

export interface TimedBody {
  time: number;
  body: EventBody;
}

type Obj = Record<string, unknown>;
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

const SURFACES = new Set(['unhandledrejection', 'error', 'console']);
const LEVELS = new Set(['error', 'warning', 'info', 'verbose']);
const CDP_STATES = new Set(['attached', 'detached', 'unavailable']);

function exception(item: Obj, n: number): TimedBody[] | undefined {
  const surface = str(item.surface);
  const message = str(item.message);
  if (!surface || !SURFACES.has(surface) || message === undefined) return undefined;
  const exceptionId = `har-x${n}`;
  const time = num(item.time) ?? 0;
  const body: EventBody = {
    kind: 'exception',
    surface: surface as 'unhandledrejection' | 'error' | 'console',
    message,
    errorName: str(item.errorName),
    stack: stackFramesOf(item.stack),
    stackText: str(item.stackText),
    url: str(item.url),
    line: num(item.line),
    column: num(item.column),
    exceptionId,
  };
  const out: TimedBody[] = [{ time, body }];
  if (item.handledLater === true) out.push({ time, body: { kind: 'exception.handled', exceptionId } });
  return out;
}

function log(item: Obj): TimedBody[] | undefined {
  const level = str(item.level);
  const text = str(item.text);
  if (!level || !LEVELS.has(level) || text === undefined) return undefined;
  const body: EventBody = {
    kind: 'log',
    level: level as 'error' | 'warning' | 'info' | 'verbose',
    category: str(item.category) ?? 'other',
    text,
    url: str(item.url),
    requestId: str(item.requestId),
  };
  return [{ time: num(item.time) ?? 0, body }];
}

function userAction(item: Obj): TimedBody[] | undefined {
  const action = str(item.action);
  if (action === undefined) return undefined;
  return [{ time: num(item.time) ?? 0, body: { kind: 'user.action', action, detail: str(item.detail) } }];
}

function pageLoad(item: Obj): TimedBody[] | undefined {
  const url = str(item.url);
  return url === undefined ? undefined : [{ time: num(item.time) ?? 0, body: { kind: 'page.load', url } }];
}

function headerMap(v: unknown): Record<string, string> | undefined {
  if (!isObject(v)) return undefined;
  const entries = Object.entries(v).filter((e): e is [string, string] => typeof e[1] === 'string');
  return Object.fromEntries(entries);
}

function replay(item: Obj): TimedBody[] | undefined {
  const [replayId, sourceRequestId, url, method] = [
    str(item.replayId),
    str(item.sourceRequestId),
    str(item.url),
    str(item.method),
  ];
  if (replayId === undefined || sourceRequestId === undefined || url === undefined || method === undefined)
    return undefined;
  const time = num(item.time) ?? 0;
  const body: EventBody = {
    kind: 'replay.result',
    replayId,
    sourceRequestId,
    url,
    method,
    startTime: num(item.startTime) ?? time,
    durationMs: num(item.durationMs) ?? 0,
    status: num(item.status),
    statusText: str(item.statusText),
    headers: headerMap(item.headers),
    body: str(item.body),
    bodyTruncated: item.bodyTruncated === true ? true : undefined,
    error: str(item.error),
  };
  return [{ time, body }];
}

function captureGap(item: Obj): TimedBody[] | undefined {
  const [from, to] = [num(item.from), num(item.to)];
  if (from === undefined || to === undefined) return undefined;
  const body: EventBody = { kind: 'capture.gap', from, to, reason: str(item.reason) ?? 'unknown' };
  return [{ time: num(item.time) ?? to, body }];
}

const READERS: Record<string, (item: Obj, n: number) => TimedBody[] | undefined> = {
  _exceptions: exception,
  _logs: log,
  _userActions: userAction,
  _pageLoads: pageLoad,
  _replays: replay,
  _captureGaps: captureGap,
};

/** The events of a log's `_` fields, and how many items were refused. */
export function readExtras(log: Obj, startTime: number): { events: TimedBody[]; refused: number } {
  const events: TimedBody[] = [];
  let refused = 0;
  for (const [field, read] of Object.entries(READERS)) {
    const list = log[field];
    if (!Array.isArray(list)) continue;
    list.forEach((item, n) => {
      const read1 = isObject(item) ? read(item, n) : undefined;
      if (read1) for (const e of read1) events.push(e);
      else refused++;
    });
  }
  const capture = log._capture;
  if (isObject(capture)) {
    const cdp = str(capture.cdp);
    if (cdp && CDP_STATES.has(cdp)) {
      events.push({
        time: startTime,
        body: {
          kind: 'capture.state',
          cdp: cdp as 'attached' | 'detached' | 'unavailable',
          reason: str(capture.cdpReason),
        },
      });
    }
    const rejected = num(capture.rejected) ?? 0;
    const overflow = num(capture.overflow) ?? 0;
    if (rejected > 0 || overflow > 0) {
      events.push({ time: startTime, body: { kind: 'capture.dropped', rejected, overflow } });
    }
  }
  return { events, refused };
}
