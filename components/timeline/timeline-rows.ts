/**
 * Turns timeline items into the rows the Timeline shows: badge, label, status. Pure, so the
 * list component stays a template and tests can check rows without mounting.
 */
import { messagesFor, type Locale, type Messages } from '~/core/i18n';
import type { ActionNote, HttpRequest, TimelineItem } from '~/core/model';
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
/** Actions the recorder names (event data, always English) → their catalog entry. */
const ACTIONS: Record<string, keyof Messages['timeline']['action']> = {
  record: 'record',
  reload: 'reload',
  stop: 'stop',
  replay: 'replay',
  'replay result': 'replayResult',
  'capture gap': 'captureGap',
  'realtime off': 'realtimeOff',
  'realtime on': 'realtimeOn',
  'channel off': 'channelOff',
  'channel on': 'channelOn',
};
const ACTION_DETAILS: Record<string, keyof Messages['timeline']['actionDetail']> = {
  'record and reload': 'recordAndReload',
  'all WebSocket and EventSource channels': 'allRealtime',
  'all channels': 'allChannels',
};

function requestStatus(request: HttpRequest, t: Messages['timeline']): { status: string; tone: StatusTone } {
  const failure = request.failure;
  if (failure?.cors) return { status: t.status.corsError, tone: 'error' };
  if (failure?.canceled) return { status: t.status.canceled, tone: 'muted' };
  if (failure?.blockedReason)
    return { status: t.status.blocked({ reason: failure.blockedReason }), tone: 'error' };
  if (request.state === 'failed') return { status: t.status.failed, tone: 'error' };
  if (request.status !== undefined) {
    return { status: String(request.status), tone: request.status >= 400 ? 'error' : 'ok' };
  }
  return { status: t.status.pending, tone: 'pending' };
}

/**
 * A user action's name and detail in the reader's language; names and details the catalog does
 * not know (and data such as URLs) stay as recorded.
 */
export function userAction(
  action: string,
  detail: string | undefined,
  locale: Locale = 'en',
  note?: ActionNote,
): { action: string; detail: string | undefined } {
  const t = messagesFor(locale).timeline;
  return {
    action: action in ACTIONS ? t.action[ACTIONS[action]] : action,
    detail: note
      ? noteText(note, locale)
      : detail !== undefined && detail in ACTION_DETAILS
        ? t.actionDetail[ACTION_DETAILS[detail]]
        : detail,
  };
}

/** A composed detail worded from its data (the reducer's English `detail` is the fallback). */
function noteText(note: ActionNote, locale: Locale): string {
  const t = messagesFor(locale).timeline.actionNote;
  if (note.kind === 'replay') {
    const request = `${note.method} ${note.url}`;
    const answer = note.status !== undefined ? String(note.status) : note.error;
    return answer === undefined ? t.replayNoAnswer({ request }) : t.replay({ request, answer });
  }
  const seconds = new Intl.NumberFormat(locale, {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
    useGrouping: false,
  });
  return t.gap({ seconds: seconds.format(note.seconds), reason: note.reason });
}

function actionText(action: string, detail: string | undefined, locale: Locale, note?: ActionNote): string {
  const shown = userAction(action, detail, locale, note);
  return shown.detail ? `${shown.action}: ${shown.detail}` : shown.action;
}

function emptyRow(item: TimelineItem, origin: number, locale: Locale): TimelineRow {
  return {
    key: `${item.type}:${item.id}`,
    type: item.type,
    id: item.id,
    time: formatOffset(item.time, origin, locale),
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
export function toTimelineRow(
  item: TimelineItem,
  recording: RecordingView,
  origin: number,
  locale: Locale = 'en',
): TimelineRow {
  const t = messagesFor(locale).timeline;
  const row = emptyRow(item, origin, locale);
  switch (item.type) {
    case 'request': {
      const request = recording.requests.get(item.id);
      if (!request) return { ...row, text: t.missing.request };
      const url = splitUrl(request.url);
      const type = request.resourceType.toLowerCase();
      return {
        ...row,
        ...requestStatus(request, t),
        badge: REQUEST_BADGES[type] ?? type,
        method: request.method,
        origin: url.origin,
        text: url.path,
        preflight: request.preflightId !== undefined,
      };
    }
    case 'channel': {
      const channel = recording.channels.get(item.id);
      if (!channel) return { ...row, text: t.missing.channel };
      const url = splitUrl(channel.url);
      const closed = channel.state === 'closed';
      return {
        ...row,
        badge: channel.transport === 'websocket' ? 'WS' : 'SSE',
        origin: url.origin,
        text: url.path,
        status: closed
          ? channel.closeCode !== undefined
            ? t.status.closedWithCode({ code: channel.closeCode })
            : t.status.closed
          : channel.state === 'open' && channel.handshakeStatus !== undefined
            ? t.status.openWithStatus({ status: channel.handshakeStatus })
            : t.status[channel.state],
        tone: channel.state === 'error' || (closed && channel.closeCode !== 1000) ? 'error' : 'ok',
        frames: `↑${channel.framesOut} ↓${channel.framesIn}`,
      };
    }
    case 'exception': {
      const exception = recording.exceptions.get(item.id);
      if (!exception) return { ...row, text: t.missing.exception };
      return {
        ...row,
        badge: t.badge[SURFACE_BADGES[exception.surface]],
        text: exception.message,
        status: exception.handledLater
          ? t.status.handledLater
          : exception.surface === 'console'
            ? ''
            : t.status.unhandled,
        tone: exception.handledLater ? 'muted' : 'error',
      };
    }
    case 'page': {
      const url = splitUrl(item.url);
      return { ...row, badge: t.badge.page, origin: url.origin, text: url.path, status: t.status.load };
    }
    case 'action':
      return { ...row, badge: t.badge.user, text: actionText(item.action, item.detail, locale, item.note) };
  }
}

/** Rows for the first `limit` items, in the recording's time order. */
export function buildTimelineRows(
  recording: RecordingView,
  limit: number,
  locale: Locale = 'en',
): TimelineRows {
  const items = recording.timeline;
  const origin = items.length > 0 ? items[0].time : 0;
  const rows: TimelineRow[] = [];
  for (let i = 0; i < items.length && i < limit; i++)
    rows.push(toTimelineRow(items[i], recording, origin, locale));
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
 * @param locale The language of badges and statuses.
 */
export function timelineRowSource(
  items: readonly TimelineItem[],
  recording: RecordingView,
  locale: Locale = 'en',
): TimelineRowSource {
  const origin = recording.timeline.length > 0 ? recording.timeline[0].time : 0;
  const cache = new Map<number, TimelineRow>();
  return {
    length: items.length,
    at(index) {
      let row = cache.get(index);
      if (!row) {
        row = toTimelineRow(items[index], recording, origin, locale);
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
