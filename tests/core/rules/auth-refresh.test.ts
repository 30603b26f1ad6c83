/**
 * `auth/refresh-failed` (CORS, 401/403, network; what followed) and `auth/refresh-race`
 * (refreshes in flight together, a rotated credential used again), on small event logs.
 */
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../core/model';
import { Recording } from '../../../core/reducer';
import { findFindings } from '../../../core/rules';
import { API, REFRESH_URL, corsRefreshFailure, eventLog, type EventLog, refresh } from '../events';

function found(log: EventLog, ruleId: string): Finding[] {
  const rec = new Recording();
  rec.apply(log.events);
  return findFindings(rec).filter((f) => f.ruleId === ruleId);
}

/** A refresh sent at `at` with `token`, answered `status` at `at + took`. */

describe('auth/refresh-failed', () => {
  it('fires on a refresh refused by CORS and names the CORS reason', () => {
    const [finding] = found(corsRefreshFailure(eventLog()), 'auth/refresh-failed');
    expect(finding.facts.find((f) => f.label === 'Failure')?.value).toContain(
      'HeaderDisallowedByPreflightResponse',
    );
    expect(finding.fix).toContain('CORS');
  });

  it('fires on a 401 and reports the sockets closed with 4401 and the retries that followed', () => {
    const log = refresh(eventLog(), 'r1', 0, 401);
    log
      .at(10)
      .cdp({ kind: 'channel.created', channelId: 'w1', transport: 'websocket', url: 'ws://x/ws/' })
      // The probe sees the socket too: its close event carries the code CDP lacks.
      .page({ kind: 'channel.created', channelId: 'w1', transport: 'websocket', url: 'ws://x/ws/' })
      .at(200)
      .page({ kind: 'channel.closed', channelId: 'w1', code: 4401, reason: 'invalid token' });
    refresh(log, 'r2', 500, 401);
    const [finding, ...rest] = found(log, 'auth/refresh-failed');
    expect(rest).toEqual([]);
    expect(finding.count).toBe(2);
    const followed = finding.facts.find((f) => f.label === 'What followed')?.value;
    expect(followed).toContain('1 socket closed with 4401');
    expect(followed).toContain('1 more refresh attempt');
    expect(followed).not.toContain('(s)');
    expect(finding.evidence.map((e) => e.id)).toEqual(['r1', 'r2', 'w1']);
  });

  it('does not fire on a successful refresh, nor on a failing request that is not a refresh', () => {
    expect(found(refresh(eventLog(), 'r1', 0, 200), 'auth/refresh-failed')).toEqual([]);
    const other = eventLog()
      .cdp({
        kind: 'request.start',
        requestId: 'w',
        url: `${API}/api/widgets/`,
        method: 'GET',
        headers: {},
        resourceType: 'xhr',
      })
      .cdp({ kind: 'request.response', requestId: 'w', status: 401, statusText: '', headers: {} })
      .cdp({ kind: 'request.finished', requestId: 'w' });
    expect(found(other, 'auth/refresh-failed')).toEqual([]);
  });
});

describe('auth/refresh-race', () => {
  it('fires when two refreshes are in flight together, and names the one refused', () => {
    const log = eventLog()
      .cdp({
        kind: 'request.start',
        requestId: 'a',
        url: REFRESH_URL,
        method: 'POST',
        headers: { Authorization: 'Token t1' },
        resourceType: 'xhr',
      })
      .at(2)
      .cdp({
        kind: 'request.start',
        requestId: 'b',
        url: REFRESH_URL,
        method: 'POST',
        headers: { Authorization: 'Token t1' },
        resourceType: 'xhr',
      })
      .at(20)
      .cdp({ kind: 'request.response', requestId: 'a', status: 200, statusText: '', headers: {} })
      .cdp({ kind: 'request.finished', requestId: 'a' })
      .at(25)
      .cdp({ kind: 'request.response', requestId: 'b', status: 401, statusText: '', headers: {} })
      .cdp({ kind: 'request.finished', requestId: 'b' });
    const [finding] = found(log, 'auth/refresh-race');
    expect(finding.severity).toBe('error');
    expect(finding.evidence.map((e) => e.id)).toEqual(['a', 'b']);
    expect(finding.facts.find((f) => f.label === 'Refused')?.value).toBe('401');
  });

  it('fires when a credential already used by a successful refresh is sent again', () => {
    const log = refresh(refresh(eventLog(), 'a', 0, 200, 'Token t1'), 'b', 1000, 401, 'Token t1');
    const [finding] = found(log, 'auth/refresh-race');
    expect(finding.facts.find((f) => f.label === 'Credential reused')?.value).toBe('1');
  });

  it('does not fire on sequential refreshes that each use the new token', () => {
    const log = refresh(refresh(eventLog(), 'a', 0, 200, 'Token t1'), 'b', 1000, 200, 'Token t2');
    expect(found(log, 'auth/refresh-race')).toEqual([]);
  });
});
