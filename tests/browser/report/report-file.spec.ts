/**
 * The HTML report as a support person meets it: written by `handshake report` from a Chrome
 * HAR, opened from file:// in real Chromium without the extension. The findings show, nothing
 * is fetched, no secret is in the page, and captured markup stays text.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, expect, test, type Browser, type Page } from '@playwright/test';
import { chromiumPath, QUIET_FLAGS } from '../support/chromium';
import { SECRETS, secretHar } from '../../cli/secret-har';

const CHROME_HAR = 'tests/cli/fixtures/demo-buggy-chrome.har';
/** The demo's token, as Chrome wrote it into the HAR's Authorization header. */
const DEMO_TOKEN = 'd6a6adc1dbd70116c0b3eae1831a36fad69b982b';
const dir = mkdtempSync(join(tmpdir(), 'handshake-report-browser-'));

function writeReport(input: string, output: string): void {
  const r = spawnSync(
    process.execPath,
    ['cli/handshake.mjs', 'report', input, '-o', output, '--lang', 'en'],
    {
      encoding: 'utf8',
      timeout: 60_000,
    },
  );
  expect(r.status, r.stderr).toBe(0);
}

let browser: Browser;
test.beforeAll(async () => {
  browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: QUIET_FLAGS });
});
test.afterAll(async () => {
  await browser.close();
});

/** Opens `file` and records every request the page makes besides loading itself. */
async function open(file: string): Promise<{ page: Page; fetched: string[] }> {
  const page = await browser.newPage();
  const url = pathToFileURL(file).href;
  const fetched: string[] = [];
  page.on('request', (request) => {
    if (request.url() !== url) fetched.push(request.url());
  });
  await page.goto(url);
  return { page, fetched };
}

test('the report of the demo’s Chrome HAR shows its findings offline, with no secret and nothing fetched', async () => {
  expect(readFileSync(CHROME_HAR, 'utf8')).toContain(DEMO_TOKEN);
  const file = join(dir, 'demo.html');
  writeReport(CHROME_HAR, file);
  const { page, fetched } = await open(file);
  await expect(page).toHaveTitle('Handshake report: demo-buggy-chrome.har');
  await expect(
    page.getByRole('heading', {
      name: 'Request header "authorization" was refused by the server\'s CORS preflight',
    }),
  ).toBeVisible();
  await expect(page.getByRole('heading', { name: /^Requests \(8\)$/ })).toBeVisible();
  await expect(page.locator('#timeline tr.failed').first()).toContainText(
    'HeaderDisallowedByPreflightResponse',
  );
  await expect(page.locator('#summary')).toContainText('WebInspector');
  const html = await page.content();
  expect(html).not.toContain(DEMO_TOKEN);
  // The refused request's own Authorization header is in the report, as a placeholder.
  expect(html).toContain('Token [redacted:authorization#1]');
  expect(await page.evaluate(() => document.scripts.length)).toBe(0);
  expect(fetched).toEqual([]);
  await page.close();
});

test('captured markup stays text, secrets stay out, and dark mode follows the system', async () => {
  const input = join(dir, 'secrets.har');
  writeFileSync(input, secretHar());
  const file = join(dir, 'secrets.html');
  writeReport(input, file);
  const { page, fetched } = await open(file);
  await expect(page.locator('#timeline')).toContainText('<script>window.__pwned=1</script>');
  await expect(page.locator('#channels')).toContainText('</style><script>window.__pwned=3</script>');
  // The failed request's headers fold under its row: the `X-Note` markup is text there too.
  await page.locator('#timeline tr.headers summary').first().click();
  await expect(page.locator('#timeline')).toContainText('"><img src=x onerror="window.__pwned=2">');
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(await page.locator('img, script, iframe, link').count()).toBe(0);
  const text = await page.content();
  expect(Object.values(SECRETS).filter((s) => text.includes(s))).toEqual([]);
  const light = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  await page.emulateMedia({ colorScheme: 'dark' });
  const dark = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(light).toBe('rgb(255, 255, 255)');
  expect(dark).toBe('rgb(32, 33, 36)');
  expect(fetched).toEqual([]);
  await page.close();
});
