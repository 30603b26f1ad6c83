// The benchmark's local servers: a page, a tiny JSON endpoint for fetch-heavy runs, and a
// WebSocket endpoint that floods 1 KB frames as fast as the socket takes them, or at a set rate
// (`rate=` frames/s, for the capture ceiling). 127.0.0.1 only.
import { createServer } from 'node:http';
import { WebSocketServer } from 'ws';

const PAGE = `<!doctype html><meta charset="utf-8"><title>bench</title><p>Handshake benchmark page</p>
<script>
  // Main-thread blocking: the sum of each long task's time over 50 ms (Total Blocking Time).
  window.__blocking = 0;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__blocking += Math.max(0, e.duration - 50);
  }).observe({ type: 'longtask', buffered: true });
</script>`;

/** Starts the servers; resolves to `{ origin, close }`. */
export async function startBenchServers() {
  const server = createServer((req, res) => {
    if (req.url.startsWith('/ping')) {
      res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      return res.end('{"ok":true}');
    }
    res.writeHead(200, { 'content-type': 'text/html', 'cache-control': 'no-store' });
    res.end(PAGE);
  });
  const wss = new WebSocketServer({ server, path: '/flood' });
  wss.on('connection', (socket, req) => {
    const params = new URL(req.url, 'http://x').searchParams;
    const count = Number(params.get('n') ?? 1000);
    const frame = 'x'.repeat(Number(params.get('size') ?? 1024));
    // `rate` (frames/s) paces the flood for the capture ceiling; without it, as fast as it goes.
    const rate = Number(params.get('rate') ?? 0);
    const start = performance.now();
    let sent = 0;
    const pump = () => {
      const due = rate > 0 ? Math.min(count, Math.ceil(((performance.now() - start) * rate) / 1000)) : count;
      // Send in slices and yield, so the server never buffers the whole flood at once.
      while (sent < due && socket.bufferedAmount < 1 << 20) {
        socket.send(frame);
        sent++;
      }
      if (sent < count) setImmediate(pump);
    };
    pump();
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin,
    close: async () => {
      for (const c of wss.clients) c.terminate();
      wss.close();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
