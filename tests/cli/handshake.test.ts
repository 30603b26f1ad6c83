/** The `handshake` command, run as a user runs it (a Node process), on real files. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { exportHar, importHarText } from '../../core/har';
import { Recording } from '../../core/reducer';
import { findFindings } from '../../core/rules';
import { canaries } from '../core/redact/canaries';

const CHROME_HAR = 'tests/cli/fixtures/demo-buggy-chrome.har';
const dir = mkdtempSync(join(tmpdir(), 'handshake-cli-'));

/** The terminal's language settings, none set: the command speaks English unless told otherwise. */
const NO_LANG = { LC_ALL: undefined, LC_MESSAGES: undefined, LANG: undefined, LANGUAGE: undefined };

function runIn(env: Record<string, string | undefined>, ...args: string[]) {
  const r = spawnSync(process.execPath, ['cli/handshake.mjs', ...args], {
    encoding: 'utf8',
    timeout: 60_000,
    env: Object.fromEntries(
      Object.entries({ ...process.env, ...NO_LANG, ...env }).filter(([, v]) => v !== undefined),
    ),
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function run(...args: string[]) {
  return runIn({}, ...args);
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

/** The findings of the fixture as core renders them in `locale`: what the command must print. */
function chromeFindings(locale: 'en' | 'ru') {
  const rec = new Recording();
  rec.apply(importHarText(readFileSync(CHROME_HAR, 'utf8')).events);
  return findFindings(rec, undefined, { locale });
}

describe('handshake in Russian', () => {
  it('--lang ru prints Russian framing and Russian findings', () => {
    const [ru] = chromeFindings('ru');
    const [en] = chromeFindings('en');
    expect(ru.title).not.toBe(en.title);
    const r = run('analyze', CHROME_HAR, '--lang', 'ru');
    expect(r.stdout).toContain('8 запросов, 0 каналов, 0 исключений (файл записан программой WebInspector).');
    expect(r.stdout).toContain(ru.title);
    expect(r.stdout).not.toContain(en.title);
    expect(r.stdout).not.toContain(' requests, ');
    expect(r.code).toBe(1);
  });

  it('follows the terminal: LANG=ru_RU.UTF-8 gives Russian, LC_ALL overrides LANG, --lang overrides both', () => {
    const [ru] = chromeFindings('ru');
    const [en] = chromeFindings('en');
    const viaLang = runIn({ LANG: 'ru_RU.UTF-8' }, 'analyze', CHROME_HAR);
    expect(viaLang.stdout).toContain('8 запросов');
    expect(viaLang.stdout).toContain(ru.title);
    const viaLcAll = runIn({ LC_ALL: 'C', LANG: 'ru_RU.UTF-8' }, 'analyze', CHROME_HAR);
    expect(viaLcAll.stdout).toContain('8 requests, 0 channels, 0 exceptions (written by WebInspector).');
    expect(viaLcAll.stdout).toContain(en.title);
    const viaFlag = runIn({ LANG: 'ru_RU.UTF-8' }, 'analyze', CHROME_HAR, '--lang=en');
    expect(viaFlag.stdout).toContain(en.title);
  });

  it('--json keeps English keys and gives the texts in Russian, the unreadable file too', () => {
    const bad = join(dir, 'bad-ru.har');
    writeFileSync(bad, '<html></html>');
    const r = run('analyze', CHROME_HAR, bad, '--json', '--lang', 'ru');
    const reports = JSON.parse(r.stdout) as Array<{
      file: string;
      requests?: number;
      findings?: Array<{ ruleId: string; severity: string; title: string }>;
      error?: string;
    }>;
    expect(reports.map((x) => Object.keys(x)[0])).toEqual(['file', 'file']);
    expect(reports[0]).toHaveProperty('requests', 8);
    const [ru] = chromeFindings('ru');
    expect(reports[0].findings?.[0]).toMatchObject({ ruleId: ru.ruleId, severity: 'error', title: ru.title });
    expect(reports[1].error).toMatch(/^Это не HAR-файл: похоже, это HTML или XML/);
    expect(r.code).not.toBe(0);
  });

  it('prints the help, usage errors and a file it cannot read in Russian', () => {
    const help = run('--lang', 'ru');
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Использование:\n {2}handshake analyze/);
    const usage = runIn({ LANG: 'ru_RU.UTF-8' }, 'analyze');
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('handshake: команде analyze нужен хотя бы один файл.');
    const badLang = run('analyze', CHROME_HAR, '--lang', 'fr');
    expect(badLang.code).toBe(2);
    expect(badLang.stderr).toContain('handshake: --lang takes en or ru, not "fr".');
    const empty = join(dir, 'empty.har');
    writeFileSync(empty, '');
    const unreadable = run('analyze', empty, '--lang', 'ru');
    expect(unreadable.stdout).toContain('✖ Не удалось прочитать: Файл пуст: в нём нет HAR.');
    expect(unreadable.code).toBe(2);
  });

  it('redact reports what it removed in Russian', () => {
    const input = join(dir, 'secret.har');
    const events = importHarText(readFileSync(CHROME_HAR, 'utf8')).events;
    writeFileSync(input, [...exportHar(events, { redaction: { includeSecrets: true } })].join(''));
    const r = run('redact', input, '-o', join(dir, 'secret-out.har'), '--lang', 'ru');
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/событи(е|я|й); сохранение в /);
    expect(r.stderr).toMatch(/скрыто уникальных секретов: \d+; (сработавшие правила: |секреты не найдены)/);
  });
});
