/**
 * Per-channel off on the demo's fixed variant, with a second channel (the API's SSE stream):
 * switching the SSE channel off closes it and refuses it again, while the WebSocket keeps
 * receiving; switching it on lets the page connect again.
 */
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
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

/**
 * A site whose SSE stream is at `/` (its channel pattern is then `host/`, which every URL of the
 * host contains), a JSON endpoint beside it, and the page that uses both.
 */
async function startRootSseSite(): Promise<{ origin: string; close(): Promise<void> }> {
  const streams = new Set<ServerResponse>();
  const server = createServer((req, res) => {
    if (req.url === '/' && (req.headers.accept ?? '').includes('text/event-stream')) {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store' });
      res.write('retry: 60000\n\n');
      const tick = setInterval(() => res.write(`data: tick ${Date.now()}\n\n`), 100);
      streams.add(res);
      res.on('close', () => {
        clearInterval(tick);
        streams.delete(res);
      });
      return;
    }
    if (req.url === '/data') {
      res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      res.end('{"ok":true}');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end('<!doctype html><title>Root SSE</title><p>Root SSE</p>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of streams) res.destroy();
        server.close(() => resolve());
      }),
  };
}

test("an SSE channel at / switched off refuses the stream, not the app's fetch to that host", async ({
  context,
  openPanel,
}) => {
  const site = await startRootSseSite();
  try {
    const page = await context.newPage();
    await page.goto(`${site.origin}/page`);
    const panel = await openPanel(page);
    await panel.recordAndReload();
    const ui = panel.page;

    const openSse = () =>
      page.evaluate(() => {
        const state: NonNullable<Window['__sse']> = { messages: 0, errors: 0 };
        window.__sse = state;
        const source = new EventSource('/');
        state.source = source;
        source.onmessage = () => (state.messages += 1);
        source.onerror = () => (state.errors += 1);
      });
    const sse = () =>
      page.evaluate(() => ({ ...window.__sse, readyState: window.__sse?.source?.readyState }));
    /** What a request from the page gets: its status, or how it failed. */
    const fetchFromPage = (path: string, accept: string) =>
      page.evaluate(
        async ({ path, accept }) => {
          try {
            const response = await fetch(path, { headers: { accept }, cache: 'no-store' });
            const reader = response.body?.getReader();
            // An event stream never ends: its first chunk is enough.
            const first = await reader?.read();
            await reader?.cancel();
            return `${response.status} ${first?.done ? '' : 'data'}`.trim();
          } catch (err) {
            return String(err);
          }
        },
        { path, accept },
      );
    await openSse();
    await expect.poll(async () => (await sse()).messages).toBeGreaterThan(0);
    expect(await fetchFromPage('/data', 'application/json')).toBe('200 data');

    const row = ui.getByTestId('channel-row').filter({ hasText: 'SSE' }).first();
    await expect(row).toBeVisible();
    await row.getByRole('button', { name: /^Switch off/ }).click();
    await expect(ui.getByTestId('realtime-state')).toContainText('1 channel switched off');
    await expect.poll(async () => (await sse()).readyState).toBe(2);

    // The app's fetch to the same host still goes through ...
    expect(await fetchFromPage('/data', 'application/json')).toBe('200 data');
    expect(await fetchFromPage('/page', 'text/html')).toBe('200 data');
    // ... and so does a fetch that reads the event stream: Chrome's build has no network rules
    // (no declarativeNetRequest, issue 15), only EventSource is gated, in the page (the limit the
    // toggles view names).
    expect(await fetchFromPage('/', 'text/event-stream')).toBe('200 data');
    await openSse();
    await expect.poll(async () => (await sse()).readyState).toBe(2);
    expect((await sse()).messages).toBe(0);
  } finally {
    await site.close();
  }
});
