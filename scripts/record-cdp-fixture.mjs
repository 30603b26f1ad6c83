#!/usr/bin/env node
// Records the raw CDP events of the demo's page load (both variants) into tests/fixtures/cdp/,
// so that core's normaliser, reducer and rules are tested on what Chromium really sends.
// Run by hand when the demo or Chromium changes: node scripts/record-cdp-fixture.mjs
import { writeFileSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { startDemo } from '../demo/index.mjs';

const DOMAINS = ['Network', 'Runtime', 'Log', 'Audits'];
const demo = await startDemo();
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
});
// Stable ports in the fixture: the origins are replaced by placeholders.
const scrub = (s) =>
  s
    .split(demo.appOrigin)
    .join('http://app.test')
    .split(demo.apiOrigin)
    .join('http://api.test')
    .split(demo.apiOrigin.replace('http', 'ws'))
    .join('ws://api.test');

for (const variant of ['buggy', 'fixed']) {
  const page = await browser.newPage();
  const cdp = await page.context().newCDPSession(page);
  const events = [];
  for (const d of DOMAINS) {
    cdp.on('event', () => {});
    await cdp.send(`${d}.enable`);
  }
  const methods = [
    'Network.requestWillBeSent',
    'Network.requestWillBeSentExtraInfo',
    'Network.responseReceived',
    'Network.loadingFinished',
    'Network.loadingFailed',
    'Network.webSocketCreated',
    'Network.webSocketHandshakeResponseReceived',
    'Network.webSocketFrameSent',
    'Network.webSocketFrameReceived',
    'Network.webSocketClosed',
    'Network.webSocketFrameError',
    'Network.eventSourceMessageReceived',
    'Runtime.exceptionThrown',
    'Runtime.exceptionRevoked',
    'Runtime.consoleAPICalled',
    'Log.entryAdded',
    'Audits.issueAdded',
  ];
  for (const m of methods) cdp.on(m, (params) => events.push({ method: m, params }));
  await page.goto(demo.url(variant));
  await page.waitForTimeout(variant === 'fixed' ? 1800 : 2500);
  await page.close();
  // Keep it small: at most 6 WebSocket frames received.
  let frames = 0;
  const kept = events.filter((e) => e.method !== 'Network.webSocketFrameReceived' || ++frames <= 6);
  writeFileSync(`tests/fixtures/cdp/demo-${variant}.json`, scrub(JSON.stringify(kept, null, 1)) + '\n');
  console.log(`${variant}: ${kept.length} CDP events`);
}
await browser.close();
await demo.close();
