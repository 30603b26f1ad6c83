/** The analyser against the Fetch standard's CORS rules, including the tricky ones. */
import { describe, expect, it } from 'vitest';
import { analyseCors, sameVerdict, type CorsExchange, type CorsRequest } from '../../../core/cors/analyse';

const APP = 'http://app.test';
const API = 'http://api.test/x';

function exchange(
  request: Partial<CorsRequest>,
  preflight?: Record<string, string>,
  response: Record<string, string> = { 'Access-Control-Allow-Origin': APP },
  preflightStatus = 204,
): CorsExchange {
  return {
    request: { method: 'GET', url: API, headers: {}, credentials: 'same-origin', origin: APP, ...request },
    preflight: preflight ? { status: preflightStatus, headers: preflight } : undefined,
    responses: [{ url: API, status: 200, headers: response }],
  };
}

const ok = { 'Access-Control-Allow-Origin': APP };

describe('analyseCors: simple requests', () => {
  it('needs no preflight for GET/HEAD/POST with safelisted headers', () => {
    const v = analyseCors(
      exchange({ method: 'POST', headers: { 'Content-Type': 'text/plain;charset=UTF-8', Accept: '*/*' } }),
    );
    expect(v).toMatchObject({ outcome: 'allowed', preflightNeeded: false, unsafeHeaders: [] });
  });

  it('names a missing, mismatched, multiple or invalid Allow-Origin like Chromium', () => {
    const verdict = (acao: Record<string, string>) => {
      const v = analyseCors(exchange({}, undefined, acao));
      return [v.corsError, v.failedParameter];
    };
    expect(verdict({})).toEqual(['MissingAllowOriginHeader', '']);
    expect(verdict({ 'Access-Control-Allow-Origin': 'http://other.test' })).toEqual([
      'AllowOriginMismatch',
      'http://other.test',
    ]);
    expect(verdict({ 'Access-Control-Allow-Origin': `${APP}/` })).toEqual(['AllowOriginMismatch', `${APP}/`]);
    expect(verdict({ 'Access-Control-Allow-Origin': `${APP}, http://b.test` })).toEqual([
      'MultipleAllowOriginValues',
      `${APP}, http://b.test`,
    ]);
    expect(verdict({ 'Access-Control-Allow-Origin': 'app.test' })).toEqual([
      'InvalidAllowOriginValue',
      'app.test',
    ]);
    expect(verdict({ 'Access-Control-Allow-Origin': 'null' })).toEqual(['AllowOriginMismatch', 'null']);
  });

  it('lets `null` match an opaque origin, and `*` any origin without credentials', () => {
    expect(
      analyseCors(exchange({ origin: 'null' }, undefined, { 'Access-Control-Allow-Origin': 'null' })).outcome,
    ).toBe('allowed');
    expect(analyseCors(exchange({}, undefined, { 'Access-Control-Allow-Origin': '*' })).outcome).toBe(
      'allowed',
    );
  });
});

