/**
 * The demo app in headless Chromium: the buggy variant shows the seed's three symptoms
 * (router console error, unhandled rejection from the minified websocketService chunk, CORS
 * rejection of `authorization`); the fixed variant loads cleanly and opens its WebSocket.
 * Launches its own browser, so it needs no browser settings from the Playwright config.
 */
import { chromium, expect, test, type Browser, type Page } from '@playwright/test';
import { startDemo, type DemoServers, type DemoVariant } from '../../demo/index.mjs';

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

let demo: DemoServers;
let browser: Browser;

test.beforeAll(async () => {
  demo = await startDemo();
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
  });
});

test.afterAll(async () => {
  await browser?.close();
  await demo?.close();
});

interface PageRun {
  page: Page;
  consoleErrors: string[];
  pageErrors: Error[];
}

async function openVariant(variant: DemoVariant): Promise<PageRun> {
  const page = await browser.newPage();
  const run: PageRun = { page, consoleErrors: [], pageErrors: [] };
  page.on('console', (message) => {
    if (message.type() === 'error') run.consoleErrors.push(message.text());
  });
  // Chromium reports unhandled rejections as uncaught exceptions ("Uncaught (in promise)").
  page.on('pageerror', (error) => run.pageErrors.push(error));
  await page.goto(demo.url(variant));
  return run;
}

test('buggy variant reproduces the seed incident', async () => {
  const { page, consoleErrors, pageErrors } = await openVariant('buggy');
  await expect(page.getByTestId('auth-status')).toHaveText('Token refresh failed', { timeout: 2000 });
  await expect(page.getByTestId('ws-status')).toHaveText('disabled');

  expect(
    consoleErrors.some((text) => text.startsWith('Router error: Error: Auth context not provided')),
  ).toBe(true);
  expect(
    consoleErrors.some((text) =>
      text.startsWith('Unhandled promise rejection: Error: Auth context not provided'),
    ),
  ).toBe(true);
  expect(
    consoleErrors.some((text) =>
      text.includes(
        'Request header field authorization is not allowed by Access-Control-Allow-Headers in preflight response',
      ),
    ),
  ).toBe(true);

  const rejection = pageErrors.find((error) => error.message === 'Auth context not provided');
  expect(rejection).toBeDefined();
  // Thrown by the constructor inside the minified, hashed chunk, as in the seed's log.
  expect(rejection?.stack).toMatch(/at new \w+ \(.*\/assets\/websocketService-[\w-]{8}\.js:1:\d+\)/);
  await page.close();
});

test('fixed variant loads cleanly and goes live', async () => {
  const { page, consoleErrors, pageErrors } = await openVariant('fixed');
  await expect(page.getByTestId('ws-status')).toHaveText('open', { timeout: 2000 });
  await expect(page.getByTestId('auth-status')).toHaveText('refresh ok');
  await expect(page.getByTestId('widget-value')).toHaveText(/^\w+: \d+$/);
  // The value keeps changing: updates arrive every 250 ms over the socket.
  const before = await page.getByTestId('widget-value').textContent();
  await expect(page.getByTestId('widget-value')).not.toHaveText(before ?? '', { timeout: 1500 });
  expect(consoleErrors).toEqual([]);
  expect(pageErrors).toEqual([]);
  await page.close();
});
