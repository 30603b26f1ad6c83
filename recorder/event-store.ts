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

/** All events of a tab, in seq order. */
export async function loadEvents(tabId: number): Promise<RecordedEvent[]> {
  const tx = (await open()).transaction(STORE, 'readonly');
  const range = IDBKeyRange.bound([tabId, 0], [tabId, Number.MAX_SAFE_INTEGER]);
  const req = tx.objectStore(STORE).getAll(range);
  await done(tx);
  return (req.result as Array<{ e: RecordedEvent }>).map((row) => row.e);
}

/** Deletes a tab's events. */
export async function deleteEvents(tabId: number): Promise<void> {
  const tx = (await open()).transaction(STORE, 'readwrite');
  tx.objectStore(STORE).delete(IDBKeyRange.bound([tabId, 0], [tabId, Number.MAX_SAFE_INTEGER]));
  await done(tx);
}

const stateKey = (tabId: number) => `tab:${tabId}`;

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
