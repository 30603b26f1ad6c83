/**
 * The recorder's log in IndexedDB (`recorder/event-store.ts`): one record per saved batch since
 * version 2. A restarted worker reads a log of uneven batches back whole, in order, each event
 * once, however the pages it reads cut the batches; a log left by version 1 (one record per
 * event) is upgraded in place and reads back the same; Clear deletes the stored batches.
 */
import type { Page, Worker } from '@playwright/test';
import { panelLog, killServiceWorker } from '../support/faults';
import { expect, tabIdOf, test } from '../support/fixtures';

/** `count` small events of a tab, seqs 1..count, as the recorder would have appended them. */
function userActions(count: number) {
  return Array.from({ length: count }, (_, i) => ({
    kind: 'user.action',
    action: `a${i + 1}`,
    seq: i + 1,
    time: 1_760_000_000_000 + i,
    source: 'user',
  }));
}

/** A tab of the demo, not recording: nothing of it is stored before the test stores its log. */
async function quietTab(worker: Worker, page: Page, url: string): Promise<number> {
  await page.goto(url);
  return tabIdOf(worker, page);
}

/** Stores the tab's state, as a recorder that stopped recording left it. */
function storeState(worker: Worker, tabId: number, count: number): Promise<void> {
  return worker.evaluate(
    ({ tabId, count }) =>
      chrome.storage.session.set({ [`tab:${tabId}`]: { recording: false, nextSeq: count + 1, userCanceled: false } }),
    { tabId, count },
  );
}

/** Counts the stored records of the tab in the current version's store. */
function storedBatches(worker: Worker, tabId: number): Promise<number> {
  return worker.evaluate(async (tabId) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('handshake');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const tx = db.transaction('batches', 'readonly');
    const req = tx.objectStore('batches').count(IDBKeyRange.bound([tabId, 0], [tabId, Number.MAX_SAFE_INTEGER]));
    await new Promise((resolve) => (tx.oncomplete = resolve));
    db.close();
    return req.result;
  }, tabId);
}

test('a restarted worker reads a log of uneven batches back whole, in order, each event once', async ({
  context,
  demo,
  serviceWorker,
  extensionId,
}) => {
  test.setTimeout(60_000);
  const COUNT = 50_000;
  const page = await context.newPage();
  const tabId = await quietTab(serviceWorker, page, demo.url('fixed'));
  // Batches of 1 to 997 events: the recorder's pages (5,000, then 20,000) cut many of them.
  await serviceWorker.evaluate(
    async ({ tabId, events }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open('handshake');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      const tx = db.transaction('batches', 'readwrite');
      for (let i = 0, n = 1; i < events.length; i += n, n = (n * 37) % 997 || 1) {
        const part = events.slice(i, i + n);
        tx.objectStore('batches').put({
          tabId,
          first: part[0].seq,
          last: part[part.length - 1].seq,
          json: JSON.stringify(part),
        });
      }
      await new Promise((resolve) => (tx.oncomplete = resolve));
      db.close();
    },
    { tabId, events: userActions(COUNT) },
  );
  await storeState(serviceWorker, tabId, COUNT);
  await killServiceWorker(context, page, extensionId);

  const panel = await context.newPage();
  await panel.goto(`chrome-extension://${extensionId}/panel.html?tabId=${tabId}`);
  await expect.poll(async () => (await panelLog(panel)).count, { timeout: 30_000 }).toBe(COUNT);
  const log = await panelLog(panel, { kinds: ['user.action'] });
  expect(log.seqsGrow).toBe(true);
  expect(log.picked.map((e) => e.seq)).toEqual(userActions(COUNT).map((e) => e.seq));
});

test('a log stored by version 1, one record per event, is upgraded and reads back; Clear deletes it', async ({
  context,
  demo,
  serviceWorker,
  extensionId,
}) => {
  test.setTimeout(60_000);
  const COUNT = 2_500;
  const page = await context.newPage();
  const tabId = await quietTab(serviceWorker, page, demo.url('fixed'));
  // Replace the database with a version-1 one. The recorder's open connection gives way
  // (versionchange), and opens the current version again on its next read: the upgrade.
  await serviceWorker.evaluate(
    async ({ tabId, events }) => {
      await new Promise((resolve, reject) => {
        const req = indexedDB.deleteDatabase('handshake');
        req.onsuccess = resolve;
        req.onerror = () => reject(req.error);
      });
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open('handshake', 1);
        req.onupgradeneeded = () => req.result.createObjectStore('events', { keyPath: ['tabId', 'seq'] });
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      const tx = db.transaction('events', 'readwrite');
      for (const e of events) tx.objectStore('events').put({ tabId, seq: e.seq, e });
      // Another tab's rows, in between in key order: the upgrade keeps tabs apart.
      for (const e of events.slice(0, 3)) tx.objectStore('events').put({ tabId: tabId + 1, seq: e.seq, e });
      await new Promise((resolve) => (tx.oncomplete = resolve));
      db.close();
    },
    { tabId, events: userActions(COUNT) },
  );
  await storeState(serviceWorker, tabId, COUNT);
  // A restart as after an update: start-up cleaning opens (and upgrades) the database.
  await killServiceWorker(context, page, extensionId);

  const panel = await context.newPage();
  await panel.goto(`chrome-extension://${extensionId}/panel.html?tabId=${tabId}`);
  await expect.poll(async () => (await panelLog(panel)).count, { timeout: 30_000 }).toBe(COUNT);
  const log = await panelLog(panel, { kinds: ['user.action'] });
  expect(log.seqsGrow).toBe(true);
  expect(log.picked.map((e) => e.seq)).toEqual(userActions(COUNT).map((e) => e.seq));
  expect(log.picked.at(-1)).toMatchObject({ seq: COUNT, source: 'user' });
  // Batches of at most 1,000 events, the version-1 store gone.
  const worker = context.serviceWorkers().at(-1)!;
  expect(await storedBatches(worker, tabId)).toBe(3);
  expect(
    await worker.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve) => {
        const req = indexedDB.open('handshake');
        req.onsuccess = () => resolve(req.result);
      });
      const names = [...db.objectStoreNames];
      const version = db.version;
      db.close();
      return { names, version };
    }),
  ).toEqual({ names: ['batches'], version: 2 });

  await panel.getByRole('button', { name: 'Clear' }).click();
  await expect.poll(() => storedBatches(worker, tabId)).toBe(0);
});
