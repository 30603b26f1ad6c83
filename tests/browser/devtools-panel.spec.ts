/**
 * Smoke test of the real DevTools integration: with DevTools open on a tab, the front-end shows a
 * "Handshake" tab (browser.devtools.panels.create ran), and selecting it loads panel.html inside
 * DevTools, where chrome.devtools exists. Every other browser test drives panel.html opened as an
 * ordinary tab; this is the one check that the panel is really registered (ENGINEERING.md).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, expect, test, type BrowserContext, type CDPSession } from '@playwright/test';
import { chromiumPath, extensionFlags, QUIET_FLAGS } from './support/chromium';
import { EXTENSION_DIR } from './support/fixtures';

const PANEL_URL = /^chrome-extension:\/\/[a-p]{32}\/panel\.html/;

/** A CDP session to one target reached through the browser session (flatten: false). */
interface TargetChannel {
  send(method: string, params?: object): Promise<Record<string, unknown>>;
  /** Runs an expression in the target's page and returns its JSON value. */
  evaluate<T>(expression: string): Promise<T>;
}

async function attach(browserSession: CDPSession, targetId: string): Promise<TargetChannel> {
  // Playwright's CDPSession cannot address flattened child sessions, so we tunnel messages.
  const { sessionId } = await browserSession.send('Target.attachToTarget', { targetId, flatten: false });
  const pending = new Map<number, (reply: { result?: Record<string, unknown>; error?: unknown }) => void>();
  let nextId = 1;
  browserSession.on('Target.receivedMessageFromTarget', (event) => {
    if (event.sessionId !== sessionId) return;
    const reply = JSON.parse(event.message) as {
      id?: number;
      result?: Record<string, unknown>;
      error?: unknown;
    };
    if (reply.id !== undefined) pending.get(reply.id)?.(reply);
  });
  const send: TargetChannel['send'] = (method, params = {}) => {
    const id = nextId++;
    const reply = new Promise<{ result?: Record<string, unknown>; error?: unknown }>((r) =>
      pending.set(id, r),
    );
    void browserSession.send('Target.sendMessageToTarget', {
      sessionId,
      message: JSON.stringify({ id, method, params }),
    });
    return reply.then((r) => {
      if (r.error) throw new Error(`${method} failed: ${JSON.stringify(r.error)}`);
      return r.result ?? {};
    });
  };
  const evaluate = async <T>(expression: string): Promise<T> => {
    const result = await send('Runtime.evaluate', { expression, returnByValue: true, awaitPromise: true });
    if (result.exceptionDetails)
      throw new Error(`evaluate failed: ${JSON.stringify(result.exceptionDetails)}`);
    return (result.result as { value: T }).value;
  };
  return { send, evaluate };
}

/** A browser-level CDP session; falls back to the debugging port when Playwright has no Browser. */
async function browserSessionOf(context: BrowserContext, userDataDir: string): Promise<CDPSession> {
  const browser = context.browser();
  if (browser) return browser.newBrowserCDPSession();
  const port = readFileSync(join(userDataDir, 'DevToolsActivePort'), 'utf8').split('\n')[0];
  return (await chromium.connectOverCDP(`http://127.0.0.1:${port}`)).newBrowserCDPSession();
}

type TargetInfo = { targetId: string; type: string; url: string; title: string };

async function targets(session: CDPSession): Promise<TargetInfo[]> {
  return (await session.send('Target.getTargets')).targetInfos;
}

/** Polls the browser's targets until one matches; fails with `message` and the targets seen. */
async function waitForTarget(
  session: CDPSession,
  match: (t: TargetInfo) => boolean,
  message: string,
): Promise<TargetInfo> {
  for (const deadline = Date.now() + 15_000; ; await new Promise((r) => setTimeout(r, 200))) {
    const seen = await targets(session);
    const hit = seen.find(match);
    if (hit) return hit;
    if (Date.now() > deadline)
      throw new Error(`${message}; targets seen: ${seen.map((t) => `${t.type} ${t.url}`).join(', ')}`);
  }
}

// Texts and centres of every role="tab" in the front-end; its tab strips live in shadow roots.
const TABS_EXPRESSION = `(() => {
  const all = (root) => [...root.querySelectorAll('*')].flatMap((el) => (el.shadowRoot ? [el, ...all(el.shadowRoot)] : [el]));
  return all(document).filter((el) => el.getAttribute('role') === 'tab').map((el) => {
    const r = el.getBoundingClientRect();
    return { text: el.textContent.trim(), x: r.x + r.width / 2, y: r.y + r.height / 2, shown: r.width > 0 };
  });
})()`;

