#!/usr/bin/env node
// `npm start`: build the extension, start the demo, open Chromium with Handshake loaded and
// DevTools open on the demo. Without a display it runs headless instead: records the demo's
// page load, prints the findings and saves the recording.
//
//   npm start                   the buggy variant (the seed incident)
//   npm start -- --fixed        the fixed variant
//   npm start -- --headless     force the headless report even with a display
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { startDemo } from '../demo/index.mjs';
import { ensureChromium } from './browsers.mjs';
import { loadTs } from './load-ts.mjs';

const args = new Set(process.argv.slice(2));
const variant = args.has('--fixed') ? 'fixed' : 'buggy';
const headless = args.has('--headless') || !process.env.DISPLAY;
const extensionDir = resolve('.output/chrome-mv3');

function step(text) {
  process.stdout.write(`\u001b[2m›\u001b[0m ${text}\n`);
}

step('Building the extension (wxt build)…');
const built = spawnSync('npx', ['wxt', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });
if (built.status !== 0) {
  console.error('The build failed; see the errors above.');
  process.exit(1);
}

const { QUIET_FLAGS, extensionFlags } = await loadTs('tests/browser/support/chromium.ts');
// Found, or installed with its progress shown (scripts/browsers.mjs); else a sentence on what to do.
const executablePath = await ensureChromium().catch((err) => {
  console.error(err.message);
  process.exit(1);
});

step('Starting the demo servers…');
const demo = await startDemo();
const url = demo.url(variant);
step(`Demo (${variant}): ${url}`);

const profile = mkdtempSync(join(tmpdir(), 'handshake-start-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath,
  headless,
  viewport: null,
  args: [
    ...QUIET_FLAGS,
    ...extensionFlags(extensionDir),
    ...(headless ? [] : ['--auto-open-devtools-for-tabs']),
  ],
});
const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
const extensionId = new URL(worker.url()).host;

const page = context.pages()[0] ?? (await context.newPage());
await page.goto(url);
const tabId = await worker.evaluate(
  async (u) => (await chrome.tabs.query({})).find((t) => t.url === u)?.id,
  url,
);

if (!headless) {
  step(
    `Chromium is open with Handshake loaded. In DevTools, open the "Handshake" tab and press "Record and reload".`,
  );
  step(`Or open the panel in a tab: chrome-extension://${extensionId}/panel.html?tabId=${tabId}`);
  step('Close the browser window (or press Ctrl+C) to stop.');
  const stop = async () => {
    await context.close().catch(() => {});
    await demo.close();
    process.exit(0);
  };
  context.on('close', stop);
  process.on('SIGINT', stop);
} else {
  step('No display: recording the demo headless…');
  const panel = await context.newPage();
  await panel.goto(`chrome-extension://${extensionId}/panel.html?tabId=${tabId}`);
  await panel.getByRole('button', { name: 'Record and reload', exact: true }).click();
  // The demo's flow takes about two seconds; leave room for slow machines.
  await page.waitForLoadState('load');
  await page.waitForTimeout(4000);
  const events = await worker.evaluate(readRecording, tabId);
  const { reportFindings } = await loadTs('core/report.ts');
  const { terminalLocale } = await loadTs('core/i18n/index.ts');
  // The report speaks the terminal's language (LANG=ru_RU.UTF-8 npm start → Russian).
  const { text } = reportFindings(events, terminalLocale(process.env));
  mkdirSync('recordings', { recursive: true });
  const file = resolve(
    'recordings',
    `demo-${variant}-${new Date().toISOString().replace(/[:.]/g, '-')}.json`,
  );
  writeFileSync(file, JSON.stringify({ handshake: 1, url, events }, null, 1));
  process.stdout.write(`\n${text}\n\nRecording saved: ${file}\n`);
  await context.close();
  await demo.close();
}

/** Runs in the service worker: the tab's events as the recorder stored them in IndexedDB. */
async function readRecording(tabId) {
  const db = await new Promise((res, rej) => {
    const r = indexedDB.open('handshake');
    r.onsuccess = () => res(r.result);
    r.onerror = () => rej(r.error);
  });
  // Give the recorder's last batch time to land.
  await new Promise((r) => setTimeout(r, 300));
  return new Promise((res, rej) => {
    const req = db
      .transaction('events')
      .objectStore('events')
      .getAll(IDBKeyRange.bound([tabId, 0], [tabId, Number.MAX_SAFE_INTEGER]));
    req.onsuccess = () => res(req.result.map((row) => row.e));
    req.onerror = () => rej(req.error);
  });
}
