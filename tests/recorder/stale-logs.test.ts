/**
 * At start-up the recorder deletes the logs nobody can reach: rows of a tab with no state in
 * `storage.session` (an earlier browser session: tab ids are reused) or of a tab no longer open,
 * and the session keys of closed tabs. A tab restored meanwhile waits for it, so a new tab with a
 * reused id never shows the earlier session's events. IndexedDB is replaced by memory whose
 * listing of tabs waits until the test lets it through; tabs and storage are WXT's fake browser.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing';
import type { RecordedEvent } from '../../core/events';
import { PANEL_PORT, type RecorderToPanel } from '../../core/protocol';

const db = vi.hoisted(() => {
  const rows = new Map<number, RecordedEvent[]>();
  return {
    rows,
    of: (tabId: number) => rows.get(tabId) ?? rows.set(tabId, []).get(tabId)!,
    /** While set, the listing of stored tabs waits for `release`. */
    hold: false,
    release: undefined as (() => void) | undefined,
  };
});

vi.mock('../../recorder/event-store', async (original) => {
  const real = await original<typeof EventStore>();
  return {
    ...real,
    appendEvents: async (tabId: number, events: RecordedEvent[]) => {
      for (const e of events) db.of(tabId).push(e);
    },
    lastEvent: async (tabId: number) => db.rows.get(tabId)?.at(-1),
    loadEventsPage: async (tabId: number, after: number, upTo: number, limit: number) =>
      db
        .of(tabId)
        .filter((e) => e.seq > after && e.seq <= upTo)
        .slice(0, limit),
    deleteEvents: async (tabId: number) => {
      db.rows.delete(tabId);
    },
    storedTabIds: async () => {
      if (db.hold) await new Promise<void>((resolve) => (db.release = resolve));
      return [...db.rows.keys()].filter((id) => db.of(id).length > 0);
    },
  };
});

import type * as EventStore from '../../recorder/event-store';
import { removeStaleLogs } from '../../recorder/stale-logs';

function storeRows(tabId: number, count: number): void {
  for (let seq = 1; seq <= count; seq++)
    db.of(tabId).push({ kind: 'user.action', action: `old ${seq}`, seq, time: 1000 + seq, source: 'user' });
}

/** Lets promise chains run. */
async function settle(): Promise<void> {
  for (let i = 0; i < 50; i++) await Promise.resolve();
}

beforeEach(() => {
  fakeBrowser.reset();
  db.rows.clear();
  db.hold = false;
});

describe('start-up cleaning', () => {
  it('deletes rows of earlier sessions and closed tabs, and the session keys of closed tabs', async () => {
    const kept = (await fakeBrowser.tabs.create({})).id!;
    const reused = (await fakeBrowser.tabs.create({})).id!;
    const closed = 90;
    storeRows(kept, 3);
    storeRows(reused, 3); // open, but no state: rows of an earlier browser session
    storeRows(closed, 3);
    const state = { recording: false, nextSeq: 4, userCanceled: false };
    await fakeBrowser.storage.session.set({
      [`tab:${kept}`]: state,
      [`realtime:${kept}`]: { allOff: true, blocked: [] },
      [`tab:${closed}`]: state,
      [`realtime:${closed}`]: { allOff: true, blocked: [] },
      'other:1': 'not ours to touch',
    });

    await removeStaleLogs();

    expect([...db.rows.keys()]).toEqual([kept]);
    expect(db.of(kept)).toHaveLength(3);
    const session = await fakeBrowser.storage.session.get(null);
    expect(Object.keys(session).sort()).toEqual([`realtime:${kept}`, `tab:${kept}`, 'other:1'].sort());
  });

  it('runs before a tab restores: a reused tab id never shows the earlier session', async () => {
    const tabId = (await fakeBrowser.tabs.create({})).id!;
    storeRows(tabId, 5);
    const listeners: Array<(port: Browser.runtime.Port) => void> = [];
    Object.assign(fakeBrowser.runtime, {
      onConnect: { addListener: (l: (typeof listeners)[0]) => listeners.push(l) },
    });
    db.hold = true;
    vi.resetModules();
    const { startRecorder } = await import('../../recorder/index');
    startRecorder();

    // The panel subscribes while the cleaning is still listing the stored tabs.
    const received: RecorderToPanel[] = [];
    const messages: Array<(m: unknown) => void> = [];
    const port = {
      name: PANEL_PORT,
      sender: {},
      postMessage: (m: RecorderToPanel) => received.push(m),
      onMessage: { addListener: (l: (m: unknown) => void) => messages.push(l) },
      onDisconnect: { addListener: () => undefined },
      disconnect: () => undefined,
    } as unknown as Browser.runtime.Port;
    for (const l of listeners) l(port);
    for (const l of messages) l({ type: 'subscribe', tabId });
    await settle();
    expect(received).toEqual([]);

    db.release!();
    await vi.waitFor(() => expect(received[0]).toMatchObject({ type: 'snapshot' }));
    const snapshot = received[0];
    expect(snapshot.type === 'snapshot' ? snapshot.events : undefined).toEqual([]);
    expect(db.rows.has(tabId)).toBe(false);
  });
});
