import { describe, expect, it } from 'vitest';
import { Recording } from '../../../core/reducer';
import { findFindings } from '../../../core/rules';
import type { Finding } from '../../../core/model';
import {
  ORIGIN,
  REFRESH_URL,
  T0,
  corsConsoleOnlyFailure,
  corsRefreshFailure,
  eventLog,
  type EventLog,
} from '../events';

function findingsOf(log: EventLog): Finding[] {
  const rec = new Recording();
  rec.apply(log.events);
  return findFindings(rec).filter((f) => f.ruleId === 'cors/header-not-allowed');
}

const fact = (finding: Finding, label: string) => finding.facts.find((f) => f.label === label)?.value;

describe('cors/header-not-allowed', () => {
  it('explains the seed failure from CDP: header, preflight, what the server allowed', () => {
    const log = corsRefreshFailure(eventLog())
      .at(26)
      .page({
        kind: 'request.start',
        requestId: 'page:1',
        url: REFRESH_URL,
        method: 'POST',
        headers: {},
        resourceType: 'fetch',
      })
      .at(27)
      .page({ kind: 'request.failed', requestId: 'page:1', errorText: 'TypeError: Failed to fetch' });
    const [finding, ...rest] = findingsOf(log);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({
      severity: 'error',
      basis: 'cdp',
      count: 1,
      firstTime: T0,
      key: `cors/header-not-allowed:authorization:${REFRESH_URL}`,
      title: 'Request header "authorization" was refused by the server\'s CORS preflight',
    });
    expect(fact(finding, 'Request')).toBe(`POST ${REFRESH_URL}`);
    expect(fact(finding, 'Preflight')).toBe(`OPTIONS ${REFRESH_URL} → 200`);
    expect(fact(finding, 'Disallowed header')).toBe('authorization');
    expect(fact(finding, 'Server allowed')).toBe('content-type');
    expect(fact(finding, 'Request origin')).toBe(ORIGIN);
    expect(fact(finding, 'Asked for')).toBe('authorization,content-type');
    expect(finding.explanation).toContain('TypeError: Failed to fetch');
    expect(finding.fix).toContain('on the server');
    expect(finding.fix).toContain('header names are case-insensitive');
    expect(finding.fix).toContain('already lowercases them in Access-Control-Request-Headers');
    expect(finding.evidence.map((e) => e.id)).toEqual(['1000.1', '1000.1-pre']);
  });

  it('gives server snippets for the common backends with the actual header', () => {
    const [finding] = findingsOf(corsRefreshFailure(eventLog()));
    const snippet = (label: string) => finding.fixSnippets.find((s) => s.label.startsWith(label))?.code ?? '';
    expect(snippet('Django')).toContain('CORS_ALLOW_HEADERS = (*default_headers, "authorization")');
    expect(snippet('Express')).toContain(
      `cors({ origin: '${ORIGIN}', allowedHeaders: ['Content-Type', 'Authorization'] })`,
    );
    expect(snippet('nginx')).toContain(
      'add_header Access-Control-Allow-Headers "Content-Type, Authorization" always;',
    );
    expect(snippet('FastAPI')).toContain('allow_headers=["Content-Type", "Authorization"]');
    expect(snippet('Spring')).toContain('allowedHeaders = {"Content-Type", "Authorization"}');
  });

  it('says so when the preflight answer had no Access-Control-Allow-Headers at all', () => {
    const [finding] = findingsOf(corsRefreshFailure(eventLog(), { allowHeaders: null }));
    expect(fact(finding, 'Server allowed')).toBe('nothing (no Access-Control-Allow-Headers header)');
  });

  it('groups repeated failures of one URL and header', () => {
    const log = corsRefreshFailure(eventLog(), { id: 'a' });
    corsRefreshFailure(log, { id: 'b', at: 5000 });
    const findings = findingsOf(log);
    expect(findings).toHaveLength(1);
    expect(findings[0].count).toBe(2);
    expect(findings[0].evidence.map((e) => e.id)).toEqual(['a', 'a-pre', 'b', 'b-pre']);
  });

  it("falls back to Chromium's console text when the failure carries no verdict", () => {
    const log = corsConsoleOnlyFailure();
    const [finding] = findingsOf(log);
    expect(finding.title).toBe('Request header "x-csrftoken" was refused by the server\'s CORS preflight');
    expect(fact(finding, 'Preflight')).toBe('not captured');
    expect(fact(finding, 'Request origin')).toBe(ORIGIN);
    expect(finding.evidence.map((e) => e.type)).toEqual(['request', 'log']);
    expect(finding.fixSnippets[0].code).toContain('"x-csrftoken"');
  });

  it('does not fire on a successful request or on a different CORS error', () => {
    const ok = eventLog()
      .cdp({
        kind: 'request.start',
        requestId: '1',
        url: REFRESH_URL,
        method: 'POST',
        headers: {},
        resourceType: 'fetch',
      })
      .cdp({ kind: 'request.response', requestId: '1', status: 200, statusText: 'OK', headers: {} })
      .cdp({ kind: 'request.finished', requestId: '1' });
    expect(findingsOf(ok)).toEqual([]);
    expect(
      findingsOf(corsRefreshFailure(eventLog(), { corsError: 'PreflightMissingAllowOriginHeader' })),
    ).toEqual([]);
  });
});
