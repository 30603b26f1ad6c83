/**
 * Issue 13, "any size", in the real panel: a Chrome-shaped .har.gz of 100,000 requests (10 %
 * behind a preflight, 140,000 WebSocket frames; bench/chrome-har.mjs) is opened in the viewer,
 * streamed through DecompressionStream and read entry by entry, and its CORS findings appear.
 * The time it took is written to the test's annotations (reported, not asserted).
 */
import { expect, test } from '../support/fixtures';
// @ts-expect-error -- a plain .mjs helper of the benchmarks, no types
import { writeChromeHar } from '../../../bench/chrome-har.mjs';

test('a 100,000-request .har.gz imports in the viewer with its CORS findings', async ({
  context,
  extensionId,
}, testInfo) => {
  test.setTimeout(240_000);
  const path = testInfo.outputPath('chrome-100k.har.gz');
  await writeChromeHar(path, { requests: 100_000 });
  const viewer = await context.newPage();
  await viewer.goto(`chrome-extension://${extensionId}/panel.html?view=library`);
  const started = Date.now();
  await viewer.getByTestId('import-file').setInputFiles(path);
  await expect(viewer.getByTestId('import-report')).toContainText('chrome-100k.har.gz', { timeout: 180_000 });
  const finding = viewer.locator('[data-testid="finding"][data-rule-id="cors/header-not-allowed"]');
  await expect(finding.first()).toBeVisible({ timeout: 60_000 });
  await expect(viewer.getByTestId('import-error')).toHaveCount(0);
  testInfo.annotations.push({ type: 'import time', description: `${(Date.now() - started) / 1000} s` });
});
