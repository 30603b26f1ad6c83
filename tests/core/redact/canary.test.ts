/** None of the planted secrets survives a default export, in any form (raw, URL-encoded, JSON-escaped, base64). */
import { describe, expect, it } from 'vitest';
import { exportHar } from '../../../core/har';
import { canaries } from './canaries';
import { edgeCanaries } from './canaries-edge';
import { moreCanaries } from './canaries-more';

const first = canaries();
const all = [...first, ...moreCanaries(first.length + 100), ...edgeCanaries(first.length + 1000)];

/** The forms a secret can leak in. */
export function leaks(text: string, secrets: string[]): string[] {
  return secrets.filter(
    (s) =>
      text.includes(s) ||
      text.includes(encodeURIComponent(s)) ||
      text.includes(JSON.stringify(s).slice(1, -1)) ||
      text.includes(btoa(s).replace(/=+$/, '')),
  );
}

describe('canary suite: planted secrets never leave in a default export', () => {
  it('has at least 200 fixtures, every name once', () => {
    expect(all.length).toBeGreaterThanOrEqual(200);
    expect(new Set(all.map((c) => c.name)).size).toBe(all.length);
  });

  it.each(all.map((c) => [c.name, c] as const))('%s', (_name, canary) => {
    const text = [...exportHar(canary.events)].join('');
    expect(leaks(text, canary.secrets)).toEqual([]);
    // Still a HAR file, and what was not a secret is still there: hosts, statuses, kinds.
    const har = JSON.parse(text) as {
      log: { entries: Array<{ request: { url: string }; response: { status: number } }> };
    };
    for (const e of canary.events) {
      if (e.kind === 'request.start' || e.kind === 'channel.created') {
        const host = new URL(e.url).hostname;
        expect(
          har.log.entries.some(
            (entry) => new URL(entry.request.url.replace(/^wss?:/, 'https:')).hostname === host,
          ),
        ).toBe(true);
      }
      if (e.kind === 'request.response')
        expect(har.log.entries.some((entry) => entry.response.status === e.status)).toBe(true);
    }
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
      let text = [...exportHar(canary.events, { redaction: { includeSecrets: true } })].join('');
      // Base64 bodies and binary frames, decoded: there the secret is not at a 3-byte boundary.
      for (const m of text.matchAll(/"([A-Za-z0-9+/]{8,}={0,2})"/g)) {
        try {
          text += `\n${atob(m[1])}`;
        } catch {
          // Not base64 after all.
        }
      }
      expect(leaks(text, canary.secrets).length, canary.name).toBeGreaterThan(0);
    }
  });
});
