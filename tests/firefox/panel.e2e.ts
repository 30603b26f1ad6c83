/**
 * Handshake in a real Firefox (`npm run test:firefox`): Firefox ESR headless with the built
 * add-on, on the demo, DevTools open on the tabs. What Chromium's suite proves through CDP is
 * proven here through what Firefox gives an add-on: the probe in the page and DevTools' network
 * entries (docs/firefox.md). The tests run in order in one browser.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemo } from '../../demo/index.mjs';
import {
  clickButton,
  count,
  launchFirefox,
  openPanel,
  waitForText,
  type FirefoxSession,
} from './support/firefox';

let firefox: FirefoxSession;
let demo: Awaited<ReturnType<typeof startDemo>>;

beforeAll(async () => {
  [firefox, demo] = await Promise.all([launchFirefox(), startDemo()]);
  console.info(`Firefox: ${firefox.version}`);
}, 90_000);

afterAll(async () => {
  await firefox?.close();
  await demo?.close();
});

const finding = (ruleId: string) => `[data-testid="finding"][data-rule-id="${ruleId}"]`;
const row = (type: string) => `[data-testid="timeline-row"][data-type="${type}"]`;

/** Opens `variant` of the demo in a new tab and the panel for it; records from a reload. */
async function recordDemo(variant: 'buggy' | 'fixed'): Promise<{ page: Page; panel: Page }> {
  // The first tab: `--devtools` opened DevTools there (tabs and windows opened over BiDi later
  // get none), and the network entries need DevTools open on the tab.
  const [page] = await firefox.browser.pages();
  await page.goto(demo.url(variant));
  // Any web page may link to the panel; the app server's "not found" page runs no app. (Not the
  // API's: Express answers 404 with `Content-Security-Policy: default-src 'none'`.)
  const panel = await openPanel(firefox.browser, page, `${demo.appOrigin}/handshake-panel-link`);
  // One tab, two variants: each test starts from an empty recording.
  if ((await count(panel, row('request'))) > 0) await clickButton(panel, 'Clear');
  const reloaded = page.waitForNavigation({ timeout: 20_000 });
  await clickButton(panel, 'Record and reload');
  await waitForText(panel, '[data-testid="recording-state"]', /recording/i);
  await reloaded;
  return { page, panel };
}

/** Files Firefox finished saving into the downloads folder (no `.part` left). */
function downloaded(suffix: string): string[] {
  return readdirSync(firefox.downloads)
    .filter((f) => f.endsWith(suffix))
    .map((f) => join(firefox.downloads, f))
    .filter((f) => statSync(f).size > 0);
}

describe('Handshake in Firefox', () => {
  let buggyPanel: Page;

  it('buggy variant: the CORS finding from the headers, the rejection with its stack', async () => {
    const { panel } = await recordDemo('buggy');
    buggyPanel = panel;

    // The CORS verdict is ours, from the preflight's headers (Firefox gives no browser verdict).
    const cors = await waitForText(panel, finding('cors/header-not-allowed'), /authorization/);
    expect(cors).toMatch(/refused by the server's CORS preflight/);
    const auth = await waitForText(panel, finding('auth/context-missing'), /Auth context not provided/);
    expect(auth).toMatch(/before it existed/);

    // The rejection, with its stack from the page's own script.
    await panel.$eval(`${row('exception')}`, (el) => (el as HTMLElement).click());
    const frame = await waitForText(panel, '[data-testid="details"] [data-testid="stack-frame"]', /\.js:\d+/);
    expect(frame).toMatch(/websocketService-[\w-]+\.js:1:\d+/);

    // The refresh request carries the preflight Firefox reported, with what the server allowed.
    await panel.$$eval(row('request'), (els) =>
      (els.find((e) => e.textContent?.includes('token/refresh')) as HTMLElement).click(),
    );
    const preflight = await waitForText(
      panel,
      '[data-testid="details"] [data-testid="preflight-section"]',
      /access-control-allow-headers/i,
    );
    expect(preflight.toLowerCase()).toContain('content-type');
    await waitForText(panel, '[data-testid="details"]', /HeaderDisallowedByPreflightResponse/);
    expect(await count(panel, row('channel'))).toBe(0);

    if (process.env.SCREENSHOTS_DIR)
      await panel.screenshot({ path: join(process.env.SCREENSHOTS_DIR, 'firefox-buggy.png') });
  }, 60_000);

  it('export then import: the file reopens read-only with the same finding', async () => {
    const panel = buggyPanel;
    await clickButton(panel, 'Stop');
    await clickButton(panel, 'Export…');
    await waitForText(panel, '[role="dialog"]', /Export recording/);
    await clickButton(panel, 'Export redacted', '[role="dialog"]');
    await expect.poll(() => downloaded('.har'), { timeout: 15_000 }).toHaveLength(1);
    const [file] = downloaded('.har');
    expect(file).toMatch(/handshake-127\.0\.0\.1.*\.har$/);

    const input = (await panel.$('input[data-testid="import-file"]')) as ElementHandle<HTMLInputElement>;
    await input.uploadFile(file);
    await waitForText(panel, '[data-testid="import-report"]', /\.har/);
    await waitForText(panel, finding('cors/header-not-allowed'), /authorization/);
    await waitForText(panel, finding('auth/context-missing'), /Auth context not provided/);
    // Read-only: the recorder's controls are gone while the file is shown.
    expect(await panel.$$eval('button', (bs) => bs.some((b) => b.textContent?.trim() === 'Record'))).toBe(
      false,
    );
  }, 60_000);

  it('fixed variant: the WebSocket and its frames, no findings', async () => {
    const { page, panel } = await recordDemo('fixed');
    await panel.waitForSelector(row('channel'), { timeout: 15_000 });
    await panel.$eval(row('channel'), (el) => (el as HTMLElement).click());
    await waitForText(panel, '[data-testid="details"]', /widget\.update/);
    const frames = () => count(panel, '[data-testid="details"] [data-testid="frame-row"]');
    const before = await frames();
    expect(before).toBeGreaterThan(0);
    // Frames keep arriving while the socket is open.
    await expect.poll(frames, { timeout: 15_000 }).toBeGreaterThan(before);
    await waitForText(page, '[data-testid="auth-status"]', /refresh ok/i);
    expect(await count(panel, finding('cors/header-not-allowed'))).toBe(0);
    expect(await count(panel, finding('auth/context-missing'))).toBe(0);

    // Real-time off: the live socket is closed with Handshake's code, and a reload's new socket
    // is refused before it opens.
    await clickButton(panel, 'Switch real-time off');
    await waitForText(page, '[data-testid="ws-status"]', /closed 4000/);
    await waitForText(panel, '[data-testid="realtime-state"]', /Real-time off/);
    await page.reload();
    await waitForText(page, '[data-testid="ws-status"]', /closed 1006/);
    await waitForText(panel, '[data-testid="refused-count"]', /Refused: [1-9]/);
    // On again: the app connects after a reload.
    await clickButton(panel, 'Switch real-time on');
    await waitForText(panel, '[data-testid="realtime-state"]', /Real-time on/);
    await page.reload();
    await waitForText(page, '[data-testid="ws-status"]', /^open$/);
  }, 90_000);
});
