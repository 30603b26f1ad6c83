/**
 * The time axis on the buggy demo: lanes for requests, rejections and page loads; the expanded
 * finding's evidence highlighted; click to details; zoom and pan by keyboard and buttons.
 */
import { expect, test } from '../support/fixtures';

test('time axis: lanes, highlighted evidence, selection, zoom and pan', async ({
  context,
  demo,
  openPanel,
}) => {
  const page = await context.newPage();
  await page.goto(demo.url('buggy'));
  const panel = await openPanel(page);
  await panel.recordAndReload();
  await expect(panel.finding('auth/context-missing')).toBeVisible();

  await panel.page.getByRole('button', { name: 'Time axis' }).click();
  const axis = panel.page.getByTestId('story');
  await expect(axis).toBeVisible();
  await expect(axis.locator('[data-lane="requests"] [data-testid="story-item"]').first()).toBeVisible();
  const rejections = axis.locator('[data-lane="exceptions"] [data-testid="story-item"]');
  // The router error, the rejection, the app's echo of it, and "Token refresh failed".
  await expect(rejections).toHaveCount(4);

  // Expanding the finding highlights its evidence on the axis.
  await expect(axis.locator('[data-highlighted="true"]')).toHaveCount(0);
  await panel.finding('auth/context-missing').getByRole('button').first().click();
  await expect(axis.locator('[data-highlighted="true"]')).toHaveCount(3);

  // A click on an item opens it in the details pane.
  await axis.locator('[data-highlighted="true"]').first().click();
  await expect(panel.details).toContainText('Auth context not provided');

  // Keyboard: + zooms in, arrows pan, 0 shows everything again.
  const span = async () => Number(await axis.getAttribute('data-view-span'));
  const full = await span();
  await axis.focus();
  await panel.page.keyboard.press('+');
  await expect.poll(span).toBeLessThan(full);
  await panel.page.keyboard.press('ArrowRight');
  await panel.page.keyboard.press('0');
  await expect.poll(span).toBe(full);
  await panel.page.getByRole('button', { name: 'Zoom in' }).click();
  await expect(panel.page.getByTestId('story-zoom')).toHaveText('2×');
});
