/**
 * Fault: the service worker is terminated again and again while a WebSocket floods the page
 * (2,000 counted frames a second). After each kill the recorder restarts, logs a capture gap
 * and goes on: one gap per kill in the panel's log, its timeline and the export, seqs that only
 * grow, every frame the browser (CDP) recorded and the panel showed before a kill is in the
 * exported HAR, and every frame the page received before the last kill that the log lost lies
 * inside a gap. (The page's own copies of frames CDP missed are still dropped from the export:
 * /tmp/briefs/E-findings.md, F1.)
 */
import { expect, test } from '../support/fixtures';
import { floodAndKill } from '../support/flood-run';
import { startFloodServer, type FloodServer } from '../support/flood-server';

const KILLS = 3;

let flood: FloodServer;
test.beforeAll(async () => {
  flood = await startFloodServer({ perTick: 20, tickMs: 10 });
});
test.afterAll(async () => {
  await flood.close();
});

test('killing the worker during a socket flood keeps every recorded frame and marks each loss', async ({
  context,
  extensionId,
  openPanel,
}, testInfo) => {
  test.setTimeout(90_000);
  const run = await floodAndKill({ context, extensionId, openPanel }, flood, KILLS, testInfo);
  const { panel, har, exported, received } = run;

  // Seqs only grow, and the panel shows one gap per kill, in the timeline and the export too.
  expect(run.log.seqsGrow).toBe(true);
  expect(run.log.picked).toHaveLength(KILLS);
  await panel.page.getByLabel('Filter the timeline').fill('capture gap');
  await expect(panel.timelineRows('action').filter({ hasText: 'capture gap' })).toHaveCount(KILLS);
  expect(har.log._captureGaps).toHaveLength(KILLS);

  // Every browser-recorded frame the panel showed before a kill is in the export. (Frames of the
  // socket of the document before "Record and reload" are left out: CDP saw them without the
  // socket's creation — E-findings F2.)
  const ofThisDocument = new Set(received.map(([n]) => n));
  for (const [i, frames] of run.shownBeforeKill.entries()) {
    const shown = frames.filter(([n, source]) => source === 'cdp' && ofThisDocument.has(n));
    expect(shown.length).toBeGreaterThan(0);
    const missing = shown.filter(([n]) => !exported.has(n)).map(([n]) => n);
    expect(missing, `frames shown before kill ${i + 1} missing from the export`).toEqual([]);
  }
  // Every frame the page received before the last kill that the log lacks (both its copies died
  // with a worker) lies inside a logged gap.
  const inLog = new Set(run.log.counters);
  const SLACK = 250; // ms between a frame's time in the page and in the log
  const lostOutsideGaps = received.filter(
    ([n, at]) =>
      at < run.lastKillAt &&
      !inLog.has(n) &&
      !har.log._captureGaps.some((g) => at >= g.from - SLACK && at <= g.to + SLACK),
  );
  const lost = received.filter(([n, at]) => at < run.lastKillAt && !inLog.has(n)).length;
  expect(lostOutsideGaps.length, `lost outside any gap: ${JSON.stringify(lostOutsideGaps.slice(0, 5))}`).toBe(
    0,
  );
  const gapsMs = har.log._captureGaps.map((g) => g.to - g.from).join(', ');
  console.log(
    `flood: ${flood.sent()} frames sent, ${received.length} received by the page, ` +
      `${exported.size} exported, ${lost} lost inside gaps of ${gapsMs} ms`,
  );
});
