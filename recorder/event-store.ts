/**
 * Where recordings live between service-worker lives (MV3 may stop the worker at any moment):
 * events in IndexedDB, one record per appended batch; each tab's small state in `storage.session`.
 */
import { browser } from 'wxt/browser';
import type { RecordedEvent } from '../core/events';

const DB_NAME = 'handshake';

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

const DB_VERSION = 2;
/**
 * The log, one record per batch the writer saved (`log-writer.ts` saves every 50 ms): the
 * batch's events as JSON text, in seq order, keyed by `[tabId, last]` (the batch's last seq), so
 * that a tab's batches read in seq order and those holding seqs above `after` start at the key
 * `[tabId, after]`. Text, not objects: Chromium's IndexedDB reads 1,000,000 small objects back in
 * ~11 s (deserialising each), the same events as JSON text in ~2 s and `JSON.parse` in ~1 s
 * (measured 2026-12-06, 2 cores). Events reach panels as JSON anyway (extension messaging), so
 * text loses nothing they would see.
 */
const BATCHES = 'batches';
/** Version 1 kept one record per event (`{tabId, seq, e}`, keyed by `[tabId, seq]`). */
const V1_EVENTS = 'events';
/** Version-1 rows become batches of at most this many events when the database is upgraded. */
const MIGRATED_BATCH = 1000;

/** One stored batch of a tab's events. */
interface StoredBatch {
  tabId: number;
  /** The seq of the batch's first event. */
  first: number;
  /** The seq of its last event: the key. */
  last: number;
  /** `JSON.stringify(events)`. */
  json: string;
}

const batchOf = (tabId: number, events: readonly RecordedEvent[]): StoredBatch => ({
  tabId,
  first: events[0].seq,
  last: events[events.length - 1].seq,
  json: JSON.stringify(events),
});

let dbPromise: Promise<IDBDatabase> | undefined;

function open(): Promise<IDBDatabase> {
  dbPromise ??= new Promise((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, DB_VERSION);
    req.onupgradeneeded = () => upgrade(req.result, req.transaction!);
    req.onsuccess = () => {
      const db = req.result;
      // Another connection wants a newer version (or the database is deleted): let it, and
      // open anew on the next call.
      db.onversionchange = () => {
        db.close();
        dbPromise = undefined;
      };
      db.onclose = () => (dbPromise = undefined);
      resolve(db);
    };
    req.onerror = () => {
      dbPromise = undefined;
      reject(req.error);
    };
  });
  return dbPromise;
}

/**
 * Creates the batch store; a version-1 log (one record per event) is copied into batches, in
 * seq order, and its store deleted, all in the upgrade's one transaction: a failure leaves the
 * database at version 1, to be upgraded at the next start.
 */
function upgrade(db: IDBDatabase, tx: IDBTransaction): void {
  const batches = db.createObjectStore(BATCHES, { keyPath: ['tabId', 'last'] });
  if (!db.objectStoreNames.contains(V1_EVENTS)) return;
  let tab = 0;
  let pending: RecordedEvent[] = [];
  const flush = () => {
    if (pending.length > 0) batches.put(batchOf(tab, pending));
    pending = [];
  };
  const cursorReq = tx.objectStore(V1_EVENTS).openCursor();
  cursorReq.onsuccess = () => {
    const cursor = cursorReq.result;
    if (!cursor) {
      flush();
      db.deleteObjectStore(V1_EVENTS);
      return;
    }
    const { tabId, e } = cursor.value as { tabId: number; e: RecordedEvent };
    if (tabId !== tab || pending.length >= MIGRATED_BATCH) flush();
    tab = tabId;
    pending.push(e);
    cursor.continue();
  };
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
}

/** Appends a batch of one tab's events (in seq order) as one record. */
export async function appendEvents(tabId: number, events: readonly RecordedEvent[]): Promise<void> {
  if (events.length === 0) return;
  const batch = batchOf(tabId, events);
  const tx = (await open()).transaction(BATCHES, 'readwrite');
  tx.objectStore(BATCHES).put(batch);
  await done(tx);
}

const tabRange = (tabId: number) => IDBKeyRange.bound([tabId, 0], [tabId, Number.MAX_SAFE_INTEGER]);

/** The tab's event with the highest seq (the last batch's last), or undefined when it has none. */
export async function lastEvent(tabId: number): Promise<RecordedEvent | undefined> {
  const tx = (await open()).transaction(BATCHES, 'readonly');
  const req = tx.objectStore(BATCHES).openCursor(tabRange(tabId), 'prev');
  let last: RecordedEvent | undefined;
  req.onsuccess = () => {
    const batch = req.result?.value as StoredBatch | undefined;
    last = batch && (JSON.parse(batch.json) as RecordedEvent[]).at(-1);
  };
  await done(tx);
  return last;
}

/** Batches read by the first request of a page; later requests size themselves on those. */
const FIRST_READ = 8;

/**
 * One page of a tab's events, in seq order: at most `limit` of those with `after < seq <= upTo`
 * (fewer only when no more are stored). Whole batches are read with `getAll`, as many per request
 * as the page needs by the batches' sizes so far; a batch cut by `limit` is read again by the
 * next page. A recording of 1,000,000 events is read in pages, so that the first can be shown at
 * once.
 */
export async function loadEventsPage(
  tabId: number,
  after: number,
  upTo: number,
  limit: number,
): Promise<RecordedEvent[]> {
  const tx = (await open()).transaction(BATCHES, 'readonly');
  const store = tx.objectStore(BATCHES);
  const page: RecordedEvent[] = [];
  let batchesRead = 0;
  const read = (lower: number, count: number) => {
    const range = IDBKeyRange.bound([tabId, lower], [tabId, Number.MAX_SAFE_INTEGER], true, false);
    const req = store.getAll(range, count);
    req.onsuccess = () => {
      const batches = req.result as StoredBatch[];
      batchesRead += batches.length;
      let end = false;
      for (const batch of batches) {
        for (const e of JSON.parse(batch.json) as RecordedEvent[]) {
          if (e.seq <= after) continue;
          if (e.seq > upTo || page.length >= limit) {
            end = true;
            break;
          }
          page.push(e);
        }
        if (end || batch.last >= upTo) {
          end = true;
          break;
        }
      }
      if (end || batches.length < count || page.length >= limit) return;
      // Enough batches for the rest of the page at the average size seen so far, and one more.
      const average = Math.max(1, page.length / batchesRead);
      read(batches[batches.length - 1].last, Math.ceil((limit - page.length) / average) + 1);
    };
  };
  read(after, FIRST_READ);
  await done(tx);
  return page;
}

/** Deletes a tab's events. */
export async function deleteEvents(tabId: number): Promise<void> {
  const tx = (await open()).transaction(BATCHES, 'readwrite');
  tx.objectStore(BATCHES).delete(tabRange(tabId));
  await done(tx);
}

/**
 * The tabs that have events stored: one key-cursor step per tab (it jumps over each tab's rows).
 * Used at start-up to find the logs of closed tabs and of an earlier browser session.
 */
export async function storedTabIds(): Promise<number[]> {
  const tx = (await open()).transaction(BATCHES, 'readonly');
  const req = tx.objectStore(BATCHES).openKeyCursor();
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
