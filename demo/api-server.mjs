// The API origin: Express 5 with the real `cors` middleware, DRF-style token auth and a
// widgets WebSocket. `/api` reproduces the incident's CORS policy; `/fixed/api` repairs it.
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import cors from 'cors';
import express from 'express';
import { WebSocketServer } from 'ws';

const WIDGETS = [
  { id: 'orders', name: 'Orders today', value: 42 },
  { id: 'signups', name: 'Sign-ups', value: 7 },
  { id: 'revenue', name: 'Revenue (k)', value: 13 },
];
const PUSH_INTERVAL_MS = 250;
/** Close code for a refused socket: 4000-4999 is for applications; 4401 mirrors HTTP 401. */
export const WS_UNAUTHORIZED = 4401;

/** Opaque 40-hex-digit token, like Django REST framework's `authtoken`. */
function newToken() {
  return randomBytes(20).toString('hex');
}

/**
 * @param {Set<string>} tokens valid tokens
 * @param {import('express').Request} req
 * @returns {string | null} the request's valid token
 */
function tokenOf(tokens, req) {
  const match = /^Token\s+(\S+)$/i.exec(req.get('authorization') ?? '');
  return match && tokens.has(match[1]) ? match[1] : null;
}

/**
 * @param {{ appOrigin: string, allowedHeaders: () => string[], tokens: Set<string> }} options
 */
function apiRouter({ appOrigin, allowedHeaders, tokens }) {
  const router = express.Router();
  // The real middleware answers preflights itself (204) with exactly these allowed headers,
  // read per request so that tests can switch the policy at runtime (`POST /__demo/cors`).
  router.use(cors((_req, done) => done(null, { origin: appOrigin, allowedHeaders: allowedHeaders() })));
  router.use(express.json());
  const unauthorized = { detail: 'Authentication credentials were not provided or are invalid.' };

  router.post('/auth/login/', (req, res) => {
    const { username, password } = req.body ?? {};
    if (typeof username !== 'string' || !username || typeof password !== 'string' || !password) {
      res.status(400).json({ detail: 'username and password are required' });
      return;
    }
    const token = newToken();
    tokens.add(token);
    res.json({ token });
  });
  router.post('/auth/token/refresh/', (req, res) => {
    const token = tokenOf(tokens, req);
    if (!token) {
      res.status(401).json(unauthorized);
      return;
    }
    // Rotation: the old token is revoked, so a replayed refresh with it gets 401.
    tokens.delete(token);
    const next = newToken();
    tokens.add(next);
    res.json({ token: next });
  });
  router.get('/widgets/', (req, res) => {
    if (!tokenOf(tokens, req)) {
      res.status(401).json(unauthorized);
      return;
    }
    res.json(WIDGETS);
  });
  return router;
}

/**
 * Attaches the widgets WebSocket at `/ws/widgets/?token=…`. A missing or invalid token is
 * accepted and then closed with 4401, so the refusal is visible as a close frame.
 * @param {import('node:http').Server} server
 * @param {Set<string>} tokens
 */
function attachWidgetsSocket(server, tokens) {
  const wss = new WebSocketServer({ server, path: '/ws/widgets/' });
  wss.on('connection', (socket, req) => {
    const token = new URL(req.url ?? '/', 'http://localhost').searchParams.get('token');
    if (!token || !tokens.has(token)) {
      socket.close(WS_UNAUTHORIZED, 'invalid token');
      return;
    }
    let tick = 0;
    const timer = setInterval(() => {
      const widget = WIDGETS[tick % WIDGETS.length];
      tick += 1;
      socket.send(
        JSON.stringify({
          type: 'widget.update',
          widget: widget.id,
          value: widget.value + tick,
          at: Date.now(),
        }),
      );
    }, PUSH_INTERVAL_MS);
    socket.on('message', (data) => {
      let message;
      try {
        message = JSON.parse(String(data));
      } catch {
        return;
      }
      if (message?.type === 'subscribe' && typeof message.channel === 'string') {
        socket.send(JSON.stringify({ type: 'subscribed', channel: message.channel }));
      }
    });
    socket.on('close', () => clearInterval(timer));
  });
  return wss;
}

/**
 * Starts the API origin.
 * @param {{ host: string, port: number, appOrigin: string, log: boolean }} options
 * @returns {Promise<{ origin: string, close(): Promise<void> }>}
 */
export async function startApiServer({ host, port, appOrigin, log }) {
  const tokens = new Set();
  // `/api`'s CORS policy: the incident's (no `authorization`) unless a test fixes it at runtime.
  let buggyAllowsAuthorization = false;
  const app = express();
  if (log) app.use((req, _res, next) => (console.log(`[api] ${req.method} ${req.originalUrl}`), next()));
  // Test hook, same-origin only (no CORS headers): `{"allowAuthorization": true}` makes `/api`
  // answer preflights like `/fixed/api`, as if the backend were fixed and redeployed.
  app.post('/__demo/cors', express.json(), (req, res) => {
    buggyAllowsAuthorization = req.body?.allowAuthorization === true;
    res.json({ allowAuthorization: buggyAllowsAuthorization });
  });
  // A second real-time channel (Server-Sent Events) for per-channel switching; no app flow uses
  // it by default, so the incident's traffic is unchanged.
  app.get('/sse/notifications/', (req, res) => {
    res.set({
      'content-type': 'text/event-stream',
      'cache-control': 'no-store',
      'access-control-allow-origin': appOrigin,
    });
    res.flushHeaders();
    let id = 0;
    const timer = setInterval(() => {
      id += 1;
      res.write(`id: ${id}\ndata: ${JSON.stringify({ type: 'notification', id })}\n\n`);
    }, PUSH_INTERVAL_MS);
    req.on('close', () => clearInterval(timer));
  });
  app.use(
    '/api',
    apiRouter({
      appOrigin,
      allowedHeaders: () => (buggyAllowsAuthorization ? ['Content-Type', 'Authorization'] : ['Content-Type']),
      tokens,
    }),
  );
  app.use(
    '/fixed/api',
    apiRouter({ appOrigin, allowedHeaders: () => ['Content-Type', 'Authorization'], tokens }),
  );
  const server = createServer(app);
  const wss = attachWidgetsSocket(server, tokens);
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(undefined));
  });
  const address = /** @type {import('node:net').AddressInfo} */ (server.address());
  return {
    origin: `http://${host}:${address.port}`,
    async close() {
      // terminate() fires 'close' on each socket, which clears its push timer.
      for (const client of wss.clients) client.terminate();
      await new Promise((resolve) => wss.close(() => resolve(undefined)));
      server.closeAllConnections();
      await new Promise((resolve) => server.close(() => resolve(undefined)));
    },
  };
}
