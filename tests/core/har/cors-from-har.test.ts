/**
 * Every response-side CORS family from a HAR file alone, as Chrome, Firefox and mitmproxy write
 * one: Chrome keeps the response it received and adds `response._error` (devtools-frontend
 * `models/har/Log.ts`); Firefox and mitmproxy write the response and no failure at all. Each file
 * goes through the import, the reducer and the rules as `handshake analyze` runs them.
 */
import { describe, expect, it } from 'vitest';
import { importHarText } from '../../../core/har/import';
import type { Finding } from '../../../core/model';
import { Recording } from '../../../core/reducer';
import { findFindings } from '../../../core/rules';
import { corsOccurrences } from '../../../core/rules/cors-occurrences';

const APP = 'http://127.0.0.1:5173';
const API = 'http://127.0.0.1:9001';
type Tool = 'chrome' | 'safari' | 'firefox' | 'mitmproxy';
type Pairs = Record<string, string | string[]>;

const CREATORS: Record<Tool, { name: string; version: string }> = {
  chrome: { name: 'WebInspector', version: '537.36' },
  safari: { name: 'WebKit Web Inspector', version: '618.1' },
  firefox: { name: 'Firefox', version: '126.0' },
  mitmproxy: { name: 'mitmproxy', version: '10.1.5' },
};

const list = (pairs: Pairs) =>
  Object.entries(pairs).flatMap(([name, v]) =>
    (Array.isArray(v) ? v : [v]).map((value) => ({ name, value })),
  );

interface EntrySpec {
  method?: string;
  url?: string;
  /** Request headers as sent; `Origin` and `Sec-Fetch-Mode: cors` unless given. */
  headers?: Pairs;
  status: number;
  response?: Pairs;
  /** Chrome only: the browser refused it (`net::ERR_FAILED`). */
  failed?: boolean;
  preflight?: boolean;
  at?: number;
}

function entry(tool: Tool, e: EntrySpec): unknown {
  const headers = e.headers ?? { Origin: APP, 'Sec-Fetch-Mode': 'cors' };
  const chrome = tool === 'chrome';
  return {
    ...(chrome ? { _resourceType: e.preflight ? 'preflight' : 'fetch', _initiator: { type: 'script' } } : {}),
    startedDateTime: new Date(Date.UTC(2026, 11, 5, 10, 0, 0, e.at ?? 0)).toISOString(),
    time: 12,
    request: {
      method: e.method ?? 'GET',
      url: e.url ?? `${API}/api/me`,
      httpVersion: 'HTTP/1.1',
      headers: list(headers),
      queryString: [],
      cookies: [],
      headersSize: -1,
      bodySize: 0,
    },
    response: {
      status: e.status,
      statusText: e.status ? 'OK' : '',
      httpVersion: e.status ? 'HTTP/1.1' : '',
      headers: list(e.response ?? {}),
      cookies: [],
      content: { size: 0, mimeType: 'application/json' },
      redirectURL: '',
      headersSize: -1,
      bodySize: -1,
      ...(chrome ? { _transferSize: 0, _error: e.failed ? 'net::ERR_FAILED' : null } : {}),
      // Safari writes Chrome's `_error` only on a failure, in its own words.
      ...(tool === 'safari' && e.failed
        ? { _error: 'Origin http://127.0.0.1:5173 is not allowed by Access-Control-Allow-Origin.' }
        : {}),
    },
    cache: {},
    timings: { send: 0, wait: 10, receive: 2 },
  };
}

function har(tool: Tool, entries: EntrySpec[]): string {
  return JSON.stringify({
    log: { version: '1.2', creator: CREATORS[tool], entries: entries.map((e) => entry(tool, e)) },
  });
}

function analyse(text: string) {
  const rec = new Recording();
  rec.apply(importHarText(text).events);
  return {
    occurrences: corsOccurrences(rec),
    findings: findFindings(rec).filter((f) => f.ruleId.startsWith('cors/')),
  };
}

const fact = (f: Finding | undefined, label: string) => f?.facts.find((x) => x.label === label)?.value;

/** One GET answered with `response`, as `tool` writes it (Chrome marks the refusal). */
const get = (tool: Tool, response: Pairs, extra: Partial<EntrySpec> = {}) =>
  har(tool, [{ status: 200, response, failed: true, ...extra }]);

const ACAO = 'Access-Control-Allow-Origin';
const ACAC = 'Access-Control-Allow-Credentials';

