/**
 * core on what Chromium really sends: CDP events recorded from the demo's page load
 * (scripts/record-cdp-fixture.mjs) go through the normaliser, the reducer and the rules.
 */
import { describe, expect, it } from 'vitest';
import { Recording } from '../../core/reducer';
import { findFindings } from '../../core/rules';
import { replayCdp as replay } from '../fixtures/cdp/replay';

describe('CDP normaliser on a real recording of the buggy demo', () => {
  const events = replay('demo-buggy');

  it('pairs each preflight with its request and keeps the CORS verdict', () => {
    const refreshPreflight = events.find(
      (e) => e.kind === 'request.start' && e.method === 'OPTIONS' && e.url.includes('token/refresh'),
    );
    expect(refreshPreflight).toMatchObject({ resourceType: 'preflight', preflightFor: expect.any(String) });
    const failed = events.find((e) => e.kind === 'request.failed');
    expect(failed).toMatchObject({
      cors: { corsError: 'HeaderDisallowedByPreflightResponse', failedParameter: 'authorization' },
    });
    expect(
      refreshPreflight && refreshPreflight.kind === 'request.start' && refreshPreflight.preflightFor,
    ).toBe(failed && failed.kind === 'request.failed' && failed.requestId);
  });

  it('reports the rejection as unhandled with its 1-based stack, and the router error as a console error', () => {
    const rejection = events.find((e) => e.kind === 'exception' && e.surface === 'unhandledrejection');
    expect(rejection).toMatchObject({
      message: 'Error: Auth context not provided',
      errorName: 'Error',
      stack: expect.arrayContaining([
        expect.objectContaining({ url: expect.stringMatching(/websocketService-\w+\.js$/), line: 1 }),
      ]),
    });
    // CDP columns are 0-based; the printed stack (and ours) is 1-based.
    const stackText = rejection && rejection.kind === 'exception' ? (rejection.stackText ?? '') : '';
    const column = rejection && rejection.kind === 'exception' ? rejection.stack?.[0].column : undefined;
    expect(stackText).toContain(`:1:${column}`);
    const router = events.find(
      (e) => e.kind === 'exception' && e.surface === 'console' && e.message.startsWith('Router error:'),
    );
    expect(router).toMatchObject({ message: 'Router error: Error: Auth context not provided' });
  });

  it('turns wall-clock and monotonic timestamps into one epoch clock', () => {
    const times = events.map((e) => e.time);
    const spread = Math.max(...times) - Math.min(...times);
    expect(Math.min(...times)).toBeGreaterThan(Date.UTC(2020, 0, 1));
    expect(spread).toBeLessThan(60_000);
  });

  it('feeds the reducer and rules: both seed findings', () => {
    const rec = new Recording();
    rec.apply(events);
    const findings = findFindings(rec);
    const cors = findings.find((f) => f.ruleId === 'cors/header-not-allowed');
    expect(cors?.title).toContain('authorization');
    expect(cors?.facts.map((f) => f.value).join(' ')).toMatch(/Content-Type/i);
    const auth = findings.find((f) => f.ruleId === 'auth/context-missing');
    expect(auth?.facts.map((f) => f.value).join(' ')).toMatch(/websocketService-\w+\.js/);
  });
});

describe('CDP normaliser on a real recording of the fixed demo', () => {
  const events = replay('demo-fixed');

  it('has WebSocket frames both ways and no findings', () => {
    const rec = new Recording();
    rec.apply(events);
    const [channel] = [...rec.channels.values()];
    expect(channel).toMatchObject({ transport: 'websocket', state: 'open' });
    expect(channel.framesIn).toBeGreaterThan(0);
    expect(channel.framesOut).toBeGreaterThan(0);
    expect(channel.frames.some((f) => f.data.includes('widget.update'))).toBe(true);
    expect(findFindings(rec)).toEqual([]);
  });
});
