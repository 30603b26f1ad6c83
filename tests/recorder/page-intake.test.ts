/**
 * Page events entering a tab's log: times the page forged far from the recorder's clock are
 * clamped into the recording's window and counted, so the time axis and export dates hold;
 * every id the page chose is stored under `page:`, so no stored page event names a CDP record.
 * IndexedDB is replaced by memory at our seam (`recorder/event-store.ts`).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RecordedEvent } from '../../core/events';
import type { TabState } from '../../recorder/event-store';
import { PAGE_TIME_WINDOW } from '../../recorder/page-intake';
import { TabRecording } from '../../recorder/tab-recording';

const db = vi.hoisted(() => ({ rows: [] as RecordedEvent[], states: new Map<number, unknown>() }));

vi.mock('../../recorder/event-store', () => ({
  appendEvents: async (_tabId: number, events: RecordedEvent[]) => {
    for (const e of events) db.rows.push(e);
  },
  lastEvent: async () => db.rows.at(-1),
  loadEventsPage: async () => [],
  deleteEvents: async () => {
    db.rows.length = 0;
  },
  loadTabState: async (tabId: number) => db.states.get(tabId),
  saveTabState: async (tabId: number, state: TabState) => void db.states.set(tabId, { ...state }),
  deleteTabState: async (tabId: number) => void db.states.delete(tabId),
}));

const NOW = Date.UTC(2026, 11, 5, 12);

beforeEach(() => {
  vi.useFakeTimers({ now: NOW });
  db.rows.length = 0;
  db.states.clear();
});
afterEach(() => vi.useRealTimers());

describe('page events entering the log', () => {
  it('clamps forged times into the recording window and counts the clamps', async () => {
    const rec = await TabRecording.restore(1, { reloadTab: async () => undefined });
    await rec.start(false);
    rec.addPageEvents(
      [
        { kind: 'page.load', time: NOW - 10, url: 'http://127.0.0.1/honest' },
        { kind: 'page.load', time: 8.64e15, url: 'http://127.0.0.1/future' },
        { kind: 'page.load', time: -8.64e15, url: 'http://127.0.0.1/past' },
        { kind: 'page.load', time: null as unknown as number, url: 'http://127.0.0.1/null' },
      ],
      0,
    );
    await vi.advanceTimersByTimeAsync(200);
    const loads = db.rows.filter((e) => e.kind === 'page.load');
    expect(loads.map((e) => e.time)).toEqual([
      NOW - 10,
      NOW + PAGE_TIME_WINDOW.futureMs,
      NOW - PAGE_TIME_WINDOW.pastMs,
      NOW,
    ]);
    // Every stored time is a valid date (export writes ISO dates).
    for (const e of db.rows) expect(() => new Date(e.time).toISOString()).not.toThrow();
    expect(db.rows).toContainEqual(expect.objectContaining({ kind: 'capture.dropped', clamped: 3 }));
  });

  it('stores every id a page event carries under page:, once', async () => {
    const rec = await TabRecording.restore(1, { reloadTab: async () => undefined });
    await rec.start(false);
    rec.addPageEvents(
      [
        {
          kind: 'request.start',
          time: NOW,
          requestId: '1000.1',
          url: 'http://127.0.0.1/x',
          method: 'GET',
          headers: {},
          resourceType: 'fetch',
        },
        { kind: 'request.failed', time: NOW, requestId: '1000.1', errorText: 'forged' },
        {
          kind: 'request.response',
          time: NOW,
          requestId: 'page:7',
          status: 200,
          statusText: '',
          headers: {},
        },
        { kind: 'channel.closed', time: NOW, channelId: '9.1', code: 4401 },
        { kind: 'exception', time: NOW, surface: 'error', message: 'x', exceptionId: '3' },
        { kind: 'exception.handled', time: NOW, exceptionId: 'page:x1' },
      ],
      0,
    );
    await vi.advanceTimersByTimeAsync(200);
    const ids = db.rows
      .filter((e) => e.source === 'page')
      .map((e) =>
        'requestId' in e
          ? e.requestId
          : 'channelId' in e
            ? e.channelId
            : 'exceptionId' in e
              ? e.exceptionId
              : '',
      );
    expect(ids).toEqual(['page:1000.1', 'page:1000.1', 'page:7', 'page:9.1', 'page:3', 'page:x1']);
  });
});
