/**
 * `realtime/auth-rejected`: a server that refuses a socket's credentials inside the connection
 * (an error frame, then usually a close) is one finding naming the frame and the close; the
 * close is not reported again by `realtime/abnormal-close`. And `realtime/socket-before-auth`
 * no longer calls a socket "before auth" when an earlier connection already had credentials.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importHarText } from '../../../core/har';
import type { Finding } from '../../../core/model';
import { Recording } from '../../../core/reducer';
import { findFindings } from '../../../core/rules';
import { authRejectionOf } from '../../../core/rules/realtime-auth-rejected';
import { eventLog, type EventLog } from '../events';

const WS = 'ws://127.0.0.1:8000/ws/widgets/';

function findingsOf(log: EventLog, locale: 'en' | 'ru' = 'en'): Finding[] {
  const rec = new Recording();
  rec.apply(log.events);
  return findFindings(rec, undefined, { locale });
}

/** A socket that opens, receives `frame`, and (unless `code` is null) is closed by the server. */
function refused(
  log: EventLog,
  id: string,
  at: number,
  frame: string,
  code: number | null,
  url = WS,
): EventLog {
  log
    .at(at)
    .cdp({ kind: 'channel.created', channelId: id, transport: 'websocket', url })
    // The probe sees the socket too: its close event carries the code CDP lacks.
    .page({ kind: 'channel.created', channelId: id, transport: 'websocket', url })
    .at(at + 5)
    .cdp({ kind: 'channel.open', channelId: id, status: 101 })
    .at(at + 10)
    .cdp({
      kind: 'channel.frame',
      channelId: id,
      direction: 'receive',
      opcode: 1,
      data: frame,
      size: frame.length,
    });
  if (code !== null)
    log
      .at(at + 12)
      .page({ kind: 'channel.closed', channelId: id, code, reason: code === 4401 ? 'unauthorized' : '' });
  return log;
}

const frame = (data: string, direction: 'send' | 'receive' = 'receive') => ({
  seq: 1,
  time: 0,
  direction,
  opcode: 1,
  data,
  size: data.length,
  truncated: false,
});

describe('realtime/auth-rejected', () => {
  it('an error frame then an auth close is one finding naming both; abnormal-close stays quiet', () => {
    const log = refused(eventLog(), 'w1', 0, '{"type":"error","message":"unauthorized"}', 4401);
    const findings = findingsOf(log);
    expect(findings.map((f) => f.ruleId)).toEqual(['realtime/auth-rejected']);
    const [finding] = findings;
    expect(finding.severity).toBe('error');
    expect(finding.title).toBe('The server refused the socket\'s credentials: "unauthorized"');
    expect(finding.evidence).toEqual([
      {
        type: 'channel',
        id: 'w1',
        label:
          'ws://127.0.0.1:8000/ws/widgets/: received {"type":"error","message":"unauthorized"}; ' +
          'the connection closed with 4401 ("unauthorized")',
      },
    ]);
    expect(finding.explanation).toContain('the handshake succeeded');
  });

  it('groups the connections of one endpoint refused with the same message', () => {
    const log = refused(eventLog(), 'w1', 0, '{"error":"Unknown api key"}', 1008);
    refused(log, 'w2', 100, '{"error":"Unknown api key"}', 1008);
    refused(log, 'w3', 200, '{"error":"Missing apiKey"}', 1008);
    const findings = findingsOf(log).filter((f) => f.ruleId === 'realtime/auth-rejected');
    expect(findings.map((f) => [f.title, f.count])).toEqual([
      ['The server refused the socket\'s credentials: "Unknown api key"', 2],
      ['The server refused the socket\'s credentials: "Missing apiKey"', 1],
    ]);
    expect(findingsOf(log).map((f) => f.ruleId)).not.toContain('realtime/abnormal-close');
  });

  it('recognises GraphQL-WS connection_error, Socket.IO connect_error and Action Cable disconnect', () => {
    expect(authRejectionOf(frame('{"type":"connection_error","payload":{"message":"Invalid token"}}'))).toBe(
      'Invalid token',
    );
    expect(authRejectionOf(frame('44{"message":"not authorized"}'))).toBe('not authorized');
    expect(authRejectionOf(frame('{"type":"disconnect","reason":"unauthorized","reconnect":false}'))).toBe(
      'unauthorized',
    );
    expect(authRejectionOf(frame('{"errors":[{"message":"JWT expired"}]}'))).toBe('JWT expired');
    expect(authRejectionOf(frame('Unauthorized'))).toBe('Unauthorized');
  });

  it('ignores data that merely mentions such words, other errors, and what the page sent', () => {
    expect(authRejectionOf(frame('{"text":"the forbidden city","user":"ann"}'))).toBeUndefined();
    expect(authRejectionOf(frame('{"error":"rate limited, slow down"}'))).toBeUndefined();
    expect(authRejectionOf(frame('{"type":"connection_ack"}'))).toBeUndefined();
    expect(authRejectionOf(frame('{"error":"Unknown api key"}', 'send'))).toBeUndefined();
    expect(authRejectionOf(frame(`{"error":"unauthorized","pad":"${'x'.repeat(5000)}"}`))).toBeUndefined();
  });

  it('a close with an auth code and no error frame stays realtime/abnormal-close', () => {
    const log = refused(eventLog(), 'w1', 0, '{"type":"hello"}', 4401);
    expect(findingsOf(log).map((f) => f.ruleId)).toEqual(['realtime/abnormal-close']);
  });

  it('the mitmproxy file: "Unknown api key" twice and "Missing apiKey", no "before auth" claim', () => {
    const result = importHarText(
      readFileSync('/work/shared/corpus/har/mitmproxy-ws-messages-mitmproxy.har', 'utf8'),
    );
    const rec = new Recording();
    rec.apply(result.events);
    const findings = findFindings(rec);
    expect(findings.map((f) => [f.ruleId, f.count])).toEqual([
      ['realtime/auth-rejected', 2],
      ['realtime/auth-rejected', 1],
    ]);
    // A HAR records no close: the finding does not invent one.
    expect(findings[0].facts.find((f) => f.label === 'Then')?.value).toBe('no close was recorded');
    expect(findings[1].title).toContain('Missing apiKey');
  });

  it('speaks Russian', () => {
    const [finding] = findingsOf(refused(eventLog(), 'w1', 0, '{"error":"Unknown api key"}', 1008), 'ru');
    expect(finding.title).toBe('Сервер отклонил учётные данные сокета: «Unknown api key»');
    expect(finding.evidence[0].label).toContain('соединение закрыто с кодом 1008');
  });
});

