/**
 * Fault: the recorded page turns hostile. For several seconds it posts thousands of forged
 * probe messages a second — wrong shapes, strings past the caps, `time: 1e308`,
 * `overflow: 1e308`, and well-formed events reusing the ids of its own real requests (the
 * browser's CDP ids and the probe's) to rewrite their outcome — while it sends real
 * cross-origin requests that Chromium refuses. The panel keeps answering clicks, every real
 * request keeps Chromium's own CORS verdict and URL, and the refused messages are counted in
 * the toolbar.
 */
import { panelLog } from '../support/faults';
import { expect, test } from '../support/fixtures';

const REAL = 4;

test('a forged-message storm neither jams the panel nor rewrites real requests', async ({
  context,
  demo,
  openPanel,
}) => {
  test.setTimeout(90_000);
  const page = await context.newPage();
  // The browser's request ids, as a page that guessed them right would use them.
  const cdp = await context.newCDPSession(page);
  const realIds: string[] = [];
  cdp.on('Network.requestWillBeSent', (e) => {
    if (e.request.url.includes('storm-real')) realIds.push(e.requestId);
  });
  await cdp.send('Network.enable');
  await page.goto(demo.url('fixed'));
  const panel = await openPanel(page);
  await panel.recordAndReload();
  await expect(panel.page.getByTestId('cdp-state')).toContainText('attached');

  // The storm: every 10 ms a burst of forged messages, until told to stop.
  await page.evaluate(() => {
    const w = window as unknown as {
      __collide: string[];
      __storm: number;
      __posted: number;
      __since: number;
    };
    w.__collide = [];
    w.__posted = 0;
    w.__since = Date.now();
    const huge = 'x'.repeat(200 * 1024);
    const envelope = (events: unknown, extra: object = {}) => ({
      __handshake: 'probe',
      v: 1,
      type: 'events',
      overflow: 0,
      events,
      ...extra,
    });
    let tick = 0;
    w.__storm = window.setInterval(() => {
      tick++;
      const ids = ['page:1', 'page:2', 'page:3', ...w.__collide];
      const id = ids[tick % ids.length];
      const forged: unknown[] = [
        { __handshake: 'probe', events: 'nope' },
        envelope([{ kind: 'user.action', action: 'replay', time: 1 }]),
        envelope([{ kind: 'request.failed', requestId: id, errorText: 'forged', time: 1e308 }]),
        envelope([], { overflow: 1e308 }),
        envelope([
          {
            kind: 'request.start',
            requestId: id,
            url: 'https://evil.example/x.js',
            method: 'GET',
            headers: {},
            resourceType: 'fetch',
            time: Date.now(),
          },
          {
            kind: 'request.response',
            requestId: id,
            status: 200,
            statusText: 'OK',
            headers: { 'access-control-allow-origin': '*' },
            time: Date.now(),
          },
          { kind: 'request.finished', requestId: id, time: Date.now() },
        ]),
        envelope([{ kind: 'request.failed', requestId: id, errorText: 'forged', time: 'soon' }]),
        envelope([{ kind: 'page.load', url: huge, time: Date.now() }]),
        null,
        42,
        { __handshake: 'probe', v: 1, type: 'events', overflow: -1, events: [] },
      ];
      // Thousands of messages a second; the huge one only every tenth burst (memory, not CPU).
      for (let i = 0; i < 100; i++) {
        const msg = forged[(tick + i) % forged.length];
        if (
          msg &&
          typeof msg === 'object' &&
          'events' in msg &&
          Array.isArray(msg.events) &&
          (msg.events[0] as { url?: string })?.url === huge &&
          tick % 10 !== 0
        )
          continue;
        window.postMessage(msg, '*');
        w.__posted++;
      }
    }, 10);
  });

  // Real requests while it rages: cross-origin with a header the API's preflight does not allow.
  const api = demo.apiOrigin;
  for (let i = 1; i <= REAL; i++) {
    await page.evaluate(
      ({ api, i }) =>
        fetch(`${api}/api/storm-real-${i}`, { method: 'PUT', headers: { authorization: 'Bearer t' } }).catch(
          () => undefined,
        ),
      { api, i },
    );
    await expect.poll(() => realIds.length).toBeGreaterThanOrEqual(i);
    // The page now knows the browser's id of that request and forges with it too.
    await page.evaluate((ids) => {
      (window as unknown as { __collide: string[] }).__collide = ids;
    }, realIds.slice());
  }

  // The panel answers a click during the storm.
  const filter = panel.page.getByLabel('Filter the timeline');
  await filter.fill('storm-real-1');
  const row = panel
    .timelineRows('request')
    .filter({ hasText: 'storm-real-1' })
    .filter({ hasNotText: 'OPTIONS' });
  await expect(row).toHaveCount(1, { timeout: 20_000 });
  const clickedAt = Date.now();
  await row.click();
  await expect(panel.details.getByTestId('cors-verdict')).toBeVisible();
  const answerMs = Date.now() - clickedAt;
  expect(answerMs, 'the panel answered a click within 5 s during the storm').toBeLessThan(5000);

  // Let it rage for a while before looking at what it did.
  const postedSoFar = () => page.evaluate(() => (window as unknown as { __posted: number }).__posted);
  await expect.poll(postedSoFar, { timeout: 30_000 }).toBeGreaterThan(12_000);
  // Still raging: each real request keeps its URL and Chromium's own verdict.
  for (let i = 1; i <= REAL; i++) {
    await filter.fill(`storm-real-${i}`);
    const real = panel
      .timelineRows('request')
      .filter({ hasText: `storm-real-${i}` })
      .filter({ hasNotText: 'OPTIONS' });
    await expect(real).toHaveCount(1);
    await real.click();
    const table = panel.details.getByTestId('cors-verdict').getByRole('table', { name: 'CORS verdict' });
    await expect(table).toContainText('HeaderDisallowedByPreflightResponse (authorization)');
    await expect(table).toContainText("Chromium's verdict (CDP)");
  }
  const posted = await page.evaluate(() => {
    const w = window as unknown as { __storm: number; __posted: number; __since: number };
    window.clearInterval(w.__storm);
    return { count: w.__posted, perSecond: Math.round((w.__posted * 1000) / (Date.now() - w.__since)) };
  });
  expect(posted.count).toBeGreaterThan(12_000);

  // The forged events reusing the browser's ids did reach the log, in the page's own namespace.
  const { picked } = await panelLog(panel.page, { kinds: ['request.start'] });
  const collided = picked.filter(
    (e) => e.source === 'page' && realIds.some((id) => e.requestId === `page:${id}`),
  );
  expect(collided.length).toBeGreaterThan(0);
  expect(collided.every((e) => e.url === 'https://evil.example/x.js')).toBe(true);

  // A forged user action never becomes one.
  await filter.fill('');
  await expect(panel.timelineRows('action').filter({ hasText: 'replay' })).toHaveCount(0);

  // The refused messages are counted in the toolbar.
  const dropped = panel.page.getByTestId('dropped-count');
  await expect(dropped).toHaveClass(/tone-error/);
  await expect
    .poll(async () => Number(/\d+/.exec((await dropped.textContent()) ?? '')?.[0] ?? 0))
    .toBeGreaterThan(1000);
  console.log(
    `storm: ${posted.count} forged messages posted (${posted.perSecond}/s); the panel answered a click in ${answerMs} ms`,
  );
});
