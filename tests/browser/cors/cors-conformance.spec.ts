/**
 * CORS conformance: every configuration of `cors-configs.ts` is fetched cross-origin from real
 * Chromium; Chromium's own verdict (CDP `Network.loadingFailed.corsErrorStatus`, or success) is
 * compared with what `core/cors` computes from the request and the logged answers alone, and with
 * what `handshake analyze` finds in the same run written as Chrome's DevTools exports a HAR
 * (`chrome-har.ts`; each file is kept in test-results/cors-har/ for a look).
 * Writes the table to docs/cors-conformance.md. Plain Playwright: no extension needed.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, expect, test, type Browser, type Page } from '@playwright/test';
import { format } from 'prettier';
import { analyseCors, sameVerdict, type CorsVerdict } from '../../../core/cors/analyse';
import { chromiumPath, QUIET_FLAGS } from '../support/chromium';
import { CONFIGS, type CorsConfig } from './cors-configs';
import { startCorsServers, type CorsServers } from './cors-server';
import { runInPage, type PageResult } from './run-in-page';
import { conformanceTable, type Row } from './conformance-table';
import { ChromeHarWriter } from './chrome-har';
import { describeHarVerdict, verdictFromHar, type HarVerdict } from './from-har';

const DOC = fileURLToPath(new URL('../../../docs/cors-conformance.md', import.meta.url));

interface BrowserVerdict {
  done: boolean;
  corsError?: string;
  failedParameter?: string;
  errorText?: string;
}

/** Collects Chromium's verdict per configuration id from the page's CDP Network events. */
async function watchVerdicts(page: Page, verdicts: Map<string, BrowserVerdict>): Promise<ChromeHarWriter> {
  const cdp = await page.context().newCDPSession(page);
  const har = new ChromeHarWriter(cdp);
  const idOf = new Map<string, string>();
  cdp.on('Network.requestWillBeSent', (e) => {
    const match = /\/c\/([\w-]+)/.exec(e.request.url);
    // The preflight is a request of its own; the verdict sits on the actual request.
    if (match && e.initiator.type !== 'preflight' && e.request.method !== 'OPTIONS')
      idOf.set(e.requestId, match[1]);
  });
  cdp.on('Network.loadingFinished', (e) => {
    const id = idOf.get(e.requestId);
    if (id) verdicts.set(id, { done: true });
  });
  cdp.on('Network.loadingFailed', (e) => {
    const id = idOf.get(e.requestId);
    if (!id) return;
    verdicts.set(id, {
      done: true,
      corsError: e.corsErrorStatus?.corsError,
      failedParameter: e.corsErrorStatus?.failedParameter,
      errorText: e.errorText,
    });
  });
  await cdp.send('Network.enable');
  return har;
}

function describeBrowser(v: BrowserVerdict | undefined, page: PageResult | undefined): string {
  if (v?.corsError) return `${v.corsError} (${v.failedParameter ?? ''})`;
  if (page?.ok) return 'allowed';
  if (!v) return 'no CDP event';
  if (v.corsError) return `${v.corsError} (${v.failedParameter ?? ''})`;
  if (v.errorText) return `failed: ${v.errorText}`;
  return page?.ok ? 'allowed' : `page error: ${page?.error ?? 'none'}`;
}

function describeOurs(v: CorsVerdict): string {
  if (v.outcome !== 'blocked') return v.outcome;
  const also = v.disallowedHeaders?.slice(1) ?? [];
  return `${v.corsError} (${v.failedParameter ?? ''}${also.length ? `; also ${also.join(', ')}` : ''})`;
}

/** Agreement: the same reason and failed parameter, or both allowed. */
function agrees(v: CorsVerdict, browser: BrowserVerdict | undefined, page: PageResult | undefined): boolean {
  if (browser?.corsError)
    return sameVerdict(v, { corsError: browser.corsError, failedParameter: browser.failedParameter ?? '' });
  return page?.ok === true && sameVerdict(v, undefined);
}

/** Agreement of the HAR-alone verdict: the same first failure, or none where Chromium allowed it. */
function harAgrees(
  v: HarVerdict,
  browser: BrowserVerdict | undefined,
  page: PageResult | undefined,
): boolean {
  const first = v.occurrences[0];
  // Chrome's HAR records every failure: a verdict on a request it calls done would be a guess.
  if (v.occurrences.some((o) => o.verdict.inference === 'failureNotRecorded')) return false;
  if (!browser?.corsError) return page?.ok === true && first === undefined;
  if (first?.corsError !== browser.corsError) return false;
  const listed = first.verdict.ours?.disallowedHeaders;
  return listed && first.verdict.basis !== 'cdp'
    ? listed.includes(browser.failedParameter ?? '')
    : first.failedParameter === (browser.failedParameter ?? '');
}