describe('analyseCors: credentials', () => {
  const include = { credentials: 'include' as const };
  it('refuses `*` with credentials', () => {
    const v = analyseCors(
      exchange(include, undefined, {
        'Access-Control-Allow-Origin': '*',
        'Access-Control-Allow-Credentials': 'true',
      }),
    );
    expect(v).toMatchObject({
      corsError: 'WildcardOriginNotAllowed',
      failedParameter: '',
      stage: 'response',
    });
  });

  it('wants exactly `true` in Allow-Credentials (case-sensitive)', () => {
    expect(analyseCors(exchange(include)).corsError).toBe('InvalidAllowCredentials');
    const upper = analyseCors(
      exchange(include, undefined, { ...ok, 'Access-Control-Allow-Credentials': 'True' }),
    );
    expect(upper).toMatchObject({ corsError: 'InvalidAllowCredentials', failedParameter: 'True' });
    expect(
      analyseCors(exchange(include, undefined, { ...ok, 'Access-Control-Allow-Credentials': 'true' }))
        .outcome,
    ).toBe('allowed');
  });

  it('uses the Preflight… names on the preflight', () => {
    const v = analyseCors(
      exchange(
        { ...include, method: 'PUT' },
        { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Methods': 'PUT' },
      ),
    );
    expect(v).toMatchObject({ corsError: 'PreflightWildcardOriginNotAllowed', stage: 'preflight' });
  });
});

describe('analyseCors: preflight', () => {
  const pre = (extra: Record<string, string>) => ({ ...ok, ...extra });

  it('lowercases and sorts the unsafe header names, as in Access-Control-Request-Headers', () => {
    const v = analyseCors(
      exchange({ headers: { 'X-Zeta': '1', Authorization: 'x', 'Content-Type': 'application/json' } }),
    );
    expect(v.unsafeHeaders).toEqual(['authorization', 'content-type', 'x-zeta']);
    expect(v).toMatchObject({ preflightNeeded: true, outcome: 'unknown' });
  });

  it('compares header names case-insensitively', () => {
    const v = analyseCors(
      exchange(
        { method: 'POST', headers: { authorization: 'x' } },
        pre({ 'Access-Control-Allow-Headers': 'AUTHORIZATION' }),
      ),
    );
    expect(v.outcome).toBe('allowed');
  });

  it('names the seed failure: authorization missing from Allow-Headers', () => {
    const v = analyseCors(
      exchange(
        { method: 'POST', headers: { Authorization: 'Token t', 'Content-Type': 'application/json' } },
        pre({ 'Access-Control-Allow-Headers': 'content-type' }),
      ),
    );
    expect(v).toMatchObject({
      outcome: 'blocked',
      corsError: 'HeaderDisallowedByPreflightResponse',
      failedParameter: 'authorization',
      decisiveHeader: 'access-control-allow-headers',
      disallowedHeaders: ['authorization'],
    });
  });

  it('lists every disallowed header, and agrees with Chromium naming any one of them', () => {
    const v = analyseCors(exchange({ headers: { 'X-Z': '1', 'X-A': '1' } }, pre({})));
    expect(v.disallowedHeaders).toEqual(['x-a', 'x-z']);
    expect(sameVerdict(v, { corsError: 'HeaderDisallowedByPreflightResponse', failedParameter: 'x-z' })).toBe(
      true,
    );
    expect(sameVerdict(v, { corsError: 'HeaderDisallowedByPreflightResponse', failedParameter: 'x-b' })).toBe(
      false,
    );
  });

  it('Allow-Headers `*` covers headers only without credentials; Chromium still lets it cover authorization', () => {
    const auth = { method: 'POST', headers: { Authorization: 'x' } };
    const star = analyseCors(exchange(auth, pre({ 'Access-Control-Allow-Headers': '*' })));
    expect(star.outcome).toBe('allowed');
    expect(star.warnings.join(' ')).toMatch(/never covers Authorization/);
    const withCreds = analyseCors(
      exchange(
        { ...auth, credentials: 'include' },
        pre({ 'Access-Control-Allow-Headers': '*', 'Access-Control-Allow-Credentials': 'true' }),
      ),
    );
    expect(withCreds).toMatchObject({
      corsError: 'HeaderDisallowedByPreflightResponse',
      failedParameter: 'authorization',
    });
  });

  it('compares methods case-sensitively after fetch() normalisation', () => {
    const put = (method: string, allow: string) =>
      analyseCors(exchange({ method }, pre({ 'Access-Control-Allow-Methods': allow })));
    expect(put('PUT', 'put')).toMatchObject({
      corsError: 'MethodDisallowedByPreflightResponse',
      failedParameter: 'PUT',
    });
    expect(put('put', 'PUT').outcome).toBe('allowed');
    expect(put('patch', 'PATCH')).toMatchObject({ failedParameter: 'patch' });
    expect(put('DELETE', '*').outcome).toBe('allowed');
  });

  it('tolerates spaces and empty items in allow lists but not `;` or space separators', () => {
    expect(
      analyseCors(exchange({ method: 'PUT' }, pre({ 'Access-Control-Allow-Methods': ' GET , , PUT ' })))
        .outcome,
    ).toBe('allowed');
    expect(
      analyseCors(exchange({ method: 'PUT' }, pre({ 'Access-Control-Allow-Methods': 'GET; PUT' }))).corsError,
    ).toBe('InvalidAllowMethodsPreflightResponse');
    expect(
      analyseCors(exchange({ headers: { 'X-A': '1' } }, pre({ 'Access-Control-Allow-Headers': 'x-a x-b' })))
        .corsError,
    ).toBe('InvalidAllowHeadersPreflightResponse');
  });

  it('checks the Allow-Origin of a preflight before its status, as Chromium does', () => {
    expect(analyseCors(exchange({ method: 'PUT' }, {}, ok, 404)).corsError).toBe(
      'PreflightMissingAllowOriginHeader',
    );
    expect(
      analyseCors(exchange({ method: 'PUT' }, pre({ 'Access-Control-Allow-Methods': 'PUT' }), ok, 500))
        .corsError,
    ).toBe('PreflightInvalidStatus');
    expect(analyseCors(exchange({ method: 'PUT' }, { Location: '/y' }, ok, 302)).corsError).toBe(
      'PreflightDisallowedRedirect',
    );
  });

  it('makes a safelisted header unsafe past 128 bytes', () => {
    const long = `text/plain; x=${'a'.repeat(130)}`;
    expect(
      analyseCors(exchange({ method: 'POST', headers: { 'Content-Type': long } })).unsafeHeaders,
    ).toEqual(['content-type']);
    expect(analyseCors(exchange({ headers: { Accept: 'a(b)' } })).unsafeHeaders).toEqual(['accept']);
  });

  it('ignores headers only the browser can set', () => {
    const v = analyseCors(
      exchange({ headers: { 'User-Agent': 'x', Origin: APP, 'sec-ch-ua': '"x"', Referer: APP } }),
    );
    expect(v.preflightNeeded).toBe(false);
  });
});

describe('analyseCors: redirects', () => {
  it('checks each hop and taints the origin to null across origins', () => {
    const v = analyseCors({
      request: { method: 'GET', url: API, headers: {}, credentials: 'same-origin', origin: APP },
      responses: [
        { url: API, status: 302, headers: { ...ok, Location: 'http://third.test/y' } },
        { url: 'http://third.test/y', status: 200, headers: ok },
      ],
    });
    expect(v).toMatchObject({ corsError: 'AllowOriginMismatch', failedParameter: APP, stage: 'response' });
  });

  it('names the redirect when the redirect itself lacks CORS headers', () => {
    const v = analyseCors({
      request: { method: 'GET', url: API, headers: {}, credentials: 'same-origin', origin: APP },
      responses: [{ url: API, status: 302, headers: { Location: '/z' } }],
    });
    expect(v).toMatchObject({ corsError: 'MissingAllowOriginHeader', stage: 'redirect' });
  });
});
