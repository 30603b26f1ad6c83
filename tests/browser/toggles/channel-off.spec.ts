/**
 * Per-channel off on the demo's fixed variant, with a second channel (the API's SSE stream):
 * switching the SSE channel off closes it and refuses it again, while the WebSocket keeps
 * receiving; switching it on lets the page connect again.
 */
import { expect, test } from '../support/fixtures';

declare global {
  interface Window {
    __sse?: { messages: number; errors: number; source?: EventSource };
  }
}

test('switching one channel off leaves the other one running', async ({ context, demo, openPanel }) => {
  const page = await context.newPage();
  await page.goto(demo.url('fixed'));
  const panel = await openPanel(page);
  await panel.recordAndReload();
  const ui = panel.page;
  await expect(page.getByTestId('ws-status')).toHaveText('open');

  const openSse = () =>
    page.evaluate((url) => {
      const state = (window.__sse ??= { messages: 0, errors: 0 });
      const source = new EventSource(url);
      state.source = source;
      source.onmessage = () => (state.messages += 1);
      source.onerror = () => (state.errors += 1);
    }, `${demo.apiOrigin}/sse/notifications/`);
  const sse = () => page.evaluate(() => ({ ...window.__sse, readyState: window.__sse?.source?.readyState }));
  await openSse();
  await expect.poll(async () => (await sse()).messages).toBeGreaterThan(0);

  const sseRow = ui.getByTestId('channel-row').filter({ hasText: '/sse/notifications/' }).first();
  const wsRow = ui.getByTestId('channel-row').filter({ hasText: '/ws/widgets/' }).first();
  await expect(sseRow).toBeVisible();
  await sseRow.getByRole('button', { name: /^Switch off/ }).click();

  // The SSE channel is closed (the page sees an error and CLOSED), the WebSocket is untouched.
  await expect.poll(async () => (await sse()).readyState).toBe(2);
  expect((await sse()).errors).toBeGreaterThan(0);
  await expect(ui.getByTestId('realtime-state')).toContainText('1 channel switched off');
  const wsFrames = Number(await wsRow.getByTestId('frames-in').textContent());
  await expect
    .poll(async () => Number(await wsRow.getByTestId('frames-in').textContent()))
    .toBeGreaterThan(wsFrames);
  await expect(page.getByTestId('ws-status')).toHaveText('open');

  // A new EventSource to that channel is refused and counted.
  await openSse();
  await expect(ui.getByTestId('refused-count')).toHaveText('Refused: 1');
  await expect.poll(async () => (await sse()).readyState).toBe(2);

  // On again: the page can connect and receives messages.
  await sseRow.getByRole('button', { name: /^Switch on/ }).click();
  await expect(ui.getByTestId('realtime-state')).toHaveText('Real-time on');
  const before = (await sse()).messages ?? 0;
  await openSse();
  await expect.poll(async () => (await sse()).messages).toBeGreaterThan(before);
  await expect(panel.timelineRows('action').filter({ hasText: 'channel off' })).toHaveCount(1);
  await expect(panel.timelineRows('action').filter({ hasText: 'channel on' })).toHaveCount(1);
});
