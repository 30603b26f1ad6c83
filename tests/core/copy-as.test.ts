import { execFileSync } from 'node:child_process';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { copyAsCurl, copyAsFetch, copyUrl, shellQuote } from '~/core/copy-as';

const TOKEN = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl';
const request = {
  url: `https://api.test/orders?token=${TOKEN}&page=2`,
  method: 'post',
  requestHeaders: {
    authorization: `Bearer ${TOKEN}`,
    'content-type': 'application/json',
    'x-note': "it's",
  },
  postData: '{"password":"hunter2","item":"a\'b"}',
};

/** What a POSIX shell makes of a quoted word. */
function shellEcho(word: string): string {
  return execFileSync('sh', ['-c', `printf '%s' ${word}`], { encoding: 'utf8' });
}

describe('shellQuote', () => {
  it('makes every string one shell word that reads back unchanged', () => {
    for (const text of ["it's", 'a b; rm -rf /', '$(whoami) `id` $HOME', '"dq"', "'", '', 'back\\slash']) {
      expect(shellEcho(shellQuote(text))).toBe(text);
    }
  });

  it("uses $'…' for newlines and control characters", () => {
    expect(shellQuote('a\nb')).toBe("$'a\\nb'");
    expect(shellQuote("x'\t\u0001\\")).toBe("$'x\\'\\t\\x01\\\\'");
    const bash = execFileSync('bash', ['-c', `printf '%s' ${shellQuote("line1\nit's\t$x")}`], {
      encoding: 'utf8',
    });
    expect(bash).toBe("line1\nit's\t$x");
  });
});

describe('copy as', () => {
  it('redacts the token in URL, header and body by default', () => {
    const curl = copyAsCurl(request);
    expect(curl).not.toContain(TOKEN);
    expect(curl).not.toContain('hunter2');
    expect(curl).toContain('[redacted:');
    expect(curl.split(' \\\n  ')[0]).toMatch(
      /^curl 'https:\/\/api\.test\/orders\?token=.*redacted.*&page=2'$/,
    );
    expect(copyUrl(request)).not.toContain(TOKEN);
    expect(copyAsFetch(request)).not.toContain(TOKEN);
  });

  it('keeps secrets only when asked', () => {
    expect(copyUrl(request, { withSecrets: true })).toBe(request.url);
    expect(copyAsCurl(request, { withSecrets: true })).toContain(`-H 'authorization: Bearer ${TOKEN}'`);
  });

  it('builds a cURL command with method, quoted headers and body', () => {
    const lines = copyAsCurl(request, { withSecrets: true }).split(' \\\n  ');
    expect(lines.slice(1)).toEqual([
      "-X 'POST'",
      `-H 'authorization: Bearer ${TOKEN}'`,
      "-H 'content-type: application/json'",
      `-H 'x-note: it'\\''s'`,
      `--data-raw '{"password":"hunter2","item":"a'\\''b"}'`,
    ]);
    expect(copyAsCurl({ url: 'https://a.test/', method: 'GET', requestHeaders: {} })).toBe(
      "curl 'https://a.test/'",
    );
  });

  it('builds a fetch call that is valid JavaScript and drops pseudo-headers', () => {
    const text = copyAsFetch(
      { ...request, wireHeaders: { ':authority': 'api.test', accept: '*/*' } },
      { withSecrets: true },
    );
    const calls: unknown[][] = [];
    // The generated text runs in a sandbox with a stub `fetch`, to prove it parses and carries the values.
    runInNewContext(text, { fetch: (...args: unknown[]) => calls.push(args) });
    expect(calls).toEqual([
      [request.url, { method: 'POST', headers: { accept: '*/*' }, body: request.postData }],
    ]);
  });
});
