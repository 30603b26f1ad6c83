// Panel: a recording of 100,000 / 1,000,000 events loaded into the real panel page, the way a
// panel gets it after a worker restart — stored in the recorder's IndexedDB, restored by the
// recorder, sent to the panel in its snapshot chunks. Measured: time to first render and to the
// whole recording, filter latency, scroll frame times (timeline and frames table), JS heap.
import { syntheticEvents } from './synthetic-events.mjs';

/**
 * Events per stored batch: the recorder saves what came in the last 50 ms as one IndexedDB record
 * (`recorder/log-writer.ts`), so 250 is a recording of 5,000 events/s (`BENCH_BATCH` to change).
 */
const BATCH = Number(process.env.BENCH_BATCH ?? 250);

/**
 * Stores `count` synthetic events as tab `tabId`'s recording, inside the service worker, in the
 * shape the recorder writes (`recorder/event-store.ts`): one record per batch of `batch` events,
 * as JSON text.
 */
export async function storeRecording(worker, tabId, count, batch = BATCH) {
  // Generated inside the worker (a handle, not 1,000,000 events through the test channel).
  const generated = await worker.evaluateHandle(syntheticEvents, { count, framesPerRequest: 1 });
  const stored = await worker.evaluate(
    async ({ tabId, events, batch }) => {
      // The recorder has opened (and created) the database at start-up: its current version.
      const db = await new Promise((resolve, reject) => {
        const req = indexedDB.open('handshake');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      for (let i = 0; i < events.length; i += 20_000) {
        const tx = db.transaction('batches', 'readwrite');
        const store = tx.objectStore('batches');
        for (let j = i; j < Math.min(events.length, i + 20_000); j += batch) {
          const part = events.slice(j, Math.min(j + batch, i + 20_000, events.length));
          store.put({
            tabId,
            first: part[0].seq,
            last: part[part.length - 1].seq,
            json: JSON.stringify(part),
          });
        }
        await new Promise((resolve, reject) => {
          tx.oncomplete = resolve;
          tx.onerror = () => reject(tx.error);
        });
      }
      db.close();
      await chrome.storage.session.set({
        [`tab:${tabId}`]: { recording: false, nextSeq: events.length + 1, userCanceled: false },
      });
      let rows = 0;
      for (const e of events)
        if (e.kind === 'page.load' || e.kind === 'channel.created' || e.kind === 'request.start') rows++;
      return { events: events.length, rows };
    },
    { tabId, events: generated, batch },
  );
  await generated.dispose();
  return stored;
}

/**
 * Timestamps (page clock) of the first timeline row, of the full row count, and of the first
 * moment after that with the findings derived (the findings list no longer `aria-busy`).
 */
const WATCH_ROWS = (expected) => {
  window.__panelBench = { firstRow: undefined, allRows: undefined, findings: undefined };
  new MutationObserver(() => {
    const row = document.querySelector('[data-testid="timeline-row"]');
    if (!row) return;
    const b = window.__panelBench;
    b.firstRow ??= performance.now();
    if (b.allRows === undefined && Number(row.getAttribute('aria-setsize')) >= expected)
      b.allRows = performance.now();
    if (
      b.allRows !== undefined &&
      b.findings === undefined &&
      !document.querySelector('.findings[aria-busy]')
    )
      b.findings = performance.now();
  }).observe(document, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeFilter: ['aria-setsize', 'aria-busy'],
  });
};

/** Types each query into the filter box; ms from the keystroke to the list rendered and laid out. */
async function filterLatencies(page, queries) {
  return page.evaluate(async (queries) => {
    const input = document.querySelector('input[type="search"]');
    const out = [];
    for (const q of queries) {
      const t = performance.now();
      input.value = q;
      input.dispatchEvent(new Event('input'));
      // Vue renders in a microtask; a macrotask later it is done, then force the layout.
      await new Promise((r) => setTimeout(r, 0));
      void document.querySelector('.timeline').scrollHeight;
      out.push({
        query: q,
        ms: performance.now() - t,
        rows:
          document
            .querySelector('[role="listbox"]')
            ?.querySelector('[aria-setsize]')
            ?.getAttribute('aria-setsize') ?? '0',
      });
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    }
    return out;
  }, queries);
}

/** Scrolls `selector` by `step` px per frame for `frames` frames; returns each frame's duration. */
async function scrollFrames(page, selector, step, frames) {
  return page.evaluate(
    ({ selector, step, frames }) =>
      new Promise((resolve) => {
        const el = document.querySelector(selector);
        const times = [];
        let last = performance.now();
        let n = 0;
        const tick = (now) => {
          times.push(now - last);
          last = now;
          if (++n > frames) return resolve(times.slice(1));
          el.scrollTop += step;
          requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      }),
    { selector, step, frames },
  );
}

const pct = (xs, p) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))];

