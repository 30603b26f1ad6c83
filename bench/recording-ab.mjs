#!/usr/bin/env node
// Recording's cost next to Chrome DevTools', side by side in one session, for one or more builds
// of the extension (issue 15): each build in a persistent-profile browser of its own, recording
// a page from its first request ("Record and reload", panel open); Chrome DevTools' own network
// recording in a persistent profile without the extension. Rounds alternate the modes in a
// rotating order; each run is timed until the recorder stored it. Prints a Markdown table:
// page wall time, median (min–max), × DevTools, and CPU per process kind (medians).
//
//   node bench/recording-ab.mjs label=/abs/chrome-mv3 [label2=/other/chrome-mv3…] [--repeat=3]
//        [--pages=fetch|flood]
//
// Builds come ready (e.g. `HANDSHAKE_BENCH_OUT=/tmp/x npx wxt build -c bench/wxt.config.ts`).
// Run it under the heavy lock.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { loadTs } from '../scripts/load-ts.mjs';
import { cpuDuring, medianCpu } from './cpu-split.mjs';
import { launchBare, openRecordingPage, waitForQuietRecorder } from './modes.mjs';
import { startBenchServers } from './servers.mjs';
import { fetchHeavy, socketAtRate } from './workloads.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
const builds = args.filter((a) => !a.startsWith('--') && a.includes('=')).map((a) => a.split('='));
const REPEAT = Number(option('repeat', 3));
const pagesWanted = option('pages', '');
const log = (s) => process.stderr.write(`› ${s}\n`);

const { chromiumPath, QUIET_FLAGS, extensionFlags } = await loadTs('tests/browser/support/chromium.ts');
const executablePath = chromiumPath();
const servers = await startBenchServers();
const url = `${servers.origin}/`;

const bare = await launchBare(chromium, { executablePath, args: QUIET_FLAGS });
const extBrowsers = [];
for (const [label, dir] of builds) {
  const profileDir = mkdtempSync(join(tmpdir(), 'hs-ab-'));
  const withExt = await chromium.launchPersistentContext(profileDir, {
    executablePath,
    headless: true,
    args: [...QUIET_FLAGS, ...extensionFlags(resolve(dir))],
  });
  const worker = withExt.serviceWorkers()[0] ?? (await withExt.waitForEvent('serviceworker'));
  extBrowsers.push({ label, profileDir, withExt, worker, extensionId: new URL(worker.url()).host });
}

const WORKLOADS = {
  'fetch-heavy (2,000 requests)': (page) => page.evaluate(fetchHeavy, { count: 2000, concurrency: 20 }),
  'socket flood (10,000 × 1 KB)': (page, tag) =>
    page.evaluate(socketAtRate, { count: 10000, size: 1024, rate: 0, tag }),
};
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
const n0 = (x) => Math.round(x ?? 0).toLocaleString('en');
const lines = [];
let tagN = 0;
for (const [name, workload] of Object.entries(WORKLOADS)) {
  if (pagesWanted && !name.includes(pagesWanted)) continue;
  const modes = [];
  const page = await bare.context.newPage();
  const session = await page.context().newCDPSession(page);
  await session.send('Network.enable');
  await page.goto(url);
  modes.push({ label: 'Chrome DevTools (CDP Network.enable)', marker: bare.profileDir, page });
  for (const b of extBrowsers) {
    const rec = await openRecordingPage({ ...b, url });
    modes.push({
      label: `recording: ${b.label}`,
      marker: b.profileDir,
      page: rec.page,
      tabId: rec.tabId,
      b,
      rec,
    });
  }
  const run = async (m) => {
    const result = await workload(m.page, `ab${tagN++}`);
    if (m.tabId !== undefined) await waitForQuietRecorder(m.b.worker, m.tabId);
    return result;
  };
  for (const m of modes) await run(m); // unmeasured: JIT, connections, caches
  const runs = new Map(modes.map((m) => [m, []]));
  for (let r = 0; r < REPEAT; r++)
    for (let i = 0; i < modes.length; i++) {
      const m = modes[(i + r) % modes.length];
      const { result, cpu } = await cpuDuring(m.marker, () => run(m), 500);
      runs.get(m).push({ wallMs: result.wallMs, cpu });
      log(`${name}: ${m.label} (${r + 1}/${REPEAT}): ${n0(result.wallMs)} ms`);
    }
  const devtools = median(runs.get(modes[0]).map((x) => x.wallMs));
  const cpus = modes.map((m) => medianCpu(runs.get(m).map((x) => x.cpu)) ?? {});
  const kinds = [...new Set(cpus.flatMap((c) => Object.keys(c)))]
    .filter((k) => cpus.some((c) => c[k] > 0))
    .sort();
  lines.push(
    `### ${name}, ${REPEAT} runs each`,
    '',
    `| mode | page wall time | × DevTools | ${kinds.join(' | ')} | total CPU ms |`,
    `|---|---|---|${kinds.map(() => '---|').join('')}---|`,
  );
  modes.forEach((m, i) => {
    const walls = runs.get(m).map((x) => x.wallMs);
    const total = Object.values(cpus[i]).reduce((a, b) => a + b, 0);
    lines.push(
      `| ${m.label} | ${n0(median(walls))} ms (${n0(Math.min(...walls))}–${n0(Math.max(...walls))}) | ${(median(walls) / devtools).toFixed(2)}× | ${kinds.map((k) => n0(cpus[i][k])).join(' | ')} | ${n0(total)} |`,
    );
  });
  lines.push('');
  for (const m of modes) {
    await m.page.close();
    await m.rec?.panel.close();
  }
}
await bare.context.close();
for (const b of extBrowsers) await b.withExt.close();
await servers.close();
process.stdout.write(lines.join('\n') + '\n');
