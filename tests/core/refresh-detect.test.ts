import { describe, expect, it } from 'vitest';
import type { HttpRequest } from '../../core/model';
import {
  DEFAULT_REFRESH_PATTERNS,
  defaultRefreshSettings,
  isOAuthRefreshBody,
  isRefreshRequest,
  parseRefreshPatterns,
  refreshSettingsFromStored,
  refreshSettingsToStored,
  withRefreshMark,
} from '../../core/refresh-detect';

function request(url: string, extra: Partial<HttpRequest> = {}): HttpRequest {
  return {
    id: extra.id ?? 'r1',
    source: 'cdp',
    url,
    method: 'POST',
    resourceType: 'fetch',
    startTime: 0,
    firstSeq: 1,
    requestHeaders: {},
    state: 'done',
    ...extra,
  };
}

describe('refresh detection', () => {
  const defaults = defaultRefreshSettings();

  it.each([
    'http://api.test/api/auth/token/refresh/',
    'https://a.test/auth/refresh',
    'https://a.test/api-token-refresh/',
    'https://a.test/v1/Auth/Refresh?x=1',
  ])('recognises %s by the default patterns', (url) => {
    expect(isRefreshRequest(request(url), defaults)).toBe(true);
  });

  it('does not take logins, widgets or a preflight of a refresh for a refresh', () => {
    expect(isRefreshRequest(request('http://a.test/api/auth/login/'), defaults)).toBe(false);
    expect(isRefreshRequest(request('http://a.test/api/widgets/?next=/auth/refresh'), defaults)).toBe(false);
    const preflight = request('http://a.test/api/auth/token/refresh/', { preflightFor: 'r0' });
    expect(isRefreshRequest(preflight, defaults)).toBe(false);
  });

  it('recognises an OAuth token request by grant_type=refresh_token, form or JSON', () => {
    const form = request('https://idp.test/oauth/token', {
      postData: 'grant_type=refresh_token&refresh_token=x',
    });
    const json = request('https://idp.test/oauth2/token', { postData: '{"grant_type": "refresh_token"}' });
    const code = request('https://idp.test/oauth/token', { postData: 'grant_type=authorization_code' });
    expect(isRefreshRequest(form, defaults)).toBe(true);
    expect(isRefreshRequest(json, defaults)).toBe(true);
    expect(isRefreshRequest(code, defaults)).toBe(false);
    expect(isOAuthRefreshBody(undefined)).toBe(false);
  });

  it('follows the user: marked requests are refreshes, unmarked ones are not, patterns are per site', () => {
    const login = request('http://a.test/api/auth/login/', { id: 'login' });
    const refresh = request('http://a.test/api/auth/token/refresh/', { id: 'refresh' });
    const settings = withRefreshMark(withRefreshMark(defaultRefreshSettings(), login, true), refresh, false);
    expect(isRefreshRequest(login, settings)).toBe(true);
    expect(isRefreshRequest(refresh, settings)).toBe(false);
    // A mark follows method and path, so it holds for the same call after a reload (new id).
    expect(
      isRefreshRequest(request('http://a.test/api/auth/login/?next=1', { id: 'login-2' }), settings),
    ).toBe(true);
    expect(
      isRefreshRequest(request('http://a.test/api/auth/login/', { id: 'x', method: 'GET' }), settings),
    ).toBe(false);
    // Marking again flips it back.
    expect(isRefreshRequest(refresh, withRefreshMark(settings, refresh, true))).toBe(true);
    const custom = { patterns: ['/renew'], marked: new Set<string>(), unmarked: new Set<string>() };
    expect(isRefreshRequest(request('http://a.test/session/renew'), custom)).toBe(true);
    expect(isRefreshRequest(refresh, custom)).toBe(false);
  });

  it('reads stored settings defensively and writes them back', () => {
    expect(refreshSettingsFromStored(undefined).patterns).toEqual(DEFAULT_REFRESH_PATTERNS);
    const odd = refreshSettingsFromStored({
      patterns: ['/renew', 3, null],
      marked: 'POST /x',
      unmarked: [['no']],
    });
    expect(odd.patterns).toEqual(['/renew']);
    expect([...odd.marked, ...odd.unmarked]).toEqual([]);
    const settings = withRefreshMark(defaultRefreshSettings(), request('http://a.test/api/renew'), true);
    expect(refreshSettingsToStored(settings)).toEqual({
      patterns: [...DEFAULT_REFRESH_PATTERNS],
      marked: ['POST /api/renew'],
      unmarked: [],
    });
    expect(refreshSettingsFromStored(refreshSettingsToStored(settings))).toEqual(settings);
  });

  it('parses an edited pattern list', () => {
    expect(parseRefreshPatterns(' /renew \n\n/auth/refresh\n/renew\n')).toEqual(['/renew', '/auth/refresh']);
  });
});
