/**
 * The CORS verdict in the panel on the demo's failing refresh: Chromium's verdict next to ours,
 * decided by CDP, with the preflight's Access-Control-Allow-Headers as the decisive header.
 */
import { expect, test } from '../support/fixtures';

test('the refresh request shows both verdicts and the decisive header', async ({
  context,
  demo,
  openPanel,
}) => {
  const page = await context.newPage();
  await page.goto(demo.url('buggy'));
  const panel = await openPanel(page);
  await panel.recordAndReload();

  const refresh = panel
    .timelineRows('request')
    .filter({ hasText: 'token/refresh' })
    .filter({ hasNotText: 'OPTIONS' })
    .first();
  await refresh.click();
  const verdict = panel.details.getByTestId('cors-verdict');
  await expect(verdict).toBeVisible();
  const table = verdict.getByRole('table', { name: 'CORS verdict' });
  await expect(table).toContainText('HeaderDisallowedByPreflightResponse (authorization)');
  await expect(table).toContainText("Chromium's verdict (CDP)");
  await expect(verdict.getByTestId('cors-decisive')).toHaveText(
    'Decisive header: access-control-allow-headers',
  );
  await expect(verdict.getByTestId('cors-disagreement')).toHaveCount(0);
});
