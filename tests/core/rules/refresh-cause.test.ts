/**
 * A failed token refresh is grouped under its cause, from a HAR as from CDP: the CORS (or
 * network) finding first, the refresh right after it with `causedBy`, and the refresh's own words
 * name CORS instead of leading with a reachability fix. Plus the ordering itself (`causesFirst`).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { RecordedEvent } from '../../../core/events';
import { importHarText } from '../../../core/har';
import type { Finding } from '../../../core/model';
import { Recording } from '../../../core/reducer';
import { findFindings } from '../../../core/rules';
import { causesFirst, linkCauses } from '../../../core/rules/causes';
import { REFRESH_URL, corsConsoleOnlyFailure, eventLog } from '../events';

const REACHABILITY = /reachable/;

function pair(findings: Finding[]): { cors: Finding; refresh: Finding; at: number } {
  const at = findings.findIndex((f) => f.ruleId === 'auth/refresh-failed');
  expect(at).toBeGreaterThan(0);
  return { cors: findings[at - 1], refresh: findings[at], at };
}

describe('auth/refresh-failed under its CORS cause', () => {
  it('from the demo’s Chrome-shaped HAR', () => {
    const result = importHarText(readFileSync('tests/cli/fixtures/demo-buggy-chrome.har', 'utf8'));
    const rec = new Recording();
    rec.apply(result.events);
    const findings = findFindings(rec);
    const { cors, refresh } = pair(findings);
    expect(cors.ruleId).toBe('cors/header-not-allowed');
    expect(refresh.causedBy).toEqual([cors.key]);
    expect(refresh.title).toBe(
      'Token refresh failed: POST http://api.test/api/auth/token/refresh/ was refused by CORS ' +
        '(HeaderDisallowedByPreflightResponse: authorization)',
    );
    expect(refresh.fix).toMatch(/^Fix the server's CORS answer/);
    expect(refresh.fix).not.toMatch(REACHABILITY);
    // The refused refresh is the CORS finding's, not a network failure of its own.
    expect(findings.map((f) => f.ruleId)).not.toContain('network/request-failed');
  });

  it('from the recorded demo (CDP and probe events)', () => {
    const events = JSON.parse(
      readFileSync('tests/fixtures/demo-recordings/demo-buggy.json', 'utf8'),
    ) as RecordedEvent[];
    const rec = new Recording();
    rec.apply(events);
    const findings = findFindings(rec);
    const { cors, refresh } = pair(findings);
    expect(cors.ruleId).toBe('cors/header-not-allowed');
    expect(refresh.causedBy).toEqual([cors.key]);
    expect(refresh.fix).not.toMatch(REACHABILITY);
    // The other chain of the demo keeps its order too: the socket service built before auth,
    // then the missing auth context it caused.
    const ids = findings.map((f) => f.ruleId);
    expect(ids.indexOf('auth/context-missing')).toBe(ids.indexOf('realtime/socket-before-auth') + 1);
  });

  it('when only Chromium’s console line names CORS, the refresh still says CORS', () => {
    const rec = new Recording();
    rec.apply(corsConsoleOnlyFailure().events);
    const { cors, refresh } = pair(findFindings(rec));
    expect(refresh.causedBy).toEqual([cors.key]);
    expect(refresh.title).toContain('was refused by CORS (see the CORS finding)');
    expect(refresh.fix).not.toMatch(REACHABILITY);
  });
});

describe('auth/refresh-failed under a network cause', () => {
  it('a refused connection is the cause; the reachability fix is right there', () => {
    const log = eventLog()
      .cdp({
        kind: 'request.start',
        requestId: 'r1',
        url: REFRESH_URL,
        method: 'POST',
        headers: {},
        resourceType: 'fetch',
      })
      .at(3)
      .cdp({ kind: 'request.failed', requestId: 'r1', errorText: 'net::ERR_CONNECTION_REFUSED' });
    const rec = new Recording();
    rec.apply(log.events);
    const { cors: cause, refresh } = pair(findFindings(rec));
    expect(cause.ruleId).toBe('network/request-failed');
    expect(cause.title).toBe('Connection refused by 127.0.0.1:8000: net::ERR_CONNECTION_REFUSED');
    expect(refresh.causedBy).toEqual([cause.key]);
    expect(refresh.fix).toMatch(REACHABILITY);
  });
});

describe('causesFirst', () => {
  const finding = (key: string, severity: Finding['severity'], causedBy?: string[]): Finding => ({
    ruleId: key.split(':')[0],
    key,
    severity,
    title: key,
    explanation: '',
    fix: '',
    fixSnippets: [],
    facts: [],
    evidence: [],
    count: 1,
    firstTime: 0,
    basis: 'cdp',
    causedBy,
  });

  it('puts a consequence right after its cause, whatever its severity', () => {
    const sorted = [
      finding('a:error', 'error', ['c:warning']),
      finding('b:error', 'error'),
      finding('c:warning', 'warning'),
      finding('d:info', 'info', ['a:error']),
    ];
    expect(causesFirst(sorted).map((f) => f.key)).toEqual(['b:error', 'c:warning', 'a:error', 'd:info']);
  });

  it('keeps every finding of a loop of causes, and one whose cause is absent keeps its place', () => {
    const sorted = [
      finding('a', 'error', ['b']),
      finding('b', 'error', ['a']),
      finding('c', 'error', ['gone']),
    ];
    expect(causesFirst(sorted).map((f) => f.key)).toEqual(['a', 'b', 'c']);
  });

  it('links only consequences to findings that name the same request, preferring CORS', () => {
    const refresh = { ...finding('auth/refresh-failed:x', 'error'), ruleId: 'auth/refresh-failed' };
    refresh.evidence = [{ type: 'request', id: 'r1', label: '' }];
    const network = { ...finding('network/request-failed:x', 'error'), ruleId: 'network/request-failed' };
    network.evidence = [{ type: 'request', id: 'r1', label: '' }];
    const cors = { ...finding('cors/origin-mismatch:x', 'error'), ruleId: 'cors/origin-mismatch' };
    cors.evidence = [{ type: 'request', id: 'r1', label: '' }];
    const other = { ...finding('auth/expired-token:x', 'error'), ruleId: 'auth/expired-token' };
    other.evidence = [{ type: 'request', id: 'r1', label: '' }];
    linkCauses([refresh, network, cors, other]);
    expect(refresh.causedBy).toEqual(['cors/origin-mismatch:x']);
    expect(other.causedBy).toBeUndefined();
  });
});
