/**
 * Nothing failed is silent, live: a page whose fetch hits a closed port, and whose WebSocket the
 * server refuses in-band (`{"error":"Unknown api key"}`, then close 1008), recorded through the
 * extension in real Chromium. The panel shows `network/request-failed` with Chromium's own
 * `net::ERR_CONNECTION_REFUSED`, and one `realtime/auth-rejected` naming the frame and the close
 * (not a second `realtime/abnormal-close` for the same socket). Loopback only.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import { expect, test } from '../support/fixtures';

/** A port nothing listens on: bound once, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((done) => server.close(() => done()));
  return port;
}

let server: Server;
let sockets: WebSocketServer;
let pageUrl = '';

test.beforeAll(async () => {
  const refused = await closedPort();
  server = createServer((req, res) => {
    res.setHeader('Content-Type', 'text/html');
    const { port } = server.address() as AddressInfo;
    res.end(`<!doctype html><title>failures</title><script>
      fetch('http://127.0.0.1:${refused}/api/items').catch(() => {});
      const ws = new WebSocket('ws://127.0.0.1:${port}/live?api_key=nope');
    </script>`);
  });
  sockets = new WebSocketServer({ server });
  sockets.on('connection', (ws) => {
    ws.send(JSON.stringify({ error: 'Unknown api key' }));
    setTimeout(() => ws.close(1008, 'policy'), 50);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  pageUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});

test.afterAll(async () => {
  sockets.close();
  await new Promise<void>((done) => server.close(() => done()));
});

test('a refused fetch and a socket refused in-band are findings', async ({ context, openPanel }) => {
  const page = await context.newPage();
  await page.goto(pageUrl);
  const panel = await openPanel(page);
  await panel.recordAndReload();

  const failed = panel.finding('network/request-failed');
  await expect(failed).toBeVisible();
  await expect(failed).toContainText('Connection refused by 127.0.0.1:');
  await expect(failed).toContainText('net::ERR_CONNECTION_REFUSED');

  const rejected = panel.finding('realtime/auth-rejected');
  await expect(rejected).toBeVisible();
  await expect(rejected).toContainText('Unknown api key');
  await rejected.getByRole('button').first().click();
  await expect(rejected).toContainText('the connection closed with 1008');
  await expect(panel.finding('realtime/abnormal-close')).toHaveCount(0);
});
