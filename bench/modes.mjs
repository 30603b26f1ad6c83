// The ways a page can run in the benchmark: without Handshake, with Chrome DevTools' own network
// recording, with the probe alone, with the extension installed but idle, and recording. The first
// three run in a persistent profile without the extension (`launchBare`), the last two in one with
// it: every ratio compares the same kind of browser.
// Each mode opens a page ready for a workload: `{ page, tabId?, panel? }`.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { storedLastSeq } from './stored-log.mjs';

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

/** Waits until the recorder has stored everything of tab `tabId` (its last stored seq holds still). */
export async function waitForQuietRecorder(worker, tabId, maxMs = 60_000) {
  const start = Date.now();
  let last = -1;
  for (let n = await storedLastSeq(worker, tabId); n !== last && Date.now() - start < maxMs;) {
    last = n;
    await new Promise((r) => setTimeout(r, 500));
    n = await storedLastSeq(worker, tabId);
  }
}

/**
 * The baseline every ratio divides by: the page in a persistent profile without the extension,
 * launched the way the extension's browser is (`launchPersistentContext`), because a persistent
 * profile alone costs fetch-heavy ~1.27× against `chromium.launch()` (bench/notes.md).
 */
export const BASELINE = 'no extension (persistent profile, as the extension modes)';
export const DEVTOOLS = 'Chrome DevTools network recording (CDP Network.enable)';
export const RECORDING = 'extension recording (probe + bridge + CDP + storage)';

/** A browser with a persistent profile of its own and no extension: where the baseline runs. */
export async function launchBare(chromium, { executablePath, args }) {
  const profileDir = mkdtempSync(join(tmpdir(), 'hs-bench-bare-'));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath,
    headless: true,
    args,
  });
  return { context, profileDir };
}

/** The five page modes, keyed by the label the report uses. */
export async function pageModes(env) {
  const { bare, withExt, url } = env;
  const probeAlone = await probeAloneScript();
  return {
    [BASELINE]: async () => {
      const page = await bare.newPage();
      await page.goto(url);
      return { page };
    },
    [DEVTOOLS]: async () => {
      const page = await bare.newPage();
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Network.enable');
      await page.goto(url);
      return { page };
    },
    'probe alone (streaming, no bridge)': async () => {
      const page = await bare.newPage();
      await page.addInitScript({ content: probeAlone });
      await page.goto(url);
      return { page };
    },
    'extension installed, not recording': async () => {
      const page = await withExt.newPage();
      await page.goto(url);
      return { page };
    },
    [RECORDING]: () => openRecordingPage(env),
  };
}
