import { describe, expect, it } from 'vitest';
import { Redactor } from '~/core/redact';

// PARAM_PAIR_IN_TEXT starts a name only where one can start (issue 7: a 1 GB export of frames
// full of `xxxx…` took minutes). These prove it still finds what it found before.
describe('token=value in free text', () => {
  it('redacts a secret parameter after a long run of name characters and a separator', () => {
    const r = new Redactor();
    const out = r.text(`${'x'.repeat(5000)} access_token=abc123secret&page=2`);
    expect(out).not.toContain('abc123secret');
    expect(out).toContain('page=2');
    expect(out.startsWith('x'.repeat(5000))).toBe(true);
  });

  it('redacts a dotted or dashed secret name at the start of the text and after punctuation', () => {
    const r = new Redactor();
    expect(r.text('client.secret=s3cr3tvalue')).not.toContain('s3cr3tvalue');
    expect(r.text('(refresh-token=r3fr3shvalue)')).not.toContain('r3fr3shvalue');
  });

  it('leaves a harmless parameter and a run without "=" as they were', () => {
    const r = new Redactor();
    const text = `${'y'.repeat(2000)} page=2 mode=dark`;
    expect(r.text(text)).toBe(text);
  });
});
