/**
 * What `handshake` prints and writes is safe to paste and attach: no secret in the text, the JSON
 * or the HTML report, plain words (plurals, skipped entries said), and `report` writes one
 * self-contained file. Run as a user runs it (a Node process), on real files.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SECRETS, secretHar } from './secret-har';

const CHROME_HAR = 'tests/cli/fixtures/demo-buggy-chrome.har';
const dir = mkdtempSync(join(tmpdir(), 'handshake-report-'));
const SECRET_HAR = join(dir, 'secrets.har');
writeFileSync(SECRET_HAR, secretHar());

function run(...args: string[]) {
  const env = { ...process.env };
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG', 'LANGUAGE']) delete env[name];
  const r = spawnSync(process.execPath, ['cli/handshake.mjs', ...args], {
    encoding: 'utf8',
    timeout: 60_000,
    env,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const leaks = (text: string) =>
  Object.entries(SECRETS).flatMap(([name, s]) =>
    text.includes(s) || text.includes(encodeURIComponent(s)) ? [name] : [],
  );

describe('handshake analyze never prints a secret', () => {
  it('text: URLs with ?token=, access_token=, api_key= are quoted with placeholders', () => {
    expect(leaks(secretHar()).length).toBe(Object.keys(SECRETS).length);
    const r = run('analyze', SECRET_HAR);
    expect(r.stdout).toContain('GET http://api.test/data?api_key=[redacted:api_key#1]');
    expect(r.stdout).toContain('access_token=[redacted:access_token#1]');
    expect(leaks(r.stdout)).toEqual([]);
    expect(leaks(r.stderr)).toEqual([]);
    expect(r.code).toBe(1);
  });

  it('uses the placeholders the redacted HAR uses, so the two can be read side by side', () => {
    const out = join(dir, 'secrets-redacted.har');
    expect(run('redact', SECRET_HAR, '-o', out).code).toBe(0);
    const exported = decodeURIComponent(readFileSync(out, 'utf8'));
    const shown = run('analyze', SECRET_HAR).stdout.match(/\[redacted:[a-z_-]+#\d+\]/g) ?? [];
    expect(shown.length).toBeGreaterThan(3);
    expect(shown.filter((p) => !exported.includes(p))).toEqual([]);
  });

  it('JSON: findings, evidence, facts, skipped reasons and warnings are redacted', () => {
    const r = run('analyze', SECRET_HAR, '--json');
    const [report] = JSON.parse(r.stdout) as Array<{
      findings: Array<{ title: string; facts: Array<{ value: string }>; evidence: Array<{ label: string }> }>;
      skipped: unknown[];
      entries: number;
    }>;
    expect(report.findings.length).toBeGreaterThan(1);
    expect(report.findings.some((f) => f.facts.some((x) => x.value.includes('[redacted:api_key#1]')))).toBe(
      true,
    );
    expect(report.skipped).toHaveLength(1);
    expect(report.entries).toBe(8);
    expect(leaks(r.stdout)).toEqual([]);
  });
});

describe('handshake analyze in plain words', () => {
  it('says "1 request", names the tool in words, no "evidence:" jargon', () => {
    const one = join(dir, 'one.har');
    const har = JSON.parse(readFileSync(CHROME_HAR, 'utf8')) as { log: { entries: unknown[] } };
    har.log.entries = har.log.entries.slice(0, 1);
    writeFileSync(one, JSON.stringify(har));
    const r = run('analyze', one);
    expect(r.stdout).toContain('1 request, 0 channels, 0 exceptions (written by WebInspector).');
    expect(r.stdout).toContain('No problems found.');
    const full = run('analyze', CHROME_HAR);
    expect(full.stdout).toContain('[cors/header-not-allowed] from the HAR file');
    expect(full.stdout).not.toMatch(/evidence: |\(basis|×1/);
  });

  it('counts skipped entries and says "No problems found" only with that caveat', () => {
    const file = join(dir, 'skipped.har');
    const har = JSON.parse(readFileSync(CHROME_HAR, 'utf8')) as { log: { entries: unknown[] } };
    har.log.entries = [har.log.entries[0], { request: { method: 'GET' } }, 42, { request: { url: 'x' } }];
    writeFileSync(file, JSON.stringify(har));
    const r = run('analyze', file);
    expect(r.stdout).toContain(
      '3 of 4 entries were skipped: 1 × request.url is missing or empty, 1 × the entry is not an object, 1 × request.method is missing.',
    );
    expect(r.stdout).toContain(
      'No problems found in the entries that were read (3 skipped entries were not checked).',
    );
    const ru = run('analyze', file, '--lang', 'ru');
    expect(ru.stdout).toContain('Пропущено 3 записи из 4: ');
    expect(ru.stdout).toContain('(3 пропущенные записи не проверены)');
  });
});

describe('handshake report', () => {
  it('writes one self-contained, redacted HTML file with the findings', () => {
    const out = join(dir, 'report.html');
    const r = run('report', SECRET_HAR, '-o', out);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/report written \(\d+ findings\)/);
    const html = readFileSync(out, 'utf8');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('Request header &quot;authorization&quot; was refused');
    expect(html).toContain('<title>Handshake report: secrets.har</title>');
    expect(leaks(html)).toEqual([]);
    expect(html).not.toMatch(/<script|<link|<img|<iframe/i);
  });

  it('refuses a missing output and speaks Russian', () => {
    const usage = run('report', SECRET_HAR);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('report needs one input file and -o <output.html>.');
    const out = join(dir, 'report-ru.html');
    expect(run('report', CHROME_HAR, '-o', out, '--lang', 'ru').code).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('<html lang="ru">');
  });
});