/** Response-side families: the answer, and Chromium's verdict for it. */
const FAMILIES: Array<[string, Pairs, string, string]> = [
  ['missing', {}, 'MissingAllowOriginHeader', ''],
  ['port mismatch', { [ACAO]: 'http://127.0.0.1:5174' }, 'AllowOriginMismatch', 'http://127.0.0.1:5174'],
  ['scheme mismatch', { [ACAO]: 'https://127.0.0.1:5173' }, 'AllowOriginMismatch', 'https://127.0.0.1:5173'],
  ['host mismatch', { [ACAO]: 'http://localhost:5173' }, 'AllowOriginMismatch', 'http://localhost:5173'],
  ['trailing slash', { [ACAO]: `${APP}/` }, 'AllowOriginMismatch', `${APP}/`],
  ['null', { [ACAO]: 'null' }, 'AllowOriginMismatch', 'null'],
  ['comma list', { [ACAO]: `${APP}, ${API}` }, 'MultipleAllowOriginValues', `${APP}, ${API}`],
  ['two header lines', { [ACAO]: [APP, APP] }, 'MultipleAllowOriginValues', `${APP}, ${APP}`],
  ['no scheme', { [ACAO]: '127.0.0.1:5173' }, 'InvalidAllowOriginValue', '127.0.0.1:5173'],
  [
    'port out of range',
    { [ACAO]: 'http://127.0.0.1:99999' },
    'InvalidAllowOriginValue',
    'http://127.0.0.1:99999',
  ],
  ['empty', { [ACAO]: '' }, 'InvalidAllowOriginValue', ''],
  ['*. wildcard', { [ACAO]: '*.example' }, 'InvalidAllowOriginValue', '*.example'],
];

describe.each<Tool>(['chrome', 'safari', 'firefox', 'mitmproxy'])('a %s HAR alone', (tool) => {
  it.each(FAMILIES)('names the %s family as Chromium does', (_name, response, corsError, failedParameter) => {
    const { occurrences, findings } = analyse(get(tool, response));
    expect(occurrences.map((o) => [o.corsError, o.failedParameter])).toEqual([[corsError, failedParameter]]);
    expect(findings).toHaveLength(1);
    expect(fact(findings[0], 'How we know')).toMatch(
      tool === 'chrome' || tool === 'safari'
        ? /^from the response headers: the request failed \((net::ERR_FAILED|Origin .* is not allowed by Access-Control-Allow-Origin\.)\)/
        : /^from the response headers: the file does not record that the browser refused it/,
    );
  });

  it('finds nothing where the answer lets the page read it', () => {
    expect(analyse(get(tool, { [ACAO]: APP }, { failed: false })).findings).toEqual([]);
    expect(analyse(get(tool, { [ACAO]: '*' }, { failed: false })).findings).toEqual([]);
  });

  it('does not judge a 304 that went through on its own headers (the cached ones count)', () => {
    expect(analyse(get(tool, {}, { status: 304, failed: false })).findings).toEqual([]);
  });

  it('says a wildcard with credentials when the request carried a cookie', () => {
    const text = get(
      tool,
      { [ACAO]: '*', [ACAC]: 'true' },
      {
        headers: { Origin: APP, 'Sec-Fetch-Mode': 'cors', Cookie: 'sid=1' },
      },
    );
    const { occurrences, findings } = analyse(text);
    expect(occurrences.map((o) => [o.corsError, o.failedParameter])).toEqual([
      ['WildcardOriginNotAllowed', ''],
    ]);
    expect(findings[0].ruleId).toBe('cors/credentials');
    expect(fact(findings[0], 'How we know')).toBe(
      'inferred: the request is judged as sent with credentials, because it carried a Cookie header',
    );
  });

  it('calls a 500 without CORS headers the server error it is', () => {
    const { occurrences, findings } = analyse(get(tool, {}, { status: 500 }));
    expect(occurrences.map((o) => [o.corsError, o.family])).toEqual([
      ['MissingAllowOriginHeader', 'hidden-server-error'],
    ]);
    expect(findings[0].ruleId).toBe('cors/hidden-server-error');
  });

  it('judges the actual response after a good preflight', () => {
    const text = har(tool, [
      { method: 'PUT', status: 200, response: { [ACAO]: `${APP}, ${APP}` }, failed: true, at: 0 },
      {
        method: 'OPTIONS',
        preflight: true,
        headers: { Origin: APP, 'Access-Control-Request-Method': 'PUT', 'Sec-Fetch-Mode': 'cors' },
        status: 204,
        response: { [ACAO]: APP, 'Access-Control-Allow-Methods': 'PUT' },
        at: 3,
      },
    ]);
    const { occurrences } = analyse(text);
    expect(occurrences.map((o) => [o.corsError, o.failedParameter, o.preflight?.method])).toEqual([
      ['MultipleAllowOriginValues', `${APP}, ${APP}`, 'OPTIONS'],
    ]);
  });

  it('leaves a request that was not in CORS mode alone', () => {
    const form = get(tool, {}, { method: 'POST', headers: { Origin: APP, 'Sec-Fetch-Mode': 'navigate' } });
    expect(analyse(form).findings).toEqual([]);
    const sameOrigin = get(tool, {}, { url: `${APP}/api/me` });
    expect(analyse(sameOrigin).findings).toEqual([]);
  });
});

