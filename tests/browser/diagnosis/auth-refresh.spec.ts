/**
 * `auth/refresh-race` and `auth/expired-token` on the demo's scenarios, each with a flow that
 * triggers it and one that does not (`auth/refresh-failed` is covered by auth-realtime.spec.ts
 * on the buggy and fixed variants).
 */
import type { Page } from '@playwright/test';
import { expect, test } from '../support/fixtures';
import type { PanelPage } from '../support/panel-page';

type OpenPanel = (page: Page) => Promise<PanelPage>;

async function record(page: Page, openPanel: OpenPanel, url: string): Promise<PanelPage> {
  await page.goto(url);
  const panel = await openPanel(page);
  await panel.recordAndReload();
  return panel;
}

test.describe('auth rules on the demo scenarios', () => {
  test('refresh-race: two refreshes at once, the second refused', async ({ context, demo, openPanel }) => {
    const panel = await record(
      await context.newPage(),
      openPanel,
      `${demo.url('fixed')}&scenario=refresh-race`,
    );
    const race = panel.finding('auth/refresh-race');
    await expect(race).toBeVisible();
    await race.getByRole('button').first().click();
    await expect(race).toContainText('401');
    await expect(panel.finding('auth/refresh-failed')).toContainText('HTTP 401');
  });

  test('refresh-sequential: no race', async ({ context, demo, openPanel }) => {
    const panel = await record(
      await context.newPage(),
      openPanel,
      `${demo.url('fixed')}&scenario=refresh-sequential`,
    );
    // Both refreshes are in the recording before the findings are judged.
    await expect(panel.timelineRows('request').filter({ hasText: 'token/refresh' })).toHaveCount(2);
    await expect(panel.finding('auth/refresh-race')).toHaveCount(0);
    await expect(panel.finding('auth/refresh-failed')).toHaveCount(0);
  });

  test('expired-token: a JWT past its exp', async ({ context, demo, openPanel }) => {
    const panel = await record(
      await context.newPage(),
      openPanel,
      `${demo.url('fixed')}&scenario=expired-token`,
    );
    const expired = panel.finding('auth/expired-token');
    await expect(expired).toBeVisible();
    await expect(expired).toContainText(/expired \d+ s earlier/);
  });

  test('fresh-token: a JWT still valid', async ({ context, demo, openPanel }) => {
    const panel = await record(
      await context.newPage(),
      openPanel,
      `${demo.url('fixed')}&scenario=fresh-token`,
    );
    await expect(panel.timelineRows('request').filter({ hasText: 'widgets' })).toHaveCount(1);
    await expect(panel.finding('auth/expired-token')).toHaveCount(0);
  });
});
