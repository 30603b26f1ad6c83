/**
 * Live HAR entries (Firefox's `devtools.network.onRequestFinished`) become events the reducer
 * pairs and the CORS rules judge from the headers alone, as on the seed's failed refresh.
 */
import { describe, expect, it } from 'vitest';
import type { RecordedEvent } from '../../../core/events';
import { LiveHarEntries } from '../../../core/har/live-entries';
import type { TimedBody } from '../../../core/har/read-extras';
import { Recording } from '../../../core/reducer';
import { findFindings } from '../../../core/rules';

const API = 'http://127.0.0.1:8000/api/auth/token/refresh/';
const APP = 'http://127.0.0.1:5173';

/** An entry as Firefox gives it: no `_requestId`, no `_resourceType`, a `getContent` method. */
function entry(
  method: string,
  at: number,
  requestHeaders: Record<string, string>,
  status: number,
  responseHeaders: Record<string, string> = {},
  url = API,
) {
  const list = (h: Record<string, string>) => Object.entries(h).map(([name, value]) => ({ name, value }));
  return {
    startedDateTime: new Date(at).toISOString(),
    time: 4,
    request: { method, url, httpVersion: 'HTTP/1.1', headers: list(requestHeaders), cookies: [] },
    response: { status, statusText: '', headers: list(responseHeaders), content: { size: 0, mimeType: '' } },
    getContent: () => undefined,
  };
}

/** The seed's preflight: `authorization` is asked for and not allowed (`allowing` allows it). */
const preflight = (at: number, url = API, allowing = false) =>
  entry(
    'OPTIONS',
    at,
    {
      Origin: APP,
      'Access-Control-Request-Method': 'POST',
      'Access-Control-Request-Headers': 'authorization,content-type',
    },
    204,
    {
      'Access-Control-Allow-Origin': APP,
      'Access-Control-Allow-Methods': 'POST',
      'Access-Control-Allow-Headers': allowing ? 'authorization, content-type' : 'content-type',
    },
    url,
  );
const failedRefresh = (at: number) =>
  entry('POST', at, { Origin: APP, Authorization: 'Bearer x', 'Content-Type': 'application/json' }, 0);

function record(bodies: TimedBody[]): Recording {
  const events = bodies.map(
    ({ time, body }, i) => ({ ...body, seq: i + 1, time, source: 'har' }) as RecordedEvent,
  );
  const rec = new Recording();
  rec.apply(events);
  return rec;
}

describe('LiveHarEntries', () => {
  it('holds a preflight until its request arrives, then links the two', () => {
    const feed = new LiveHarEntries();
    const t = Date.parse('2026-11-26T10:00:00Z');
    expect(feed.add(preflight(t, API, true)).events).toEqual([]);
    const { events } = feed.add(failedRefresh(t + 2));
    const starts = events.filter((e) => e.body.kind === 'request.start').map((e) => e.body);
    expect(starts).toHaveLength(2);
    expect(starts[0]).toMatchObject({ method: 'OPTIONS', resourceType: 'preflight' });
    expect(starts[0]).toHaveProperty('preflightFor', (starts[1] as { requestId: string }).requestId);
  });

  it('gives the CORS header verdict from the headers alone', () => {
    const feed = new LiveHarEntries();
    const t = Date.parse('2026-11-26T10:00:00Z');
    const bodies = [...feed.add(preflight(t)).events, ...feed.add(failedRefresh(t + 2)).events];
    const findings = findFindings(record(bodies));
    const cors = findings.find((f) => f.ruleId === 'cors/header-not-allowed');
    expect(cors, findings.map((f) => f.ruleId).join(', ')).toBeDefined();
    expect(JSON.stringify(cors)).toContain('authorization');
  });

  it('records a preflight that blocks at once, with the request it stopped (Firefox reports no entry for it)', () => {
    const feed = new LiveHarEntries();
    const t = Date.parse('2026-11-26T10:00:00Z');
    const bodies = feed.add(preflight(t)).events;
    const starts = bodies.filter((e) => e.body.kind === 'request.start').map((e) => e.body);
    expect(starts).toMatchObject([
      { method: 'OPTIONS', resourceType: 'preflight' },
      { method: 'POST', url: API },
    ]);
    expect(starts[0]).toHaveProperty('preflightFor', (starts[1] as { requestId: string }).requestId);
    expect(bodies.map((e) => e.body)).toContainEqual(
      expect.objectContaining({ kind: 'request.failed', errorText: 'Not sent: its CORS preflight failed' }),
    );
    const findings = findFindings(record(bodies));
    expect(findings.map((f) => f.ruleId)).toContain('cors/header-not-allowed');
    // A browser that reports the blocked request too: it is not recorded twice.
    expect(feed.add(failedRefresh(t + 2)).events).toEqual([]);
    // A preflight that allows the request waits for it as before.
    expect(feed.add(preflight(t + 3, API, true)).events).toEqual([]);
  });

  it('releases a preflight unpaired once its request can no longer come, or on drain', () => {
    const feed = new LiveHarEntries();
    const t = Date.parse('2026-11-26T10:00:00Z');
    feed.add(preflight(t, API, true));
    const later = feed.add(entry('GET', t + 60_000, {}, 200, {}, 'http://127.0.0.1:8000/other')).events;
    expect(later.filter((e) => e.body.kind === 'request.start')).toHaveLength(2);
    feed.add(preflight(t + 61_000, API, true));
    const drained = feed.drain();
    expect(drained.map((e) => e.body.kind)).toContain('request.start');
    expect(feed.drain()).toEqual([]);
  });

  it('skips an entry without a URL, with the reason, and keeps ids apart', () => {
    const feed = new LiveHarEntries();
    expect(feed.add({ request: { method: 'GET' } }).skipped).toMatch(/url/);
    const a = feed.add(entry('GET', 1_000, {}, 200, {}, 'http://a.test/')).events[0].body;
    const b = feed.add(entry('GET', 1_001, {}, 200, {}, 'http://a.test/')).events[0].body;
    expect((a as { requestId: string }).requestId).not.toBe((b as { requestId: string }).requestId);
  });
});