function ours(config: CorsConfig, servers: CorsServers): CorsVerdict {
  const logged = servers.exchanges.get(config.id);
  return analyseCors({
    request: {
      method: config.method,
      url: `${servers.api}/c/${config.id}`,
      headers: config.headers ?? {},
      credentials: config.credentials ?? 'same-origin',
      origin: config.page === 'null' ? 'null' : servers.app,
    },
    preflight: logged?.preflight,
    responses: logged?.responses ?? [],
  });
}

test.describe('CORS conformance against Chromium', () => {
  let servers: CorsServers;
  let browser: Browser;

  test.beforeAll(async () => {
    servers = await startCorsServers();
    browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: QUIET_FLAGS });
  });

  test.afterAll(async () => {
    await browser?.close();
    await servers?.close();
  });

  test(`the analyser agrees with Chromium on all ${CONFIGS.length} configurations, from the headers and from the HAR alone`, async () => {
    expect(CONFIGS.length).toBeGreaterThanOrEqual(110);
    const verdicts = new Map<string, BrowserVerdict>();
    const appPage = await browser.newPage();
    await appPage.goto(servers.app);
    const nullPage = await browser.newPage();
    await nullPage.goto(`${servers.app}/opaque`);
    const hars = [await watchVerdicts(appPage, verdicts), await watchVerdicts(nullPage, verdicts)];

    const [fromApp, fromNull] = await Promise.all([
      runInPage(
        appPage,
        servers.api,
        CONFIGS.filter((c) => c.page !== 'null'),
      ),
      runInPage(
        nullPage,
        servers.api,
        CONFIGS.filter((c) => c.page === 'null'),
      ),
    ]);
    const pageResults = new Map([...fromApp, ...fromNull].map((r) => [r.id, r]));
    // A page that read the answer is Chromium's "allowed"; a failure waits for its CDP event.
    const pending = () => CONFIGS.filter((c) => !pageResults.get(c.id)?.ok && !verdicts.get(c.id)?.done);
    await expect.poll(() => pending().map((c) => c.id)).toEqual([]);

    const dumps = fileURLToPath(new URL('../../../test-results/cors-har/', import.meta.url));
    mkdirSync(dumps, { recursive: true });
    const rows: Row[] = CONFIGS.map((config) => {
      const verdict = ours(config, servers);
      const own = new RegExp(`/c/${config.id}(/|$)`);
      const har = hars[config.page === 'null' ? 1 : 0].har((url) => own.test(url));
      writeFileSync(`${dumps}${config.id}.har`, har);
      const fromHar = verdictFromHar(har);
      const browserVerdict = verdicts.get(config.id);
      const pageResult = pageResults.get(config.id);
      return {
        config,
        agree: agrees(verdict, browserVerdict, pageResult),
        chromium: describeBrowser(browserVerdict, pageResult),
        ours: describeOurs(verdict),
        fromHar: describeHarVerdict(fromHar),
        harAgree: harAgrees(fromHar, browserVerdict, pageResult),
        basis: verdict.stage ?? (verdict.preflightNeeded ? 'preflight + response' : 'response'),
      };
    });
    // Ports change per run: the doc names the origins instead, so it only changes with behaviour.
    const named = (text: string) =>
      text
        .replaceAll(servers.app, '{app}')
        .replaceAll(servers.api, '{api}')
        .replaceAll(servers.other, '{other}')
        .replaceAll(`:${new URL(servers.app).port}`, ':{app-port}');
    // Formatted as `npm run lint` wants it, so a fresh run leaves the tree clean.
    writeFileSync(DOC, await format(named(conformanceTable(rows)), { parser: 'markdown' }));
    const disagreements = rows
      .filter((r) => !r.agree)
      .map((r) => `${r.config.id}: Chromium ${r.chromium}, ours ${r.ours}`);
    const harDisagreements = rows
      .filter((r) => !r.harAgree)
      .map((r) => `${r.config.id}: Chromium ${r.chromium}, from the HAR ${r.fromHar}`);
    expect({ disagreements, harDisagreements }).toEqual({ disagreements: [], harDisagreements: [] });
  });
});
