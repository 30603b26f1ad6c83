/**
 * Real-time off without declarativeNetRequest (issue 15: while an extension holds it, Chromium
 * routes every request of every page through its web-request proxy). The probe alone refuses the
 * socket a page opens in its very first script after a reload — the policy is carried across the
 * reload in the tab's sessionStorage, so the server never sees the connection — and the panel
 * names what the page-side switch cannot reach: a worker's socket still connects.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import { expect, test } from '../support/fixtures';

declare global {
  interface Window {
    __live?: { state: string };
  }
}

test("a reload's first-script socket is refused before it reaches the server; a worker's is the named limit", async ({
  context,
  openPanel,
  serviceWorker,
}) => {
  const site = await startLiveSite();
  try {
    const page = await context.newPage();
    await page.goto(`${site.origin}/page`);
    const panel = await openPanel(page);
    await panel.recordAndReload();
    const ui = panel.page;
    const state = () => page.evaluate(() => window.__live?.state);
    await expect.poll(state).toBe('open');

    // The build asks for no declarativeNetRequest: nothing is routed through the proxy.
    const permissions = await serviceWorker.evaluate(() => chrome.runtime.getManifest().permissions ?? []);
    expect(permissions).not.toContain('declarativeNetRequest');

    await ui.getByRole('button', { name: 'Switch real-time off' }).click();
    await expect.poll(state).toBe('closed 4000');
    await expect(ui.getByTestId('realtime-limit')).toContainText('workers');

    // The page opens its socket in its first script: refused in the page, never connected.
    const connections = site.connections();
    await page.reload();
    await expect.poll(state).toBe('closed 1006');
    await expect(ui.getByTestId('refused-count')).toHaveText('Refused: 1');
    expect(site.connections()).toBe(connections);

    // The limit the panel names: a dedicated worker's socket is outside the page's window.
    const fromWorker = await page.evaluate(
      (url) =>
        new Promise<string>((resolve) => {
          const worker = new Worker('/worker.js');
          worker.onmessage = (e: MessageEvent<string>) => resolve(e.data);
          worker.postMessage(url);
          setTimeout(() => resolve('no answer'), 5000);
        }),
      site.origin.replace(/^http/, 'ws') + '/live',
    );
    expect(fromWorker).toBe('open');
    expect(site.connections()).toBe(connections + 1);

    // On again: the bar says nothing more, and the next document connects from its first script.
    await ui.getByRole('button', { name: 'Switch real-time on' }).click();
    await expect(ui.getByTestId('realtime-state')).toHaveText('Real-time on');
    await expect(ui.getByTestId('realtime-limit')).toHaveCount(0);
    await page.reload();
    await expect.poll(state).toBe('open');
  } finally {
    await site.close();
  }
});

/** A page that opens a WebSocket in its first script, a worker that opens one on request. */
async function startLiveSite(): Promise<{ origin: string; connections(): number; close(): Promise<void> }> {
  let connections = 0;
  const server = createServer((req, res) => {
    if (req.url === '/worker.js') {
      res.writeHead(200, { 'content-type': 'text/javascript' });
      res.end(
        "onmessage = (e) => { const ws = new WebSocket(e.data); ws.onopen = () => postMessage('open');" +
          " ws.onclose = (c) => postMessage('closed ' + c.code); };",
      );
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html', 'cache-control': 'no-store' });
    res.end(
      '<!doctype html><script>' +
        "window.__live = { state: 'connecting' };" +
        "const ws = new WebSocket(location.origin.replace('http', 'ws') + '/live');" +
        "ws.onopen = () => (window.__live.state = 'open');" +
        "ws.onclose = (e) => (window.__live.state = 'closed ' + e.code);" +
        '</script><title>Live</title><p>Live',
    );
  });
  const sockets = new WebSocketServer({ server });
  sockets.on('connection', (socket) => {
    connections += 1;
    socket.send('hello');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    connections: () => connections,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of sockets.clients) client.terminate();
        sockets.close();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
