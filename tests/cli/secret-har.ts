/**
 * A Chrome-shaped HAR that carries secrets everywhere a support person's file does: `?token=`,
 * `access_token=` and `api_key=` in URLs, Authorization and Cookie headers, JSON bodies, and
 * WebSocket frames. Its requests fail (a CORS preflight refusal, a failed refresh), so the
 * findings quote the URLs that hold the secrets. Also carries markup in URLs, headers and frames
 * (the report must escape it) and one entry the importer skips.
 */

/** Every value that must never appear in what the command prints or writes. */
export const SECRETS = {
  pageToken: 'PAGETOKENx7Yq2Lm9Rt4',
  apiKey: 'APIKEYq8Wn3Zp6Vb1',
  accessToken: 'ACCESSTOKENk5Hs2Jd8Fg',
  bearer: 'BEARERm4Nc7Xv2Qw9Er',
  cookie: 'COOKIEr3Ty6Ui9Op2',
  password: 'PASSWORDz1Xc4Vb7Nm',
  refreshToken: 'REFRESHp0Lk9Jh8Gf',
  wsToken: 'WSTOKENa2Sd5Fg8Hj',
  frameToken: 'FRAMETOKENq3We6Rt9',
};

/** Markup that must reach the report as text, never as tags. */
export const MARKUP = {
  script: '<script>window.__pwned=1</script>',
  img: '"><img src=x onerror="window.__pwned=2">',
  style: '</style><script>window.__pwned=3</script>',
};

const header = (name: string, value: string) => ({ name, value });

function entry(p: {
  time: number;
  method: string;
  url: string;
  type: string;
  headers: Array<{ name: string; value: string }>;
  status: number;
  responseHeaders?: Array<{ name: string; value: string }>;
  error?: string;
  postData?: string;
  body?: string;
  extra?: Record<string, unknown>;
}) {
  return {
    startedDateTime: new Date(Date.UTC(2026, 11, 5, 12, 0, 0, p.time)).toISOString(),
    time: 12,
    request: {
      method: p.method,
      url: p.url,
      httpVersion: 'HTTP/1.1',
      headers: p.headers,
      queryString: [],
      cookies: [],
      headersSize: -1,
      bodySize: p.postData?.length ?? 0,
      ...(p.postData ? { postData: { mimeType: 'application/json', text: p.postData } } : {}),
    },
    response: {
      status: p.status,
      statusText: '',
      httpVersion: 'HTTP/1.1',
      headers: p.responseHeaders ?? [],
      cookies: [],
      content: {
        size: p.body?.length ?? 0,
        mimeType: 'application/json',
        ...(p.body ? { text: p.body } : {}),
      },
      redirectURL: '',
      headersSize: -1,
      bodySize: -1,
      ...(p.error ? { _error: p.error } : {}),
    },
    cache: {},
    timings: { send: 0, wait: 12, receive: 0 },
    _resourceType: p.type,
    ...p.extra,
  };
}

/** The HAR as text. */
export function secretHar(): string {
  const s = SECRETS;
  const origin = 'http://app.test';
  const cors = [header('Origin', origin), header('Sec-Fetch-Mode', 'cors')];
  const entries = [
    entry({
      time: 0,
      method: 'GET',
      url: `${origin}/?token=${s.pageToken}&q=${MARKUP.script}`,
      type: 'document',
      headers: [header('Cookie', `sid=${s.cookie}`)],
      status: 200,
    }),
    entry({
      time: 20,
      method: 'POST',
      url: 'http://api.test/api/auth/login/',
      type: 'fetch',
      headers: [...cors, header('Content-Type', 'application/json')],
      status: 200,
      responseHeaders: [header('Access-Control-Allow-Origin', origin)],
      postData: JSON.stringify({ username: 'demo', password: s.password }),
      body: JSON.stringify({ access_token: s.accessToken, refresh_token: s.refreshToken }),
    }),
    entry({
      time: 40,
      method: 'OPTIONS',
      url: `http://api.test/data?api_key=${s.apiKey}`,
      type: 'preflight',
      headers: [
        header('Origin', origin),
        header('Access-Control-Request-Method', 'GET'),
        header('Access-Control-Request-Headers', 'authorization'),
      ],
      status: 204,
      responseHeaders: [
        header('Access-Control-Allow-Origin', origin),
        header('Access-Control-Allow-Methods', 'GET, POST'),
        header('Access-Control-Allow-Headers', 'Content-Type'),
      ],
    }),
    entry({
      time: 41,
      method: 'GET',
      url: `http://api.test/data?api_key=${s.apiKey}`,
      type: 'fetch',
      headers: [header('Authorization', `Bearer ${s.bearer}`), header('X-Note', MARKUP.img)],
      status: 0,
      error: 'net::ERR_FAILED',
    }),
    entry({
      time: 80,
      method: 'OPTIONS',
      url: `http://api.test/api/auth/token/refresh/?access_token=${s.accessToken}`,
      type: 'preflight',
      headers: [
        header('Origin', origin),
        header('Access-Control-Request-Method', 'POST'),
        header('Access-Control-Request-Headers', 'authorization,content-type'),
      ],
      status: 204,
      responseHeaders: [
        header('Access-Control-Allow-Origin', origin),
        header('Access-Control-Allow-Methods', 'POST'),
        header('Access-Control-Allow-Headers', 'Content-Type'),
      ],
    }),
    entry({
      time: 81,
      method: 'POST',
      url: `http://api.test/api/auth/token/refresh/?access_token=${s.accessToken}`,
      type: 'fetch',
      headers: [header('Authorization', `Bearer ${s.bearer}`), header('Content-Type', 'application/json')],
      status: 0,
      error: 'net::ERR_FAILED',
      postData: JSON.stringify({ refresh: s.refreshToken }),
    }),
    entry({
      time: 120,
      method: 'GET',
      url: `wss://rt.api.test/ws?token=${s.wsToken}&room=${MARKUP.style}`,
      type: 'websocket',
      headers: [header('Cookie', `sid=${s.cookie}`)],
      status: 101,
      extra: {
        _webSocketMessages: [
          {
            type: 'send',
            time: 1_796_472_000.13,
            opcode: 1,
            data: JSON.stringify({ type: 'auth', token: s.frameToken }),
          },
          { type: 'receive', time: 1_796_472_000.14, opcode: 1, data: MARKUP.style },
          { type: 'receive', time: 1_796_472_000.15, opcode: 1, data: '{"error":"Unknown api key"}' },
        ],
      },
    }),
    // Skipped on import: no URL.
    { startedDateTime: '2026-12-05T12:00:00.200Z', request: { method: 'GET' }, response: { status: 200 } },
  ];
  return JSON.stringify({
    log: { version: '1.2', creator: { name: 'WebInspector', version: '537.36' }, pages: [], entries },
  });
}