/**
 * Loads a recording of `count` events into a fresh panel page and measures it.
 * @param context The browser context with the extension; `worker` its service worker.
 */
export async function measurePanel({ context, worker, extensionId, count, tabId }) {
  const stored = await storeRecording(worker, tabId, count);
  const page = await context.newPage();
  await page.addInitScript(WATCH_ROWS, stored.rows);
  const cdp = await context.newCDPSession(page);
  await page.goto(`chrome-extension://${extensionId}/panel.html?tabId=${tabId}`);
  await page.waitForFunction(() => window.__panelBench.allRows !== undefined, null, {
    timeout: 300_000,
    polling: 200,
  });
  await page.waitForFunction(() => window.__panelBench.findings !== undefined, null, {
    timeout: 120_000,
    polling: 200,
  });
  const { firstRow, allRows, findings } = await page.evaluate(() => window.__panelBench);
  // Let the last chunk's findings (spaced out while a big recording streams in: the findings
  // list is aria-busy until they are derived) and render settle before timing interactions.
  const settled = performance.now();
  await page.waitForFunction(() => !document.querySelector('.findings[aria-busy="true"]'), null, {
    timeout: 120_000,
    polling: 50,
  });
  const findingsAfter = Math.round(performance.now() - settled);
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 100))));
  const filter = await filterLatencies(page, ['orders', 'post orders', 'ws feed', 'no-such-thing', '']);
  const timelineScroll = await scrollFrames(page, '.timeline', 1200, 120);
  // A channel's frames table (channels are the first rows: back to the top).
  await page.evaluate(() => {
    document.querySelector('.timeline').scrollTop = 0;
  });
  await page.locator('[data-testid="timeline-row"][data-type="channel"]').first().click();
  await page.locator('.frames-scroller').waitFor();
  const framesScroll = await scrollFrames(page, '.frames-scroller', 1200, 120);
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  await page.close();
  await worker.evaluate(async (tabId) => {
    const db = await new Promise((resolve) => {
      const req = indexedDB.open('handshake');
      req.onsuccess = () => resolve(req.result);
    });
    const tx = db.transaction('batches', 'readwrite');
    tx.objectStore('batches').delete(IDBKeyRange.bound([tabId, 0], [tabId, Number.MAX_SAFE_INTEGER]));
    await new Promise((r) => (tx.oncomplete = r));
    db.close();
  }, tabId);
  const filterTyped = filter.filter((f) => f.query !== '');
  return {
    events: stored.events,
    rows: stored.rows,
    firstRenderMs: firstRow,
    allLoadedMs: allRows,
    /** The whole recording shown and its findings derived (page clock, as the two above). */
    findingsMs: findings,
    /** How long after the whole recording showed its findings were still being derived (measured from Node, ±polling). */
    findingsSettledAfterMs: findingsAfter,
    filterMs: pct(
      filterTyped.map((f) => f.ms),
      50,
    ),
    filterMaxMs: Math.max(...filterTyped.map((f) => f.ms)),
    filterClearMs: filter.at(-1).ms,
    filter,
    timelineScrollP50: pct(timelineScroll, 50),
    timelineScrollP95: pct(timelineScroll, 95),
    framesScrollP50: pct(framesScroll, 50),
    framesScrollP95: pct(framesScroll, 95),
    heapMiB: heap.usedSize / 2 ** 20,
  };
}
