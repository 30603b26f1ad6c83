/**
 * The canary suite over every output of the command line, on real files: each of the 219
 * canaries written as a HAR with its secret, then `handshake redact` (HAR and .har.gz),
 * `handshake report` (HTML), and `handshake analyze` (text and `--json`). No secret survives in
 * any of them, in any form, nor in what they print on stderr; hosts, statuses and counts stay.
 * `analyze` runs as a user runs it (one Node process for all files); `redact` and `report` run
 * the command's `main` in this process, one file each (a process per file would take minutes).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../cli/main';
import { importHarText } from '../../core/har';
import { Recording } from '../../core/reducer';
import { allCanaries, hostsOf, leaks, statusesOf, writeCanaryHar } from './canary-files';

const dir = mkdtempSync(join(tmpdir(), 'handshake-canaries-'));
const canaries = allCanaries();
const files = canaries.map((c, i) => writeCanaryHar(dir, i, c));

let stderr = '';
beforeEach(() => {
  stderr = '';
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  });
});
afterEach(() => {
  vi.restoreAllMocks();
});

const cases = canaries.map((c, i) => [c.name, i] as const);

describe('canary files', () => {
  it('are 200 or more, and each file carries its secret (the checks can fail)', () => {
    expect(canaries.length).toBeGreaterThanOrEqual(200);
    const missing = canaries.filter((c, i) => leaks(readFileSync(files[i], 'utf8'), c.secrets).length === 0);
    expect(missing.map((c) => c.name)).toEqual([]);
  });
});

describe('handshake redact: no canary survives', () => {
  it.each(cases)('%s', async (_name, i) => {
    const canary = canaries[i];
    const out = join(dir, `redacted-${i}.har${i % 5 === 0 ? '.gz' : ''}`);
    expect(await main(['redact', files[i], '-o', out, '--lang', 'en'])).toBe(0);
    const bytes = readFileSync(out);
    const text = out.endsWith('.gz') ? gunzipSync(bytes).toString('utf8') : bytes.toString('utf8');
    expect(leaks(text, canary.secrets)).toEqual([]);
    expect(leaks(stderr, canary.secrets)).toEqual([]);
    // Still a HAR of the same traffic: hosts, statuses, counts.
    const back = importHarText(text);
    expect(back.skipped).toEqual([]);
    for (const host of hostsOf(canary.events)) expect(text).toContain(host);
    const har = JSON.parse(text) as { log: { entries: Array<{ response: { status: number } }> } };
    for (const status of statusesOf(canary.events))
      expect(har.log.entries.map((e) => e.response.status)).toContain(status);
  });
});

describe('handshake report: no canary survives in the HTML', () => {
  it.each(cases)('%s', async (_name, i) => {
    const canary = canaries[i];
    const out = join(dir, `report-${i}.html`);
    expect(await main(['report', files[i], '-o', out, '--lang', i % 2 ? 'ru' : 'en'])).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(leaks(html, canary.secrets)).toEqual([]);
    expect(leaks(stderr, canary.secrets)).toEqual([]);
    for (const host of hostsOf(canary.events)) expect(html).toContain(host);
  });
});

/** `handshake analyze` on every canary file at once, as a user runs it. */
function analyzeAll(...flags: string[]) {
  vi.restoreAllMocks();
  const env = { ...process.env };
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG', 'LANGUAGE']) delete env[name];
  const r = spawnSync(process.execPath, ['cli/handshake.mjs', 'analyze', ...files, ...flags], {
    encoding: 'utf8',
    timeout: 120_000,
    maxBuffer: 256 * 1024 * 1024,
    env,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('handshake analyze: no canary survives in the text or the JSON', () => {
  it('text, one block per file', () => {
    const r = analyzeAll();
    expect(r.code).not.toBe(2);
    const blocks = r.stdout.split(/^== /m).slice(1);
    expect(blocks).toHaveLength(files.length);
    const leaked = canaries.flatMap((c, i) =>
      leaks(blocks[i], c.secrets).length > 0 || leaks(r.stderr, c.secrets).length > 0 ? [c.name] : [],
    );
    expect(leaked).toEqual([]);
  }, 120_000);

  it('--json, with the counts of each file', () => {
    const r = analyzeAll('--json', '--lang', 'ru');
    const reports = JSON.parse(r.stdout) as Array<{
      file: string;
      requests: number;
      channels: number;
      exceptions: number;
    }>;
    expect(reports.map((x) => x.file)).toEqual(files);
    const leaked = canaries.flatMap((c, i) =>
      leaks(JSON.stringify(reports[i]), c.secrets).length > 0 ? [c.name] : [],
    );
    expect(leaked).toEqual([]);
    expect(canaries.flatMap((c) => (leaks(r.stderr, c.secrets).length > 0 ? [c.name] : []))).toEqual([]);
    for (const [i, c] of canaries.entries()) {
      const rec = new Recording();
      rec.apply(c.events);
      expect(reports[i], c.name).toMatchObject({
        requests: rec.requests.size,
        channels: rec.channels.size,
        exceptions: rec.exceptions.size,
      });
    }
  }, 120_000);
});