describe('credentials the file does not state (Chrome)', () => {
  it('infers "include" from a failure that passes without credentials, and says so', () => {
    const { occurrences, findings } = analyse(get('chrome', { [ACAO]: APP, [ACAC]: 'True' }));
    expect(occurrences.map((o) => [o.corsError, o.failedParameter])).toEqual([
      ['InvalidAllowCredentials', 'True'],
    ]);
    expect(fact(findings[0], 'How we know')).toBe(
      'inferred: the credentials mode is "include", because the request failed (net::ERR_FAILED) although its answers pass without credentials',
    );
  });

  it('judges a preflight with credentials when the actual request never went out', () => {
    const text = har('chrome', [
      // Chrome writes the stopped request with its provisional headers: no Origin, status 0.
      { method: 'PUT', headers: { Accept: '*/*' }, status: 0, failed: true, at: 0 },
      {
        method: 'OPTIONS',
        preflight: true,
        headers: { Origin: APP, 'Access-Control-Request-Method': 'PUT', 'Sec-Fetch-Mode': 'cors' },
        status: 204,
        response: { [ACAO]: '*', [ACAC]: 'true', 'Access-Control-Allow-Methods': 'PUT' },
        at: 3,
      },
    ]);
    expect(analyse(text).occurrences.map((o) => o.corsError)).toEqual(['PreflightWildcardOriginNotAllowed']);
  });

  it('does not blame the preflight of a request that went out after it', () => {
    const text = har('chrome', [
      { method: 'PUT', status: 0, failed: true, at: 0 },
      {
        method: 'OPTIONS',
        preflight: true,
        headers: { Origin: APP, 'Access-Control-Request-Method': 'PUT', 'Sec-Fetch-Mode': 'cors' },
        status: 204,
        response: { [ACAO]: '*', 'Access-Control-Allow-Methods': 'PUT' },
        at: 3,
      },
    ]);
    expect(analyse(text).occurrences).toEqual([]);
  });

  it('does not report a request Chrome completed, nor guess credentials for it', () => {
    const text = get('chrome', { [ACAO]: APP }, { failed: false });
    expect(analyse(text).findings).toEqual([]);
  });
});

describe('a preflight with nothing after it (a proxy saw the browser give up)', () => {
  const lone = (tool: Tool, response: Pairs, asked: Pairs = {}) =>
    har(tool, [
      {
        method: 'OPTIONS',
        headers: { Origin: APP, 'Access-Control-Request-Method': 'PUT', 'Sec-Fetch-Mode': 'cors', ...asked },
        status: 204,
        response,
      },
    ]);

  it.each<Tool>(['mitmproxy', 'firefox'])('judges the request it was sent for (%s)', (tool) => {
    const header = analyse(
      lone(
        tool,
        { [ACAO]: APP, 'Access-Control-Allow-Methods': 'PUT' },
        { 'Access-Control-Request-Headers': 'authorization' },
      ),
    );
    expect(header.occurrences.map((o) => [o.corsError, o.failedParameter, o.request.method])).toEqual([
      ['HeaderDisallowedByPreflightResponse', 'authorization', 'PUT'],
    ]);
    expect(header.findings.map((f) => f.ruleId)).toEqual(['cors/header-not-allowed']);
    expect(header.findings[0].evidence).toHaveLength(1);
    expect(fact(header.findings[0], 'How we know')).toMatch(
      /^from the response headers: the file does not record/,
    );

    const method = analyse(lone(tool, { [ACAO]: APP }));
    expect(method.occurrences.map((o) => [o.corsError, o.failedParameter])).toEqual([
      ['MethodDisallowedByPreflightResponse', 'PUT'],
    ]);
    const origin = analyse(lone(tool, { 'Access-Control-Allow-Methods': 'PUT' }));
    expect(origin.occurrences.map((o) => o.corsError)).toEqual(['PreflightMissingAllowOriginHeader']);
  });

  it('finds nothing for a preflight the server allowed, nor twice for one with its request', () => {
    const allowed = { [ACAO]: APP, 'Access-Control-Allow-Methods': 'PUT' };
    expect(analyse(lone('mitmproxy', allowed)).occurrences).toEqual([]);
    const both = har('mitmproxy', [
      {
        method: 'OPTIONS',
        headers: { Origin: APP, 'Access-Control-Request-Method': 'PUT', 'Sec-Fetch-Mode': 'cors' },
        status: 204,
        response: allowed,
        at: 0,
      },
      { method: 'PUT', status: 200, response: {}, at: 5 },
    ]);
    expect(analyse(both).occurrences.map((o) => [o.corsError, o.request.method])).toEqual([
      ['MissingAllowOriginHeader', 'PUT'],
    ]);
  });
});
