/**
 * Issue 15: "Capture from page load", a per-site opt-in in the panel's settings menu. With it on,
 * pages of that origin carry the probe from their first script while nothing records, so a later
 * "Record" without a reload still brings what the page did before (the probe's pre-record
 * buffer): here a fetch and an unhandled rejection of the page's first script. Another origin
 * still goes without the probe; switched off, new loads of the origin go without it again.
 */
import { createServer, type Server } from 'node:http';
import type { Page } from '@playwright/test';
import { panelLog } from '../support/faults';
import { PanelPage } from '../support/panel-page';
import { expect, tabIdOf, test } from '../support/fixtures';

/** A page whose first script fetches `/api/first` and leaves a promise rejection unhandled. */
const PAGE = `<!doctype html><meta charset="utf-8"><title>capture from load</title>
<script>
fetch('/api/first?' + Math.random()).catch(() => {});
Promise.reject(new Error('early rejection before Record'));
</script><p>capture from page load</p>`;

async function startSite(): Promise<{ origin: string; server: Server }> {
  const server = createServer((req, res) => {
    const json = req.url?.startsWith('/api/');
    res.writeHead(200, {
      'content-type': json ? 'application/json' : 'text/html',
      'cache-control': 'no-store',
    });
    res.end(json ? '{"ok":true}' : PAGE);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return { origin: `http://127.0.0.1:${address.port}`, server };
}

/** Whether the probe installed itself in the page (its registry flag on the window). */
const hasProbe = (page: Page) =>
  page.evaluate(() => Object.getOwnPropertyDescriptor(window, Symbol.for('handshake.probe')) !== undefined);

/** The settings menu's switch for the inspected site, the menu opened as a user would. */
async function captureSwitch(panel: PanelPage) {
  const popup = panel.page.getByTestId('settings-popup');
  if (!(await popup.isVisible())) await panel.page.getByTestId('settings-button').click();
  return popup.getByTestId('capture-from-load');
}

let site: Awaited<ReturnType<typeof startSite>>;
let other: Awaited<ReturnType<typeof startSite>>;
test.beforeAll(async () => {
  site = await startSite();
  other = await startSite();
});
test.afterAll(async () => {
  site.server.close();
  other.server.close();
});

test('opted in from the settings menu, "Record" without a reload brings the first script\'s fetch and rejection', async ({
  context,
  openPanel,
}) => {
  const page = await context.newPage();
  await page.goto(`${site.origin}/`);
  expect(await hasProbe(page)).toBe(false);
  const panel = await openPanel(page);

  const toggle = await captureSwitch(panel);
  await expect(panel.page.getByTestId('settings-popup')).toContainText(
    `Capture from page load on ${site.origin}`,
  );
  await expect(toggle).not.toBeChecked();
  await toggle.check();
  await expect(toggle).toBeChecked();
  await expect(toggle).toBeEnabled();

  // A new load, nothing recording: the probe is there from the page's first script.
  await page.reload();
  expect(await hasProbe(page)).toBe(true);
  // Another origin, not opted in: no probe.
  const elsewhere = await context.newPage();
  await elsewhere.goto(`${other.origin}/`);
  expect(await hasProbe(elsewhere)).toBe(false);

  await panel.button('Record').click();
  await expect(panel.button('Stop')).toBeVisible();
  await expect
    .poll(
      async () => {
        const log = await panelLog(panel.page, { kinds: ['request.start', 'exception'] });
        const fromPage = log.picked.filter((e) => e.source === 'page');
        return {
          fetch: fromPage.filter((e) => e.kind === 'request.start' && e.url?.includes('/api/first')).length,
          rejection: fromPage.some(
            (e) =>
              e.kind === 'exception' &&
              (e as { message?: string }).message?.includes('early rejection before Record'),
          ),
        };
      },
      { timeout: 15_000 },
    )
    .toEqual({ fetch: 1, rejection: true });
});

test('switched off, new loads of the site go without the probe; the setting outlives the panel', async ({
  context,
  openPanel,
}) => {
  const page = await context.newPage();
  await page.goto(`${site.origin}/`);
  const first = await openPanel(page);
  await (await captureSwitch(first)).check();
  await first.page.close();

  // A panel opened later shows the stored setting; the page has the probe on every load.
  const panel = await openPanel(page);
  const toggle = await captureSwitch(panel);
  await expect(toggle).toBeChecked();
  await page.reload();
  expect(await hasProbe(page)).toBe(true);

  await toggle.uncheck();
  await expect(toggle).not.toBeChecked();
  await expect.poll(async () => (await page.reload(), hasProbe(page))).toBe(false);
});

test('a page that is not http(s) shows the switch disabled, with why', async ({
  context,
  extensionId,
  serviceWorker,
}) => {
  const page = await context.newPage();
  await page.goto(`${site.origin}/`);
  const tabId = await tabIdOf(serviceWorker, page);
  await page.goto('about:blank');
  const panelPage = await context.newPage();
  await panelPage.goto(`chrome-extension://${extensionId}/panel.html?tabId=${tabId}`);
  const toggle = await captureSwitch(new PanelPage(panelPage, tabId, page));
  await expect(toggle).toBeDisabled();
  await expect(panelPage.getByTestId('settings-popup')).toContainText('only on http and https pages');
});
