/**
 * Fault, strict half: after the service worker is killed during a socket flood, every frame in
 * the panel's log before a kill — the page's own copies of frames the browser missed too — is in
 * the export (the reducer keeps page-only frames of a merged socket, `core/frame-twins.ts`).
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

test('no frame recorded before a kill is missing from the export', async ({
  context,
  extensionId,
  openPanel,
}, testInfo) => {
  test.setTimeout(90_000);
  const run = await floodAndKill({ context, extensionId, openPanel }, flood, KILLS, testInfo);
  const { exported, received } = run;
  const ofThisDocument = new Set(received.map(([n]) => n));

  // In the log before a kill, from either source: in the export.
  for (const [i, frames] of run.shownBeforeKill.entries()) {
    const missing = frames.filter(([n]) => ofThisDocument.has(n) && !exported.has(n));
    const pageOnly = missing.filter(([, source]) => source === 'page').length;
    expect(
      missing.length,
      `${missing.length} frames in the log before kill ${i + 1} are missing from the export (${pageOnly} recorded by the page)`,
    ).toBe(0);
  }
});
