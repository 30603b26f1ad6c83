/**
 * The time-axis model: one lane per kind of thing (requests, channels with their frames,
 * rejections, user actions), each item placed by its start and end time. Pure: the view
 * (`story-view.vue`) only scales it to pixels.
 */
import { messagesFor, type Locale } from '~/core/i18n';
import type { Finding } from '~/core/model';
import type { Recording } from '~/core/reducer';
import { userAction } from '../timeline/timeline-rows';

export type StoryItemType = 'request' | 'channel' | 'exception' | 'action' | 'page';

export interface StoryItem {
  /** `<type>:<id>`: also how findings' evidence is matched. */
  key: string;
  type: StoryItemType;
  id: string;
  start: number;
  /** Equal to `start` for a point in time (a rejection, a click). */
  end: number;
  label: string;
  /** `failed`, `error`, `closed`… for the colour. */
  state: string;
  /** Frame times of a channel (ticks on its bar). */
  ticks: number[];
  /** Row within the lane, so overlapping items do not hide each other. */
  row: number;
}

export interface StoryLane {
  id: 'requests' | 'channels' | 'exceptions' | 'actions';
  label: string;
  items: StoryItem[];
  rows: number;
}

export interface Story {
  start: number;
  end: number;
  lanes: StoryLane[];
}

/** Ticks kept per channel: enough to see the rhythm, bounded for large recordings. */
const MAX_TICKS = 500;

/**
 * Builds the lanes of a recording; `now` closes bars still open (pending requests, live sockets).
 * Labels are in `locale`.
 */
export function buildStory(rec: Recording, now: number = lastTime(rec), locale: Locale = 'en'): Story {
  const t = messagesFor(locale).story;
  const requests: StoryItem[] = [];
  for (const r of rec.requests.values()) {
    if (r.preflightFor !== undefined) continue;
    const path = pathOf(r.url);
    requests.push({
      key: `request:${r.id}`,
      type: 'request',
      id: r.id,
      start: r.startTime,
      end: r.endTime ?? now,
      label: `${r.method} ${path} → ${r.status ?? t.requestStates[r.state]}`,
      state: r.state === 'failed' || (r.status ?? 0) >= 400 ? 'failed' : r.state,
      ticks: [],
      row: 0,
    });
  }
  const channels: StoryItem[] = [...rec.channels.values()].map((c) => ({
    key: `channel:${c.id}`,
    type: 'channel',
    id: c.id,
    start: c.createdTime,
    end: c.state === 'closed' || c.state === 'error' ? c.lastActivity : now,
    label: `${c.transport} ${pathOf(c.url)} ${c.closeCode !== undefined ? t.closed({ code: c.closeCode }) : t.channelStates[c.state]}`,
    state: c.state,
    ticks: c.frames.slice(-MAX_TICKS).map((f) => f.time),
    row: 0,
  }));
  const exceptions: StoryItem[] = [...rec.exceptions.values()].map((x) => ({
    key: `exception:${x.id}`,
    type: 'exception',
    id: x.id,
    start: x.time,
    end: x.time,
    label: x.surface === 'console' ? t.console({ message: x.message }) : t.rejection({ message: x.message }),
    state: x.surface,
    ticks: [],
    row: 0,
  }));
  const actions: StoryItem[] = [];
  for (const row of rec.timeline) {
    if (row.type !== 'action' && row.type !== 'page') continue;
    let label: string;
    if (row.type === 'page') label = t.pageLoad({ path: pathOf(row.url) });
    else {
      const shown = userAction(row.action, row.detail, locale, row.note);
      label = `${shown.action}${shown.detail ? ` (${shown.detail})` : ''}`;
    }
    actions.push({
      key: `${row.type}:${row.id}`,
      type: row.type,
      id: row.id,
      start: row.time,
      end: row.time,
      label,
      state: row.type,
      ticks: [],
      row: 0,
    });
  }
  const all = [...requests, ...channels, ...exceptions, ...actions];
  let start = now;
  for (const i of all) start = Math.min(start, i.start);
  let end = start + 1;
  for (const i of all) end = Math.max(end, i.end);
  return {
    start,
    end,
    lanes: [
      lane('requests', t.lanes.requests, requests, end - start),
      lane('channels', t.lanes.channels, channels, end - start),
      lane('exceptions', t.lanes.exceptions, exceptions, end - start),
      lane('actions', t.lanes.actions, actions, end - start),
    ],
  };
}

/** The `<type>:<id>` keys a finding points at, to highlight on the axis. */
export function evidenceKeys(finding: Finding | undefined): Set<string> {
  return new Set((finding?.evidence ?? []).map((e) => `${e.type}:${e.id}`));
}

/** Sorts a lane's items and packs them first-fit into rows (points take 1.5 % of the span). */
function lane(id: StoryLane['id'], label: string, items: StoryItem[], span: number): StoryLane {
  const minWidth = span * 0.015;
  const rowEnds: number[] = [];
  for (const item of items.sort((a, b) => a.start - b.start)) {
    const end = Math.max(item.end, item.start + minWidth);
    let row = rowEnds.findIndex((rowEnd) => rowEnd <= item.start);
    if (row < 0) row = rowEnds.push(end) - 1;
    else rowEnds[row] = end;
    item.row = row;
  }
  return { id, label, items, rows: Math.max(1, rowEnds.length) };
}

function lastTime(rec: Recording): number {
  return rec.timeline[rec.timeline.length - 1]?.time ?? 0;
}

function pathOf(url: string): string {
  try {
    const u = new URL(url);
    return u.pathname + u.search.slice(0, 40);
  } catch {
    return url;
  }
}
