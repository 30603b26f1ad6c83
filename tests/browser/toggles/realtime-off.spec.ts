/**
 * Real-time off and on, end to end on the demo's fixed variant: the switch closes the live
 * socket with Handshake's code, refuses new ones (counted), survives a reload, shows on the
 * badge and in the panel, is recorded as user actions, and switching on lets the app connect.
 */
import type { Worker } from '@playwright/test';
import { expect, test } from '../support/fixtures';

const badge = (worker: Worker, tabId: number) =>
  worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
// Chrome's build holds no declarativeNetRequest (issue 15: while an extension holds it, Chromium
// routes every request of every page through its web-request proxy); the probe enforces the switch.
const permissions = (worker: Worker) => worker.evaluate(() => chrome.runtime.getManifest().permissions ?? []);

test('switching real-time off closes the socket, refuses reconnects, survives a reload; on restores it', async ({
  context,
  demo,
  openPanel,
  serviceWorker,
}) => {
  const page = await context.newPage();
  await page.goto(demo.url('fixed'));
  const panel = await openPanel(page);
  await panel.recordAndReload();
  const ui = panel.page;
  const wsRow = ui.getByTestId('channel-row').filter({ hasText: '/ws/widgets/' }).first();
  await expect(page.getByTestId('ws-status')).toHaveText('open');
  await expect
    .poll(async () => Number(await wsRow.getByTestId('frames-in').textContent()))
    .toBeGreaterThan(0);

  await ui.getByRole('button', { name: 'Switch real-time off' }).click();
  // The live socket is closed with Handshake's code; the page sees it like an outage.
  await expect(page.getByTestId('ws-status')).toHaveText('closed 4000');
  await expect(ui.getByTestId('realtime-state')).toContainText('Real-time off');
  await expect(wsRow.getByTestId('channel-state')).toContainText('closed 4000 by Handshake');
  await expect.poll(() => badge(serviceWorker, panel.tabId)).toBe('OFF');
  expect(await permissions(serviceWorker)).not.toContain('declarativeNetRequest');

  // A reconnect loop is refused, and every refusal is counted.
  await page.evaluate(
    (url) => {
      for (let i = 0; i < 3; i++) new WebSocket(url);
    },
    demo.apiOrigin.replace(/^http/, 'ws') + '/ws/widgets/?token=x',
  );
  await expect(ui.getByTestId('refused-count')).toHaveText('Refused: 3');
  await expect(ui.getByTestId('channel-row').filter({ hasText: 'refused by Handshake' })).toContainText('×3');

  // A reload keeps it off: the app's new socket is refused before it opens.
  await page.reload();
  await expect(page.getByTestId('ws-status')).toHaveText(/closed 1006/);
  await expect(ui.getByTestId('realtime-state')).toContainText('Real-time off');
  await expect(ui.getByTestId('refused-count')).toHaveText('Refused: 4');
  await expect.poll(() => badge(serviceWorker, panel.tabId)).toBe('OFF');

  // On again: the rule is gone, and the app connects and receives frames after a reload.
  await ui.getByRole('button', { name: 'Switch real-time on' }).click();
  await expect(ui.getByTestId('realtime-state')).toHaveText('Real-time on');
  await expect.poll(() => badge(serviceWorker, panel.tabId)).toBe('');
  await page.reload();
  await expect(page.getByTestId('ws-status')).toHaveText('open');
  const openRow = ui.getByTestId('channel-row').filter({ hasText: 'open' }).last();
  await expect
    .poll(async () => Number(await openRow.getByTestId('frames-in').textContent()))
    .toBeGreaterThan(0);

  // Both switches are in the timeline as user actions.
  await expect(panel.timelineRows('action').filter({ hasText: 'realtime off' })).toHaveCount(1);
  await expect(panel.timelineRows('action').filter({ hasText: 'realtime on' })).toHaveCount(1);
});

test('a page forging "disable" and "replay" messages switches nothing privileged', async ({
  context,
  demo,
  openPanel,
  serviceWorker,
}) => {
  const page = await context.newPage();
  await page.goto(demo.url('fixed'));
  const panel = await openPanel(page);
  await panel.recordAndReload();
  await expect(page.getByTestId('ws-status')).toHaveText('open');

  await page.evaluate(() => {
    const policy = { allOff: true, blocked: [] };
    // Panel and recorder commands posted into the page: nothing listens for them there.
    window.postMessage({ type: 'realtime', tabId: 1, policy }, '*');
    window.postMessage({ type: 'replay', tabId: 1, request: { url: location.href, method: 'POST' } }, '*');
    // A probe-shaped message claiming a user action: refused by the bridge's schema.
    window.postMessage(
      {
        __handshake: 'probe',
        v: 1,
        type: 'events',
        overflow: 0,
        events: [{ kind: 'user.action', action: 'realtime off', time: 1 }],
      },
      '*',
    );
  });
  await expect(panel.page.getByTestId('dropped-count')).toContainText('1');
  expect(await badge(serviceWorker, panel.tabId)).toBe('');
  await expect(panel.page.getByTestId('realtime-state')).toHaveText('Real-time on');
  await expect(panel.timelineRows('action').filter({ hasText: 'realtime' })).toHaveCount(0);
  await expect(panel.timelineRows('action').filter({ hasText: 'replay' })).toHaveCount(0);
  await expect(page.getByTestId('ws-status')).toHaveText('open');
});
