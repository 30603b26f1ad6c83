/**
 * The flood-and-kill run shared by the fault specs on worker restarts: record a page whose
 * WebSocket floods it, terminate the service worker `kills` times (each time waiting for the
 * gap and for frames recorded after it), stop, and export through the panel.
 */
import { expect, type BrowserContext, type Page, type TestInfo } from '@playwright/test';
import { exportRecording, killServiceWorker, panelLog, type ExportedHar, type PanelLog } from './faults';
import type { FloodServer } from './flood-server';
import type { PanelPage } from './panel-page';

export interface FloodRun {
  panel: PanelPage;
  har: ExportedHar;
  /** Counters of the frames in the export. */
  exported: Set<number>;
  /** Every frame the recorded document received: `[counter, page time]`. */
  received: Array<[number, number]>;
  /** Per kill: the frames in the panel's log just before it (`[counter, source, time]`). */
  shownBeforeKill: Array<PanelLog['frames']>;
  /** When the last kill was sent (epoch ms). */
  lastKillAt: number;
  /** The panel's log at the end: its gaps, and every stamped frame. */
  log: PanelLog;
}

export async function floodAndKill(
  {
    context,
    extensionId,
    openPanel,
  }: {
    context: BrowserContext;
    extensionId: string;
    openPanel: (page: Page) => Promise<PanelPage>;
  },
  flood: FloodServer,
  kills: number,
  testInfo: TestInfo,
): Promise<FloodRun> {
  const page = await context.newPage();
  await page.goto(flood.url);
  const panel = await openPanel(page);
  await panel.recordAndReload();
  await expect(panel.page.getByTestId('cdp-state')).toContainText('attached');
  const log = (options?: Parameters<typeof panelLog>[1]) => panelLog(panel.page, options);
  await expect
    .poll(async () => (await log({ afterSeq: 0 })).counters.length, { timeout: 15_000 })
    .toBeGreaterThan(500);

  const shownBeforeKill: FloodRun['shownBeforeKill'] = [];
  let lastKillAt = 0;
  for (let kill = 1; kill <= kills; kill++) {
    shownBeforeKill.push((await log({ afterSeq: 0 })).frames);
    lastKillAt = Date.now();
    await killServiceWorker(context, page, extensionId);

    // The panel reconnects (waking a new worker), which logs the gap and records again.
    const gaps = async () => (await log({ kinds: ['capture.gap'] })).picked;
    await expect.poll(async () => (await gaps()).length, { timeout: 20_000 }).toBe(kill);
    const gap = (await gaps()).at(-1)!;
    expect(gap.reason).toBe('service worker restarted');
    await expect
      .poll(async () => (await log({ afterSeq: gap.seq })).counters.length, { timeout: 20_000 })
      .toBeGreaterThan(200);
  }

  flood.pause();
  const received = await page.evaluate(
    () => (window as unknown as { __received: Array<[number, number]> }).__received,
  );
  await panel.button('Stop').click();
  await expect(panel.page.getByTestId('recording-state')).toHaveText('Not recording');
  const end = await log({ kinds: ['capture.gap'], afterSeq: 0 });

  const har = await exportRecording(panel, testInfo, 'flood.har');
  const exported = new Set<number>();
  for (const entry of har.log.entries)
    for (const m of entry._webSocketMessages ?? []) {
      const n = /^\{"n":(\d+)\}$/.exec(m.data);
      if (n) exported.add(Number(n[1]));
    }
  return { panel, har, exported, received, shownBeforeKill, lastKillAt, log: end };
}
