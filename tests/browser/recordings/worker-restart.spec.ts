/**
 * Durability: the service worker is terminated again and again while the demo's fixed variant
 * streams WebSocket frames. Every event the panel showed before a kill is still there after
 * (in the same order), seq numbers only grow, and each restart is a capture gap in the log.
 */
import type { Page } from '@playwright/test';
import { expect, test } from '../support/fixtures';

const KILLS = 3;

/**
 * The panel's event log, read from its recording store. A test-only peek: Vue keeps the app on
 * its mount element and Pinia its stores by id, in production builds too.
 */
function shownEvents(panel: Page): Promise<string[]> {
  return panel.evaluate(() => {
    type Store = { events(): Array<{ seq: number; kind: string }> };
    const root = document.querySelector('#app') as
      | (Element & { __vue_app__?: { config: { globalProperties: { $pinia: { _s: Map<string, Store> } } } } })
      | null;
    const store = root?.__vue_app__?.config.globalProperties.$pinia._s.get('recording');
    return (store?.events() ?? []).map((e) => `${e.seq}:${e.kind}`);
  });
}

const seqOf = (key: string) => Number(key.split(':')[0]);

test('terminating the service worker mid-recording loses no shown event and marks each gap', async ({
  context,
  demo,
  extensionId,
  openPanel,
}) => {
  test.setTimeout(60_000);
  const page = await context.newPage();
  await page.goto(demo.url('fixed'));
  const panel = await openPanel(page);
  await panel.recordAndReload();
  await expect(panel.timelineRows('channel').first()).toBeVisible();

  const cdp = await context.newCDPSession(page);
  for (let kill = 1; kill <= KILLS; kill++) {
    // Frames keep arriving: wait for some, so each kill lands mid-stream.
    const before = await shownEvents(panel.page);
    await expect.poll(async () => (await shownEvents(panel.page)).length).toBeGreaterThan(before.length);
    const shown = await shownEvents(panel.page);

    const { targetInfos } = await cdp.send('Target.getTargets');
    const worker = targetInfos.find(
      (t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${extensionId}/`),
    );
    expect(worker, 'the extension service worker target').toBeDefined();
    await cdp.send('Target.closeTarget', { targetId: worker!.targetId });

    // The panel reconnects (waking a new worker), which marks the gap and catches up.
    await expect
      .poll(async () => (await shownEvents(panel.page)).filter((k) => k.endsWith(':capture.gap')).length, {
        timeout: 15_000,
      })
      .toBe(kill);
    const after = await shownEvents(panel.page);
    expect(after.slice(0, shown.length)).toEqual(shown);
    const seqs = after.map(seqOf);
    expect(seqs.every((s, i) => i === 0 || s > seqs[i - 1])).toBe(true);
    // The recorder resumed: frames recorded after the gap reach the panel.
    const gapSeq = seqOf(after.filter((k) => k.endsWith(':capture.gap')).at(-1)!);
    await expect
      .poll(async () => (await shownEvents(panel.page)).some((k) => k.endsWith(':channel.frame') && seqOf(k) > gapSeq))
      .toBe(true);
  }

  // The gap is in the timeline too.
  await panel.page.getByRole('listbox', { name: 'Timeline' }).press('End');
  await expect(panel.timelineRows('action').filter({ hasText: 'capture gap' }).last()).toBeVisible();
});
