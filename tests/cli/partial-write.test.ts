/**
 * The command line writes through a temporary file renamed at the end (`writeChunks`): a run
 * that fails half-way — the redaction throwing mid-file, a target it cannot write — leaves no
 * partial output under the asked name, no temporary file beside it, and an earlier file there
 * as it was. A file it cannot parse is refused without quoting its bytes.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeChunks } from '../../cli/files';

const CHROME_HAR = 'tests/cli/fixtures/demo-buggy-chrome.har';

function run(...args: string[]) {
  const r = spawnSync(process.execPath, ['cli/handshake.mjs', ...args, '--lang', 'en'], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: r.status, stderr: r.stderr };
}

/** Chunks that fail after some were written, as a redaction error half-way through would. */
async function* failingAfter(chunks: number): AsyncGenerator<string> {
  for (let i = 0; i < chunks; i++) yield `{"chunk":${i}}\n`.repeat(1000);
  throw new Error('redaction failed half-way');
}

describe('a failed write leaves nothing half-written', () => {
  it('an error in the middle of the stream: no output, no temporary file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'handshake-partial-'));
    const out = join(dir, 'out.har');
    await expect(writeChunks(out, failingAfter(50))).rejects.toThrow('redaction failed half-way');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('an earlier file under the asked name stays as it was', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'handshake-partial-'));
    const out = join(dir, 'out.har');
    writeFileSync(out, 'the earlier file');
    await expect(writeChunks(out, failingAfter(3))).rejects.toThrow();
    expect(readdirSync(dir)).toEqual(['out.har']);
    expect(readFileSync(out, 'utf8')).toBe('the earlier file');
  });

  it('handshake redact to a target that is a directory: exit 2, the reason, no temporary file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'handshake-partial-'));
    const target = join(dir, 'out.har');
    mkdirSync(target);
    const r = run('redact', CHROME_HAR, '-o', target);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^handshake: .*(EISDIR|directory)/im);
    expect(readdirSync(dir)).toEqual(['out.har']);
    expect(readdirSync(target)).toEqual([]);
  });

  it('handshake report into a folder that does not exist: exit 2, nothing written', () => {
    const dir = mkdtempSync(join(tmpdir(), 'handshake-partial-'));
    const r = run('report', CHROME_HAR, '-o', join(dir, 'missing', 'report.html'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/ENOENT|no such file/i);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a good run leaves only the output', () => {
    const dir = mkdtempSync(join(tmpdir(), 'handshake-partial-'));
    expect(run('redact', CHROME_HAR, '-o', join(dir, 'out.har.gz')).code).toBe(0);
    expect(readdirSync(dir)).toEqual(['out.har.gz']);
  });
});

describe('a damaged file', () => {
  it("the parser's quote of the file is not printed: it can hold a piece of a secret", () => {
    const dir = mkdtempSync(join(tmpdir(), 'handshake-partial-'));
    const file = join(dir, 'damaged.har');
    writeFileSync(
      file,
      '{"log":{"version":"1.2","entries":[{"request":{"method":"GET","url":"https://a.test/x",' +
        '"headers":[{"name":"Cookie","value":"sid=cnrySECRET12"}, tru]}}]}}',
    );
    for (const args of [
      ['analyze', file],
      ['analyze', file, '--json'],
      ['redact', file, '-o', join(dir, 'o.har')],
    ]) {
      const r = spawnSync(process.execPath, ['cli/handshake.mjs', ...args, '--lang', 'en'], {
        encoding: 'utf8',
      });
      const printed = r.stdout + r.stderr;
      expect(printed).toContain("Unexpected token ']'");
      expect(printed).not.toMatch(/T12|tru\]/);
    }
  });
});
