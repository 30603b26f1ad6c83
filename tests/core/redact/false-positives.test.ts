/**
 * Redaction must not hide the evidence: words about a credential (`Unknown api key`, `Missing
 * apiKey`, `Bearer undefined`) are not the credential, and Subresource Integrity hashes are
 * public. Both were replaced by placeholders before (and then removed everywhere in the file).
 */
import { describe, expect, it } from 'vitest';
import { exportHar } from '~/core/har';
import { Redactor } from '~/core/redact';
import { primedRedactor, redactFindings } from '~/core/report-html';
import { Recording } from '~/core/reducer';
import { findFindings } from '~/core/rules';
import { log, request } from './canaries';

function refused(data: string, reason: string) {
  return log([
    { kind: 'channel.created', channelId: 'c1', transport: 'websocket', url: 'wss://rt.test/live' },
    { kind: 'channel.open', channelId: 'c1', status: 101 },
    { kind: 'channel.frame', channelId: 'c1', direction: 'receive', opcode: 1, data, size: data.length },
    { kind: 'channel.closed', channelId: 'c1', code: 4001, reason },
  ]);
}

describe('words about a secret stay', () => {
  it.each([
    ['{"error":"Unknown api key"}', 'Unknown api key'],
    ['{"type":"error","message":"Missing apiKey"}', 'Missing apiKey'],
  ])('an auth-rejection frame %s keeps its words in the export and the findings', (frame, words) => {
    const events = refused(frame, words);
    const text = [...exportHar(events)].join('');
    const har = JSON.parse(text) as {
      log: { entries: Array<{ _webSocketMessages?: Array<{ data: string }> }> };
    };
    expect(har.log.entries[0]._webSocketMessages?.[0].data).toBe(frame);
    expect(text).not.toContain('[redacted:');
    const rec = new Recording();
    rec.apply(events);
    const [finding] = redactFindings(primedRedactor(rec), findFindings(rec));
    expect(finding.title).toContain(`"${words}"`);
    expect(JSON.stringify(finding)).not.toContain('[redacted:');
  });

  it('keeps `Bearer undefined`, `token: expired` and `password: required`, and removes real values', () => {
    const r = new Redactor();
    expect(r.headerValue('Authorization', 'Bearer undefined')).toBe('Bearer undefined');
    expect(r.headerValue('Authorization', 'Bearer null')).toBe('Bearer null');
    expect(r.text('token: expired; password: required')).toBe('token: expired; password: required');
    expect(r.body('{"token":"Missing token"}')).toBe('{"token":"Missing token"}');
    expect(r.headerValue('Authorization', 'Bearer abc123def')).toBe('Bearer [redacted:authorization#1]');
    expect(r.text('password: hunter')).toBe('password: [redacted:password#1]');
    expect(r.body('{"token":"correct horse battery staple"}')).toContain('[redacted:token#1]');
  });

  it('does not learn a word about a secret and remove it elsewhere in the file', () => {
    const events = request({
      headers: { Authorization: 'Bearer undefined' },
      body: JSON.stringify({ error: 'Cannot read properties of undefined', status: 'expired' }),
    });
    const text = [...exportHar(events)].join('');
    expect(text).toContain('Cannot read properties of undefined');
    expect(text).toContain('Bearer undefined');
  });
});

describe('Subresource Integrity hashes stay', () => {
  const sri = [
    'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=',
    'sha384-oqVuAfXRKap7fdgcCY5uykM6+R9GqQ8K/uxy9rx7HNQlGYl1kPzQho1wx4JwY8wC',
    'sha512-z4PhNX7vuL3xVChQ1m2AB9Yg5AULVxXcg/SpIdNs6c5H0NE8XYXysP+DGNKHfuwvY7kxvUdBeoGlODJ6+SfaPg==',
  ];

  it.each(sri)('%s in an HTML body and a package-lock', (hash) => {
    const r = new Redactor();
    const html = `<script src="https://cdn.test/x.js" integrity="${hash}" crossorigin="anonymous"></script>`;
    expect(r.body(html, 'text/html')).toBe(html);
    const lock = JSON.stringify({ packages: { 'node_modules/x': { integrity: hash } } });
    expect(r.body(lock, 'application/json')).toBe(lock);
    expect(r.manifest().suspects).toEqual([]);
  });

  it('still removes a random token next to one', () => {
    const token = 'Rt9aZ3kQ9xR2mT7pL5vB8nW4cY6aZ3kQ9xR2';
    const r = new Redactor();
    const out = r.text(`integrity="${sri[1]}" key ${token}`);
    expect(out).toContain(sri[1]);
    expect(out).not.toContain(token);
  });
});
