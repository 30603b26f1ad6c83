/**
 * Recordings people can share, through the UI: a recording of the demo's buggy run is exported
 * (redaction summary first, no secrets without the opt-in), then opened read-only in the
 * panel and in the standalone viewer with the same finding; a file that is not HAR says so.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { expect, test } from '../support/fixtures';

test('export → import round trip through the panel and the viewer', async ({
  context,
  demo,
  extensionId,
  openPanel,
}, testInfo) => {
  const page = await context.newPage();
  await page.goto(demo.url('buggy'));
  const panel = await openPanel(page);
  await panel.recordAndReload();
  await expect(panel.finding('cors/header-not-allowed')).toBeVisible();

  // Export: the summary says what will go; the opt-in starts unticked.
  await panel.page.getByRole('button', { name: 'Export…' }).click();
  const dialog = panel.page.getByRole('dialog', { name: 'Export recording' });
  await expect(dialog.getByTestId('redaction-summary')).toContainText(/header:authorization|distinct secret/);
  await expect(dialog.getByTestId('include-secrets')).not.toBeChecked();
  await dialog.getByLabel('Name to redact').fill('x-demo-tenant');
  await dialog.getByRole('button', { name: 'Add rule' }).click();
  await expect(dialog.getByRole('button', { name: 'Remove rule x-demo-tenant' })).toBeVisible();
  const downloading = panel.page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export redacted' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^handshake-127\.0\.0\.1.*\.har$/);
  const path = testInfo.outputPath('recording.har');
  await download.saveAs(path);
  const har = JSON.parse(readFileSync(path, 'utf8'));
  expect(har.log.version).toBe('1.2');
  expect(har.log._redaction.includeSecrets).toBe(false);
  expect(har.log._redaction.userRules).toEqual([
    expect.objectContaining({ match: 'header', pattern: 'x-demo-tenant' }),
  ]);
  const userActions = har.log._userActions.map((a: { action: string }) => a.action);
  expect(userActions).toContain('record');
  await expect(dialog).toBeHidden();

  // Reopened with the opt-in unticked again: it is never remembered.
  await panel.page.getByRole('button', { name: 'Export…' }).click();
  await expect(dialog.getByTestId('include-secrets')).not.toBeChecked();
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  // Import into the panel: read-only, recorder controls gone, the same finding.
  await panel.page.getByTestId('import-file').setInputFiles(path);
  await expect(panel.page.getByTestId('import-report')).toContainText('recording.har');
  await expect(panel.button('Record and reload')).toBeHidden();
  await expect(panel.finding('cors/header-not-allowed')).toBeVisible();
  await panel.page.getByRole('button', { name: 'Back to the live recording' }).click();
  await expect(panel.button('Record and reload')).toBeVisible();

  // The standalone viewer: no DevTools, no tab.
  const viewer = await context.newPage();
  await viewer.goto(`chrome-extension://${extensionId}/panel.html?view=library`);
  await expect(viewer.getByTestId('empty-state')).toContainText('Drop a HAR file');
  const notHar = testInfo.outputPath('page.html');
  writeFileSync(notHar, '<!doctype html><title>not a HAR</title>');
  await viewer.getByTestId('import-file').setInputFiles(notHar);
  await expect(viewer.getByTestId('import-error')).toContainText('not a HAR file');
  await viewer.getByTestId('import-file').setInputFiles(path);
  await expect(viewer.getByTestId('import-report')).toContainText('written by Handshake');
  await expect(viewer.locator('[data-testid="finding"][data-rule-id="cors/header-not-allowed"]')).toBeVisible();
  await expect(viewer.getByRole('button', { name: 'Record' })).toHaveCount(0);

  // The library: save, list, rename, open, delete.
  await viewer.getByRole('button', { name: 'Save to library' }).click();
  const item = viewer.getByTestId('library-item');
  await expect(item).toHaveCount(1);
  await expect(item).toContainText('127.0.0.1');
  await item.getByRole('button', { name: 'Rename recording.har' }).click();
  await item.getByLabel('New name').fill('ticket 4711');
  await item.getByRole('button', { name: 'Rename', exact: true }).click();
  await expect(item).toContainText('ticket 4711');
  await viewer.getByRole('button', { name: 'Close file' }).click();
  await expect(viewer.locator('[data-testid="finding"]')).toHaveCount(0);
  await item.getByRole('button', { name: 'Open ticket 4711' }).click();
  await expect(viewer.locator('[data-testid="finding"][data-rule-id="cors/header-not-allowed"]')).toBeVisible();
  await item.getByRole('button', { name: 'Delete ticket 4711' }).click();
  await expect(item).toHaveCount(0);
});
