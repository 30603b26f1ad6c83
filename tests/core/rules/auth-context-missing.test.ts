import { describe, expect, it } from 'vitest';
import { Recording } from '../../../core/reducer';
import { compilePatterns, DEFAULT_RULE_CONFIG, findFindings } from '../../../core/rules';
import type { Finding } from '../../../core/model';
import { API, SEED_STACK, T0, corsRefreshFailure, eventLog, type EventLog } from '../events';

const SEED_MESSAGE = 'Error: Auth context not provided';
const WS_JS = 'http://127.0.0.1:5173/assets/websocketService-BKJDZuHi.js';

function recordingOf(log: EventLog): Recording {
  const rec = new Recording();
  rec.apply(log.events);
  return rec;
}

function authFindings(log: EventLog, patterns?: string[]): Finding[] {
  const config = patterns ? { authContextPatterns: patterns } : undefined;
  return findFindings(recordingOf(log), config).filter((f) => f.ruleId === 'auth/context-missing');
}

const fact = (finding: Finding, label: string) => finding.facts.find((f) => f.label === label)?.value;

function seedThrow(log: EventLog, source: 'cdp' | 'page' = 'cdp'): EventLog {
  return log[source]({
    kind: 'exception',
    surface: 'unhandledrejection',
    message: SEED_MESSAGE,
    stackText: SEED_STACK,
  });
}

describe('auth/context-missing', () => {
  it('fires on the seed rejection and names the frame, the script and the timing', () => {
    const [finding, ...rest] = authFindings(seedThrow(eventLog().at(120)));
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({
      severity: 'error',
      basis: 'cdp',
      count: 1,
      firstTime: T0 + 120,
      key: `auth/context-missing:${SEED_MESSAGE}:${WS_JS}:1:826`,
    });
    expect(fact(finding, 'Message')).toBe(SEED_MESSAGE);
    expect(fact(finding, 'Thrown at')).toBe(`new X (${WS_JS}:1:826)`);
    expect(fact(finding, 'Script')).toBe('websocketService-BKJDZuHi.js');
    expect(fact(finding, 'Unhandled')).toBe('yes');
    expect(fact(finding, 'What happened before')).toBe('no auth/login/token response had completed yet');
    expect(finding.explanation).toContain('WebSocket');
    expect(finding.fix).toContain('after auth is ready');
  });

  it('groups the router console error with the rejection it reports', () => {
    const log = seedThrow(eventLog())
      .at(3)
      .page({ kind: 'exception', surface: 'console', message: `Router error: ${SEED_MESSAGE}` });
    const [finding] = authFindings(log);
    expect(finding.count).toBe(2);
    expect(finding.evidence.map((e) => e.id)).toEqual(['x1', 'x2']);
    expect(finding.evidence[1].label).toContain('Console: Router error');
  });

  it('does not fire on a console report alone', () => {
    const log = eventLog().page({
      kind: 'exception',
      surface: 'console',
      message: `Router error: ${SEED_MESSAGE}`,
    });
    expect(authFindings(log)).toEqual([]);
  });

  it('reports a rejection handled later, and the auth response that completed before it', () => {
    const log = eventLog()
      .cdp({
        kind: 'request.start',
        requestId: 'l1',
        url: `${API}/api/auth/login/`,
        method: 'POST',
        headers: {},
        resourceType: 'fetch',
      })
      .at(40)
      .cdp({ kind: 'request.response', requestId: 'l1', status: 200, statusText: 'OK', headers: {} })
      .cdp({ kind: 'request.finished', requestId: 'l1' })
      .at(100)
      .page({
        kind: 'exception',
        surface: 'unhandledrejection',
        message: SEED_MESSAGE,
        stackText: SEED_STACK,
        exceptionId: 'r1',
      })
      .at(900)
      .page({ kind: 'exception.handled', exceptionId: 'r1' });
    const [finding] = authFindings(log);
    expect(finding.basis).toBe('page');
    expect(fact(finding, 'Unhandled')).toBe('handled later');
    expect(fact(finding, 'What happened before')).toBe(`after POST ${API}/api/auth/login/ completed`);
  });

  it('recognises the common phrasings by default and ignores other messages', () => {
    const messages = [
      'Error: useAuth must be used within an AuthProvider',
      'Error: No auth context',
      'TypeError: auth context is undefined',
      'Error: Auth context not initialized',
    ];
    const log = eventLog();
    messages.forEach((message, i) => log.at(i * 5000).cdp({ kind: 'exception', surface: 'error', message }));
    log.cdp({
      kind: 'exception',
      surface: 'error',
      message: 'TypeError: Cannot read properties of undefined',
    });
    log.cdp({
      kind: 'exception',
      surface: 'unhandledrejection',
      message: 'Error: authorization header missing',
    });
    expect(authFindings(log).map((f) => fact(f, 'Message'))).toEqual(messages);
  });

  it('uses custom patterns instead of the defaults', () => {
    const log = seedThrow(eventLog()).cdp({
      kind: 'exception',
      surface: 'error',
      message: 'Error: session store not ready',
    });
    const findings = authFindings(log, ['session store not ready']);
    expect(findings.map((f) => fact(f, 'Message'))).toEqual(['Error: session store not ready']);
  });

  it('reports invalid patterns without throwing, and keeps the valid ones', () => {
    const { patterns, errors } = compilePatterns(['auth (context', '', 'auth context not provided']);
    expect(patterns).toHaveLength(1);
    expect(errors).toHaveLength(2);
    expect(errors[0]).toContain('"auth (context" is not a valid regular expression');
    expect(() => authFindings(seedThrow(eventLog()), ['auth (context'])).not.toThrow();
    expect(authFindings(seedThrow(eventLog()), ['auth (context', 'not provided'])).toHaveLength(1);
    expect(compilePatterns(DEFAULT_RULE_CONFIG.authContextPatterns).errors).toEqual([]);
  });

  it('sorts findings: errors first, then by first occurrence, each consequence right after its cause', () => {
    const log = seedThrow(eventLog().at(10));
    corsRefreshFailure(log, { at: 5 });
    const findings = findFindings(recordingOf(log));
    // The refresh was refused by CORS, and the auth context was missing because the socket
    // service was built before auth: each cause comes first, its consequence under it.
    expect(findings.map((f) => f.ruleId)).toEqual([
      'cors/header-not-allowed',
      'auth/refresh-failed',
      'realtime/socket-before-auth',
      'auth/context-missing',
    ]);
    expect(findings[1].causedBy).toEqual([findings[0].key]);
    expect(findings[3].causedBy).toEqual([findings[2].key]);
  });
});
