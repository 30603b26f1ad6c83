/**
 * The auth and real-time story of the demo's page load, in the built extension: one
 * `auth/context-missing` with two occurrences, source-mapped to the websocket service, caused
 * by `realtime/socket-before-auth`; none of it on the fixed variant.
 */
import { expect, test } from '../support/fixtures';

test.describe('auth and real-time diagnosis on the demo', () => {
  test('buggy: one root cause, two occurrences, its cause and its original source', async ({
    context,
    demo,
    openPanel,
  }) => {
    const page = await context.newPage();
    await page.goto(demo.url('buggy'));
    const panel = await openPanel(page);
    await panel.recordAndReload();

    const auth = panel.finding('auth/context-missing');
    await expect(auth).toHaveCount(1);
    await expect(auth.locator('.finding-count')).toHaveText('×2');
    const cause = panel.finding('realtime/socket-before-auth');
    await expect(cause).toHaveCount(1);
    await expect(cause).toContainText(/websocketService/);
    // The token refresh fails its CORS preflight: auth/refresh-failed names the reason.
    await expect(panel.finding('auth/refresh-failed')).toContainText('refused by CORS');

    await auth.getByRole('button').first().click();
    await expect(auth).toContainText('Caught and logged');
    await expect(auth).toContainText('Unhandled rejection');
    await expect(auth).toContainText('realtime/socket-before-auth');
    // The map loads in the background; the finding then names the original source.
    await expect(auth).toContainText(/src\/services\/websocketService\.ts:\d+:\d+/);

    await auth.getByTestId('evidence-link').filter({ hasText: 'Unhandled rejection' }).first().click();
    const frame = panel.details.getByTestId('stack-frame').first();
    await expect(frame.getByTestId('original-frame')).toContainText(
      /src\/services\/websocketService\.ts:\d+/,
    );
    await expect(frame).toContainText(/websocketService-[\w-]+\.js:1:\d+/);
  });

  test('fixed: neither finding', async ({ context, demo, openPanel }) => {
    const page = await context.newPage();
    await page.goto(demo.url('fixed'));
    const panel = await openPanel(page);
    await panel.recordAndReload();
    await expect(panel.timelineRows('channel').first()).toBeVisible();
    await expect(page.getByTestId('auth-status')).toContainText(/refresh ok/i);
    await expect(panel.finding('auth/context-missing')).toHaveCount(0);
    await expect(panel.finding('realtime/socket-before-auth')).toHaveCount(0);
    await expect(panel.finding('auth/refresh-failed')).toHaveCount(0);
  });
});
