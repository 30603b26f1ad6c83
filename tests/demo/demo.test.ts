/**
 * The demo's servers, over real HTTP and a real WebSocket: the buggy and fixed CORS policies
 * (answered by the real `cors` middleware), token rotation, the widgets socket, and the built
 * app (no-store page, minified `websocketService-*.js` chunk).
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { buildDemoApp, startDemo, type DemoServers } from '../../demo/index.mjs';

let demo: DemoServers;

beforeAll(async () => {
  demo = await startDemo();
}, 60_000);

afterAll(async () => {
  await demo?.close();
});

async function preflight(path: string): Promise<Response> {
  return fetch(`${demo.apiOrigin}${path}`, {
    method: 'OPTIONS',
    headers: {
      Origin: demo.appOrigin,
      'Access-Control-Request-Method': 'POST',
      'Access-Control-Request-Headers': 'authorization',
    },
  });
}

function allowedHeaders(response: Response): string[] {
  return (response.headers.get('access-control-allow-headers') ?? '')
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter(Boolean);
}

async function login(base: string): Promise<string> {
  const response = await fetch(`${demo.apiOrigin}${base}/auth/login/`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: demo.appOrigin },
    body: JSON.stringify({ username: 'demo', password: 'demo' }),
  });
  expect(response.status).toBe(200);
  const { token } = (await response.json()) as { token: string };
  return token;
}

function refresh(base: string, token?: string): Promise<Response> {
  return fetch(`${demo.apiOrigin}${base}/auth/token/refresh/`, {
    method: 'POST',
    headers: token ? { Authorization: `Token ${token}` } : {},
  });
}

describe('CORS preflight for the token refresh', () => {
  it('buggy /api does not allow the authorization header', async () => {
    const response = await preflight('/api/auth/token/refresh/');
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(demo.appOrigin);
    expect(allowedHeaders(response)).toEqual(['content-type']);
  });

  it('fixed /fixed/api allows it', async () => {
    const response = await preflight('/fixed/api/auth/token/refresh/');
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(demo.appOrigin);
    expect(allowedHeaders(response)).toContain('authorization');
  });
});

describe('token auth', () => {
  it('login then refresh works and rotates the token', async () => {
    const first = await login('/api');
    expect(first).toMatch(/^[0-9a-f]{40}$/);
    const refreshed = await refresh('/api', first);
    expect(refreshed.status).toBe(200);
    const { token: second } = (await refreshed.json()) as { token: string };
    expect(second).toMatch(/^[0-9a-f]{40}$/);
    expect(second).not.toBe(first);
    expect((await refresh('/api', first)).status).toBe(401);
    expect((await refresh('/fixed/api', second)).status).toBe(200);
  });

  it('refresh without a token is 401 JSON', async () => {
    const response = await refresh('/api');
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toMatch(/application\/json/);
  });

  it('rejects login without credentials', async () => {
    const response = await fetch(`${demo.apiOrigin}/api/auth/login/`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: '', password: '' }),
    });
    expect(response.status).toBe(400);
  });

  it('widgets need a token', async () => {
    expect((await fetch(`${demo.apiOrigin}/fixed/api/widgets/`)).status).toBe(401);
    const token = await login('/fixed/api');
    const response = await fetch(`${demo.apiOrigin}/fixed/api/widgets/`, {
      headers: { Authorization: `Token ${token}` },
    });
    expect(response.status).toBe(200);
    const widgets = (await response.json()) as Array<{ id: string; value: number }>;
    expect(widgets.length).toBeGreaterThan(0);
    expect(typeof widgets[0]?.value).toBe('number');
  });
});

function socketUrl(token: string): string {
  return `${demo.apiOrigin.replace('http:', 'ws:')}/ws/widgets/?token=${token}`;
}

function nextMessage(socket: WebSocket, type: string, timeoutMs: number): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${type} within ${timeoutMs} ms`)), timeoutMs);
    socket.on('message', (data) => {
      const message = JSON.parse(String(data)) as Record<string, unknown>;
      if (message.type !== type) return;
      clearTimeout(timer);
      resolve(message);
    });
  });
}

describe('widgets WebSocket', () => {
  it('closes a socket without a valid token with 4401', async () => {
    const socket = new WebSocket(socketUrl('not-a-token'));
    const code = await new Promise<number>((resolve) =>
      socket.on('close', (closeCode) => resolve(closeCode)),
    );
    expect(code).toBe(4401);
  });

  it('pushes widget.update within 1 s and answers subscribe', async () => {
    const socket = new WebSocket(socketUrl(await login('/fixed/api')));
    try {
      await new Promise((resolve, reject) => {
        socket.once('open', resolve);
        socket.once('error', reject);
      });
      const update = nextMessage(socket, 'widget.update', 1000);
      const subscribed = nextMessage(socket, 'subscribed', 1000);
      socket.send(JSON.stringify({ type: 'subscribe', channel: 'widgets' }));
      expect(await subscribed).toEqual({ type: 'subscribed', channel: 'widgets' });
      const message = await update;
      expect(typeof message.widget).toBe('string');
      expect(typeof message.value).toBe('number');
      expect(typeof message.at).toBe('number');
    } finally {
      socket.terminate();
    }
  });
});

describe('the app origin', () => {
  it('serves the page with no-store and the API origin injected', async () => {
    const response = await fetch(demo.url('fixed'));
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const html = await response.text();
    expect(html).toContain(`window.__DEMO_CONFIG__={"apiOrigin":"${demo.apiOrigin}"}`);
    expect(html).toContain('data-testid="ws-status"');
    expect(demo.url()).toBe(`${demo.appOrigin}/?variant=buggy`);
  });

  it('built a minified websocketService-<hash>.js chunk', async () => {
    const { outDir, rebuilt } = await buildDemoApp();
    expect(rebuilt).toBe(false);
    const chunks = (await readdir(join(outDir, 'assets'))).filter((name) =>
      /^websocketService-[\w-]{8}\.js$/.test(name),
    );
    expect(chunks).toHaveLength(1);
    const code = await readFile(join(outDir, 'assets', chunks[0] as string), 'utf8');
    expect(code).toContain('Auth context not provided');
    expect(code).not.toContain('WebSocketService');
    // Minified: everything on one line, then the source map comment.
    expect(code.trimEnd().split('\n')).toHaveLength(2);
    const served = await fetch(`${demo.appOrigin}/assets/${chunks[0]}`);
    expect(served.headers.get('content-type')).toMatch(/javascript/);
    expect(await served.text()).toBe(code);
  });

  it('does not serve files outside the build', async () => {
    const response = await fetch(`${demo.appOrigin}/assets/..%2f..%2f..%2fpackage.json`);
    expect(response.status).toBe(404);
  });
});
