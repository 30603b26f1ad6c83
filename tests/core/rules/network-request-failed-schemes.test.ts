/**
 * `network/request-failed` speaks of the network only: a status-0 entry for `about:blank`, a
 * `data:` or `blob:` URL or an extension's own page (DevTools' HAR lists them) never reached a
 * server, so it is not a failed request.
 */
import { describe, expect, it } from 'vitest';
import { importHarText } from '../../../core/har';
import { Recording } from '../../../core/reducer';
import { findFindings } from '../../../core/rules';

/** A Chrome-shaped HAR of status-0 entries with `net::ERR_FAILED`-less "no response". */
function har(urls: string[]): string {
  return JSON.stringify({
    log: {
      version: '1.2',
      creator: { name: 'WebInspector', version: '537.36' },
      entries: urls.map((url, i) => ({
        startedDateTime: new Date(Date.UTC(2026, 11, 5, 12, 0, 0, i * 10)).toISOString(),
        time: 0,
        _resourceType: 'other',
        request: { method: 'GET', url, httpVersion: '', headers: [], queryString: [], cookies: [] },
        response: {
          status: 0,
          statusText: '',
          httpVersion: '',
          headers: [],
          cookies: [],
          content: { size: 0, mimeType: '' },
          redirectURL: '',
        },
      })),
    },
  });
}

function failedFindings(urls: string[]) {
  const rec = new Recording();
  rec.apply(importHarText(har(urls)).events);
  return findFindings(rec).filter((f) => f.ruleId === 'network/request-failed');
}

describe('network/request-failed skips what never went to the network', () => {
  it.each([
    'about:blank',
    'data:image/png;base64,iVBORw0KGgo=',
    'blob:https://app.test/6f1c2a9e-0d1b-4c57-8d7e-1f2e3d4c5b6a',
    'chrome-extension://abcdefghijklmnopabcdefghijklmnop/panel.html',
    'moz-extension://0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0/x.js',
    'chrome://new-tab-page/',
  ])('%s', (url) => {
    expect(failedFindings([url])).toEqual([]);
  });

  it('still names a status-0 request to a server next to them', () => {
    const found = failedFindings(['about:blank', 'https://api.test/data', 'data:text/plain,hi']);
    expect(found).toHaveLength(1);
    expect(found[0].count).toBe(1);
    expect(found[0].evidence.map((e) => e.label).join(' ')).toContain('https://api.test/data');
  });
});
