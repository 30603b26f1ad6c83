/** `auth/expired-token` and the local JWT decoder behind it (never verifies, never throws). */
import { describe, expect, it } from 'vitest';
import { decodeJwt, jwtOfAuthorization } from '../../../core/jwt';
import type { Finding } from '../../../core/model';
import { Recording } from '../../../core/reducer';
import { findFindings } from '../../../core/rules';
import { API, T0, eventLog, type EventLog } from '../events';

const b64url = (value: object) =>
  btoa(JSON.stringify(value)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
const jwt = (claims: object) => `${b64url({ alg: 'HS256', typ: 'JWT' })}.${b64url(claims)}.c2lnbmF0dXJl`;

function found(log: EventLog): Finding[] {
  const rec = new Recording();
  rec.apply(log.events);
  return findFindings(rec).filter((f) => f.ruleId === 'auth/expired-token');
}

function widgets(log: EventLog, id: string, token: string, status = 401): EventLog {
  return log
    .cdp({
      kind: 'request.start',
      requestId: id,
      url: `${API}/api/widgets/`,
      method: 'GET',
      headers: { Authorization: `Bearer ${token}` },
      resourceType: 'fetch',
    })
    .cdp({ kind: 'request.response', requestId: id, status, statusText: '', headers: {} });
}

describe('JWT decoding', () => {
  it('reads exp and sub, and refuses what is not a JWT', () => {
    expect(decodeJwt(jwt({ exp: 100, sub: 'demo' }))).toEqual({
      exp: 100,
      sub: 'demo',
      iat: undefined,
      nbf: undefined,
    });
    expect(decodeJwt('abc.def.ghi')).toBeUndefined();
    expect(decodeJwt('eyJ.eyJ!!.x')).toBeUndefined();
    expect(decodeJwt(`${b64url({})}.eyJub3Q.x`)).toBeUndefined();
    expect(jwtOfAuthorization(`Bearer ${jwt({})}`)).toBe(jwt({}));
    expect(jwtOfAuthorization('Token 0123456789abcdef')).toBeUndefined();
  });
});

describe('auth/expired-token', () => {
  it('fires on a request sent with a JWT whose exp had passed, without showing the token', () => {
    const token = jwt({ exp: Math.floor(T0 / 1000) - 60, sub: 'demo' });
    const log = widgets(widgets(eventLog().at(0), 'a', token).at(10), 'b', token);
    const [finding, ...rest] = found(log);
    expect(rest).toEqual([]);
    expect(finding.count).toBe(2);
    expect(finding.title).toContain('60 s');
    expect(finding.facts.find((f) => f.label === 'Subject')?.value).toBe('demo');
    expect(JSON.stringify(finding)).not.toContain(token);
  });

  it('does not fire on a token still valid at send time, nor on an opaque token', () => {
    const valid = jwt({ exp: Math.floor(T0 / 1000) + 600 });
    expect(found(widgets(eventLog(), 'a', valid, 200))).toEqual([]);
    expect(found(widgets(eventLog(), 'a', '0123456789abcdef', 200))).toEqual([]);
  });
});
