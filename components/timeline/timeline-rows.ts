/**
 * Turns timeline items into the rows the Timeline shows: badge, label, status. Pure, so the
 * list component stays a template and tests can check rows without mounting.
 */
import type { HttpRequest, TimelineItem } from '~/core/model';
import { formatOffset, splitUrl } from '../format';
import type { RecordingView } from '../recording-view';

export type StatusTone = 'ok' | 'error' | 'pending' | 'muted';

export interface TimelineRow {
  /** Unique within the list: `<type>:<id>`. */
  key: string;
  type: TimelineItem['type'];
  id: string;
  time: string;
  badge: string;
  /** `GET`, `WS` … shown before the URL; empty for exceptions and actions. */
  method: string;
  /** Dimmed part of the label (the origin). */
  origin: string;
  /** Emphasised part of the label (path, message, action). */
  text: string;
  status: string;
  tone: StatusTone;
  preflight: boolean;
  /** `↑2 ↓5` for channels. */
  frames: string;
}

export interface TimelineRows {
  rows: TimelineRow[];
  /** Items in the recording, rendered or not. */
  total: number;
}

const REQUEST_BADGES: Record<string, string> = { fetch: 'fetch', xhr: 'xhr', document: 'doc' };
const SURFACE_BADGES = { unhandledrejection: 'rejection', error: 'error', console: 'console' } as const;

function requestStatus(request: HttpRequest): { status: string; tone: StatusTone } {
  const failure = request.failure;
  if (failure?.cors) return { status: 'CORS error', tone: 'error' };
  if (failure?.canceled) return { status: '(canceled)', tone: 'muted' };
  if (failure?.blockedReason) return { status: `(blocked:${failure.blockedReason})`, tone: 'error' };
  if (request.state === 'failed') return { status: '(failed)', tone: 'error' };
  if (request.status !== undefined) {
    return { status: String(request.status), tone: request.status >= 400 ? 'error' : 'ok' };
  }
  return { status: '(pending)', tone: 'pending' };
}

function emptyRow(item: TimelineItem, origin: number): TimelineRow {
  return {
    key: `${item.type}:${item.id}`,
    type: item.type,
    id: item.id,
    time: formatOffset(item.time, origin),
    badge: item.type,
    method: '',
    origin: '',
    text: '',
    status: '',
    tone: 'muted',
    preflight: false,
    frames: '',
  };
}

/** Builds one row; items whose entity is missing still get a row saying so. */
export function toTimelineRow(item: TimelineItem, recording: RecordingView, origin: number): TimelineRow {
  const row = emptyRow(item, origin);
  switch (item.type) {
    case 'request': {
      const request = recording.requests.get(item.id);
      if (!request) return { ...row, text: '(request not in the recording)' };
      const url = splitUrl(request.url);
      const type = request.resourceType.toLowerCase();
      return {
        ...row,
        ...requestStatus(request),
        badge: REQUEST_BADGES[type] ?? type,
        method: request.method,
        origin: url.origin,
        text: url.path,
        preflight: request.preflightId !== undefined,
      };
    }
    case 'channel': {
      const channel = recording.channels.get(item.id);
      if (!channel) return { ...row, text: '(channel not in the recording)' };
      const url = splitUrl(channel.url);
      const closed = channel.state === 'closed';
      return {
        ...row,
        badge: channel.transport === 'websocket' ? 'WS' : 'SSE',
        origin: url.origin,
        text: url.path,
        status: closed
          ? `closed${channel.closeCode !== undefined ? ` ${channel.closeCode}` : ''}`
          : channel.state === 'open' && channel.handshakeStatus !== undefined
            ? `${channel.handshakeStatus} open`
            : channel.state,
        tone: channel.state === 'error' || (closed && channel.closeCode !== 1000) ? 'error' : 'ok',
        frames: `↑${channel.framesOut} ↓${channel.framesIn}`,
      };
    }
    case 'exception': {
      const exception = recording.exceptions.get(item.id);
      if (!exception) return { ...row, text: '(exception not in the recording)' };
      return {
        ...row,
        badge: SURFACE_BADGES[exception.surface],
        text: exception.message,
        status: exception.handledLater ? 'handled later' : exception.surface === 'console' ? '' : 'unhandled',
        tone: exception.handledLater ? 'muted' : 'error',
      };
    }
    case 'page': {
      const url = splitUrl(item.url);
      return { ...row, badge: 'page', origin: url.origin, text: url.path, status: 'load' };
    }
    case 'action':
      return { ...row, badge: 'user', text: item.detail ? `${item.action}: ${item.detail}` : item.action };
  }
}

/** Rows for the first `limit` items, in the recording's time order. */
export function buildTimelineRows(recording: RecordingView, limit: number): TimelineRows {
  const items = recording.timeline;
  const origin = items.length > 0 ? items[0].time : 0;
  const rows: TimelineRow[] = [];
  for (let i = 0; i < items.length && i < limit; i++) rows.push(toTimelineRow(items[i], recording, origin));
  return { rows, total: items.length };
}

/** The timeline's rows, built only when shown: a virtual list asks for the few rows in view. */
export interface TimelineRowSource {
  readonly length: number;
  at(index: number): TimelineRow;
  /** Index of the row with this key, or -1. */
  indexOfKey(key: string | null): number;
}

/**
 * Rows over `items` (the timeline, or a filtered part of it), made lazily and cached per
 * index, so a version of a 1,000,000-item recording costs a few dozen rows, not a million.
 * @param items Timeline items in display order.
 * @param recording Where the items' entities live.
 */
export function timelineRowSource(
  items: readonly TimelineItem[],
  recording: RecordingView,
): TimelineRowSource {
  const origin = recording.timeline.length > 0 ? recording.timeline[0].time : 0;
  const cache = new Map<number, TimelineRow>();
  return {
    length: items.length,
    at(index) {
      let row = cache.get(index);
      if (!row) {
        row = toTimelineRow(items[index], recording, origin);
        cache.set(index, row);
      }
      return row;
    },
    indexOfKey(key) {
      if (key === null) return -1;
      const colon = key.indexOf(':');
      const type = key.slice(0, colon);
      const id = key.slice(colon + 1);
      return items.findIndex((item) => item.type === type && item.id === id);
    },
  };
}
