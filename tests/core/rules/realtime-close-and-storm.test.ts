/** `realtime/abnormal-close` (codes explained) and `realtime/reconnect-storm` (N in M seconds). */
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../core/model';
import { Recording } from '../../../core/reducer';
import { DEFAULT_RULE_CONFIG, findFindings } from '../../../core/rules';
import { eventLog, type EventLog } from '../events';

const WS = 'ws://127.0.0.1:8000/ws/widgets/';

function found(log: EventLog, ruleId: string, config = DEFAULT_RULE_CONFIG): Finding[] {
  const rec = new Recording();
  rec.apply(log.events);
  return findFindings(rec, config).filter((f) => f.ruleId === ruleId);
}

/** `n` sockets, one every `every` ms, each closed with `code` 50 ms after it was created. */
function sockets(n: number, every: number, code: number): EventLog {
  const log = eventLog();
  for (let i = 0; i < n; i++) {
    log
      .at(i * every)
      .cdp({ kind: 'channel.created', channelId: `w${i}`, transport: 'websocket', url: `${WS}?token=x${i}` })
      // The probe sees the socket too: its close event carries the code CDP lacks.
      .page({
        kind: 'channel.created',
        channelId: `w${i}`,
        transport: 'websocket',
        url: `${WS}?token=x${i}`,
      });
    log.at(i * every + 50).page({
      kind: 'channel.closed',
      channelId: `w${i}`,
      code,
      reason: code === 1000 ? '' : 'invalid token',
    });
  }
  return log;
}

describe('realtime/abnormal-close', () => {
  it('explains an app auth code and groups closes of one endpoint', () => {
    const [finding, ...rest] = found(sockets(2, 5000, 4401), 'realtime/abnormal-close');
    expect(rest).toEqual([]);
    expect(finding.count).toBe(2);
    expect(finding.severity).toBe('error');
    expect(finding.facts.find((f) => f.label === 'Meaning')?.value).toContain('HTTP 401');
    expect(finding.fix).toContain('refresh the token');
  });

  it('explains 1006 and 1011, and leaves normal closes (1000, 1001) alone', () => {
    expect(found(sockets(1, 0, 1006), 'realtime/abnormal-close')[0].facts[1].value).toContain(
      'without a close frame',
    );
    expect(found(sockets(1, 0, 1011), 'realtime/abnormal-close')[0].facts[1].value).toContain(
      'internal server error',
    );
    expect(found(sockets(1, 0, 1000), 'realtime/abnormal-close')).toEqual([]);
    expect(found(sockets(1, 0, 1001), 'realtime/abnormal-close')).toEqual([]);
  });
});

describe('realtime/reconnect-storm', () => {
  it('fires on 5 reconnects within 10 s, with the close codes', () => {
    const [finding] = found(sockets(5, 300, 4401), 'realtime/reconnect-storm');
    expect(finding.count).toBe(5);
    expect(finding.facts.find((f) => f.label === 'Close codes')?.value).toBe('4401 ×5');
  });

  it('does not fire on reconnects spread out with back-off, and follows the per-site threshold', () => {
    expect(found(sockets(5, 4000, 1006), 'realtime/reconnect-storm')).toEqual([]);
    const strict = { ...DEFAULT_RULE_CONFIG, reconnectStorm: { connections: 2, windowMs: 60_000 } };
    expect(found(sockets(3, 4000, 1006), 'realtime/reconnect-storm', strict)).toHaveLength(1);
  });
});
