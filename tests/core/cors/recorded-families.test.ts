/**
 * The `cors/*` rules on recordings without Chromium's verdict (HAR imports, the probe alone) and
 * with it (CDP): each failure lands in one family, the server error behind a CORS symptom is
 * said first, and a disagreement between CDP and the analyser shows both, preferring CDP.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importHarText } from '../../../core/har';
import type { Finding } from '../../../core/model';
import { Recording } from '../../../core/reducer';
import { findFindings } from '../../../core/rules';
import { ORIGIN, REFRESH_URL, eventLog, type EventLog } from '../events';
import { failure } from './failure';

const fact = (f: Finding | undefined, label: string) => f?.facts.find((x) => x.label === label)?.value;

function corsFindings(log: EventLog): Finding[] {
  const rec = new Recording();
  rec.apply(log.events);
  return findFindings(rec).filter((f) => f.ruleId.startsWith('cors/'));
}

const ACAO = { 'Access-Control-Allow-Origin': ORIGIN };

describe('CORS findings without a browser verdict (HAR)', () => {
  it("finds the demo's refresh failure in a HAR Chrome exported, with the preflight as evidence", () => {
    const har = importHarText(readFileSync('tests/cli/fixtures/demo-buggy-chrome.har', 'utf8'));
    const rec = new Recording();
    rec.apply(har.events);
    const [finding] = findFindings(rec).filter((f) => f.ruleId === 'cors/header-not-allowed');
    expect(finding).toMatchObject({ basis: 'har', title: expect.stringContaining('"authorization"') });
    expect(finding.evidence.map((e) => e.label)).toEqual([
      expect.stringMatching(/^POST \/api\/auth\/token\/refresh\//),
      expect.stringMatching(/^OPTIONS .* \(preflight\)$/),
    ]);
    expect(fact(finding, 'Decided by')).toBe('the recorded headers');
  });

  it('finds the same from hand-built HAR events (status 0, net::ERR_FAILED, no Origin on the request)', () => {
    const log = eventLog();
    log
      .har({
        kind: 'request.start',
        requestId: 'h1',
        url: REFRESH_URL,
        method: 'POST',
        resourceType: 'fetch',
        headers: { Authorization: 'Token a', 'Content-Type': 'application/json' },
      })
      .har({
        kind: 'request.start',
        requestId: 'h2',
        url: REFRESH_URL,
        method: 'OPTIONS',
        resourceType: 'preflight',
        preflightFor: 'h1',
        headers: {
          Origin: ORIGIN,
          'Access-Control-Request-Method': 'POST',
          'Access-Control-Request-Headers': 'authorization,content-type',
        },
      })
      .har({
        kind: 'request.response',
        requestId: 'h2',
        status: 204,
        statusText: '',
        headers: { ...ACAO, 'Access-Control-Allow-Headers': 'content-type' },
      })
      .har({ kind: 'request.failed', requestId: 'h1', errorText: 'net::ERR_FAILED' });
    const findings = corsFindings(log);
    expect(findings.map((f) => f.ruleId)).toEqual(['cors/header-not-allowed']);
    expect(findings[0].evidence.map((e) => e.id)).toEqual(['h1', 'h2']);
    expect(fact(findings[0], 'Disallowed header')).toBe('authorization');
  });

  it('says "server error" first when a 404 preflight without CORS headers hides behind CORS', () => {
    const findings = corsFindings(failure({ preflight: { status: 404, headers: {} } }));
    expect(findings.map((f) => f.ruleId)).toEqual(['cors/hidden-server-error']);
    expect(findings[0].title).toBe('Server error 404 on the preflight (OPTIONS), reported as CORS');
    expect(findings[0].explanation).toMatch(/^This is not really a CORS problem/);
    expect(fact(findings[0], 'Reported as')).toBe('PreflightMissingAllowOriginHeader ()');
  });

  it('says so for a 500 actual response without CORS headers, and for a redirected preflight', () => {
    const crash = corsFindings(failure({ method: 'GET', response: { status: 500, headers: {} } }));
    expect(crash.map((f) => [f.ruleId, f.title])).toEqual([
      ['cors/hidden-server-error', 'Server error 500 on the request, reported as CORS'],
    ]);
    const redirected = corsFindings(
      failure({ preflight: { status: 301, headers: { Location: 'https://x/' } } }),
    );
    expect(redirected[0]).toMatchObject({
      ruleId: 'cors/hidden-server-error',
      title: expect.stringContaining('redirected'),
    });
  });

  it('explains a refused method, with the case-sensitivity trap', () => {
    const [f] = corsFindings(
      failure({
        preflight: { status: 204, headers: { ...ACAO, 'Access-Control-Allow-Methods': 'get, put' } },
      }),
    );
    expect(f).toMatchObject({
      ruleId: 'cors/method-not-allowed',
      title: "Method PUT was refused by the server's CORS preflight",
    });
    expect(fact(f, 'Server allowed')).toBe('get, put');
    expect(f.fix).toContain('case-sensitive');
    expect(f.fixSnippets.find((s) => s.label === 'Express (cors)')?.code).toContain(
      "methods: ['GET', 'POST', 'PUT']",
    );
  });

  it('infers credentials from a failure that only credentials explain', () => {
    const [f] = corsFindings(
      failure({ method: 'GET', response: { status: 200, headers: { 'Access-Control-Allow-Origin': '*' } } }),
    );
    expect(f).toMatchObject({ ruleId: 'cors/credentials', title: expect.stringContaining('*') });
    expect(f.fixSnippets.find((s) => s.label === 'ASP.NET Core')?.code).toContain('.AllowCredentials()');
  });

  it('explains an origin mismatch, a bad preflight status and an unparsable allow list', () => {
    const mismatch = corsFindings(
      failure({
        method: 'GET',
        response: { status: 200, headers: { 'Access-Control-Allow-Origin': 'http://other.test' } },
      }),
    );
    expect(mismatch[0]).toMatchObject({ ruleId: 'cors/origin-mismatch' });
    expect(mismatch[0].explanation).toContain('"http://other.test"');
    const status = corsFindings(
      failure({ preflight: { status: 403, headers: { ...ACAO, 'Access-Control-Allow-Methods': 'PUT' } } }),
    );
    expect(status[0]).toMatchObject({
      ruleId: 'cors/preflight-status',
      title: 'The CORS preflight was answered 403, not 2xx',
    });
    const list = corsFindings(
      failure({
        preflight: { status: 204, headers: { ...ACAO, 'Access-Control-Allow-Methods': 'GET; PUT' } },
      }),
    );
    expect(list[0]).toMatchObject({ ruleId: 'cors/invalid-allow-list' });
  });

  it('finds nothing for a same-origin failure or a request the server allowed', () => {
    expect(
      corsFindings(
        failure({ method: 'GET', url: `${ORIGIN}/api/x`, response: { status: 500, headers: {} } }),
      ),
    ).toEqual([]);
    expect(
      corsFindings(
        failure({ preflight: { status: 204, headers: { ...ACAO, 'Access-Control-Allow-Methods': 'PUT' } } }),
      ),
    ).toEqual([]);
  });
});

describe('CORS findings with a browser verdict (CDP)', () => {
  it("prefers Chromium's verdict and shows ours next to it when they disagree", () => {
    const [f] = corsFindings(
      failure({
        source: 'cdp',
        // Headers that say "no Allow-Origin" while Chromium says "method": the recorded answer
        // is not what Chromium judged (an extension rewrote it, say). Chromium wins.
        preflight: { status: 204, headers: { 'Access-Control-Allow-Methods': 'PUT' } },
        cors: { corsError: 'MethodDisallowedByPreflightResponse', failedParameter: 'PUT' },
      }),
    );
    expect(f).toMatchObject({ ruleId: 'cors/method-not-allowed', basis: 'cdp' });
    expect(fact(f, "Chromium's verdict")).toBe('MethodDisallowedByPreflightResponse (PUT)');
    expect(fact(f, 'Our verdict (from headers)')).toBe('PreflightMissingAllowOriginHeader ()');
    expect(fact(f, 'Decided by')).toBe('the browser (CDP)');
    expect(fact(f, 'Disagreement')).toContain("Chromium's is shown");
  });

  it('classifies a Private Network Access block as not really CORS', () => {
    const [f] = corsFindings(
      failure({
        source: 'cdp',
        method: 'GET',
        cors: { corsError: 'InsecureLocalNetwork', failedParameter: '' },
      }),
    );
    expect(f).toMatchObject({
      ruleId: 'cors/hidden-server-error',
      title: expect.stringContaining('Private Network Access'),
    });
  });
});

describe('fix snippets', () => {
  it('name the exact header for all six backends on the seed failure', () => {
    const log = eventLog();
    log
      .har({
        kind: 'request.start',
        requestId: 'h1',
        url: REFRESH_URL,
        method: 'POST',
        resourceType: 'fetch',
        headers: { Authorization: 'Token a' },
      })
      .har({
        kind: 'request.start',
        requestId: 'h2',
        url: REFRESH_URL,
        method: 'OPTIONS',
        resourceType: 'preflight',
        preflightFor: 'h1',
        headers: {
          Origin: ORIGIN,
          'Access-Control-Request-Method': 'POST',
          'Access-Control-Request-Headers': 'authorization',
        },
      })
      .har({
        kind: 'request.response',
        requestId: 'h2',
        status: 204,
        statusText: '',
        headers: { ...ACAO, 'Access-Control-Allow-Headers': 'content-type' },
      })
      .har({ kind: 'request.failed', requestId: 'h1', errorText: 'net::ERR_FAILED' });
    const [finding] = corsFindings(log);
    expect(finding.fixSnippets.map((s) => s.label)).toEqual([
      'Django (django-cors-headers)',
      'Express (cors)',
      'nginx',
      'FastAPI (CORSMiddleware)',
      'Spring',
      'ASP.NET Core',
    ]);
    for (const snippet of finding.fixSnippets) expect(snippet.code.toLowerCase()).toContain('authorization');
    expect(finding.fix).toContain("Changing the header's case in the client cannot help");
  });
});
