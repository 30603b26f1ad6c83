/**
 * The probe in real Chromium, without the extension: the bundle is injected as an init script
 * (what a MAIN-world document_start content script amounts to) and a page with the probe is
 * compared with a page without it. Also checks that it really captures. (What the probe costs
 * the page is measured by benchmarks, not by tests: timing on a shared 2-core machine is noise.)
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { build } from 'esbuild';
import { WebSocketServer } from 'ws';

test.use({
  browserName: 'chromium',
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  },
});

let probeScript = '';
let server: Server;
let wss: WebSocketServer;
let origin = '';

test.beforeAll(async () => {
  const entry = fileURLToPath(new URL('../../probe/index.ts', import.meta.url));
  const result = await build({
    stdin: {
      contents: `import { installProbe } from ${JSON.stringify(entry)};\ninstallProbe(window);\n`,
      resolveDir: process.cwd(),
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    target: 'chrome120',
    write: false,
  });
  probeScript = result.outputFiles[0].text;

  server = createServer((req, res) => {
    if (req.url === '/sse') {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write('data: hello\n\n');
      return;
    }
    if (req.url?.startsWith('/api/ping')) {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"ok":true}');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end('<!doctype html><title>app</title><p>app</p>');
  });
  wss = new WebSocketServer({ server, path: '/ws' });
  wss.on('connection', (socket) => socket.on('message', (data) => socket.send(`echo:${String(data)}`)));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

test.afterAll(async () => {
  for (const client of wss.clients) client.terminate();
  wss.close();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

async function open(page: Page, withProbe: boolean): Promise<void> {
  if (withProbe) await page.addInitScript({ content: probeScript });
  await page.goto(`${origin}/`);
}

/** Everything a page could check about the built-ins the probe wraps. Runs in the page. */
function fingerprint() {
  const toString = Function.prototype.toString;
  const w = window as unknown as Record<string, Function & { prototype?: object }>;
  const wsUrl = `ws://${location.host}/ws`;
  const report: Record<string, unknown> = {};
  for (const name of ['WebSocket', 'EventSource', 'XMLHttpRequest', 'fetch']) {
    const C = w[name];
    const desc = Object.getOwnPropertyDescriptor(window, name)!;
    report[name] = {
      name: C.name,
      length: C.length,
      string: String(C),
      toString: toString.call(C),
      ownNames: Object.getOwnPropertyNames(C),
      protoNames: C.prototype ? Object.getOwnPropertyNames(C.prototype) : null,
      protoOfProto: C.prototype ? Object.getPrototypeOf(C.prototype) === EventTarget.prototype : null,
      constructorIsSelf: C.prototype ? (C.prototype as { constructor: unknown }).constructor === C : null,
      descriptor: [desc.writable, desc.enumerable, desc.configurable],
      callWithoutNew: (() => {
        try {
          return String((C as () => unknown)());
        } catch (error) {
          return `${(error as Error).name}: ${(error as Error).message}`;
        }
      })(),
    };
  }
  const ws = new WebSocket(wsUrl);
  class MySocket extends WebSocket {}
  const mine = new MySocket(wsUrl);
  const es = new EventSource('/sse');
  class MySource extends EventSource {}
  const mySource = new MySource('/sse');
  class MyXhr extends XMLHttpRequest {}
  report.instances = {
    ws: [
      ws instanceof WebSocket,
      Object.getPrototypeOf(ws) === WebSocket.prototype,
      ws.constructor === WebSocket,
    ],
    subclass: [
      mine instanceof MySocket,
      mine instanceof WebSocket,
      Object.getPrototypeOf(MySocket) === WebSocket,
    ],
    es: [es instanceof EventSource, Object.getPrototypeOf(es) === EventSource.prototype],
    esSubclass: [mySource instanceof MySource, mySource instanceof EventSource],
    xhr: [
      new XMLHttpRequest() instanceof XMLHttpRequest,
      new MyXhr() instanceof XMLHttpRequest,
      new MyXhr() instanceof MyXhr,
    ],
  };
  ws.close();
  mine.close();
  es.close();
  mySource.close();
  report.statics = [WebSocket.OPEN, WebSocket.CLOSED, EventSource.CLOSED, XMLHttpRequest.DONE];
  report.methods = [
    toString.call(XMLHttpRequest.prototype.send),
    toString.call(XMLHttpRequest.prototype.open),
    toString.call(WebSocket.prototype.send),
    toString.call(EventSource.prototype.close),
    XMLHttpRequest.prototype.open.name,
    XMLHttpRequest.prototype.open.length,
    WebSocket.prototype.send.length,
  ];
  report.toStringItself = [
    Function.prototype.toString.toString(),
    toString.call(toString),
    toString.name,
    toString.length,
  ];
  report.badThis = (() => {
    try {
      return toString.call({});
    } catch (error) {
      return `${(error as Error).name}: ${(error as Error).message}`;
    }
  })();
  report.badUrl = (() => {
    try {
      return new WebSocket('ftp://127.0.0.1/');
    } catch (error) {
      return `${(error as Error).name}: ${(error as Error).message}`;
    }
  })();
  report.windowNames = Object.getOwnPropertyNames(window).filter((k) => !k.startsWith('__playwright')).length;
  // Playwright's tracing adds its own `__playwright_*` globals to every page: not ours to compare.
  report.windowKeys = Object.keys(window)
    .filter((k) => !k.startsWith('__playwright'))
    .join(',');
  return report;
}

