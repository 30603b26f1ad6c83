/**
 * A page and a WebSocket server that floods it: `perTick` frames every `tickMs`, each stamped
 * with a counter (`{"n":1}`, `{"n":2}`, …) so a test can tell exactly which frames a recording
 * kept. The page notes every counter it received with its own clock (`window.__received`).
 * Loopback only, free port.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

export interface FloodServer {
  /** The page that opens the socket. */
  url: string;
  /** Frames sent so far (the last counter). */
  sent(): number;
  /** Stops sending (the socket stays open). */
  pause(): void;
  close(): Promise<void>;
}

export async function startFloodServer({ perTick = 20, tickMs = 10 } = {}): Promise<FloodServer> {
  let counter = 0;
  let paused = false;
  const server = createServer((req, res) => {
    if (req.url?.startsWith('/ping')) {
      res.setHeader('Content-Type', 'text/plain');
      res.end('pong');
      return;
    }
    const { port } = server.address() as AddressInfo;
    res.setHeader('Content-Type', 'text/html');
    res.end(`<!doctype html><title>flood</title><script>
      window.__received = [];
      const ws = new WebSocket('ws://127.0.0.1:${port}/flood');
      ws.addEventListener('message', (e) => {
        window.__received.push([JSON.parse(e.data).n, Date.now()]);
      });
    </script>`);
  });
  const sockets = new WebSocketServer({ server });
  const timers = new Set<ReturnType<typeof setInterval>>();
  sockets.on('connection', (ws: WebSocket) => {
    const timer = setInterval(() => {
      if (paused || ws.readyState !== ws.OPEN) return;
      for (let i = 0; i < perTick; i++) ws.send(`{"n":${++counter}}`);
    }, tickMs);
    timers.add(timer);
    ws.on('close', () => {
      clearInterval(timer);
      timers.delete(timer);
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    sent: () => counter,
    pause: () => {
      paused = true;
    },
    async close() {
      for (const t of timers) clearInterval(t);
      for (const c of sockets.clients) c.terminate();
      sockets.close();
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
    },
  };
}
