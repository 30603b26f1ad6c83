/**
 * `network/request-failed`: nothing failed is silent. The corpus's failed-request files (Chrome,
 * Firefox, Playwright, mitmproxy), small HAR texts in each tool's shape, and CDP's own reports
 * (refused, DNS, canceled, blocked) each give a finding with the file's or browser's error text;
 * a failure CORS explains is left to the CORS rules.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importHarText } from '../../../core/har';
import type { Finding } from '../../../core/model';
import { Recording } from '../../../core/reducer';
import { findFindings } from '../../../core/rules';
import { corsConsoleOnlyFailure, corsRefreshFailure, eventLog, type EventLog } from '../events';

const CORPUS = '/work/shared/corpus/har';
const RULE = 'network/request-failed';

function fromHar(text: string, locale: 'en' | 'ru' = 'en'): { findings: Finding[]; skipped: number } {
  const result = importHarText(text);
  const rec = new Recording();
  rec.apply(result.events);
  return { findings: findFindings(rec, undefined, { locale }), skipped: result.skipped.length };
}

function fromLog(log: EventLog, locale: 'en' | 'ru' = 'en'): Finding[] {
  const rec = new Recording();
  rec.apply(log.events);
  return findFindings(rec, undefined, { locale });
}

const fact = (f: Finding | undefined, label: string) => f?.facts.find((x) => x.label === label)?.value;

/** A HAR 1.2 file of the given entries (each: url, status, and where the tool puts its error). */
function har(
  entries: Array<{ url: string; status?: number; entryError?: string; responseError?: string; at?: number }>,
): string {
  return JSON.stringify({
    log: {
      version: '1.2',
      creator: { name: 'WebInspector', version: '537.36' },
      entries: entries.map((e, i) => ({
        startedDateTime: new Date(Date.UTC(2026, 11, 5, 12, 0, 0, e.at ?? i * 10)).toISOString(),
        time: 5,
        _resourceType: 'fetch',
        ...(e.entryError !== undefined ? { _error: e.entryError } : {}),
        request: {
          method: 'GET',
          url: e.url,
          httpVersion: 'HTTP/1.1',
          headers: [],
          queryString: [],
          cookies: [],
        },
        response: {
          status: e.status ?? 0,
          statusText: '',
          httpVersion: '',
          headers: [],
          cookies: [],
          content: { size: 0, mimeType: '' },
          redirectURL: '',
          headersSize: -1,
          bodySize: -1,
          ...(e.responseError !== undefined ? { _error: e.responseError } : {}),
        },
        cache: {},
        timings: { send: 0, wait: 0, receive: 0 },
      })),
    },
  });
}

describe('network/request-failed on the corpus', () => {
  const files: Array<[string, RegExp, string]> = [
    // [file, title, error fact]
    [
      'chrome-status0-empty-content-mswjs-source.har',
      /^No response from 127\.0\.0\.1:61959: status 0$/,
      'No response (status 0)',
    ],
    [
      'firefox126-status0-noresponse-zap-extensions.har',
      /^No response from example\.com: status 0$/,
      'No response (status 0)',
    ],
    [
      'playwright-failed-status-minus1-no-pages-playwright.har',
      /^No response from localhost:8907: status -1$/,
      'No response (status -1)',
    ],
    [
      'mitmproxy-savehar-connect-error-null-timings-mitmproxy.har',
      /^Could not connect to 163\.com: Multiple exceptions: \[Errno 60\] Connect call failed/,
      "Multiple exceptions: [Errno 60] Connect call failed ('123.58.180.8', 80), [Errno 60] Connect call failed ('123.58.180.7', 80)",
    ],
  ];

  it.each(files)('%s gets a finding with the file’s own error text', (file, title, error) => {
    const { findings } = fromHar(readFileSync(`${CORPUS}/${file}`, 'utf8'));
    const failed = findings.filter((f) => f.ruleId === RULE);
    expect(failed).toHaveLength(1);
    expect(failed[0].title).toMatch(title);
    expect(failed[0].severity).toBe('error');
    expect(fact(failed[0], 'Error')).toBe(error);
    expect(failed[0].basis).toBe('har');
    expect(failed[0].evidence).toHaveLength(1);
  });

  it('the Playwright retry that succeeded is not a failure', () => {
    const { findings } = fromHar(
      readFileSync(`${CORPUS}/playwright-failed-status-minus1-no-pages-playwright.har`, 'utf8'),
    );
    expect(findings.filter((f) => f.ruleId === RULE).map((f) => f.count)).toEqual([1]);
  });

  it('the Firefox entry with an empty URL cannot be a request: the import skips it and says so', () => {
    // Its only entry has `request.url: ""`: nothing to name in a finding. Saying "skipped" (and not
    // "No problems found" alone) is the command line's part.
    const { findings, skipped } = fromHar(
      readFileSync(`${CORPUS}/firefox126-empty-url-status0-zap-extensions.har`, 'utf8'),
    );
    expect(skipped).toBe(1);
    expect(findings).toEqual([]);
  });
});

