/**
 * Replay of the failing token refresh on the demo: the rotation warning comes first and Cancel
 * sends nothing; the replay is blocked by CORS on the buggy server, and succeeds once the demo's
 * server is switched to the fixed CORS configuration at runtime, both shown beside the original.
 */
import { expect, test } from '../support/fixtures';

test('replay the refresh: warned, blocked by CORS, then OK after the server is fixed', async ({
  context,
  demo,
  openPanel,
}) => {
  const setCors = (allowAuthorization: boolean) =>
    fetch(`${demo.apiOrigin}/__demo/cors`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ allowAuthorization }),
    });
  const page = await context.newPage();
  await page.goto(demo.url('buggy'));
  const panel = await openPanel(page);
  await panel.recordAndReload();
  const ui = panel.page;
  await expect(panel.finding('cors/header-not-allowed')).toBeVisible();

  await panel.timelineRows('request').filter({ hasText: 'token/refresh' }).first().click();
  await expect(ui.getByTestId('refresh-flag')).toHaveText('Recognised as a token refresh');
  const replayRows = panel.timelineRows('action').filter({ hasText: 'replay: POST' });
  // The timeline is virtual: only rows in view exist in the DOM. Filter it down to the user's
  // replays so every one of them is in view while we count them.
  await ui.getByLabel('Filter the timeline').fill('user replay');

  // The warning comes first; Cancel sends nothing.
  await ui.getByRole('button', { name: 'Replay…' }).click();
  await expect(ui.getByTestId('rotation-warning')).toContainText(/rotate/);
  await expect(ui.getByTestId('rotation-warning')).toContainText(/log the user out/);
  await ui.getByRole('button', { name: 'Cancel' }).click();
  await expect(ui.getByTestId('replay-dialog')).toHaveCount(0);

  // Confirmed: blocked by the same preflight, as the app's request was.
  await ui.getByRole('button', { name: 'Replay…' }).click();
  await ui.getByRole('button', { name: 'Send replay' }).click();
  const first = ui.getByTestId('replay-entry').nth(0);
  await expect(first.getByTestId('replay-cors').getByTestId('replay')).toContainText(
    'HeaderDisallowedByPreflightResponse',
  );
  await expect(first.getByTestId('replay-cors').getByTestId('original')).toContainText('blocked');
  // Exactly one replay: the cancelled one was never sent.
  await expect(replayRows).toHaveCount(1);

  // The backend is "fixed and redeployed": the same replay now passes, beside the original.
  try {
    expect((await setCors(true)).ok).toBe(true);
    await ui.getByRole('button', { name: 'Replay…' }).click();
    await ui.getByLabel("Don't ask again for this site").check();
    await ui.getByRole('button', { name: 'Send replay' }).click();
    const second = ui.getByTestId('replay-entry').nth(1);
    await expect(second.getByTestId('replay-status').getByTestId('replay')).toContainText('200');
    await expect(second.getByTestId('replay-cors').getByTestId('replay')).toHaveText('passed');
    await expect(second.getByTestId('replay-status').getByTestId('original')).toContainText('no response');
    await expect(second).toContainText('token');
    await expect(replayRows).toHaveCount(2);
    // Remembered for this site: the next replay goes without asking.
    await ui.getByRole('button', { name: 'Replay…' }).click();
    await expect(ui.getByTestId('replay-dialog')).toHaveCount(0);
    await expect(replayRows).toHaveCount(3);
  } finally {
    await setCors(false);
  }
});

test('a replay confirmed on one page is not sent after the tab moved to another origin', async ({
  context,
  demo,
  openPanel,
}) => {
  const page = await context.newPage();
  await page.goto(demo.url('buggy'));
  const panel = await openPanel(page);
  await panel.recordAndReload();
  const ui = panel.page;
  await expect(panel.finding('cors/header-not-allowed')).toBeVisible();
  await panel.timelineRows('request').filter({ hasText: 'token/refresh' }).first().click();

  // The confirmation names the page the replay goes from, and holds for that page only.
  await ui.getByRole('button', { name: 'Replay…' }).click();
  await expect(ui.getByTestId('replay-page')).toContainText(`Sent from the page at ${demo.appOrigin}`);
  await expect(ui.getByTestId('replay-page')).toContainText(`requests to ${demo.apiOrigin} from that page`);
  await ui.getByLabel("Don't ask again for this site").check();

  // Meanwhile the tab goes to another origin, whose cookies the user never agreed to send.
  await page.goto(`${demo.apiOrigin}/elsewhere`);
  await ui.getByRole('button', { name: 'Send replay' }).click();
  const entry = ui.getByTestId('replay-entry').first();
  await expect(entry.getByTestId('replay-refused')).toContainText(
    `the tab showed ${demo.apiOrigin}, not ${demo.appOrigin}`,
  );
  await expect(entry.getByTestId('replay-status').getByTestId('replay')).toHaveText('not sent');

  // Nothing was remembered for the new page: the next replay asks again, naming it.
  await ui.getByRole('button', { name: 'Replay…' }).click();
  await expect(ui.getByTestId('replay-dialog')).toBeVisible();
  await expect(ui.getByTestId('replay-page')).toContainText(`Sent from the page at ${demo.apiOrigin}`);
  await ui.getByRole('button', { name: 'Cancel' }).click();
});
