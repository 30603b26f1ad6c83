/** The `handshake` command, run as a user runs it (a Node process), on real files. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { exportHar, importHarText } from '../../core/har';
import { Recording } from '../../core/reducer';
import { canaries } from '../core/redact/canaries';

const CHROME_HAR = 'tests/cli/fixtures/demo-buggy-chrome.har';
const dir = mkdtempSync(join(tmpdir(), 'handshake-cli-'));

function run(...args: string[]) {
  const r = spawnSync(process.execPath, ['cli/handshake.mjs', ...args], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('handshake analyze', () => {
  it('prints the findings of our own export and exits 1 on an error finding', () => {
    const file = join(dir, 'cdp-export.har');
    // Our export keeps the browser's CORS verdict (`_cors`), so the finding is there without the header analyser.
    const events = importHarText(readFileSync(CHROME_HAR, 'utf8')).events;
    const har = [...exportHar(events)]
      .join('')
      .replace(
        /("_error":"net::ERR_FAILED")/,
        '$1,"_cors":{"corsError":"HeaderDisallowedByPreflightResponse","failedParameter":"authorization"}',
      );
    writeFileSync(file, har);
    const r = run('analyze', file);
    expect(r.stdout).toContain('Request header "authorization" was refused');
    expect(r.code).toBe(1);
  });

  it('--json gives one report per file, and a clear error for a file that is not HAR', () => {
    const bad = join(dir, 'bad.har');
    writeFileSync(bad, '<html></html>');
    const r = run('analyze', CHROME_HAR, bad, '--json');
    const reports = JSON.parse(r.stdout) as Array<{ file: string; requests?: number; error?: string }>;
    expect(reports.map((x) => x.file)).toEqual([CHROME_HAR, bad]);
    expect(reports[0].requests).toBe(8);
    expect(reports[1].error).toMatch(/not a HAR file/);
    expect(r.stderr).toContain('[2/2]');
    expect(r.code).not.toBe(0);
  });
});

// Chrome's HAR carries no CORS reason: the finding comes from core/cors/ (the header-based analyser),
// fed by what the importer makes of the file (the refresh failed, its preflight paired).
describe('handshake analyze on a Chrome HAR of the buggy demo (CORS from headers)', () => {
  it('reads the refresh as failed with its preflight paired; prints the CORS finding once core/cors lands', () => {
    const rec = new Recording();
    rec.apply(importHarText(readFileSync(CHROME_HAR, 'utf8')).events);
    const refresh = [...rec.requests.values()].find(
      (q) => q.method === 'POST' && q.url.endsWith('/token/refresh/'),
    );
    expect(refresh).toMatchObject({ state: 'failed', failure: { errorText: 'net::ERR_FAILED' } });
    const preflight = rec.requests.get(refresh?.preflightId ?? '');
    expect(
      preflight?.responseHeaders?.['access-control-allow-headers'] ??
        JSON.stringify(preflight?.responseHeaders),
    ).toMatch(/content-type/i);
    const r = run('analyze', CHROME_HAR);
    expect(r.stdout).toContain('8 requests');
    expect(r.stdout).toContain('Request header "authorization" was refused by the server\'s CORS preflight');
    expect(r.code).toBe(1);
  });
});

describe('handshake redact', () => {
  it('removes every canary secret, gzip too', () => {
    const events = canaries().flatMap((c, i) =>
      c.events.map((e) => ({
        ...e,
        ...('requestId' in e ? { requestId: `${e.requestId}-${i}` } : {}),
        ...('channelId' in e ? { channelId: `${e.channelId}-${i}` } : {}),
        seq: i * 100 + e.seq,
      })),
    );
    const input = join(dir, 'canaries.har');
    writeFileSync(
      input,
      [...exportHar(events as typeof events, { redaction: { includeSecrets: true } })].join(''),
    );
    const secrets = canaries().flatMap((c) => c.secrets);
    expect(secrets.filter((s) => readFileSync(input, 'utf8').includes(s)).length).toBeGreaterThan(40);

    for (const out of [join(dir, 'out.har'), join(dir, 'out.har.gz')]) {
      const r = run('redact', input, '-o', out);
      expect(r.code).toBe(0);
      expect(r.stderr).toMatch(/removed \d+ distinct secrets/);
      const bytes = readFileSync(out);
      const text = out.endsWith('.gz') ? gunzipSync(bytes).toString('utf8') : bytes.toString('utf8');
      const leaked = secrets.filter((s) => text.includes(s) || text.includes(encodeURIComponent(s)));
      expect(leaked).toEqual([]);
      expect(importHarText(text).skipped).toEqual([]);
    }
  });
});
