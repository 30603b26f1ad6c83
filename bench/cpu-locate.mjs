#!/usr/bin/env node
// Where recording's CPU goes, piece by piece: CPU ms per Chromium process kind (bench/cpu-split.mjs)
// while fetch-heavy and a socket flood run, with no extension, with Chrome DevTools' own network
// recording, with the extension idle, recording, and recording with one piece switched off at a
// time. The switches are the benchmark's own, from outside the extension's code:
//   probe posting off   — the page forges the bridge's `record: off` (the probe stops posting);
//   CDP Network off     — `Network.disable` sent on the recorder's debugger session;
//   CDP Network ignored — Network events still delivered to the worker, dropped on arrival before
//                         any of the recorder's code (what Chrome's delivery alone costs);
//   response bodies off — the worker's `Network.getResponseBody` answered with an error;
//   IndexedDB off       — the worker's `IDBObjectStore.prototype.put` does nothing;
//   panel closed        — the panel page closed (the recording goes on).
// Prints a Markdown table; writes nothing. `node bench/cpu-locate.mjs`
//   HANDSHAKE_BENCH_OUT=dir   build directory (default .output/bench-locate)
//   BENCH_NO_BUILD=1          reuse the build already there
//   BENCH_REPEAT=n            measured runs per row (default 2; the median is printed)
//   BENCH_PAGES=flood         only the pages whose name contains this
//   BENCH_ONLY=a,b            only these rows, by mode (e.g. "no extension,recording"; `;` between
//                             names holding a comma: "recording;recording, panel closed")
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { loadTs } from '../scripts/load-ts.mjs';
import { cpuDuring } from './cpu-split.mjs';
import { launchBare, openRecordingPage, waitForQuietRecorder } from './modes.mjs';
import { startBenchServers } from './servers.mjs';
import { fetchHeavy, socketAtRate } from './workloads.mjs';

const REPEAT = Number(process.env.BENCH_REPEAT ?? 2);
const log = (s) => process.stderr.write(`› ${s}\n`);
const outDir = resolve(process.env.HANDSHAKE_BENCH_OUT ?? '.output/bench-locate');
const extensionDir = join(outDir, 'chrome-mv3');
if (!process.env.BENCH_NO_BUILD) {
  log(`Building the extension into ${extensionDir}…`);
  const built = spawnSync('npx', ['wxt', 'build', '-c', 'bench/wxt.config.ts'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, HANDSHAKE_BENCH_OUT: outDir },
  });
  if (built.status !== 0) process.exit(1);
}

const { chromiumPath, QUIET_FLAGS, extensionFlags } = await loadTs('tests/browser/support/chromium.ts');
const executablePath = chromiumPath();
const servers = await startBenchServers();
const url = `${servers.origin}/`;
// No extension and Chrome DevTools run in a persistent profile without the extension, the kind of
// browser the extension runs in; its processes are found by its profile directory.
const { context: plain, profileDir: plainMarker } = await launchBare(chromium, {
  executablePath,
  args: QUIET_FLAGS,
});
const profileDir = mkdtempSync(join(tmpdir(), 'hs-locate-'));
const withExt = await chromium.launchPersistentContext(profileDir, {
  executablePath,
  headless: true,
  args: [...QUIET_FLAGS, ...extensionFlags(extensionDir)],
});
const worker = withExt.serviceWorkers()[0] ?? (await withExt.waitForEvent('serviceworker'));
const extensionId = new URL(worker.url()).host;

// The worker-side switches, installed once, each read on every call.
/* eslint-disable no-restricted-properties -- the benchmark, not the extension: it switches pieces off from outside */
await worker.evaluate(() => {
  const g = globalThis;
  g.__benchOff = { bodies: false, idb: false, cdpEvents: false };
  // Installed before the recorder's first attach registers its listener (cdp-session.ts).
  const addListener = chrome.debugger.onEvent.addListener.bind(chrome.debugger.onEvent);
  chrome.debugger.onEvent.addListener = (listener) =>
    addListener((source, method, params) =>
      g.__benchOff.cdpEvents && method.startsWith('Network.') ? undefined : listener(source, method, params),
    );
  const send = chrome.debugger.sendCommand.bind(chrome.debugger);
  chrome.debugger.sendCommand = (target, method, params) =>
    g.__benchOff.bodies && method === 'Network.getResponseBody'
      ? Promise.reject(new Error('bench: bodies off'))
      : send(target, method, params);
  const put = IDBObjectStore.prototype.put;
  IDBObjectStore.prototype.put = function (...args) {
    return g.__benchOff.idb && this.name === 'batches' ? undefined : put.apply(this, args);
  };
});
const setOff = (key, on) => worker.evaluate(([k, v]) => (globalThis.__benchOff[k] = v), [key, on]);
const cdp = (tabId, method) =>
  worker.evaluate(([t, m]) => chrome.debugger.sendCommand({ tabId: t }, m, {}), [tabId, method]);
