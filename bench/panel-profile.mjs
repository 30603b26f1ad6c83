#!/usr/bin/env node
// Where the panel's load of a long recording goes, in the real panel page: stores BENCH_COUNT
// events (default 1,000,000) as bench/panel.mjs does, opens the panel with Chromium's CPU
// profiler running (CDP `Profiler`) until every row shows and findings are derived, and prints
// the functions with most self and total time. Writes the profile to BENCH_PROFILE
// (default /tmp/panel.cpuprofile; open it in DevTools' Performance panel).
//   HANDSHAKE_BENCH_OUT=dir BENCH_NO_BUILD=1 node bench/panel-profile.mjs
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { loadTs } from '../scripts/load-ts.mjs';
import { storeRecording } from './panel.mjs';

const COUNT = Number(process.env.BENCH_COUNT ?? 1_000_000);
const OUT = process.env.BENCH_PROFILE ?? '/tmp/panel.cpuprofile';
const log = (s) => process.stderr.write(`› ${s}\n`);

const outDir = resolve(process.env.HANDSHAKE_BENCH_OUT ?? '.output/bench-panel');
const extensionDir = join(outDir, 'chrome-mv3');
if (!process.env.BENCH_NO_BUILD) {
  log(`Building the extension into ${extensionDir}…`);
  const built = spawnSync('npx', ['wxt', 'build', '-c', 'bench/wxt.config.ts'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, HANDSHAKE_BENCH_OUT: outDir },
  });
  if (built.status !== 0) process.exit(1);
}

/** Self and total time per function (ms), largest first. */
export function summarise(profile, n = 40) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map();
  for (const node of profile.nodes) for (const c of node.children ?? []) parent.set(c, node.id);
  const dt = new Map();
  profile.samples.forEach((id, i) => dt.set(id, (dt.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const name = (node) => {
    const f = node.callFrame;
    return `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}:${f.columnNumber + 1}`;
  };
  const self = new Map();
  const total = new Map();
  for (const node of profile.nodes) {
    const t = dt.get(node.id) ?? 0;
    if (!t) continue;
    self.set(name(node), (self.get(name(node)) ?? 0) + t);
    const seen = new Set();
    for (let id = node.id; id !== undefined; id = parent.get(id)) {
      const k = name(byId.get(id));
      if (seen.has(k)) continue;
      seen.add(k);
      total.set(k, (total.get(k) ?? 0) + t);
    }
  }
  const top = (m) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, v]) => `${String(Math.round(v / 1000)).padStart(7)} ms  ${k}`);
  return { self: top(self), total: top(total) };
}

const { chromiumPath, QUIET_FLAGS, extensionFlags } = await loadTs('tests/browser/support/chromium.ts');
const profileDir = mkdtempSync(join(tmpdir(), 'hs-bench-profile-'));
const context = await chromium.launchPersistentContext(profileDir, {
  executablePath: chromiumPath(),
  headless: true,
  args: [...QUIET_FLAGS, ...extensionFlags(extensionDir)],
});
try {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  const tabId = 902_000;
  log(`Storing ${COUNT.toLocaleString('en')} events…`);
  const { rows } = await storeRecording(worker, tabId, COUNT);
  const page = await context.newPage();
  // An extension page first (the panel of a tab with no recording), so that the profiler runs
  // in the renderer the panel will use: navigating within the extension keeps the process.
  await page.goto(`chrome-extension://${extensionId}/panel.html?tabId=1`);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  const start = Date.now();
  await page.goto(`chrome-extension://${extensionId}/panel.html?tabId=${tabId}`);
  await page.waitForFunction(
    (rows) =>
      Number(document.querySelector('[data-testid="timeline-row"]')?.getAttribute('aria-setsize')) >= rows &&
      !document.querySelector('.findings[aria-busy="true"]'),
    rows,
    { timeout: 300_000, polling: 100 },
  );
  const tookMs = Date.now() - start;
  const { profile } = await cdp.send('Profiler.stop');
  writeFileSync(OUT, JSON.stringify(profile));
  const { self, total } = summarise(profile);
  process.stdout.write(
    `rows and findings after ${tookMs} ms (profiler running); profile in ${OUT}\n` +
      `SELF\n${self.join('\n')}\nTOTAL\n${total.join('\n')}\n`,
  );
} finally {
  await context.close();
  rmSync(profileDir, { recursive: true, force: true });
}
