/**
 * `realtime/abnormal-close` and `realtime/reconnect-storm` on the demo's scenarios: a socket
 * refused with 4401, the same refusal retried in a loop, and the fixed variant's healthy socket.
 */
import type { Page } from '@playwright/test';
import { expect, test } from '../support/fixtures';
import type { PanelPage } from '../support/panel-page';

async function record(
  page: Page,
  openPanel: (page: Page) => Promise<PanelPage>,
  url: string,
): Promise<PanelPage> {
  await page.goto(url);
  const panel = await openPanel(page);
  await panel.recordAndReload();
  return panel;
}

test.describe('real-time rules on the demo scenarios', () => {
  test('socket-unauthorized: an abnormal close explained, no storm', async ({ context, demo, openPanel }) => {
    const panel = await record(
      await context.newPage(),
      openPanel,
      `${demo.url('fixed')}&scenario=socket-unauthorized`,
    );
    const close = panel.finding('realtime/abnormal-close');
    await expect(close).toBeVisible();
    await expect(close).toContainText('4401');
    await close.getByRole('button').first().click();
    await expect(close).toContainText('HTTP 401');
    await expect(panel.finding('realtime/reconnect-storm')).toHaveCount(0);
  });

  test('reconnect-storm: six connections in a row, with their close codes', async ({
    context,
    demo,
    openPanel,
  }) => {
    const panel = await record(
      await context.newPage(),
      openPanel,
      `${demo.url('fixed')}&scenario=reconnect-storm`,
    );
    const storm = panel.finding('realtime/reconnect-storm');
    await expect(storm).toBeVisible();
    await expect(storm.locator('.finding-count')).toHaveText('×6');
    await storm.getByRole('button').first().click();
    await expect(storm).toContainText('4401 ×6');
  });

  test('fixed variant: an open socket is neither', async ({ context, demo, openPanel }) => {
    const panel = await record(await context.newPage(), openPanel, demo.url('fixed'));
    await expect(panel.timelineRows('channel')).toHaveCount(1);
    await expect(panel.finding('realtime/abnormal-close')).toHaveCount(0);
    await expect(panel.finding('realtime/reconnect-storm')).toHaveCount(0);
  });
});
