// Reads the recorder's IndexedDB from the benchmark (inside the service worker, through
// `worker.evaluate`): the log is one record per saved batch, `{tabId, first, last, json}` keyed by
// `[tabId, last]` (recorder/event-store.ts, database version 2). Opened without a version, so the
// benchmark never upgrades, downgrades or blocks the recorder's own connection.

/** The highest seq stored for `tabId` (0 when none): grows while the recorder is still writing. */
export function storedLastSeq(worker, tabId) {
  return worker.evaluate(async (tabId) => {
    const db = await new Promise((resolve, reject) => {
      const req = indexedDB.open('handshake');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    try {
      if (!db.objectStoreNames.contains('batches')) return 0;
      const req = db
        .transaction('batches', 'readonly')
        .objectStore('batches')
        .openCursor(IDBKeyRange.bound([tabId, 0], [tabId, Number.MAX_SAFE_INTEGER]), 'prev');
      return await new Promise((resolve, reject) => {
        req.onsuccess = () => resolve(req.result?.value.last ?? 0);
        req.onerror = () => reject(req.error);
      });
    } finally {
      db.close();
    }
  }, tabId);
}

/**
 * Counts, in the stored log of `tabId`, the frames of the channel whose URL ends in `tag=<tag>`,
 * per copy (`page`: the probe's, `cdp`: the browser's), and the events the recording says it dropped.
 */
export function storedFrameCounts(worker, tabId, tag) {
  return worker.evaluate(
    async ({ tabId, tag }) => {
      const db = await new Promise((resolve, reject) => {
        const req = indexedDB.open('handshake');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      const counts = { page: 0, cdp: 0, dropped: 0 };
      try {
        if (!db.objectStoreNames.contains('batches')) return counts;
        const req = db
          .transaction('batches', 'readonly')
          .objectStore('batches')
          .getAll(IDBKeyRange.bound([tabId, 0], [tabId, Number.MAX_SAFE_INTEGER]));
        const batches = await new Promise((resolve, reject) => {
          req.onsuccess = () => resolve(req.result);
          req.onerror = () => reject(req.error);
        });
        const ids = new Set();
        for (const { json } of batches)
          for (const e of JSON.parse(json)) {
            if (e.kind === 'channel.created' && e.url.endsWith(`tag=${tag}`))
              ids.add(`${e.source} ${e.channelId}`);
            else if (e.kind === 'channel.frame' && ids.has(`${e.source} ${e.channelId}`)) counts[e.source]++;
            else if (e.kind === 'capture.dropped') counts.dropped += e.overflow + e.rejected;
          }
        return counts;
      } finally {
        db.close();
      }
    },
    { tabId, tag },
  );
}