describe('network/request-failed from HAR texts', () => {
  it('groups by error and host, with counts and every request as evidence', () => {
    const { findings } = fromHar(
      har([
        { url: 'http://127.0.0.1:9/api/a?token=x', entryError: 'net::ERR_CONNECTION_REFUSED' },
        { url: 'http://127.0.0.1:9/api/b', entryError: 'net::ERR_CONNECTION_REFUSED' },
        { url: 'http://api.invalid/x', entryError: 'net::ERR_NAME_NOT_RESOLVED' },
        { url: 'http://127.0.0.1:9/ok', status: 200 },
      ]),
    );
    const failed = findings.filter((f) => f.ruleId === RULE);
    expect(failed.map((f) => f.title)).toEqual([
      'Connection refused by 127.0.0.1:9: net::ERR_CONNECTION_REFUSED (2 requests)',
      'The host name api.invalid could not be resolved: net::ERR_NAME_NOT_RESOLVED',
    ]);
    const [refused, dns] = failed;
    expect(refused.count).toBe(2);
    // Labels never carry the query (a token in the URL stays out of the finding's text).
    expect(refused.evidence.map((e) => e.label)).toEqual([
      'GET http://127.0.0.1:9/api/a — net::ERR_CONNECTION_REFUSED',
      'GET http://127.0.0.1:9/api/b — net::ERR_CONNECTION_REFUSED',
    ]);
    expect(refused.explanation).toContain('2 requests to 127.0.0.1:9 failed this way');
    expect(refused.fix).toMatch(/server is running and listening/);
    expect(dns.fix).toMatch(/host name in the request URL/);
  });

  it('reads Chrome’s error where Chrome writes it: on the response', () => {
    const { findings } = fromHar(
      har([{ url: 'https://api.example.test/v1', responseError: 'net::ERR_TIMED_OUT' }]),
    );
    const [finding] = findings.filter((f) => f.ruleId === RULE);
    expect(finding.title).toBe('Requests to api.example.test timed out: net::ERR_TIMED_OUT');
  });

  it('a canceled request is info, a blocker extension a warning, a certificate an error', () => {
    const { findings } = fromHar(
      har([
        { url: 'http://a.test/nav', entryError: 'net::ERR_ABORTED' },
        { url: 'http://ads.test/pixel', entryError: 'net::ERR_BLOCKED_BY_CLIENT' },
        { url: 'https://self-signed.test/', entryError: 'net::ERR_CERT_AUTHORITY_INVALID' },
      ]),
    );
    const bySeverity = findings.filter((f) => f.ruleId === RULE).map((f) => [f.severity, f.title]);
    expect(bySeverity).toEqual([
      ['error', 'The TLS certificate of self-signed.test was not accepted: net::ERR_CERT_AUTHORITY_INVALID'],
      ['warning', 'Requests to ads.test were blocked by a browser extension: net::ERR_BLOCKED_BY_CLIENT'],
      ['info', 'Requests to a.test were canceled: net::ERR_ABORTED'],
    ]);
  });

  it('lists the first 100 requests of a large group and says how many there were', () => {
    const entries = [];
    for (let i = 0; i < 150; i++)
      entries.push({ url: `http://down.test/r${i}`, entryError: 'net::ERR_CONNECTION_RESET' });
    const [finding] = fromHar(har(entries)).findings;
    expect(finding.count).toBe(150);
    expect(finding.evidence).toHaveLength(100);
    expect(fact(finding, 'Listed')).toBe('the first 100 of 150');
  });

  it('speaks Russian with the right plural', () => {
    const { findings } = fromHar(
      har([
        { url: 'http://127.0.0.1:9/a', entryError: 'net::ERR_CONNECTION_REFUSED' },
        { url: 'http://127.0.0.1:9/b', entryError: 'net::ERR_CONNECTION_REFUSED' },
      ]),
      'ru',
    );
    expect(findings[0].title).toBe(
      '127.0.0.1:9 отклонил соединение: net::ERR_CONNECTION_REFUSED (2 запроса)',
    );
    expect(findings[0].explanation).toContain('Так не выполнены 2 запроса к 127.0.0.1:9');
    expect(fact(findings[0], 'Ошибка')).toBe('net::ERR_CONNECTION_REFUSED');
  });
});

describe('network/request-failed from CDP', () => {
  const start = (log: EventLog, id: string, url: string) =>
    log.cdp({ kind: 'request.start', requestId: id, url, method: 'GET', headers: {}, resourceType: 'fetch' });

  it('uses the browser’s flags: canceled is info, blockedReason says why', () => {
    const log = eventLog();
    start(log, '1', 'http://127.0.0.1:5173/page-2');
    start(log, '2', 'http://cdn.test/lib.js');
    log
      .at(10)
      .cdp({ kind: 'request.failed', requestId: '1', errorText: 'net::ERR_ABORTED', canceled: true })
      .cdp({
        kind: 'request.failed',
        requestId: '2',
        errorText: 'net::ERR_BLOCKED_BY_CLIENT',
        blockedReason: 'csp',
      });
    const failed = fromLog(log).filter((f) => f.ruleId === RULE);
    expect(failed.map((f) => [f.severity, f.basis])).toEqual([
      ['error', 'cdp'],
      ['info', 'cdp'],
    ]);
    expect(failed[0].title).toBe('The browser blocked requests to cdn.test: net::ERR_BLOCKED_BY_CLIENT');
    expect(fact(failed[0], 'Blocked because')).toBe('csp');
    expect(failed[0].explanation).toContain('Blocked because: csp.');
  });

  it('leaves CORS failures to the CORS rules, whether CDP or only the console said so', () => {
    for (const log of [corsRefreshFailure(eventLog()), corsConsoleOnlyFailure()]) {
      const rules = fromLog(log).map((f) => f.ruleId);
      expect(rules).toContain('cors/header-not-allowed');
      expect(rules).not.toContain(RULE);
    }
  });

  it('is silent when nothing failed', () => {
    const log = eventLog();
    start(log, '1', 'http://127.0.0.1:8000/ok');
    log.at(5).cdp({ kind: 'request.response', requestId: '1', status: 200, statusText: 'OK', headers: {} });
    log.cdp({ kind: 'request.finished', requestId: '1' });
    expect(fromLog(log)).toEqual([]);
  });
});
