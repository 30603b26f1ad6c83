// The ways a page can run in the benchmark: without Handshake, with Chrome DevTools' own network
// recording, with the probe alone, with the extension installed but idle, and recording.
// Each mode opens a page ready for a workload: `{ page, tabId?, panel? }`.
import { build } from 'esbuild';

/** The probe alone, as the page gets it, already told to stream (nothing consumes its messages). */
async function probeAloneScript() {
  const out = await build({
    stdin: {
      contents: `import { installProbe } from './probe/index.ts';\ninstallProbe(window);\nwindow.postMessage({ __handshake: 'bridge', v: 1, type: 'record', on: true }, '*');`,
      resolveDir: process.cwd(),
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    write: false,
    minify: true,
  });
  return out.outputFiles[0].text;
}

/** A page in the extension's browser, recorded from its first request ("Record and reload"). */
export async function openRecordingPage({ withExt, worker, extensionId, url }) {
  const page = await withExt.newPage();
  // A URL of its own: found by URL, a page shared with another mode would be the wrong tab (the
  // first harness did exactly that, and recorded the "not recording" page — see bench/notes.md).
  await page.goto(`${url}?recorded=${Math.random().toString(36).slice(2)}`);
  const tabId = await worker.evaluate(async (u) => {
    const tabs = (await chrome.tabs.query({})).filter((t) => t.url === u);
    if (tabs.length !== 1) throw new Error(`expected one tab at ${u}, found ${tabs.length}`);
    return tabs[0].id;
  }, page.url());
  const panel = await withExt.newPage();
  await panel.goto(`chrome-extension://${extensionId}/panel.html?tabId=${tabId}`);
  await Promise.all([
    page.waitForEvent('load'),
    panel.getByRole('button', { name: 'Record and reload', exact: true }).click(),
  ]);
  await panel.getByRole('button', { name: 'Stop', exact: true }).waitFor();
  return { page, panel, tabId };
}

/** Waits until the recorder has stored everything of tab `tabId` (its event count holds still). */
export async function waitForQuietRecorder(worker, tabId, maxMs = 60_000) {
  const count = () =>
    worker.evaluate(async (tabId) => {
      const db = await new Promise((resolve, reject) => {
        const req = indexedDB.open('handshake', 1);
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      const req = db
        .transaction('events', 'readonly')
        .objectStore('events')
        .count(IDBKeyRange.bound([tabId, 0], [tabId, Number.MAX_SAFE_INTEGER]));
      return new Promise((resolve) => (req.onsuccess = () => resolve(req.result)));
    }, tabId);
  const start = Date.now();
  let last = -1;
  for (let n = await count(); n !== last && Date.now() - start < maxMs; n = await count()) {
    last = n;
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** The five page modes, keyed by the label the report uses. */
export async function pageModes(env) {
  const { plain, withExt, url } = env;
  const probeAlone = await probeAloneScript();
  return {
    'no extension': async () => {
      const page = await plain.newPage();
      await page.goto(url);
      return { page };
    },
    'Chrome DevTools network recording (CDP Network.enable)': async () => {
      const page = await plain.newPage();
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Network.enable');
      await page.goto(url);
      return { page };
    },
    'probe alone (streaming, no bridge)': async () => {
      const page = await plain.newPage();
      await page.addInitScript({ content: probeAlone });
      await page.goto(url);
      return { page };
    },
    'extension installed, not recording': async () => {
      const page = await withExt.newPage();
      await page.goto(url);
      return { page };
    },
    'extension recording (probe + bridge + CDP + storage)': () => openRecordingPage(env),
  };
}
