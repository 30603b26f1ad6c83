/**
 * Real Firefox for the tests: Firefox ESR headless, driven over WebDriver BiDi by puppeteer-core
 * (no geckodriver, no downloaded browser), with the test build of the add-on installed
 * temporarily (`npm run test:firefox` builds it into `.output/firefox-mv2-test`).
 *
 * Three things BiDi and Firefox need (seen with Firefox 153 ESR, docs/firefox.md):
 * - the add-on's internal UUID is random per profile; the pref `extensions.webextensions.uuids`
 *   fixes it, so the test knows the panel's `moz-extension://` URL;
 * - BiDi refuses `browsingContext.navigate` to a `moz-extension://` page, so a web page sets
 *   `location.href` to it, which Firefox allows only for a web-accessible resource (the test
 *   build lists `panel.html`, the shipped one does not);
 * - `devtools.network` exists only while DevTools is open on a tab: `--devtools` opens the toolbox
 *   on every tab, as a user with DevTools open would have it.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type ElementHandle, type Page } from 'puppeteer-core';
import { ensureFirefox } from '../../../scripts/browsers.mjs';

export const ADDON_DIR = resolve('.output/firefox-mv2-test');
export const ADDON_ID = 'handshake@handshake.dev';
const ADDON_UUID = '5f0c2a8e-4b1d-4c7e-9a36-1d2e3f4a5b6c';
export const PANEL_URL = `moz-extension://${ADDON_UUID}/panel.html`;

export interface FirefoxSession {
  browser: Browser;
  version: string;
  /** Where Firefox saves downloads (the panel's Export). */
  downloads: string;
  close(): Promise<void>;
}

/** Starts Firefox headless with the test build installed. */
export async function launchFirefox(): Promise<FirefoxSession> {
  const manifest = join(ADDON_DIR, 'manifest.json');
  if (!existsSync(manifest))
    throw new Error(`No test build in ${ADDON_DIR}: run \`npm run test:firefox\` (it builds it first).`);
  const war = (JSON.parse(readFileSync(manifest, 'utf8')) as { web_accessible_resources?: string[] })
    .web_accessible_resources;
  if (!war?.includes('panel.html'))
    throw new Error(`${ADDON_DIR} is not the test build: build it with HANDSHAKE_FIREFOX_TEST=1.`);
  const executablePath = await ensureFirefox();
  const downloads = mkdtempSync(join(tmpdir(), 'handshake-firefox-downloads-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath,
    headless: true,
    args: ['--devtools'],
    defaultViewport: { width: 1280, height: 800 },
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: ADDON_UUID }),
      // Downloads go to a folder of ours, without asking.
      'browser.download.folderList': 2,
      'browser.download.dir': downloads,
      'browser.download.useDownloadDir': true,
      'browser.download.always_ask_before_handling_new_types': false,
      'browser.download.start_downloads_in_tmp_dir': false,
      // The panel's language follows the browser's: these tests read the English texts.
      'intl.locale.requested': 'en-US',
    },
  });
  await browser.installExtension(ADDON_DIR);
  return {
    browser,
    version: await browser.version(),
    downloads,
    close: () => browser.close(),
  };
}

/**
 * Opens the panel page for the tab showing `page`: a new tab goes to `panel.html`, asks the
 * extension which tab has the page's URL, then loads `panel.html?tabId=<id>`.
 */
export async function openPanel(browser: Browser, page: Page, from: string): Promise<Page> {
  const panel = await browser.newPage();
  await panel.goto(from);
  await goFromPage(panel, PANEL_URL);
  const tabId = await panel.evaluate(
    async (url) => {
      // The panel page is the add-on's: `browser.tabs` is there (Firefox's own WebExtension API).
      const api = (globalThis as unknown as { browser: typeof chrome }).browser;
      return (await api.tabs.query({})).find((t) => t.url === url)?.id;
    },
    await page.evaluate(() => location.href),
  );
  if (tabId === undefined) throw new Error(`No tab found for ${page.url()}`);
  await goFromPage(panel, `${PANEL_URL}?tabId=${tabId}`);
  await panel.waitForSelector('[data-testid="recording-state"]');
  return panel;
}

/**
 * The page itself goes to `url` (BiDi may not navigate to an add-on's page). Puppeteer's
 * `page.url()` does not follow a tab into the add-on's process, so the page is asked.
 */
async function goFromPage(page: Page, url: string): Promise<void> {
  await page.evaluate((u) => {
    location.href = u;
  }, url);
  const deadline = Date.now() + 15_000;
  const where = () => page.evaluate(() => `${document.readyState} ${location.href}`).catch(() => '');
  while ((await where()) !== `complete ${url}`) {
    if (Date.now() > deadline) throw new Error(`The page did not reach ${url} (at ${await where()})`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Clicks the button whose text is exactly `name` (BiDi has no accessibility queries). */
export async function clickButton(page: Page, name: string, within = 'body'): Promise<void> {
  const handle = await page.waitForFunction(
    (text, scope) =>
      [...(document.querySelector(scope)?.querySelectorAll('button') ?? [])].find(
        (b) => b.textContent?.trim() === text && !b.disabled,
      ),
    { timeout: 10_000, polling: 100 },
    name,
    within,
  );
  await (handle as ElementHandle<HTMLButtonElement>).click();
}

/** Waits until an element matched by `selector` has text matching `pattern`; returns that text. */
export async function waitForText(
  page: Page,
  selector: string,
  pattern: RegExp,
  timeout = 15_000,
): Promise<string> {
  const handle = await page.waitForFunction(
    (sel, source, flags) => {
      const re = new RegExp(source, flags);
      for (const el of document.querySelectorAll(sel)) {
        const text = (el as HTMLElement).innerText ?? el.textContent ?? '';
        if (re.test(text)) return text;
      }
      return undefined;
    },
    { timeout, polling: 100 },
    selector,
    pattern.source,
    pattern.flags,
  );
  return (await handle.jsonValue()) as string;
}

/** The number of elements matching `selector`. */
export const count = (page: Page, selector: string): Promise<number> =>
  page.$$eval(selector, (els) => els.length);
