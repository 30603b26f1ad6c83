/** JWT claims are decoded once per token string (`core/rules/jwt-claims.ts`), per token. */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as jwt from '../../../core/jwt';
import { Recording } from '../../../core/reducer';
import { findFindings } from '../../../core/rules';
import { claimsOf, MAX_CACHED_TOKENS } from '../../../core/rules/jwt-claims';
import { API, T0, eventLog, type EventLog } from '../events';

vi.mock('../../../core/jwt', async (actual) => {
  const real = await actual<typeof jwt>();
  return { ...real, decodeJwt: vi.fn(real.decodeJwt) };
});

const b64url = (value: object) =>
  btoa(JSON.stringify(value)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
const token = (claims: object) => `${b64url({ alg: 'HS256', typ: 'JWT' })}.${b64url(claims)}.c2lnbmF0dXJl`;

function requests(log: EventLog, count: number, tokenOf: (i: number) => string): EventLog {
  for (let i = 0; i < count; i++)
    log = log
      .cdp({
        kind: 'request.start',
        requestId: `r${i}`,
        url: `${API}/api/widgets/${i}`,
        method: 'GET',
        headers: { Authorization: `Bearer ${tokenOf(i)}` },
        resourceType: 'fetch',
      })
      .cdp({ kind: 'request.response', requestId: `r${i}`, status: 401, statusText: '', headers: {} })
      .at(1);
  return log;
}

beforeEach(() => vi.mocked(jwt.decodeJwt).mockClear());

describe('JWT claims by token', () => {
  it('gives each token its own claims, and a non-JWT none', () => {
    const alice = token({ exp: 100, sub: 'alice' });
    const bob = token({ exp: 200, sub: 'bob' });
    expect(claimsOf(alice)).toMatchObject({ exp: 100, sub: 'alice' });
    expect(claimsOf(bob)).toMatchObject({ exp: 200, sub: 'bob' });
    expect(claimsOf(alice)).toMatchObject({ exp: 100, sub: 'alice' });
    expect(claimsOf('not.a.jwt')).toBeUndefined();
    expect(claimsOf('not.a.jwt')).toBeUndefined();
  });

  it('decodes a token once however many requests and derivations read it', () => {
    const shared = token({ exp: Math.floor(T0 / 1000) - 60, sub: 'shared' });
    const rec = new Recording();
    rec.apply(requests(eventLog().at(0), 500, () => shared).events);
    const first = findFindings(rec).filter((f) => f.ruleId === 'auth/expired-token');
    const again = findFindings(rec).filter((f) => f.ruleId === 'auth/expired-token');
    expect(first).toHaveLength(1);
    expect(first[0].count).toBe(500);
    expect(again).toEqual(first);
    expect(vi.mocked(jwt.decodeJwt).mock.calls.length).toBeLessThanOrEqual(1);
  });

  it('keeps per-token findings apart when tokens alternate', () => {
    const old = token({ exp: Math.floor(T0 / 1000) - 60, sub: 'old' });
    const older = token({ exp: Math.floor(T0 / 1000) - 120, sub: 'older' });
    const rec = new Recording();
    rec.apply(requests(eventLog().at(0), 40, (i) => (i % 2 ? old : older)).events);
    const found = findFindings(rec).filter((f) => f.ruleId === 'auth/expired-token');
    expect(found.map((f) => [f.facts.find((x) => x.label === 'Subject')?.value, f.count]).sort()).toEqual([
      ['old', 20],
      ['older', 20],
    ]);
  });

  it('stays bounded: past the limit the oldest token is decoded again, the newest is not', () => {
    const many = Array.from({ length: MAX_CACHED_TOKENS + 1 }, (_, i) => token({ sub: `u${i}`, exp: i }));
    for (const t of many) claimsOf(t);
    vi.mocked(jwt.decodeJwt).mockClear();
    expect(claimsOf(many[MAX_CACHED_TOKENS])).toMatchObject({ sub: `u${MAX_CACHED_TOKENS}` });
    expect(jwt.decodeJwt).not.toHaveBeenCalled();
    expect(claimsOf(many[0])).toMatchObject({ sub: 'u0' });
    expect(jwt.decodeJwt).toHaveBeenCalledTimes(1);
  });
});
