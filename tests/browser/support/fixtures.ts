/**
 * Playwright fixtures: a persistent Chromium context with the built extension, the extension's
 * id and service worker, the demo's servers, and a way to open the panel for a tab.
 */
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test as base, chromium, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { startDemo } from '../../../demo/index.mjs';
import { chromiumPath, extensionFlags, QUIET_FLAGS } from './chromium';
import { PanelPage } from './panel-page';

export const EXTENSION_DIR = resolve('.output/chrome-mv3');

type Demo = Awaited<ReturnType<typeof startDemo>>;

interface Fixtures {
  context: BrowserContext;
  serviceWorker: Worker;
  extensionId: string;
  /** Opens the panel page for the tab showing `page`. */
  openPanel(page: Page): Promise<PanelPage>;
}

export const test = base.extend<Fixtures, { demo: Demo }>({
  demo: [
    async ({}, use) => {
      // Free ports by default; `npm run screenshots` fixes them (DEMO_APP_PORT / DEMO_API_PORT)
      // so the URLs in the pictures, and so the pictures, stay the same run to run.
      const demo = await startDemo({
        appPort: Number(process.env.DEMO_APP_PORT ?? 0),
        apiPort: Number(process.env.DEMO_API_PORT ?? 0),
      });
      await use(demo);
      await demo.close();
    },
    { scope: 'worker' },
  ],

  // `test.use({ locale: 'ru-RU' })` starts Chromium in that language (its UI language, which
  // `chrome.i18n.getUILanguage()` reports, and navigator.languages).
  context: async ({ locale }, use) => {
    if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
      throw new Error(`No built extension in ${EXTENSION_DIR}: run \`npm run build\` first.`);
    }
    const executablePath = chromiumPath();
    if (!executablePath)
      throw new Error('No Chromium found: install it (apt-get install chromium) or set CHROMIUM_PATH.');
    const userDataDir = mkdtempSync(join(tmpdir(), 'handshake-profile-'));
    const context = await chromium.launchPersistentContext(userDataDir, {
      executablePath,
      headless: true,
      locale,
      args: [...QUIET_FLAGS, ...extensionFlags(EXTENSION_DIR)],
    });
    await use(context);
    await context.close();
    rmSync(userDataDir, { recursive: true, force: true });
  },

  serviceWorker: async ({ context }, use) => {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    await use(worker);
  },

  extensionId: async ({ serviceWorker }, use) => {
    await use(new URL(serviceWorker.url()).host);
  },

  openPanel: async ({ context, extensionId, serviceWorker }, use) => {
    await use(async (page: Page) => {
      const tabId = await tabIdOf(serviceWorker, page);
      const panel = await context.newPage();
      await panel.goto(`chrome-extension://${extensionId}/panel.html?tabId=${tabId}`);
      return new PanelPage(panel, tabId, page);
    });
  },
});

/** The tab id of a page, asked of the extension itself. */
export async function tabIdOf(worker: Worker, page: Page): Promise<number> {
  const url = page.url();
  const id = await worker.evaluate(async (u) => {
    const tabs = await chrome.tabs.query({});
    return tabs.find((t) => t.url === u || t.pendingUrl === u)?.id;
  }, url);
  if (id === undefined) throw new Error(`No tab found for ${url}`);
  return id;
}

export { expect } from '@playwright/test';
