/**
 * The canary fixtures: small recordings, each with one secret planted in one of the places the
 * issue lists. `secret` is the text that must not survive an export (for a JWT, its payload and
 * signature; for Basic auth, the base64 credentials).
 */
import type { EventBody, RecordedEvent } from '../../../core/events';

export interface Canary {
  name: string;
  events: RecordedEvent[];
  secrets: string[];
}

const b64url = (s: string) => btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const JWT_HEADER = b64url('{"alg":"HS256","typ":"JWT"}');

/** A JWT whose payload and signature are both canaries. */
export function canaryJwt(n: number): { token: string; parts: string[] } {
  const payload = b64url(JSON.stringify({ sub: `user-${n}`, exp: 1900000000, iat: 1700000000 }));
  const signature = `Sg${n}x9Qp2Lm4Rt6Vw8Yz0Ab3Cd5Ef7Gh`;
  return { token: `${JWT_HEADER}.${payload}.${signature}`, parts: [payload, signature] };
}

export function log(bodies: EventBody[]): RecordedEvent[] {
  return bodies.map(
    (body, i) => ({ ...body, seq: i + 1, time: 1_700_000_000_000 + i, source: 'cdp' }) as RecordedEvent,
  );
}

export interface Req {
  url?: string;
  method?: string;
  headers?: Record<string, string>;
  postData?: string;
  responseHeaders?: Record<string, string>;
  body?: string;
  mimeType?: string;
}

export function request(r: Req): RecordedEvent[] {
  return log([
    {
      kind: 'request.start',
      requestId: 'r1',
      url: r.url ?? 'https://api.test/data',
      method: r.method ?? 'GET',
      headers: r.headers ?? {},
      postData: r.postData,
      resourceType: 'fetch',
    },
    {
      kind: 'request.response',
      requestId: 'r1',
      status: 200,
      statusText: 'OK',
      headers: r.responseHeaders ?? {},
      mimeType: r.mimeType ?? 'application/json',
      body: r.body,
    },
    { kind: 'request.finished', requestId: 'r1' },
  ]);
}

export function channel(
  transport: 'websocket' | 'sse',
  frames: Array<{ direction: 'send' | 'receive'; data: string }>,
  url = 'wss://rt.test/live',
): RecordedEvent[] {
  return log([
    { kind: 'channel.created', channelId: 'c1', transport, url },
    { kind: 'channel.open', channelId: 'c1', status: transport === 'websocket' ? 101 : 200 },
    ...frames.map((f): EventBody => ({
      kind: 'channel.frame',
      channelId: 'c1',
      direction: f.direction,
      opcode: 1,
      data: f.data,
      size: f.data.length,
    })),
  ]);
}