/* eslint-enable no-restricted-properties -- end of the benchmark's switches */
const probePosting = (page, on) =>
  page.evaluate((on) => window.postMessage({ __handshake: 'bridge', v: 1, type: 'record', on }, '*'), on);

const WORKLOADS = {
  'fetch-heavy (2,000 requests)': (page) => page.evaluate(fetchHeavy, { count: 2000, concurrency: 20 }),
  'socket flood (10,000 × 1 KB)': (page, tag) =>
    page.evaluate(socketAtRate, { count: 10000, size: 1024, rate: 0, tag }),
};

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
let tagN = 0;
/** Runs `workload` once unmeasured, then REPEAT times measured; CPU medians per process kind. */
async function measure(marker, page, workload, tabId) {
  const run = async () => {
    const result = await workload(page, `l${tagN++}`);
    if (tabId !== undefined) await waitForQuietRecorder(worker, tabId);
    return result;
  };
  await run();
  const runs = [];
  for (let r = 0; r < REPEAT; r++) runs.push(await cpuDuring(marker, run, 500));
  const kinds = [...new Set(runs.flatMap((x) => Object.keys(x.cpu ?? {})))];
  const cpu = Object.fromEntries(kinds.map((k) => [k, median(runs.map((x) => x.cpu?.[k] ?? 0))]));
  return { wallMs: median(runs.map((x) => x.result.wallMs)), cpu };
}

// `;` separates modes whose names hold a comma ("recording;recording, panel closed").
const only = process.env.BENCH_ONLY?.split(process.env.BENCH_ONLY.includes(';') ? ';' : ',');
const wanted = (mode) => !only || only.includes(mode);
const rows = [];
for (const [name, workload] of Object.entries(WORKLOADS)) {
  if (process.env.BENCH_PAGES && !name.includes(process.env.BENCH_PAGES)) continue;
  const row = (mode, m) => {
    rows.push({ workload: name, mode, ...m });
    log(`${name}: ${mode}: ${Math.round(m.wallMs)} ms, ${JSON.stringify(m.cpu)}`);
  };
  let page = await plain.newPage();
  await page.goto(url);
  if (wanted('no extension')) row('no extension', await measure(plainMarker, page, workload));
  await page.close();
  page = await plain.newPage();
  const session = await page.context().newCDPSession(page);
  await session.send('Network.enable');
  await page.goto(url);
  if (wanted('Chrome DevTools (CDP Network.enable)'))
    row('Chrome DevTools (CDP Network.enable)', await measure(plainMarker, page, workload));
  await page.close();
  page = await withExt.newPage();
  await page.goto(url);
  if (wanted('extension idle')) row('extension idle', await measure(profileDir, page, workload));
  await page.close();

  const rec = await openRecordingPage({ withExt, worker, extensionId, url });
  const m = () => measure(profileDir, rec.page, workload, rec.tabId);
  if (wanted('recording')) row('recording', await m());
  await probePosting(rec.page, false);
  if (wanted('recording, probe posting off')) row('recording, probe posting off', await m());
  await probePosting(rec.page, true);
  await cdp(rec.tabId, 'Network.disable');
  if (wanted('recording, CDP Network off')) row('recording, CDP Network off', await m());
  await cdp(rec.tabId, 'Network.enable');
  await setOff('cdpEvents', true);
  if (wanted('recording, CDP Network ignored on arrival'))
    row('recording, CDP Network ignored on arrival', await m());
  await setOff('cdpEvents', false);
  await setOff('bodies', true);
  if (wanted('recording, response bodies off')) row('recording, response bodies off', await m());
  await setOff('bodies', false);
  await setOff('idb', true);
  if (wanted('recording, IndexedDB writes off')) row('recording, IndexedDB writes off', await m());
  await setOff('idb', false);
  await rec.panel.close();
  if (wanted('recording, panel closed')) row('recording, panel closed', await m());
  await rec.page.close();
}

await plain.close();
await withExt.close();
await servers.close();
rmSync(profileDir, { recursive: true, force: true });
rmSync(plainMarker, { recursive: true, force: true });

const kinds = [...new Set(rows.flatMap((r) => Object.keys(r.cpu)))]
  .filter((k) => rows.some((r) => r.cpu[k] > 0))
  .sort();
const n0 = (x) => Math.round(x ?? 0).toLocaleString('en');
const out = [
  `| page | mode | wall time | ${kinds.join(' | ')} | total CPU ms |`,
  `|---|---|---|${kinds.map(() => '---|').join('')}---|`,
];
for (const r of rows) {
  const total = Object.values(r.cpu).reduce((a, b) => a + b, 0);
  out.push(
    `| ${r.workload} | ${r.mode} | ${n0(r.wallMs)} ms | ${kinds.map((k) => n0(r.cpu[k])).join(' | ')} | ${n0(total)} |`,
  );
}
process.stdout.write(out.join('\n') + '\n');