describe('realtime/socket-before-auth after an earlier connection had credentials', () => {
  const socket = (log: EventLog, at: number, id: string, url: string) =>
    log.at(at).cdp({ kind: 'channel.created', channelId: id, transport: 'websocket', url });

  it('is not "before auth": it is a reconnect that dropped the credentials', () => {
    const log = socket(eventLog(), 0, 'w1', `${WS}?token=abc`);
    socket(log, 500, 'w2', WS);
    socket(log, 900, 'w3', `${WS}?token=abc`);
    const findings = findingsOf(log).filter((f) => f.ruleId === 'realtime/socket-before-auth');
    expect(findings).toHaveLength(1);
    const [finding] = findings;
    expect(finding.title).toBe(
      'A WebSocket reconnected without the credentials an earlier connection carried',
    );
    expect(finding.title).not.toMatch(/before auth/);
    expect(finding.explanation).toContain('auth was ready');
    expect(finding.evidence.map((e) => e.id)).toEqual(['w2', 'w1']);
  });

  it('groups the reconnects of one endpoint that dropped them into one finding', () => {
    const log = socket(eventLog(), 0, 'w1', `${WS}?token=abc`);
    for (let i = 2; i <= 4; i++) socket(log, i * 100, `w${i}`, WS);
    const findings = findingsOf(log).filter((f) => f.ruleId === 'realtime/socket-before-auth');
    expect(findings.map((f) => f.count)).toEqual([3]);
    expect(findings[0].evidence.map((e) => e.id)).toEqual(['w2', 'w1', 'w3', 'w4']);
    expect(findings[0].explanation).toContain('3 connections to this endpoint went without credentials');
  });

  it('says nothing when the server refused that connection in-band: auth-rejected says it', () => {
    const log = socket(eventLog(), 0, 'w1', `${WS}?token=abc`);
    refused(log, 'w2', 500, '{"error":"Missing token"}', 4401);
    expect(findingsOf(log).map((f) => f.ruleId)).toEqual(['realtime/auth-rejected']);
  });

  it('still fires for a bare socket when only a later one carried credentials', () => {
    const log = socket(eventLog(), 0, 'w1', WS);
    socket(log, 900, 'w2', `${WS}?token=abc`);
    const [finding] = findingsOf(log).filter((f) => f.ruleId === 'realtime/socket-before-auth');
    expect(finding.title).toBe('A WebSocket was opened before auth was ready');
  });
});