test('the probe is invisible to the page: built-ins look and behave native', async ({ browser }) => {
  const plain = await browser.newPage();
  const probed = await browser.newPage();
  await open(plain, false);
  await open(probed, true);

  // Not vacuous: the probe really is installed in the probed page only.
  const installed = (page: Page) => page.evaluate(() => Object.getOwnPropertySymbols(window).map(String));
  expect(await installed(probed)).toContain('Symbol(handshake.probe)');
  expect(await installed(plain)).not.toContain('Symbol(handshake.probe)');

  const expected = await plain.evaluate(fingerprint);
  const actual = await probed.evaluate(fingerprint);
  expect(actual).toEqual(expected);
  expect((expected.fetch as { toString: string }).toString).toBe('function fetch() { [native code] }');
  await plain.close();
  await probed.close();
});

test('the probe captures once the bridge says record', async ({ page }) => {
  await open(page, true);
  await page.evaluate(() => {
    const seen: unknown[] = [];
    (window as unknown as { seen: unknown[] }).seen = seen;
    window.addEventListener('message', (event) => {
      const data = event.data as { __handshake?: string; events?: unknown[] };
      if (event.source === window && data?.__handshake === 'probe') seen.push(...(data.events ?? []));
    });
    window.postMessage({ __handshake: 'bridge', v: 1, type: 'record', on: true }, '*');
  });
  await page.evaluate(async () => {
    await (await fetch('/api/ping?from=test', { headers: { Authorization: 'Token abc' } })).text();
    await fetch('http://127.0.0.1:1/unreachable').catch(() => undefined);
    const ws = new WebSocket(`ws://${location.host}/ws`);
    await new Promise((resolve) => ws.addEventListener('open', resolve));
    ws.send('hi');
    await new Promise((resolve) => ws.addEventListener('message', resolve));
    ws.close(1000, 'done');
    setTimeout(() => Promise.reject(new Error('Auth context not provided')), 0);
  });
  const kinds = () =>
    page.evaluate(() => (window as unknown as { seen: Array<{ kind: string }> }).seen.map((e) => e.kind));
  await expect.poll(kinds).toContain('exception');
  await expect.poll(kinds).toContain('channel.closed');

  const seen = await page.evaluate(
    () => (window as unknown as { seen: Array<Record<string, unknown>> }).seen,
  );
  expect(seen[0]).toMatchObject({ kind: 'page.load', url: `${origin}/` });
  expect(seen).toContainEqual(
    expect.objectContaining({
      kind: 'request.start',
      method: 'GET',
      url: `${origin}/api/ping?from=test`,
      headers: { authorization: 'Token abc' },
      resourceType: 'fetch',
    }),
  );
  expect(seen).toContainEqual(
    expect.objectContaining({ kind: 'request.response', status: 200, mimeType: 'application/json' }),
  );
  expect(seen).toContainEqual(
    expect.objectContaining({ kind: 'request.failed', errorText: 'TypeError: Failed to fetch' }),
  );
  expect(seen).toContainEqual(
    expect.objectContaining({ kind: 'channel.frame', direction: 'send', data: 'hi' }),
  );
  expect(seen).toContainEqual(
    expect.objectContaining({ kind: 'channel.frame', direction: 'receive', data: 'echo:hi' }),
  );
  expect(seen).toContainEqual(
    expect.objectContaining({ kind: 'channel.closed', code: 1000, reason: 'done', wasClean: true }),
  );
  expect(seen).toContainEqual(
    expect.objectContaining({
      kind: 'exception',
      surface: 'unhandledrejection',
      message: 'Error: Auth context not provided',
      errorName: 'Error',
    }),
  );
});
