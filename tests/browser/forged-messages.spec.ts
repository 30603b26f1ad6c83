/**
 * The page is untrusted: probe-shaped messages it forges (oversized, malformed) are refused by
 * the bridge, counted in the panel, and the recording goes on.
 */
import { expect, test } from './support/fixtures';

test('forged probe messages are dropped and counted without breaking the recording', async ({
  context,
  demo,
  openPanel,
}) => {
  const page = await context.newPage();
  await page.goto(demo.url('fixed'));
  const panel = await openPanel(page);
  await panel.recordAndReload();
  await expect(panel.timelineRows('channel').first()).toBeVisible();

  await page.evaluate(() => {
    const huge = 'x'.repeat(1024 * 1024);
    // Oversized: one string far over the cap.
    window.postMessage(
      {
        __handshake: 'probe',
        v: 1,
        type: 'events',
        overflow: 0,
        events: [{ kind: 'page.load', time: Date.now(), url: huge }],
      },
      '*',
    );
    // Malformed: an unknown kind with extra fields.
    window.postMessage(
      {
        __handshake: 'probe',
        v: 1,
        type: 'events',
        overflow: 0,
        events: [{ kind: 'user.action', action: 'replay', time: 1 }],
      },
      '*',
    );
    // Malformed: not even the envelope.
    window.postMessage({ __handshake: 'probe', events: 'nope' }, '*');
  });

  await expect(panel.page.getByTestId('dropped-count')).toContainText('3');
  // Nothing forged became a row, and real capture continues afterwards.
  await expect(panel.timelineRows('action').filter({ hasText: 'replay' })).toHaveCount(0);
  // (The timeline is virtual: filter to the new request rather than counting rows in view.)
  await page.evaluate(() => fetch(`${location.href}&after-forgery=1`).catch(() => undefined));
  await panel.page.getByLabel('Filter the timeline').fill('after-forgery');
  await expect(panel.timelineRows('request').filter({ hasText: 'after-forgery' })).toHaveCount(1);
});