export function canaries(): Canary[] {
  const list: Canary[] = [];
  let n = 0;
  const add = (name: string, make: (secret: string) => RecordedEvent[]) => {
    const secret = `cnry${++n}Zq8Wv3Kp`;
    list.push({ name, events: make(secret), secrets: [secret] });
  };

  // Headers, by exact name and by name pattern.
  add('Authorization: Bearer', (s) => request({ headers: { Authorization: `Bearer ${s}` } }));
  add('authorization (HTTP/2 lower case)', (s) => request({ headers: { authorization: `Token ${s}` } }));
  add('Proxy-Authorization', (s) => request({ headers: { 'Proxy-Authorization': `Digest ${s}` } }));
  for (const h of [
    'X-Api-Key',
    'Api-Key',
    'X-Auth-Token',
    'X-CSRF-Token',
    'X-XSRF-TOKEN',
    'X-Session-Id',
    'X-Amz-Security-Token',
    'X-Refresh-Token',
    'X-Access-Token',
    'X-Client-Secret',
    'X-Goog-Api-Key',
  ]) {
    add(`request header ${h}`, (s) => request({ headers: { [h]: s } }));
  }
  add('response header X-Auth-Token', (s) => request({ responseHeaders: { 'X-Auth-Token': s } }));
  add('Cookie (second of three)', (s) =>
    request({ headers: { Cookie: `theme=dark; sessionid=${s}; lang=en` } }),
  );
  add('Cookie (a cookie not named like a secret)', (s) => request({ headers: { Cookie: `prefs=${s}` } }));
  add('Set-Cookie with attributes', (s) =>
    request({ responseHeaders: { 'Set-Cookie': `sid=${s}; Path=/; HttpOnly; Secure` } }),
  );
  add('Set-Cookie, second line', (s) =>
    request({ responseHeaders: { 'set-cookie': `a=1; Path=/\nrefresh=${s}; HttpOnly` } }),
  );
  // Query and fragment parameters.
  for (const p of [
    'token',
    'access_token',
    'refresh_token',
    'id_token',
    'code',
    'code_verifier',
    'client_secret',
    'password',
    'session',
    'sig',
    'X-Amz-Signature',
    'api_key',
    'key',
    'apiKey',
  ]) {
    add(`query parameter ${p}`, (s) => request({ url: `https://api.test/cb?state=abc&${p}=${s}&x=1` }));
  }
  add('fragment access_token', (s) =>
    request({ url: `https://app.test/callback#access_token=${s}&token_type=Bearer` }),
  );
  add('fragment id_token', (s) => request({ url: `https://app.test/callback#state=1&id_token=${s}` }));
  add('url-encoded query value', (s) =>
    request({ url: `https://api.test/x?token=${encodeURIComponent(`${s}/+=`)}` }),
  );
  // Form bodies.
  for (const p of ['password', 'client_secret', 'refresh_token', 'code']) {
    add(`form parameter ${p}`, (s) =>
      request({
        method: 'POST',
        postData: `grant_type=x&${p}=${s}`,
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      }),
    );
  }
  add('multipart password field', (s) =>
    request({
      method: 'POST',
      headers: { 'Content-Type': 'multipart/form-data; boundary=B' },
      postData: `--B\r\nContent-Disposition: form-data; name="password"\r\n\r\n${s}\r\n--B--\r\n`,
    }),
  );
  // JSON keys at any depth, camel/snake/kebab/Pascal.
  add('JSON request body accessToken', (s) =>
    request({ method: 'POST', postData: JSON.stringify({ accessToken: s }) }),
  );
  add('JSON request body access_token', (s) =>
    request({ method: 'POST', postData: JSON.stringify({ access_token: s }) }),
  );
  add('JSON request body access-token', (s) =>
    request({ method: 'POST', postData: JSON.stringify({ 'access-token': s }) }),
  );
  add('JSON request body AccessToken, deep', (s) =>
    request({ method: 'POST', postData: JSON.stringify({ a: { b: [{ c: { AccessToken: s } }] } }) }),
  );
  add('JSON request body password in an array of users', (s) =>
    request({ method: 'POST', postData: JSON.stringify({ users: [{ name: 'a', password: s }] }) }),
  );
  add('JSON request body client_secret', (s) =>
    request({ method: 'POST', postData: JSON.stringify({ client_id: 'x', client_secret: s }) }),
  );
  add('JSON request body apiKey (number-like)', (s) =>
    request({ method: 'POST', postData: JSON.stringify({ apiKey: s }) }),
  );
  add('JSON request body credentials object', (s) =>
    request({ method: 'POST', postData: JSON.stringify({ credentials: { user: 'u', value: s } }) }),
  );
  add('JSON response body id_token', (s) =>
    request({ body: JSON.stringify({ id_token: s, expires_in: 3600 }) }),
  );
  add('JSON response body sessionId', (s) => request({ body: JSON.stringify({ data: { sessionId: s } }) }));
  add('JSON response body refreshToken', (s) =>
    request({ body: JSON.stringify({ tokens: { refreshToken: s } }) }),
  );
  add('truncated JSON response body', (s) =>
    request({ body: `{"user":{"name":"a"},"token":"${s}","items":[1,2,` }),
  );
  // WebSocket frames and SSE messages.
  add('WebSocket sent frame {"token"}', (s) =>
    channel('websocket', [{ direction: 'send', data: JSON.stringify({ type: 'auth', token: s }) }]),
  );
  add('WebSocket received frame, nested accessToken', (s) =>
    channel('websocket', [{ direction: 'receive', data: JSON.stringify({ auth: { accessToken: s } }) }]),
  );
  add('WebSocket frame with JSON inside a JSON string', (s) =>
    channel('websocket', [
      { direction: 'send', data: JSON.stringify({ payload: JSON.stringify({ session_token: s }) }) },
    ]),
  );
  add('WebSocket frame, truncated JSON', (s) =>
    channel('websocket', [{ direction: 'receive', data: `{"password":"${s}","more":"` }]),
  );
  add('SSE message sessionToken', (s) =>
    channel(
      'sse',
      [{ direction: 'receive', data: JSON.stringify({ sessionToken: s }) }],
      'https://rt.test/events',
    ),
  );
  add('WebSocket URL query token', (s) => channel('websocket', [], `wss://rt.test/live?token=${s}`));
  // user:pass@ in URLs.
  add('user:pass@ in a request URL', (s) => request({ url: `https://admin:${s}@api.test/x` }));
  add('user:pass@ in a WebSocket URL', (s) => channel('websocket', [], `wss://bot:${s}@rt.test/live`));
  // Free text.
  add('Bearer in an exception message', (s) =>
    log([{ kind: 'exception', surface: 'error', message: `Error: request failed with Bearer ${s}` }]),
  );
  add('token= in a console log line', (s) =>
    log([
      {
        kind: 'log',
        level: 'error',
        category: 'network',
        text: `GET https://api.test/x?access_token=${s} 401`,
      },
    ]),
  );
  add('secret repeated in a plain-text body after it was seen in a header', (s) =>
    request({ headers: { 'X-Api-Key': s }, body: `your key is ${s}`, mimeType: 'text/plain' }),
  );

  // JWTs anywhere: each leaks through its payload and its signature.
  const jwtCases: Array<[string, (t: string) => RecordedEvent[]]> = [
    ['JWT in a header not named like a secret', (t) => request({ headers: { 'X-Trace-Context': t } })],
    ['JWT in a URL path', (t) => request({ url: `https://api.test/reset/${t}` })],
    ['JWT in a plain-text response body', (t) => request({ body: `token: ${t}`, mimeType: 'text/plain' })],
    [
      'JWT in a JSON value under an ordinary key',
      (t) => request({ body: JSON.stringify({ note: `use ${t}` }) }),
    ],
    ['JWT in a WebSocket frame', (t) => channel('websocket', [{ direction: 'receive', data: `AUTH ${t}` }])],
    [
      'JWT in an SSE message',
      (t) => channel('sse', [{ direction: 'receive', data: t }], 'https://rt.test/events'),
    ],
    [
      'JWT in an exception message',
      (t) =>
        log([{ kind: 'exception', surface: 'unhandledrejection', message: `Error: invalid token ${t}` }]),
    ],
  ];
  for (const [name, make] of jwtCases) {
    const jwt = canaryJwt(++n);
    list.push({ name, events: make(jwt.token), secrets: jwt.parts });
  }
  const basic = `Basic ${btoa(`alice:cnry${++n}Zq8Wv3Kp`)}`;
  list.push({
    name: 'Authorization: Basic',
    events: request({ headers: { Authorization: basic } }),
    secrets: [basic.slice(6), `cnry${n}Zq8Wv3Kp`],
  });
  return list;
}
