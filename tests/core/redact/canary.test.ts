/** None of the planted secrets survives a default export, in any form (raw or URL-encoded). */
import { describe, expect, it } from 'vitest';
import { exportHar } from '../../../core/har';
import { canaries } from './canaries';

const all = canaries();

function leaks(text: string, secrets: string[]): string[] {
  return secrets.filter(
    (s) =>
      text.includes(s) ||
      text.includes(encodeURIComponent(s)) ||
      text.includes(JSON.stringify(s).slice(1, -1)),
  );
}

describe('canary suite: planted secrets never leave in a default export', () => {
  it('has at least 50 fixtures', () => {
    expect(all.length).toBeGreaterThanOrEqual(50);
  });

  it.each(all.map((c) => [c.name, c] as const))('%s', (_name, canary) => {
    const text = [...exportHar(canary.events)].join('');
    expect(leaks(text, canary.secrets)).toEqual([]);
    expect(text).toMatch(/\[redacted:|%5Bredacted%3A/);
    // Still a HAR file.
    expect(() => JSON.parse(text)).not.toThrow();
  });

  it('gives one secret one placeholder throughout the file, and counts it in the manifest', () => {
    const token = 'tok_9f8e7d6c5b4a';
    const events = canaries()[0].events.map((e) =>
      e.kind === 'request.start'
        ? {
            ...e,
            headers: { Authorization: `Bearer ${token}` },
            postData: JSON.stringify({ access_token: token }),
          }
        : e,
    );
    const har = JSON.parse([...exportHar(events)].join('')) as {
      log: {
        entries: Array<{ request: { headers: Array<{ value: string }>; postData: { text: string } } }>;
        _redaction: { fired: Array<{ rule: string; count: number }>; distinctSecrets: number };
      };
    };
    const [entry] = har.log.entries;
    expect(entry.request.headers[0].value).toBe('Bearer [redacted:authorization#1]');
    expect(entry.request.postData.text).toContain('"access_token":"[redacted:authorization#1]"');
    expect(har.log._redaction.distinctSecrets).toBe(1);
    expect(har.log._redaction.fired).toEqual(
      expect.arrayContaining([
        { rule: 'header:authorization', count: 1 },
        { rule: 'json-key:access_token', count: 1 },
      ]),
    );
  });

  it('all leak when the user opts in to secrets (the suite can fail)', () => {
    for (const canary of all) {
      const text = [...exportHar(canary.events, { redaction: { includeSecrets: true } })].join('');
      expect(leaks(text, canary.secrets).length, canary.name).toBeGreaterThan(0);
    }
  });
});
