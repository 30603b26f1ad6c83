/**
 * Start-up cleaning of logs nobody can reach any more. `storage.session` is emptied when the
 * browser quits, IndexedDB is not, and tab ids are reused: the rows of an earlier session's tab
 * would mix into a new tab with the same id (and into its export). Closed tabs whose close the
 * worker missed (it was stopped) leave rows and state behind too.
 */
import { browser } from 'wxt/browser';
import * as store from './event-store';

/** `tab:<id>` (the tab's state) and `realtime:<id>` (its real-time policy) session keys. */
const TAB_KEY = /^(?:tab|realtime):(\d+)$/;

/**
 * Deletes the stored events of every tab that has no state in `storage.session` (an earlier
 * browser session) or is no longer open, and the session keys of tabs no longer open. Run it
 * before any tab's recording is restored (`recorder/index.ts` waits for it).
 */
export async function removeStaleLogs(): Promise<void> {
  const [tabs, session, stored] = await Promise.all([
    browser.tabs.query({}),
    browser.storage.session.get(null),
    store.storedTabIds(),
  ]);
  const open = new Set<number>();
  for (const tab of tabs) if (tab.id !== undefined) open.add(tab.id);
  for (const tabId of stored)
    if (!open.has(tabId) || !(store.stateKey(tabId) in session)) await store.deleteEvents(tabId);
  const keys: string[] = [];
  for (const key of Object.keys(session)) {
    const m = TAB_KEY.exec(key);
    if (m && !open.has(Number(m[1]))) keys.push(key);
  }
  if (keys.length > 0) await browser.storage.session.remove(keys);
}

/**
 * A tab closed that this worker never restored (it was stopped meanwhile): delete what an
 * earlier worker stored for it, if anything.
 */
export async function forgetClosedTab(tabId: number): Promise<void> {
  const keys = [store.stateKey(tabId), `realtime:${tabId}`];
  const got = await browser.storage.session.get(keys);
  if (!Object.values(got).some((v) => v !== undefined)) return;
  await store.deleteEvents(tabId);
  await browser.storage.session.remove(keys);
}
