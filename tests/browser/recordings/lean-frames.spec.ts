/**
 * Each frame captured once: while the browser's debugger records the tab, the page's copy of a
 * WebSocket frame carries only its size and first 64 characters (the browser's copy has the
 * payload), yet the panel and the export hold every frame once, whole. When the debugger is gone
 * (here Chromium takes it away: the tab visits a page extensions may not debug), the page's copies
 * carry the full payloads again, and the export has them.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from '@playwright/test';
import { WebSocketServer } from 'ws';
import { exportRecording } from '../support/faults';
import { expect, test } from '../support/fixtures';

const PAD = 'x'.repeat(1000);
/** A frame: its phase and counter inside the first 64 characters, then 1,000 characters. */
const frameText = (phase: string, n: number) => `{"phase":"${phase}","n":${n},"pad":"${PAD}"}`;

let server: Server;
let url: string;
test.beforeAll(async () => {
  server = createServer((_req, res) => {
    res.setHeader('Content-Type', 'text/html');
    res.end(`<!doctype html><title>long frames</title><script>
      window.__got = {};
      window.__ws = new WebSocket('ws://' + location.host + '/ws');
      window.__ws.addEventListener('message', (e) => {
        const phase = JSON.parse(e.data).phase;
        window.__got[phase] = (window.__got[phase] || 0) + 1;
      });
      window.__open = new Promise((r) => window.__ws.addEventListener('open', r));
    </script>`);
  });
  // The page asks for `<phase>:<count>` frames; the server sends them at once.
  new WebSocketServer({ server, path: '/ws' }).on('connection', (ws) =>
    ws.on('message', (m) => {
      const [phase, count] = String(m).split(':');
      for (let n = 1; n <= Number(count); n++) ws.send(frameText(phase, n));
    }),
  );
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
test.afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((done) => server.close(() => done()));
});

/** Asks the server for `count` frames of `phase` and waits until the page received them all. */
async function flood(page: Page, phase: string, count: number): Promise<void> {
  await page.evaluate(async ([phase, count]) => {
    const w = window as unknown as { __open: Promise<void>; __ws: WebSocket; __got: Record<string, number> };
    await w.__open;
    w.__ws.send(`${phase}:${count}`);
    while ((w.__got[phase as string] ?? 0) < (count as number)) await new Promise((r) => setTimeout(r, 20));
  }, [phase, count] as const);
}

interface Copy {
  source: string;
  n: number;
  length: number;
  size: number;
  truncated: boolean;
}

/** The frames of `phase` in the panel's log (its recording store), one row per copy. */
function copiesInLog(panel: Page, phase: string): Promise<Copy[]> {
  return panel.evaluate((phase) => {
    type Event = { kind: string; source: string; data?: string; size?: number; truncated?: boolean };
    const root = document.querySelector('#app') as
      | (Element & {
          __vue_app__?: {
            config: { globalProperties: { $pinia: { _s: Map<string, { events(): Event[] }> } } };
          };
        })
      | null;
    const events = root?.__vue_app__?.config.globalProperties.$pinia._s.get('recording')?.events() ?? [];
    const out: Copy[] = [];
    const head = new RegExp(`^\\{"phase":"${phase}","n":(\\d+),`);
    for (const e of events) {
      const m = e.kind === 'channel.frame' && typeof e.data === 'string' ? head.exec(e.data) : null;
      if (m)
        out.push({
          source: e.source,
          n: Number(m[1]),
          length: e.data!.length,
          size: e.size ?? -1,
          truncated: e.truncated === true,
        });
    }
    return out;
  }, phase);
}

const COUNT = 300;

test('with the debugger attached the page sends frames without payloads, yet each frame is exported once, whole; without it the payloads come back', async ({
  context,
  openPanel,
}, testInfo) => {
  test.setTimeout(90_000);
  const page = await context.newPage();
  await page.goto(url);
  const panel = await openPanel(page);
  await panel.recordAndReload();
  const cdpState = panel.page.getByTestId('cdp-state');
  await expect(cdpState).toHaveText('Browser capture: attached');

  // Debugger attached: both observers report every frame, the page's copy without the payload.
  await flood(page, 'a', COUNT);
  const bySource = async (phase: string, source: string) =>
    (await copiesInLog(panel.page, phase)).filter((c) => c.source === source);
  await expect.poll(async () => (await bySource('a', 'cdp')).length, { timeout: 30_000 }).toBe(COUNT);
  await expect.poll(async () => (await bySource('a', 'page')).length, { timeout: 30_000 }).toBe(COUNT);
  for (const copy of await bySource('a', 'page'))
    expect(copy).toMatchObject({ length: 64, size: frameText('a', copy.n).length, truncated: true });
  for (const copy of await bySource('a', 'cdp')) expect(copy).toMatchObject({ length: frameText('a', copy.n).length, truncated: false });

  // Chromium takes the debugger away on a page extensions may not debug; back in the app, the
  // page's copies are the only ones, and they carry the payloads again.
  await page.goto('chrome://version');
  await expect(cdpState).toContainText('detached');
  await page.goto(url);
  await flood(page, 'b', COUNT);
  await expect.poll(async () => (await bySource('b', 'page')).length, { timeout: 30_000 }).toBe(COUNT);
  for (const copy of await bySource('b', 'page'))
    expect(copy).toMatchObject({ length: frameText('b', copy.n).length, size: frameText('b', copy.n).length, truncated: false });
  expect(await bySource('b', 'cdp')).toEqual([]);

  // The export: every frame of both phases once, with its whole payload.
  await panel.button('Stop').click();
  const har = await exportRecording(panel, testInfo, 'lean-frames.har');
  for (const phase of ['a', 'b']) {
    const counts = new Map<number, number>();
    for (const entry of har.log.entries)
      for (const m of entry._webSocketMessages ?? []) {
        const found = new RegExp(`^\\{"phase":"${phase}","n":(\\d+),`).exec(m.data);
        if (!found) continue;
        expect(m.data).toBe(frameText(phase, Number(found[1])));
        counts.set(Number(found[1]), (counts.get(Number(found[1])) ?? 0) + 1);
      }
    expect(counts.size, `frames of phase ${phase} in the export`).toBe(COUNT);
    expect([...counts.values()].every((c) => c === 1), `each frame of phase ${phase} once`).toBe(true);
  }
});
