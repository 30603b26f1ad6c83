#!/usr/bin/env node
// `npm run bench`: builds the extension, measures what Handshake costs a page (side by side, one
// run, median of several repetitions, min/max shown) and how big its parts are, then writes
// docs/benchmarks.md and docs/benchmarks.json. Tests never assert wall-clock time; this does not
// either — it reports.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { build } from 'esbuild';
import { loadTs } from '../scripts/load-ts.mjs';
import { startBenchServers } from './servers.mjs';
import { fetchHeavy, socketFlood } from './workloads.mjs';

const REPEAT = Number(process.env.BENCH_REPEAT ?? 5);
const FETCH = { count: 2000, concurrency: 20 };
const FLOOD = { count: 5000, size: 1024 };
const extensionDir = resolve('.output/chrome-mv3');
const log = (s) => process.stderr.write(`› ${s}\n`);

log('Building the extension…');
if (spawnSync('npx', ['wxt', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] }).status !== 0)
  process.exit(1);

const { chromiumPath, QUIET_FLAGS, extensionFlags } = await loadTs('tests/browser/support/chromium.ts');
const executablePath = chromiumPath();
const servers = await startBenchServers();
const url = `${servers.origin}/`;

// The probe alone, as the page gets it, already told to stream (nothing consumes its messages).
const probeAlone = (
  await build({
    stdin: {
      contents: `import { installProbe } from './probe/index.ts';\ninstallProbe(window);\nwindow.postMessage({ __handshake: 'bridge', v: 1, type: 'record', on: true }, '*');`,
      resolveDir: process.cwd(),
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    write: false,
    minify: true,
  })
).outputFiles[0].text;

log('Starting browsers…');
const plain = await chromium.launch({ executablePath, args: QUIET_FLAGS });
const withExt = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'hs-bench-')), {
  executablePath,
  headless: true,
  args: [...QUIET_FLAGS, ...extensionFlags(extensionDir)],
});
const worker = withExt.serviceWorkers()[0] ?? (await withExt.waitForEvent('serviceworker'));
const extensionId = new URL(worker.url()).host;

/** Each mode gives a page ready to run a workload. */
const modes = {
  'no extension': async () => {
    const page = await plain.newPage();
    await page.goto(url);
    return page;
  },
  'Chrome DevTools network recording (CDP Network.enable)': async () => {
    const page = await plain.newPage();
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    await page.goto(url);
    return page;
  },
  'probe alone (streaming, no bridge)': async () => {
    const page = await plain.newPage();
    await page.addInitScript({ content: probeAlone });
    await page.goto(url);
    return page;
  },
  'extension installed, not recording': async () => {
    const page = await withExt.newPage();
    await page.goto(url);
    return page;
  },
  'extension recording (probe + bridge + CDP + storage)': async () => {
    const page = await withExt.newPage();
    await page.goto(url);
    const tabId = await worker.evaluate(
      async (u) => (await chrome.tabs.query({})).find((t) => t.url === u)?.id,
      url,
    );
    const panel = await withExt.newPage();
    await panel.goto(`chrome-extension://${extensionId}/panel.html?tabId=${tabId}`);
    await panel.getByRole('button', { name: 'Record and reload', exact: true }).click();
    await panel.getByRole('button', { name: 'Stop', exact: true }).waitFor();
    await page.waitForLoadState('load');
    return page;
  },
};

const results = {};
for (const [workload, fn, arg] of [
  ['fetch-heavy', fetchHeavy, FETCH],
  ['socket flood', socketFlood, FLOOD],
]) {
  results[workload] = {};
  const pages = {};
  for (const [mode, open] of Object.entries(modes)) pages[mode] = await open();
  // Alternate the modes inside each repetition so drift on a shared machine hits all alike.
  for (let r = 0; r < REPEAT; r++) {
    for (const mode of Object.keys(modes)) {
      log(`${workload}: ${mode} (${r + 1}/${REPEAT})`);
      const m = await pages[mode].evaluate(fn, arg);
      (results[workload][mode] ??= []).push(m);
    }
  }
  for (const page of Object.values(pages)) await page.close();
}

