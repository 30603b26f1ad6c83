/**
 * Issue 15: the probe and the bridge live only in pages being recorded. A page in a tab nobody
 * records carries no probe and opens no bridge port; "Record and reload" still captures the
 * page's first script; "Record" without a reload installs both in the page as it is and captures
 * what happens after; Stop takes them away from the next document; a second Record in the same
 * document does not install a second copy.
 */
import { createServer, type Server } from 'node:http';
import type { Page, Worker } from '@playwright/test';
import { panelLog } from '../support/faults';
import { expect, test, tabIdOf } from '../support/fixtures';

/** A page whose first script fetches `/first`; `/api/*` answers JSON. */
const PAGE = `<!doctype html><meta charset="utf-8"><title>scope</title>
<script>fetch('/api/first?' + Math.random()).catch(() => {});</script><p>probe scope</p>`;

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

/** From now on, the worker notes the tab of every bridge port that reaches the recorder. */
async function watchBridgePorts(worker: Worker): Promise<void> {
  await worker.evaluate(() => {
    const w = self as unknown as { bridgeTabs?: number[] };
    w.bridgeTabs = [];
    chrome.runtime.onConnect.addListener((port) => {
      if (port.name === 'handshake-bridge') w.bridgeTabs!.push(port.sender?.tab?.id ?? -1);
    });
  });
}
const bridgeTabs = (worker: Worker) =>
  worker.evaluate(() => (self as unknown as { bridgeTabs: number[] }).bridgeTabs);

/** Page-made `request.start` events in the panel's log whose URL contains `part`. */
async function pageRequests(panel: Page, part: string): Promise<number> {
  const log = await panelLog(panel, { kinds: ['request.start'] });
  return log.picked.filter((e) => e.source === 'page' && e.url?.includes(part)).length;
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

test('a page nobody records carries no probe and opens no bridge port; recording adds only its origin', async ({
  context,
  serviceWorker,
  openPanel,
}) => {
  await watchBridgePorts(serviceWorker);
  const idle = await context.newPage();
  await idle.goto(`${other.origin}/`);
  const recorded = await context.newPage();
  await recorded.goto(`${site.origin}/`);
  expect(await hasProbe(idle)).toBe(false);
  expect(await hasProbe(recorded)).toBe(false);

  const panel = await openPanel(recorded);
  await panel.recordAndReload();
  expect(await hasProbe(recorded)).toBe(true);
  // Another origin, loaded again while the first one records: still nothing there.
  await idle.reload();
  expect(await hasProbe(idle)).toBe(false);
  const idleTab = await tabIdOf(serviceWorker, idle);
  await expect.poll(() => bridgeTabs(serviceWorker)).toContain(panel.tabId);
  expect(await bridgeTabs(serviceWorker)).not.toContain(idleTab);

  // Stopped: the next document of that origin goes without them again.
  await panel.button('Stop').click();
  await expect(panel.button('Record')).toBeVisible();
  await expect.poll(async () => (await recorded.reload(), hasProbe(recorded))).toBe(false);
});

test('"Record and reload" captures the fetch of the page\'s first script', async ({ context, openPanel }) => {
  const page = await context.newPage();
  await page.goto(`${site.origin}/`);
  const panel = await openPanel(page);
  await panel.recordAndReload();
  await expect.poll(() => pageRequests(panel.page, '/api/first'), { timeout: 15_000 }).toBe(1);
});

test('"Record" without a reload captures what the page does next, once, also after Stop and Record again', async ({
  context,
  serviceWorker,
  openPanel,
}) => {
  await watchBridgePorts(serviceWorker);
  const page = await context.newPage();
  await page.goto(`${site.origin}/`);
  expect(await hasProbe(page)).toBe(false);
  const panel = await openPanel(page);
  await panel.button('Record').click();
  await expect(panel.button('Stop')).toBeVisible();
  await expect.poll(() => hasProbe(page)).toBe(true);
  await page.evaluate(() => fetch('/api/after-record').then((r) => r.text()));
  await expect.poll(() => pageRequests(panel.page, '/api/after-record'), { timeout: 15_000 }).toBe(1);
  // Before Record the page had no probe: its first fetch is the browser's (CDP) only, if at all.
  expect(await pageRequests(panel.page, '/api/first')).toBe(0);

  await panel.button('Stop').click();
  await panel.button('Record').click();
  await expect(panel.button('Stop')).toBeVisible();
  await page.evaluate(() => fetch('/api/after-second-record').then((r) => r.text()));
  await expect.poll(() => pageRequests(panel.page, '/api/after-second-record'), { timeout: 15_000 }).toBe(1);
  // One bridge for the document, however often Record injected it.
  expect((await bridgeTabs(serviceWorker)).filter((id) => id === panel.tabId)).toHaveLength(1);
});
