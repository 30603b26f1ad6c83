/**
 * The auth and real-time rules on real recordings of the demo (CDP + probe events as the
 * recorder stored them; `tests/fixtures/demo-recordings/`): the buggy variant's one root cause
 * with two occurrences and its cause, and nothing of the kind on the fixed variant.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { RecordedEvent } from '../../../core/events';
import type { Finding } from '../../../core/model';
import { Recording } from '../../../core/reducer';
import { findFindings } from '../../../core/rules';

function findingsOf(name: string): Finding[] {
  const events = JSON.parse(
    readFileSync(`tests/fixtures/demo-recordings/${name}.json`, 'utf8'),
  ) as RecordedEvent[];
  const rec = new Recording();
  rec.apply(events);
  return findFindings(rec);
}

const fact = (finding: Finding | undefined, label: string) =>
  finding?.facts.find((f) => f.label === label)?.value;

describe('auth and real-time rules on the recorded demo', () => {
  it('buggy: one auth/context-missing with two occurrences, caused by the socket service built before auth', () => {
    const findings = findingsOf('demo-buggy');
    const auth = findings.filter((f) => f.ruleId === 'auth/context-missing');
    expect(auth).toHaveLength(1);
    const [finding] = auth;
    // The router's catch and the unhandled rejection; the app's own "Unhandled promise
    // rejection:" log line and the probe's report are the same occurrence as the rejection.
    expect(finding.count).toBe(2);
    expect(finding.occurrences?.map((o) => o.label).sort()).toEqual([
      'Caught and logged',
      'Unhandled rejection',
    ]);
    expect(finding.evidence).toHaveLength(3);
    expect(fact(finding, 'Script')).toMatch(/^websocketService-[\w-]+\.js$/);
    expect(fact(finding, 'What happened before')).toBe('no auth/login/token response had completed yet');

    const cause = findings.find((f) => f.ruleId === 'realtime/socket-before-auth');
    expect(cause).toBeDefined();
    expect(finding.causedBy).toEqual([cause?.key]);
    expect(fact(finding, 'Cause')).toContain('realtime/socket-before-auth');
    expect(fact(cause, 'Module')).toMatch(/websocketService/);
    expect(fact(cause, 'Thrown')).toMatch(/before the first auth response \(POST \S+\/api\/auth\/login\//);
  });

  it('fixed: neither finding, although a socket was opened', () => {
    const findings = findingsOf('demo-fixed');
    expect(findings.map((f) => f.ruleId)).not.toContain('auth/context-missing');
    expect(findings.map((f) => f.ruleId)).not.toContain('realtime/socket-before-auth');
  });
});

describe('the demo scenarios, recorded (demo/app/src/scenarios)', () => {
  const cases: Array<[string, string[]]> = [
    ['refresh-race', ['auth/refresh-failed', 'auth/refresh-race']],
    ['refresh-sequential', []],
    ['expired-token', ['auth/expired-token']],
    ['fresh-token', []],
    ['socket-unauthorized', ['realtime/abnormal-close']],
    ['reconnect-storm', ['realtime/abnormal-close', 'realtime/reconnect-storm']],
  ];
  it.each(cases)('%s: %j', (scenario, rules) => {
    expect(
      findingsOf(`scenario-${scenario}`)
        .map((f) => f.ruleId)
        .sort(),
    ).toEqual(rules);
  });
});
