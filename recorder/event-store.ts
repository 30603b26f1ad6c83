/**
 * Where recordings live between service-worker lives (MV3 may stop the worker at any moment):
 * events in IndexedDB, appended in batches; each tab's small state in `storage.session`.
 */
import { browser } from 'wxt/browser';
import type { RecordedEvent } from '../core/events';

const DB_NAME = 'handshake';
const STORE = 'events';

export interface TabState {
  recording: boolean;
  nextSeq: number;
  /** The user cancelled the debugging bar: never attach again on our own. */
  userCanceled: boolean;
  /** The first seq after the last clear: a panel holding less must take a full snapshot. */
  firstSeq?: number;
  /**
   * Events of this tab that never reached IndexedDB (refused: quota, disk full), by time. Kept
   * here, a separate quota, so that a restarted worker logs a `capture.gap` for them.
   */
  unsaved?: UnsavedRange;
  /**
   * How far back in time the events not stored yet may reach, as of the last saved batch (epoch
   * ms): a restart's gap starts there when that is before the last stored event's time.
   */
  pendingFrom?: number;
}

/** A stretch of events the browser refused to store (`recorder/log-writer.ts`). */
export interface UnsavedRange {
  /** The first refused event's time (epoch ms). */
  from: number;
  /** The last refused event's time (epoch ms). */
  to: number;
  /** The browser's error: `QuotaExceededError: …`. */
  reason: string;
}

let dbPromise: Promise<IDBDatabase> | undefined;

function open(): Promise<IDBDatabase> {
  dbPromise ??= new Promise((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE, { keyPath: ['tabId', 'seq'] });
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  return dbPromise;
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
}

/** Appends a batch of one tab's events. */
export async function appendEvents(tabId: number, events: readonly RecordedEvent[]): Promise<void> {
  if (events.length === 0) return;
  const tx = (await open()).transaction(STORE, 'readwrite');
  const store = tx.objectStore(STORE);
  for (const e of events) store.put({ tabId, seq: e.seq, e });
  await done(tx);
}

const tabRange = (tabId: number) => IDBKeyRange.bound([tabId, 0], [tabId, Number.MAX_SAFE_INTEGER]);

/** The tab's event with the highest seq (one cursor step), or undefined when it has none. */
export async function lastEvent(tabId: number): Promise<RecordedEvent | undefined> {
  const tx = (await open()).transaction(STORE, 'readonly');
  const req = tx.objectStore(STORE).openCursor(tabRange(tabId), 'prev');
  let last: RecordedEvent | undefined;
  req.onsuccess = () => {
    last = (req.result?.value as { e: RecordedEvent } | undefined)?.e;
  };
  await done(tx);
  return last;
}

/**
 * One page of a tab's events, in seq order: at most `limit` of those with `after < seq <= upTo`.
 * A recording of 1,000,000 events is read in pages, so that the first can be shown at once.
 */
export async function loadEventsPage(
  tabId: number,
  after: number,
  upTo: number,
  limit: number,
): Promise<RecordedEvent[]> {
  const tx = (await open()).transaction(STORE, 'readonly');
  const range = IDBKeyRange.bound([tabId, after], [tabId, upTo], true, false);
  const req = tx.objectStore(STORE).getAll(range, limit);
  await done(tx);
  return (req.result as Array<{ e: RecordedEvent }>).map((row) => row.e);
}

/** Deletes a tab's events. */
export async function deleteEvents(tabId: number): Promise<void> {
  const tx = (await open()).transaction(STORE, 'readwrite');
  tx.objectStore(STORE).delete(tabRange(tabId));
  await done(tx);
}

/**
 * The tabs that have events stored: one key-cursor step per tab (it jumps over each tab's rows).
 * Used at start-up to find the logs of closed tabs and of an earlier browser session.
 */
export async function storedTabIds(): Promise<number[]> {
  const tx = (await open()).transaction(STORE, 'readonly');
  const req = tx.objectStore(STORE).openKeyCursor();
  const ids: number[] = [];
  req.onsuccess = () => {
    const cursor = req.result;
    if (!cursor) return;
    const tabId = (cursor.key as [number, number])[0];
    ids.push(tabId);
    cursor.continue([tabId, Infinity]);
  };
  await done(tx);
  return ids;
}

/** The `storage.session` key of a tab's state. */
export const stateKey = (tabId: number) => `tab:${tabId}`;

export async function loadTabState(tabId: number): Promise<TabState | undefined> {
  const key = stateKey(tabId);
  const got = await browser.storage.session.get(key);
  return got[key] as TabState | undefined;
}

export async function saveTabState(tabId: number, state: TabState): Promise<void> {
  await browser.storage.session.set({ [stateKey(tabId)]: state });
}

export async function deleteTabState(tabId: number): Promise<void> {
  await browser.storage.session.remove(stateKey(tabId));
}