const chromiumVersion = plain.version();
await plain.close();
await withExt.close();
await servers.close();

// ---- sizes ---------------------------------------------------------------------------------
const gz = (file) => gzipSync(readFileSync(file)).length;
const chunks = readdirSync(join(extensionDir, 'chunks')).filter((f) => f.startsWith('panel-'));
const css = readdirSync(join(extensionDir, 'assets')).filter((f) => f.startsWith('panel-'));
const sizes = {
  'probe (content-scripts/probe.js)': gz(join(extensionDir, 'content-scripts/probe.js')),
  'bridge (content-scripts/bridge.js)': gz(join(extensionDir, 'content-scripts/bridge.js')),
  'panel (JS + CSS)':
    chunks.reduce((n, f) => n + gz(join(extensionDir, 'chunks', f)), 0) +
    css.reduce((n, f) => n + gz(join(extensionDir, 'assets', f)), 0),
  'background.js': gz(join(extensionDir, 'background.js')),
};

// ---- report --------------------------------------------------------------------------------
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const stat = (runs, key) => {
  const xs = runs.map((m) => m[key]);
  return { median: median(xs), min: Math.min(...xs), max: Math.max(...xs) };
};
const machine = {
  date: new Date().toISOString(),
  cpu: `${cpus()[0]?.model ?? 'unknown'} × ${cpus().length}`,
  memoryGiB: Math.round(totalmem() / 2 ** 30),
  node: process.version,
  chromium: chromiumVersion,
  repeat: REPEAT,
};
const fmt = (s, unit = 'ms') => `${s.median.toFixed(0)} ${unit} (${s.min.toFixed(0)}–${s.max.toFixed(0)})`;
const lines = [
  '# Benchmarks',
  '',
  `Written by \`npm run bench\` on ${machine.date.slice(0, 10)}: ${machine.cpu}, ${machine.memoryGiB} GiB, Node ${machine.node}, Chromium ${machine.chromium}, headless. Each figure is the median of ${REPEAT} runs (min–max); modes alternate within each repetition. Ratios compare medians with "no extension". Timing on a shared 2-core machine is noisy: read ratios within ±10% as equal.`,
  '',
];
const table = {};
for (const [workload, byMode] of Object.entries(results)) {
  const base = stat(byMode['no extension'], 'wallMs').median;
  const args = workload === 'fetch-heavy' ? FETCH : FLOOD;
  lines.push(`## Page overhead: ${workload} (${JSON.stringify(args)})`, '');
  lines.push(
    '| mode | page wall time | ratio | main-thread blocking |' +
      (workload === 'socket flood' ? ' frames/s |' : ''),
  );
  lines.push('|---|---|---|---|' + (workload === 'socket flood' ? '---|' : ''));
  table[workload] = {};
  for (const [mode, runs] of Object.entries(byMode)) {
    const wall = stat(runs, 'wallMs');
    const blocking = stat(runs, 'blockingMs');
    const row = { wall, ratio: wall.median / base, blocking };
    let line = `| ${mode} | ${fmt(wall)} | ${(wall.median / base).toFixed(2)}× | ${fmt(blocking)} |`;
    if (workload === 'socket flood') {
      row.framesPerSecond = stat(runs, 'framesPerSecond');
      line += ` ${fmt(row.framesPerSecond, '')} |`;
    }
    table[workload][mode] = row;
    lines.push(line);
  }
  lines.push('');
}
lines.push('## Sizes (gzipped)', '', '| part | bytes |', '|---|---|');
for (const [part, bytes] of Object.entries(sizes))
  lines.push(`| ${part} | ${(bytes / 1024).toFixed(1)} KB |`);
lines.push('');
writeFileSync('docs/benchmarks.json', JSON.stringify({ machine, results: table, sizes }, null, 2) + '\n');
const notes = readFileSync('bench/notes.md', 'utf8');
writeFileSync('docs/benchmarks.md', lines.join('\n') + '\n' + notes);
log('Wrote docs/benchmarks.md and docs/benchmarks.json');
