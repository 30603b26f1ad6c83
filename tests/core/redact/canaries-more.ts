/**
 * Canaries for the leaks issue 14 found (vendor headers, comma-joined Set-Cookie, compound and
 * plural keys, bracketed parameters, GraphQL, socket.io, STOMP, SSE, plain text, unclosed
 * values, base64 bodies, binary frames, status texts, errors, URL paths, logs, exceptions, a
 * token learnt late, secrets known by their looks) and more of the same kind.
 */
import type { EventBody, RecordedEvent } from '../../../core/events';
import { type Canary, channel, log, request } from './canaries';

const b64 = (s: string) => btoa(s);

/** A random-looking 40-character token (upper, lower, digits alternating), unique by `n`. */
export function randomToken(n: number): string {
  const alphabet = 'aZ3kQ9xR2mT7pL5vB8nW4cY6';
  let out = `Rt${n}`;
  for (let i = 0; out.length < 40; i++) out += alphabet[(i * 7 + n) % alphabet.length];
  return out;
}

function withResponse(r: Parameters<typeof request>[0], extra: EventBody[]): RecordedEvent[] {
  const base = request(r);
  const more = extra.map(
    (body, i) =>
      ({ ...body, seq: base.length + i + 1, time: 1_700_000_000_100 + i, source: 'cdp' }) as RecordedEvent,
  );
  return [
    ...base.slice(0, 2),
    ...more,
    ...base.slice(2).map((e, i) => ({ ...e, seq: base.length + more.length + i + 1 })),
  ];
}

