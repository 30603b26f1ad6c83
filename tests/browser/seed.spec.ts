/**
 * The seed incident, end to end: the built extension in real Chromium records the demo from
 * page load ("Record and reload"), and the panel names both failures with their evidence.
 */
import { expect, test } from './support/fixtures';

test.describe('the seed incident on the demo', () => {
  test('buggy variant: both findings, with the disallowed header and the stack', async ({
    context,
    demo,
    openPanel,
  }) => {
    const page = await context.newPage();
    await page.goto(demo.url('buggy'));
    const panel = await openPanel(page);
    await panel.recordAndReload();

    const cors = panel.finding('cors/header-not-allowed');
    await expect(cors).toBeVisible();
    await expect(cors).toContainText('authorization');
    await cors.getByRole('button').first().click();
    await expect(cors).toContainText(/Access-Control-Allow-Headers/);
    await expect(cors).toContainText(/case/i);
    await expect(cors).toContainText(/content-type/i);

    const auth = panel.finding('auth/context-missing');
    await expect(auth).toBeVisible();
    await expect(auth).toContainText('Auth context not provided');
    await auth.getByRole('button').first().click();
    await expect(auth).toContainText(/websocketService-[\w-]+\.js/);

    // The evidence opens the rejection with its stack in the details pane.
    const rejection = panel
      .timelineRows('exception')
      .filter({ hasText: 'Auth context not provided' })
      .first();
    await rejection.click();
    await expect(panel.details.getByTestId('stack-frame').first()).toContainText(
      /websocketService-[\w-]+\.js:1:\d+/,
    );

    // The refresh request shows its preflight and what the server allowed.
    const refresh = panel.timelineRows('request').filter({ hasText: 'token/refresh' }).first();
    await refresh.click();
    const preflight = panel.details.getByTestId('preflight-section');
    await expect(preflight).toContainText(/access-control-allow-headers/i);
    await expect(panel.details).toContainText('HeaderDisallowedByPreflightResponse');

    // No WebSocket ever opened in the buggy variant.
    await expect(panel.timelineRows('channel')).toHaveCount(0);
  });

  test('fixed variant: no findings, and WebSocket frames appear', async ({ context, demo, openPanel }) => {
    const page = await context.newPage();
    await page.goto(demo.url('fixed'));
    const panel = await openPanel(page);
    await panel.recordAndReload();

    const channel = panel.timelineRows('channel').first();
    await expect(channel).toBeVisible();
    await channel.click();
    await expect(panel.details.getByTestId('frame-row').first()).toBeVisible();
    await expect(panel.details).toContainText('widget.update');
    // Frames keep arriving while the socket is open.
    const before = await panel.details.getByTestId('frame-row').count();
    await expect.poll(() => panel.details.getByTestId('frame-row').count()).toBeGreaterThan(before);

    await expect(page.getByTestId('auth-status')).toContainText(/refresh ok/i);
    await expect(panel.finding('cors/header-not-allowed')).toHaveCount(0);
    await expect(panel.finding('auth/context-missing')).toHaveCount(0);
  });
});
