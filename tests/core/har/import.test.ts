/** The importer on Chrome's shape of a CORS failure, and on input that is not HAR at all. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HarImportError, importHar, importHarText } from '../../../core/har';
import { Recording } from '../../../core/reducer';

const chromeHar = readFileSync('tests/cli/fixtures/demo-buggy-chrome.har', 'utf8');

function entry(
  method: string,
  url: string,
  at: string,
  extra: Record<string, unknown> = {},
  headers: object[] = [],
) {
  return {
    startedDateTime: at,
    time: 5,
    request: {
      method,
      url,
      httpVersion: '',
      headers,
      cookies: [],
      queryString: [],
      headersSize: -1,
      bodySize: 0,
    },
    response: {
      status: 204,
      statusText: '',
      httpVersion: '',
      headers: [],
      cookies: [],
      content: { size: 0, mimeType: '' },
      redirectURL: '',
      headersSize: -1,
      bodySize: 0,
    },
    cache: {},
    timings: { send: 0, wait: 5, receive: 0 },
    ...extra,
  };
}

describe('importing a Chrome HAR of the buggy demo (no CORS reason in it)', () => {
  const rec = new Recording();
  rec.apply(importHarText(chromeHar).events);
  const refresh = [...rec.requests.values()].find(
    (r) => r.url.endsWith('/token/refresh/') && r.method === 'POST',
  );

  it('keeps the refresh as a failed request (status 0, net::ERR_FAILED)', () => {
    expect(refresh).toMatchObject({ state: 'failed', failure: { errorText: 'net::ERR_FAILED' } });
    expect(refresh?.status).toBeUndefined();
  });

  it('pairs each preflight with its request although Chrome stamps the preflight later', () => {
    expect(refresh?.preflightId).toBeDefined();
    const preflight = rec.requests.get(refresh?.preflightId ?? '');
    expect(preflight).toMatchObject({ method: 'OPTIONS', status: 204, resourceType: 'preflight' });
    const login = [...rec.requests.values()].find((r) => r.url.endsWith('/login/') && r.method === 'POST');
    expect(login?.preflightId).toBeDefined();
    expect(login?.preflightId).not.toBe(refresh?.preflightId);
  });
});

describe('pairing preflights without _resourceType', () => {
  it('pairs an OPTIONS with Access-Control-Request-Method to the nearest request of that method', () => {
    const acrm = [{ name: 'Access-Control-Request-Method', value: 'PUT' }];
    const har = {
      log: {
        version: '1.2',
        entries: [
          entry('GET', 'https://api.test/x', '2024-01-01T00:00:00.000Z'),
          entry('OPTIONS', 'https://api.test/x', '2024-01-01T00:00:00.010Z', {}, acrm),
          entry('PUT', 'https://api.test/x', '2024-01-01T00:00:00.020Z'),
        ],
      },
    };
    const rec = new Recording();
    rec.apply(importHarText(JSON.stringify(har)).events);
    const put = [...rec.requests.values()].find((r) => r.method === 'PUT');
    const get = [...rec.requests.values()].find((r) => r.method === 'GET');
    expect(put?.preflightId).toBeDefined();
    expect(get?.preflightId).toBeUndefined();
  });
});

describe('input that is not HAR', () => {
  it.each([
    ['', /empty/],
    ['<html><body>hi</body></html>', /looks like HTML/],
    ['[1,2,3]', /starts with \{"log"/],
    ['{"log": 3}', /no "log" object/],
    ['{"log": {"version": "1.2"}}', /no "entries" list/],
    ['{"log": {"entries": [', /not valid JSON/],
  ])('refuses %j with a clear message', async (text, message) => {
    await expect(importHar(text)).rejects.toThrow(HarImportError);
    await expect(importHar(text)).rejects.toThrow(message);
  });

  it('refuses gzip bytes and says to decompress first', async () => {
    await expect(importHar(new Uint8Array([0x1f, 0x8b, 8, 0]))).rejects.toThrow(/gzip/);
  });

  it('reads a stream of chunks split inside a multi-byte character', async () => {
    const bytes = new TextEncoder().encode(
      JSON.stringify({
        log: { version: '1.2', entries: [entry('GET', 'https://a.test/é', '2024-01-01T00:00:00Z')] },
      }),
    );
    const cut = bytes.indexOf(0xc3) + 1;
    async function* chunks() {
      yield bytes.slice(0, cut);
      yield bytes.slice(cut);
    }
    const result = await importHar(chunks());
    expect(result.events[0]).toMatchObject({ kind: 'request.start', url: 'https://a.test/é', source: 'har' });
  });
});
