#!/usr/bin/env node
// What an installed, idle extension costs a page, part by part (issue 15): builds variants of the
// extension (bench/variants.config.ts), loads each into a browser of its own, and times the
// fetch-heavy page and the socket flood in each, alternating, against the same page without any
// extension. Prints a markdown table (median, min–max, ratio to "no extension").
//
//   node bench/idle-variants.mjs [variant…] [label=/abs/chrome-mv3…] [--repeat=5] [--no-build]
//                                [--capture-from-load]
//
// Variants are named in bench/variants.config.ts; the default is all of them. Builds go to
// $HANDSHAKE_BENCH_OUT/<variant> (default /tmp/hs-idle-variants). `label=dir` adds an extension
// built elsewhere (another checkout, say), never rebuilt. `--capture-from-load` adds, for each
// extension, a browser where the bench page's origin is opted in to "Capture from page load" (the
// probe and bridge in the page from its first script while nothing records; issue 15), labelled
// "<variant>, site opted in". Run it under the heavy lock.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { loadTs } from '../scripts/load-ts.mjs';
import { startBenchServers } from './servers.mjs';
import { fetchHeavy, socketFlood } from './workloads.mjs';

const ALL = [
  'full',
  'static-content',
  'no-dnr',
  'no-scripting',
  'no-debugger',
  'no-host',
  'no-content',
  'probe-only',
  'bridge-only',
  'bare',
];
const args = process.argv.slice(2);
const option = (name, fallback) => args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
const variants = args.filter((a) => !a.startsWith('--') && !a.includes('='));
const prebuilt = args.filter((a) => !a.startsWith('--') && a.includes('=')).map((a) => a.split('='));
const chosen = variants.length > 0 || prebuilt.length > 0 ? variants : ALL;
const REPEAT = Number(option('repeat', 5));
const CAPTURE_FROM_LOAD = args.includes('--capture-from-load');
const outRoot = resolve(process.env.HANDSHAKE_BENCH_OUT ?? join(tmpdir(), 'hs-idle-variants'));
const log = (s) => process.stderr.write(`› ${s}\n`);

if (!args.includes('--no-build'))
  for (const variant of chosen) {
    log(`Building ${variant}…`);
    const built = spawnSync('npx', ['wxt', 'build', '-c', 'bench/variants.config.ts'], {
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, HANDSHAKE_VARIANT: variant, HANDSHAKE_BENCH_OUT: join(outRoot, variant) },
    });
    if (built.status !== 0) process.exit(1);
  }

const { chromiumPath, QUIET_FLAGS, extensionFlags } = await loadTs('tests/browser/support/chromium.ts');
const executablePath = chromiumPath();
const servers = await startBenchServers();
const url = `${servers.origin}/`;

/** One browser per mode; each mode opens a page on the bench page. */
const browsers = [];
const modes = {};
const plain = await chromium.launch({ executablePath, args: QUIET_FLAGS });
browsers.push(plain);
modes['no extension'] = () => plain.newPage();
const launch = async (extra) => {
  const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'hs-idle-')), {
    executablePath,
    headless: true,
    args: [...QUIET_FLAGS, ...extra],
  });
  browsers.push(context);
  return context;
};
const profile = await launch([]);
modes['no extension, persistent profile'] = () => profile.newPage();
/** Opts the bench origin in to "Capture from page load" from an extension page, as the panel does. */
async function optIn(context, label) {
  const worker = context.serviceWorkers()[0];
  if (!worker) throw new Error(`${label}: no worker to opt in with`);
  const page = await context.newPage();
  await page.goto(`chrome-extension://${new URL(worker.url()).host}/panel.html?tabId=0`);
  const reply = await page.evaluate(
    (origin) => chrome.runtime.sendMessage({ type: 'captureFromLoad', tabId: 0, origin, on: true }),
    servers.origin,
  );
  await page.close();
  const ids = await worker.evaluate(async () =>
    (await chrome.scripting.getRegisteredContentScripts()).map((s) => `${s.id} ${s.matches}`),
  );
  if (reply?.ok !== true || !ids.some((id) => id.startsWith('handshake-probe-site ')))
    throw new Error(`${label}: not opted in (${JSON.stringify(reply)}; ${ids.join(', ')})`);
}
for (const [label, dir] of [...chosen.map((v) => [v, join(outRoot, v, 'chrome-mv3')]), ...prebuilt]) {
  // Where the manifest lists the probe (static-content) it is in every page already: nothing to opt in.
  const manifest = JSON.parse(readFileSync(join(resolve(dir), 'manifest.json'), 'utf8'));
  const dynamic = (manifest.content_scripts?.length ?? 0) === 0;
  for (const opted of CAPTURE_FROM_LOAD && dynamic ? [false, true] : [false]) {
    const context = await launch(extensionFlags(resolve(dir)));
    // The worker shows the extension loaded; a variant whose worker cannot start still counts.
    if (context.serviceWorkers().length === 0)
      await context
        .waitForEvent('serviceworker', { timeout: 10_000 })
        .catch(() => log(`${label}: no worker`));
    if (opted) await optIn(context, label);
    modes[opted ? `${label}, site opted in` : label] = () => context.newPage();
  }
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const ms = (x) => `${Math.round(x).toLocaleString('en')} ms`;

const results = {};
for (const [workload, fn, arg] of [
  ['fetch-heavy', fetchHeavy, { count: 2000, concurrency: 20 }],
  ['socket flood', socketFlood, { count: 5000, size: 1024 }],
]) {
  const pages = {};
  for (const [mode, open] of Object.entries(modes)) {
    pages[mode] = await open();
    await pages[mode].goto(url);
    await pages[mode].evaluate(fn, arg); // unmeasured: JIT, connections, caches
  }
  const names = Object.keys(modes);
  const times = Object.fromEntries(names.map((n) => [n, []]));
  for (let r = 0; r < REPEAT; r++)
    for (let i = 0; i < names.length; i++) {
      const mode = names[(i + r) % names.length];
      times[mode].push((await pages[mode].evaluate(fn, arg)).wallMs);
    }
  for (const page of Object.values(pages)) await page.close();
  results[workload] = times;
  log(`${workload} done`);
}

for (const browser of browsers) await browser.close();
await servers.close();

const lines = [
  `Idle cost by variant — ${new Date().toISOString()}, ${REPEAT} alternating runs each, median (min–max)`,
  '',
  '| variant | fetch-heavy | ratio | socket flood | ratio |',
  '|---|---|---|---|---|',
];
const base = Object.fromEntries(Object.entries(results).map(([w, t]) => [w, median(t['no extension'])]));
for (const mode of Object.keys(modes)) {
  const cells = Object.entries(results).map(([workload, times]) => {
    const t = times[mode];
    const m = median(t);
    return `${ms(m)} (${ms(Math.min(...t))}–${ms(Math.max(...t))}) | ${(m / base[workload]).toFixed(2)}×`;
  });
  lines.push(`| ${mode} | ${cells.join(' | ')} |`);
}
process.stdout.write(lines.join('\n') + '\n');
