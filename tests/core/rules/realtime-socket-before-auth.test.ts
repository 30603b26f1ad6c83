/**
 * `realtime/socket-before-auth`: a real-time service constructed before the first successful
 * auth response, a socket opened before it, or a socket without the credentials later ones carry.
 */
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../core/model';
import { Recording } from '../../../core/reducer';
import { findFindings } from '../../../core/rules';
import { SEED_STACK, eventLog, login, type EventLog } from '../events';

const WS = 'ws://127.0.0.1:8000/ws/widgets/';

function found(log: EventLog): Finding[] {
  const rec = new Recording();
  rec.apply(log.events);
  return findFindings(rec).filter((f) => f.ruleId === 'realtime/socket-before-auth');
}

function socket(log: EventLog, at: number, id: string, url: string): EventLog {
  return log.at(at).cdp({ kind: 'channel.created', channelId: id, transport: 'websocket', url });
}

describe('realtime/socket-before-auth', () => {
  it('fires when the websocket service threw during construction before the login response', () => {
    const log = login(eventLog(), 100);
    log.at(50).cdp({
      kind: 'exception',
      surface: 'unhandledrejection',
      message: 'Error: Auth context not provided',
      stackText: SEED_STACK,
    });
    const [finding, ...rest] = found(log);
    expect(rest).toEqual([]);
    expect(finding.severity).toBe('error');
    expect(finding.facts.find((f) => f.label === 'Module')?.value).toBe('websocketService-BKJDZuHi.js');
    expect(finding.evidence.map((e) => e.type)).toEqual(['exception', 'request']);
  });

  it('does not fire when the throw came after a successful login, or from other code', () => {
    const late = login(eventLog(), 0);
    late.at(500).cdp({
      kind: 'exception',
      surface: 'unhandledrejection',
      message: 'Error: Auth context not provided',
      stackText: SEED_STACK,
    });
    expect(found(late)).toEqual([]);
    const other = eventLog().cdp({
      kind: 'exception',
      surface: 'error',
      message: 'Error: boom',
      stackText: 'Error: boom\n    at new Chart (http://x/assets/chart-1.js:1:5)',
    });
    expect(found(other)).toEqual([]);
  });

  it('fires for a socket opened before the first successful auth response, not after it', () => {
    const early = socket(login(eventLog(), 100), 20, 'w1', `${WS}?token=abc`);
    expect(found(early).map((f) => f.severity)).toEqual(['warning']);
    const late = socket(login(eventLog(), 0), 200, 'w1', `${WS}?token=abc`);
    expect(found(late)).toEqual([]);
    // A failed login is not auth: the socket is not "before auth" by that measure.
    const failed = socket(login(eventLog(), 100, 401), 20, 'w1', WS);
    expect(found(failed)).toEqual([]);
  });

  it('fires for a socket without credentials when a later one to the same endpoint has them', () => {
    const log = socket(socket(eventLog(), 0, 'w1', WS), 900, 'w2', `${WS}?token=abc`);
    const [finding] = found(log);
    expect(finding.evidence.map((e) => e.id)).toEqual(['w1', 'w2']);
    expect(finding.explanation).toContain('no credentials');
  });
});
