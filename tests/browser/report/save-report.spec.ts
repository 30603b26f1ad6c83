/**
 * The panel's "Save report": a HAR opened in the built panel page (the standalone viewer) is
 * saved as the same self-contained, redacted HTML report as `handshake report` writes, and that
 * file opens from file:// with the findings and without a secret.
 */
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { expect, test } from '../support/fixtures';
import { SECRETS, secretHar } from '../../cli/secret-har';

test('Save report downloads the redacted HTML report of the opened file', async ({
  context,
  extensionId,
}, testInfo) => {
  const input = testInfo.outputPath('secrets.har');
  writeFileSync(input, secretHar());
  const viewer = await context.newPage();
  await viewer.goto(`chrome-extension://${extensionId}/panel.html?view=library`);
  await viewer.getByTestId('import-file').setInputFiles(input);
  await expect(
    viewer.locator('[data-testid="finding"][data-rule-id="cors/header-not-allowed"]').first(),
  ).toBeVisible();

  const downloading = viewer.waitForEvent('download');
  await viewer.getByRole('button', { name: 'Save report' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(
    /^handshake-report-app\.test-\d{4}-\d\d-\d\dT\d\d-\d\d\.html$/,
  );
  const path = testInfo.outputPath('report.html');
  await download.saveAs(path);

  const report = await context.newPage();
  const fetched: string[] = [];
  report.on('request', (r) => {
    if (!r.url().startsWith('file:')) fetched.push(r.url());
  });
  await report.goto(pathToFileURL(path).href);
  await expect(report).toHaveTitle('Handshake report: secrets.har');
  await expect(
    report
      .getByRole('heading', {
        name: 'Request header "authorization" was refused by the server\'s CORS preflight',
      })
      .first(),
  ).toBeVisible();
  await expect(report.locator('#summary')).toContainText('1 of 8 entries was skipped');
  await expect(report.locator('#channels')).toContainText('Unknown api key');
  const html = await report.content();
  expect(Object.values(SECRETS).filter((s) => html.includes(s))).toEqual([]);
  expect(await report.locator('script, img, iframe, link').count()).toBe(0);
  expect(fetched).toEqual([]);
});
