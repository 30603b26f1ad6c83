/**
 * Grouping of exceptions by root cause (message + top frame) and their split into distinct
 * occurrences: a catch that logged the error is one, the app's echo of a rejection is not.
 */
import { describe, expect, it } from 'vitest';
import type { Exception } from '../../../core/model';
import { Recording } from '../../../core/reducer';
import { groupExceptions, rootMessage } from '../../../core/rules/exception-groups';
import { SEED_STACK, eventLog, type EventLog } from '../events';

const ECHO = [/unhandled|uncaught|rejection/i];
const MESSAGE = 'Error: Auth context not provided';

function groupsOf(log: EventLog) {
  const rec = new Recording();
  rec.apply(log.events);
  return groupExceptions(rec.exceptions.values(), ECHO);
}

describe('exception groups', () => {
  it('counts the router catch and the rejection as two occurrences, and the echo as neither', () => {
    const log = eventLog()
      .at(10)
      .cdp({
        kind: 'exception',
        surface: 'console',
        message: `Router error: ${MESSAGE}`,
        stackText: SEED_STACK,
      })
      .at(11)
      .cdp({
        kind: 'exception',
        surface: 'console',
        message: `Unhandled promise rejection: ${MESSAGE}`,
        stackText: SEED_STACK,
      })
      .cdp({ kind: 'exception', surface: 'unhandledrejection', message: MESSAGE, stackText: SEED_STACK })
      .page({ kind: 'exception', surface: 'unhandledrejection', message: MESSAGE, stackText: SEED_STACK });
    const [group, ...rest] = groupsOf(log);
    expect(rest).toEqual([]);
    expect(group.message).toBe(MESSAGE);
    expect(group.reports).toHaveLength(3); // the probe's report was merged by the reducer
    expect(group.occurrences.map((o) => [o.label, o.reports.length])).toEqual([
      ['Caught and logged', 1],
      ['Unhandled rejection', 2],
    ]);
  });

  it('keeps different top frames apart, and a non-Error reason as its own group', () => {
    const other = SEED_STACK.replace(':1:826', ':1:900');
    const log = eventLog()
      .cdp({ kind: 'exception', surface: 'unhandledrejection', message: MESSAGE, stackText: SEED_STACK })
      .at(5000)
      .cdp({ kind: 'exception', surface: 'unhandledrejection', message: MESSAGE, stackText: other })
      .at(9000)
      .page({ kind: 'exception', surface: 'unhandledrejection', message: 'session expired' });
    const groups = groupsOf(log);
    expect(groups.map((g) => g.reports.length)).toEqual([1, 1, 1]);
    expect(groups[2].key).toBe('session expired|unknown');
  });

  it('does not treat an echo far from any rejection as the same occurrence', () => {
    const log = eventLog()
      .cdp({ kind: 'exception', surface: 'unhandledrejection', message: MESSAGE, stackText: SEED_STACK })
      .at(4000)
      .page({ kind: 'exception', surface: 'console', message: `Unhandled promise rejection: ${MESSAGE}` });
    const [group] = groupsOf(log);
    expect(group.occurrences.map((o) => o.label)).toEqual(['Unhandled rejection', 'Caught and logged']);
  });

  it('finds the root message behind a console prefix and a CDP "Uncaught" prefix', () => {
    const base: Omit<Exception, 'surface' | 'message'> = {
      id: 'x1',
      source: 'cdp',
      time: 0,
      firstSeq: 1,
      stack: [],
      handledLater: false,
      alsoReportedAs: [],
    };
    expect(
      rootMessage({
        ...base,
        surface: 'console',
        message: `Router error: ${MESSAGE}`,
        stackText: SEED_STACK,
      }),
    ).toBe(MESSAGE);
    expect(rootMessage({ ...base, surface: 'error', message: `Uncaught ${MESSAGE}` })).toBe(MESSAGE);
  });
});