export function moreCanaries(start: number): Canary[] {
  const list: Canary[] = [];
  let n = start;
  const add = (name: string, make: (secret: string) => RecordedEvent[]) => {
    const secret = `cnry${++n}Yk7Hd2Fs`;
    list.push({ name, events: make(secret), secrets: [secret] });
  };
  for (const h of [
    'Ocp-Apim-Subscription-Key',
    'X-Functions-Key',
    'X-Client-Key',
    'X-Refresh',
    'X-Master-Key',
    'X-Shopify-Access-Token',
    'X-Figma-Token',
    'X-Vault-Token',
    'X-Algolia-API-Key',
    'X-Parse-REST-API-Key',
    'X-License-Key',
    'PRIVATE-TOKEN',
    'X-Hasura-Admin-Secret',
    'X-Goog-Iap-Jwt-Assertion',
    'Apikey',
  ]) {
    add(`request header ${h}`, (s) => request({ headers: { [h]: s } }));
  }
  add('Set-Cookie, second cookie of a comma-joined value', (s) =>
    request({
      responseHeaders: {
        'Set-Cookie': `a=1; Path=/; Expires=Wed, 21 Oct 2026 07:28:00 GMT, sid=${s}; HttpOnly`,
      },
    }),
  );
  add('Set-Cookie, third cookie, commas without spaces', (s) =>
    request({ responseHeaders: { 'set-cookie': `a=1,b=2,remember=${s}` } }),
  );
  for (const key of [
    'refresh_tokens[]',
    'secretAccessKey',
    'stripe_key',
    'auth_code',
    'apiKeys[]',
    'privateKeyPem',
    'passcode',
    'sid',
    'accessTokens',
    'client-secrets',
    'x_api_key',
    'AWSSecretKey',
    'sessionID',
    'PASSWORD',
    'userPassword',
    'newPasswordConfirm',
    'otp_code',
    'authToken',
    'bearerToken',
    'mfaCode',
    'SigningKey',
    'webhookSecret',
    'db.password',
    'credentials',
    'jwt',
    'pinCode',
    'refresh',
    'encryptionKey',
  ]) {
    const arrayish = key.endsWith('[]');
    const name = arrayish ? key.slice(0, -2) : key;
    add(`JSON key ${key}`, (s) =>
      request({
        method: 'POST',
        postData: JSON.stringify({ data: { [name]: arrayish ? ['x1y2z3w4', s] : s } }),
      }),
    );
    add(`JSON key ${key} in a response, deep`, (s) =>
      request({ body: JSON.stringify({ a: [{ b: { [name]: arrayish ? [s] : s } }] }) }),
    );
  }
  add('cookies[].value in JSON', (s) =>
    request({ body: JSON.stringify({ cookies: [{ name: 'a', value: s, domain: 'x.test' }] }) }),
  );
  add('a numeric pin next to a string one', (s) =>
    request({ method: 'POST', postData: `{"pin":48151623,"pinCode":"${s}"}` }),
  );
  for (const p of [
    'auth[token]',
    'token[]',
    'user[password]',
    'auth[refresh_token]',
    'api-key',
    'sessionid',
    'jwt',
  ]) {
    add(`query parameter ${p}`, (s) =>
      request({ url: `https://api.test/cb?page=2&${encodeURIComponent(p)}=${s}` }),
    );
    add(`query parameter ${p}, brackets unencoded`, (s) =>
      request({ url: `https://api.test/cb?page=2&${p}=${s}` }),
    );
  }
  add('GraphQL inline password literal', (s) =>
    request({
      method: 'POST',
      postData: JSON.stringify({ query: `mutation { login(email: "a@b.test", password: "${s}") { ok } }` }),
    }),
  );
  add('GraphQL inline token literal, single line', (s) =>
    request({ method: 'POST', postData: JSON.stringify({ query: `{ me(token: "${s}") { id } }` }) }),
  );
  add('GraphQL variables apiKey', (s) =>
    request({ method: 'POST', postData: JSON.stringify({ query: 'q', variables: { apiKey: s } }) }),
  );
  for (const field of ['assertion', 'client_assertion', 'passcode', 'refresh_token', 'otp']) {
    add(`form field ${field}`, (s) =>
      request({
        method: 'POST',
        postData: `grant_type=jwt&${field}=${s}&scope=x`,
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      }),
    );
    add(`multipart field ${field}`, (s) =>
      request({
        method: 'POST',
        headers: { 'Content-Type': 'multipart/form-data; boundary=B' },
        postData: `--B\r\nContent-Disposition: form-data; name="${field}"\r\n\r\n${s}\r\n--B--\r\n`,
      }),
    );
  }
  const ws = (data: string, direction: 'send' | 'receive' = 'send') =>
    channel('websocket', [{ direction, data }]);
  add('socket.io frame with escaped JSON', (s) => ws(`42["auth","{\\"token\\":\\"${s}\\"}"]`));
  add('socket.io frame with an object', (s) => ws(`42["login",{"password":"${s}"}]`));
  add('socket.io frame, escaped JSON cut short', (s) => ws(`42["auth","{\\"token\\":\\"${s}`));
  add('STOMP CONNECT passcode', (s) =>
    ws(`CONNECT\naccept-version:1.2\nlogin:guest\npasscode:${s}\n\n\u0000`),
  );
  add('STOMP CONNECT Authorization header', (s) => ws(`CONNECT\nAuthorization:Bearer ${s}\n\n\u0000`));
  add('SSE token: x', (s) =>
    channel('sse', [{ direction: 'receive', data: `token: ${s}` }], 'https://rt.test/ev'),
  );
  add('SSE event name carrying a token', (s) =>
    channel('sse', [{ direction: 'receive', data: 'x' }], `https://rt.test/ev?access_token=${s}`),
  );
  add('plain text password: x', (s) =>
    request({ body: `user: alice\npassword: ${s}\n`, mimeType: 'text/plain' }),
  );
  add('plain text api_key = x (YAML-ish)', (s) =>
    request({ body: `api_key: "${s}"`, mimeType: 'text/yaml' }),
  );
  add('JSON value without its closing quote', (s) =>
    request({ body: `{"secret":"${s}`, mimeType: 'application/json' }),
  );
  add('JSON value without its closing quote, in a frame', (s) => ws(`{"refresh_token":"${s}`, 'receive'));
  add('base64 JSON response body', (s) =>
    withResponse({ body: undefined }, [
      {
        kind: 'request.body',
        requestId: 'r1',
        body: b64(JSON.stringify({ access_token: s })),
        truncated: false,
        base64: true,
      },
    ]),
  );
  add('base64 text response body', (s) =>
    withResponse({ body: undefined, mimeType: 'text/plain' }, [
      { kind: 'request.body', requestId: 'r1', body: b64(`password=${s}`), truncated: false, base64: true },
    ]),
  );
  add('base64 binary response body holding a token', (s) =>
    withResponse({ body: undefined, mimeType: 'application/octet-stream' }, [
      {
        kind: 'request.body',
        requestId: 'r1',
        body: b64(`\u0000\u0001\u0002"token":"${s}"\u0003`),
        truncated: false,
        base64: true,
      },
    ]),
  );
  const binary = (data: string): RecordedEvent[] =>
    log([
      { kind: 'channel.created', channelId: 'c1', transport: 'websocket', url: 'wss://rt.test/bin' },
      { kind: 'channel.open', channelId: 'c1', status: 101 },
      { kind: 'channel.frame', channelId: 'c1', direction: 'send', opcode: 2, data, size: data.length },
    ]);
  add('binary frame that is JSON text', (s) => binary(b64(JSON.stringify({ type: 'auth', token: s }))));
  add('binary frame of protobuf-like bytes with a password', (s) =>
    binary(b64(`\u0008\u0001\u0012\u0010password=${s}\u0000`)),
  );
  add('statusText', (s) =>
    log([
      {
        kind: 'request.start',
        requestId: 'r1',
        url: 'https://api.test/x',
        method: 'GET',
        headers: {},
        resourceType: 'fetch',
      },
      {
        kind: 'request.response',
        requestId: 'r1',
        status: 401,
        statusText: `Unauthorized token=${s}`,
        headers: {},
      },
      { kind: 'request.finished', requestId: 'r1' },
    ]),
  );
  add('_error (errorText)', (s) =>
    log([
      {
        kind: 'request.start',
        requestId: 'r1',
        url: 'https://api.test/x',
        method: 'GET',
        headers: {},
        resourceType: 'fetch',
      },
      { kind: 'request.failed', requestId: 'r1', errorText: `net::ERR_FAILED access_token=${s}` },
    ]),
  );
  add('_logs text, password: x', (s) =>
    log([{ kind: 'log', level: 'warning', category: 'javascript', text: `login with password: ${s}` }]),
  );
  add('exception message with a JSON pair', (s) =>
    log([{ kind: 'exception', surface: 'error', message: `Error: bad {"apiKey":"${s}"}` }]),
  );
  add('exception stack text', (s) =>
    log([
      {
        kind: 'exception',
        surface: 'error',
        message: 'Error: x',
        stackText: `Error: x\n    at f (https://app.test/a.js?token=${s}:1:2)`,
      },
    ]),
  );
  add('channel error message', (s) =>
    log([
      { kind: 'channel.created', channelId: 'c1', transport: 'websocket', url: 'wss://rt.test/live' },
      { kind: 'channel.error', channelId: 'c1', message: `handshake failed: secret=${s}` },
    ]),
  );
  add('channel close reason', (s) =>
    log([
      { kind: 'channel.created', channelId: 'c1', transport: 'websocket', url: 'wss://rt.test/live' },
      { kind: 'channel.open', channelId: 'c1', status: 101 },
      { kind: 'channel.closed', channelId: 'c1', code: 4001, reason: `bad token: ${s}` },
    ]),
  );
  add('redirect Location with a code', (s) =>
    request({ responseHeaders: { Location: `https://app.test/cb?code=${s}&state=1` } }),
  );
  add('token first seen under an unknown key, later as Bearer', (s) => {
    const first = request({ body: JSON.stringify({ result: { v: s } }) });
    const second = request({ url: 'https://api.test/me', headers: { Authorization: `Bearer ${s}` } }).map(
      (e) => ({
        ...e,
        requestId: 'r2',
        seq: e.seq + 10,
        time: e.time + 10,
      }),
    ) as RecordedEvent[];
    return [...first, ...second];
  });
  add('a cookie value later echoed in a JSON-escaped body', (s) => {
    const first = request({ body: JSON.stringify({ note: `${s}"quoted` }) });
    const second = request({ url: 'https://api.test/b', headers: { Cookie: `c=${s}"quoted` } }).map((e) => ({
      ...e,
      requestId: 'r2',
      seq: e.seq + 10,
      time: e.time + 10,
    })) as RecordedEvent[];
    return [...first, ...second];
  });
  add('a secret later echoed base64-encoded in a header not named like one', (s) =>
    request({ headers: { 'X-Api-Key': s, 'X-Debug': b64(s) } }),
  );
  add('a secret later echoed URL-encoded in a path', (s) =>
    request({
      url: `https://api.test/u/${encodeURIComponent(`${s}/=`)}/x`,
      headers: { 'X-Api-Key': `${s}/=` },
    }),
  );
  // Values known by their looks, under ordinary names or none.
  const looks: Array<[string, (n: number) => string, (v: string) => RecordedEvent[]]> = [
    [
      'random token in a URL path',
      randomToken,
      (v) => request({ url: `https://api.test/reset/${v}/confirm` }),
    ],
    [
      'random token under an ordinary JSON key',
      randomToken,
      (v) => request({ body: JSON.stringify({ value: v }) }),
    ],
    ['random token in a plain-text frame', randomToken, (v) => ws(`HELLO ${v}`)],
    [
      'random token in a log line',
      randomToken,
      (v) => log([{ kind: 'log', level: 'info', category: 'other', text: `got ${v}` }]),
    ],
    [
      'AWS access key id',
      (n) => `AKIA${String(n).padStart(4, '0')}ABCDEFGHIJKL`,
      (v) => request({ body: JSON.stringify({ id: v }) }),
    ],
    [
      'Stripe secret key',
      (n) => `sk_live_${n}abcdEFGH1234ijkl`,
      (v) => request({ body: `config ${v}`, mimeType: 'text/plain' }),
    ],
    ['GitHub token', (n) => `ghp_${n}${'aB1cD2eF3gH4iJ5kL6mN7oP8qR9sT0'}`, (v) => ws(`use ${v}`)],
    [
      'Slack token',
      (n) => `xoxb-${n}-22222-abcdefghij`,
      (v) => request({ url: `https://api.test/hook/${v}` }),
    ],
    [
      'Google API key',
      (n) => `AIza${String(n).padStart(4, '0')}SyA1b2C3d4E5f6G7h8I9j0KlMnOpQrS`,
      (v) => request({ headers: { 'X-Info': v } }),
    ],
    [
      'PEM private key in a JSON value',
      (n) => `MIIEvQ${n}IBADANBgkqhkiG9w0BAQEFAASC`,
      (v) =>
        request({
          body: JSON.stringify({ pem: `-----BEGIN PRIVATE KEY-----\n${v}\n-----END PRIVATE KEY-----\n` }),
        }),
    ],
    [
      'PEM RSA key cut short in text',
      (n) => `MIIEpA${n}IBAAKCAQEA7`,
      (v) => request({ body: `-----BEGIN RSA PRIVATE KEY-----\n${v}`, mimeType: 'text/plain' }),
    ],
    [
      'JWT under an ordinary key in an SSE frame',
      (n) => `eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ${n}In0.s1g${n}nAtUrE`,
      (v) =>
        channel('sse', [{ direction: 'receive', data: JSON.stringify({ data: v }) }], 'https://rt.test/e'),
    ],
  ];
  for (const [name, value, make] of looks) {
    const v = value(++n);
    list.push({ name, events: make(v), secrets: [v] });
  }
  return list;
}
