#!/usr/bin/env node
// The panel section of `npm run bench` alone: builds the extension, then loads one recording of
// BENCH_COUNT events (default 1,000,000) into a panel once and prints bench/panel.mjs's numbers
// as JSON. Writes nothing under docs/. `node bench/panel-only.mjs`
//   BENCH_COUNT=100000        another size
//   HANDSHAKE_BENCH_OUT=dir   build directory (default .output/bench-panel)
//   BENCH_NO_BUILD=1          reuse the build already in that directory
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { loadTs } from '../scripts/load-ts.mjs';
import { measurePanel } from './panel.mjs';

const COUNT = Number(process.env.BENCH_COUNT ?? 1_000_000);
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

const { chromiumPath, QUIET_FLAGS, extensionFlags } = await loadTs('tests/browser/support/chromium.ts');
const profileDir = mkdtempSync(join(tmpdir(), 'hs-bench-panel-'));
const context = await chromium.launchPersistentContext(profileDir, {
  executablePath: chromiumPath(),
  headless: true,
  args: [...QUIET_FLAGS, ...extensionFlags(extensionDir)],
});
try {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  log(`Panel: ${COUNT.toLocaleString('en')} events (once)`);
  const result = await measurePanel({ context, worker, extensionId, count: COUNT, tabId: 901_000 });
  process.stdout.write(JSON.stringify(result, null, 2) + '\n');
} finally {
  await context.close();
  rmSync(profileDir, { recursive: true, force: true });
}
