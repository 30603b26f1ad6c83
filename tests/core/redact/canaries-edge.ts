/**
 * Canaries found by running the suite over every output of the command line (issue 14, helper
 * D): secrets as JSON keys, auth-param lists, XML, quoted `KEY="…"` pairs, session cookie names
 * of servlet/PHP stacks, percent-encoded parameter names, and secrets the findings quote cut
 * short. Each has one secret of its own, planted once or echoed where only a learnt secret helps.
 */
import type { RecordedEvent } from '../../../core/events';
import { type Canary, log, request } from './canaries';
import { randomToken } from './canaries-more';

/** A second request, shifted after the first one's events. */
function then(first: RecordedEvent[], second: RecordedEvent[]): RecordedEvent[] {
  const shifted = second.map((e) => ({
    ...e,
    ...('requestId' in e ? { requestId: `${e.requestId}b` } : {}),
    ...('channelId' in e ? { channelId: `${e.channelId}b` } : {}),
    seq: e.seq + first.length,
    time: e.time + 50,
  })) as RecordedEvent[];
  return [...first, ...shifted];
}

/** A socket the server refuses in-band with `text`, then closes with 4001. */
function refusedSocket(text: string): RecordedEvent[] {
  return log([
    { kind: 'channel.created', channelId: 'c1', transport: 'websocket', url: 'wss://rt.test/live' },
    { kind: 'channel.open', channelId: 'c1', status: 101 },
    {
      kind: 'channel.frame',
      channelId: 'c1',
      direction: 'receive',
      opcode: 1,
      data: text,
      size: text.length,
    },
    { kind: 'channel.closed', channelId: 'c1', code: 4001, reason: 'unauthorized' },
  ]);
}

export function edgeCanaries(start: number): Canary[] {
  const list: Canary[] = [];
  let n = start;
  const add = (name: string, make: (secret: string) => RecordedEvent[]) => {
    const secret = `cnry${++n}Gx4Jb6Wd`;
    list.push({ name, events: make(secret), secrets: [secret] });
  };
  add('a session id as a JSON key under "sessions"', (s) =>
    request({ body: JSON.stringify({ sessions: { [s]: { user: 'a', active: true } } }) }),
  );
  add('Authorization: Token token="…", the token later under an ordinary key', (s) =>
    then(
      request({ headers: { Authorization: `Token token="${s}", realm="api"` } }),
      request({ url: 'https://api.test/echo', body: JSON.stringify({ value: s }) }),
    ),
  );
  add('Authorization: Digest response="…", later in a log line', (s) => [
    ...request({
      headers: { Authorization: `Digest username="alice", realm="api", nonce="n0nce", response="${s}"` },
    }),
    ...log([{ kind: 'log', level: 'info', category: 'other', text: `digest ${s} sent` }]).map((e) => ({
      ...e,
      seq: 10,
    })),
  ]);
  add('XML element <password>', (s) =>
    request({
      method: 'POST',
      headers: { 'Content-Type': 'text/xml' },
      postData: `<login><user>alice</user><password>${s}</password></login>`,
      mimeType: 'text/xml',
    }),
  );
  add('XML element with a namespace <wsse:Password>', (s) =>
    request({
      method: 'POST',
      headers: { 'Content-Type': 'application/soap+xml' },
      postData: `<wsse:Security><wsse:Password Type="PasswordText">${s}</wsse:Password></wsse:Security>`,
    }),
  );
  add('XML attribute token="…"', (s) =>
    request({ body: `<session token="${s}" user="alice"/>`, mimeType: 'application/xml' }),
  );
  add('KEY="…" in a log line (shell, .env)', (s) =>
    log([{ kind: 'log', level: 'info', category: 'other', text: `export AWS_SECRET_ACCESS_KEY="${s}"` }]),
  );
  add("password='…' in an exception message", (s) =>
    log([{ kind: 'exception', surface: 'error', message: `Error: connect failed password='${s}'` }]),
  );
  add('HTML <meta name="csrf-token" content="…">', (s) =>
    request({
      body: `<html><head><meta name="csrf-token" content="${s}"></head><body>hi</body></html>`,
      mimeType: 'text/html',
    }),
  );
  add('HTML hidden <input name="authenticity_token" value="…">', (s) =>
    request({
      body: `<form><input type="hidden" value='${s}' name='authenticity_token'><input name="q"></form>`,
      mimeType: 'text/html',
    }),
  );
  add(';jsessionid= in a URL path', (s) => request({ url: `https://app.test/cart;jsessionid=${s}?x=1` }));
  add('PHPSESSID query parameter', (s) => request({ url: `https://app.test/x?PHPSESSID=${s}` }));
  add('laravel_session query parameter', (s) => request({ url: `https://app.test/x?laravel_session=${s}` }));
  add('SAMLResponse form field', (s) =>
    request({
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      postData: `SAMLResponse=${s}&RelayState=%2Fhome`,
    }),
  );
  add('percent-encoded parameter name in a relative URL header', (s) =>
    request({ headers: { 'X-Original-Url': `/cb?page=2&auth%5Btoken%5D=${s}` } }),
  );
  add('percent-encoded parameter name in a log line', (s) =>
    log([{ kind: 'log', level: 'info', category: 'other', text: `GET /cb?auth%5Btoken%5D=${s} 200` }]),
  );
  add('HTTP/2 :path pseudo-header', (s) => request({ headers: { ':path': `/cb?token=${s}` } }));
  add('Link header <…?token=…>', (s) =>
    then(
      request({ responseHeaders: { Link: `<https://api.test/next?token=${s}>; rel="next"` } }),
      request({ url: 'https://api.test/echo', body: `echo ${s}`, mimeType: 'text/plain' }),
    ),
  );
  add('JSON in a URL-encoded query value', (s) =>
    request({ url: `https://app.test/cb?state=${encodeURIComponent(JSON.stringify({ token: s }))}` }),
  );
  add('a cookie echoed at the end of an auth-rejection frame the finding cuts short', (s) =>
    then(
      request({ headers: { Cookie: `sid=${s}` } }),
      refusedSocket(`unauthorized: ${'session expired, sign in again. '.repeat(4)}session ${s}`),
    ),
  );
  add('a token in an auth-rejection frame under its name', (s) =>
    refusedSocket(JSON.stringify({ type: 'error', message: 'invalid token', token: s })),
  );
  const rand = randomToken(++n);
  list.push({
    name: 'a random token as a JSON key',
    events: request({ body: JSON.stringify({ cache: { [rand]: 1 } }) }),
    secrets: [rand],
  });
  return list;
}