test('the Handshake panel is registered in the real DevTools and renders there', async () => {
  const server: Server = createServer((_req, res) =>
    res.end('<!doctype html><title>inspected</title><p>inspected'),
  );
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const pageUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/inspected`;

  // Docked to the bottom of a wide window, the tab strip is wide enough that the extension's tab
  // is not pushed into "More tabs" (a native menu that CDP cannot click).
  const userDataDir = mkdtempSync(join(tmpdir(), 'handshake-devtools-'));
  mkdirSync(join(userDataDir, 'Default'));
  const devtoolsPrefs = { currentDockState: '"bottom"' };
  writeFileSync(
    join(userDataDir, 'Default', 'Preferences'),
    JSON.stringify({ devtools: { preferences: devtoolsPrefs } }),
  );
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    headless: true,
    viewport: null,
    args: [
      ...QUIET_FLAGS,
      ...extensionFlags(EXTENSION_DIR),
      '--auto-open-devtools-for-tabs',
      '--window-size=3000,1000',
      '--remote-debugging-port=0',
    ],
  });
  try {
    // DevTools loads the devtools pages of the extensions that are ready when it opens. On a cold
    // first start the extension can still be loading when the first tab's DevTools opens, so wait
    // for the extension's service worker before opening the tab to inspect.
    if (context.serviceWorkers().length === 0) await context.waitForEvent('serviceworker');
    const session = await browserSessionOf(context, userDataDir);
    type Tab = { text: string; x: number; y: number; shown: boolean };

    // Even after the worker is up, the first DevTools window of a cold profile sometimes opens
    // before the extension's devtools page is registered with it. A new tab gets a new DevTools
    // window: try up to three tabs before concluding that the panel is not registered.
    let shownTabs: () => Promise<Tab[]> = async () => [];
    let frontEnd: Awaited<ReturnType<typeof attach>> | undefined;
    for (let attempt = 1; attempt <= 3; attempt++) {
      const url = `${pageUrl}?attempt=${attempt}`;
      const page = await context.newPage();
      await page.goto(url);
      // The front-end's title names the inspected page ("DevTools - 127.0.0.1:<port>/…"); the port is unique.
      const frontEndTarget = await waitForTarget(
        session,
        (t) =>
          t.url.startsWith('devtools://') &&
          t.title.includes(`${new URL(url).host}/inspected?attempt=${attempt}`),
        `no DevTools front-end target for ${url} (is --auto-open-devtools-for-tabs honoured?)`,
      );
      const attached = await attach(session, frontEndTarget.targetId);
      frontEnd = attached;
      shownTabs = async () => (await attached.evaluate<Tab[]>(TABS_EXPRESSION)).filter((t) => t.shown);
      const deadline = Date.now() + 8_000;
      while (Date.now() < deadline && !(await shownTabs()).some((t) => t.text === 'Handshake')) {
        await page.waitForTimeout(250);
      }
      if ((await shownTabs()).some((t) => t.text === 'Handshake')) break;
      if (attempt < 3) await page.close();
    }
    // Received lists the tabs seen; "Handshake" missing from a full strip may also mean it overflowed.
    await expect
      .poll(async () => (await shownTabs()).map((t) => t.text), {
        message:
          'DevTools shows no "Handshake" tab: did entrypoints/devtools call browser.devtools.panels.create?',
        timeout: 5_000,
      })
      .toContain('Handshake');

    // A real click (not element.click()): DevTools selects tabs on its own mouse handlers, which vary by version.
    await expect(async () => {
      const tab = (await shownTabs()).find((t) => t.text === 'Handshake')!;
      for (const type of ['mousePressed', 'mouseReleased']) {
        await frontEnd!.send('Input.dispatchMouseEvent', {
          type,
          x: tab.x,
          y: tab.y,
          button: 'left',
          clickCount: 1,
        });
      }
      expect(
        (await targets(session)).some((t) => PANEL_URL.test(t.url)),
        'selecting the Handshake tab loaded no panel.html',
      ).toBe(true);
    }).toPass({ timeout: 15_000 });

    // Inside DevTools the panel has chrome.devtools (absent when panel.html is opened as a tab).
    const panelTarget = await waitForTarget(
      session,
      (t) => PANEL_URL.test(t.url),
      'panel.html target vanished',
    );
    const panel = await attach(session, panelTarget.targetId);
    const rendered = `({ tabId: globalThis.chrome?.devtools?.inspectedWindow?.tabId ?? null,
      record: !!document.querySelector('button[aria-label="Record"]'),
      state: !!document.querySelector('[data-testid="recording-state"]') })`;
    await expect
      .poll(() => panel.evaluate<{ tabId: number | null; record: boolean; state: boolean }>(rendered), {
        message: 'panel.html inside DevTools did not render its toolbar with the inspected tab id',
      })
      .toEqual({ tabId: expect.any(Number), record: true, state: true });
  } finally {
    await context.close();
    server.close();
    rmSync(userDataDir, { recursive: true, force: true });
  }
});
