// A Chrome-shaped HAR of any size, written to disk as a stream (the file is never one string):
// `_resourceType`, the request's Origin and Sec-Fetch-Mode, 10 % of the requests behind a CORS
// preflight (Chrome writes the actual request first, its preflight a few ms later), some CORS
// failures on both sides (a preflight that does not allow a header; a response without
// Access-Control-Allow-Origin: status 200 and `_error: net::ERR_FAILED`), polled URLs that
// repeat thousands of times, and WebSocket entries carrying many frames.
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { createGzip } from 'node:zlib';

const APP = 'https://app.example.test';
const API = 'https://api.example.test';
const UA =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36';
const T0 = Date.parse('2026-12-05T10:00:00Z');

const h = (name, value) => ({ name, value });
const timings = (wait) => ({ blocked: -1, dns: -1, connect: -1, send: 0, wait, receive: 1, ssl: -1 });

function entry({ time, method, url, type, reqHeaders, status, resHeaders, error, body }) {
  const e = {
    startedDateTime: new Date(time).toISOString(),
    time: 12,
    request: {
      method,
      url,
      httpVersion: 'http/1.1',
      cookies: [],
      headers: [h('accept', '*/*'), h('user-agent', UA), ...reqHeaders],
      queryString: [],
      headersSize: -1,
      bodySize: 0,
    },
    response: {
      status,
      statusText: status === 200 ? 'OK' : status === 204 ? 'No Content' : '',
      httpVersion: 'http/1.1',
      cookies: [],
      headers: resHeaders,
      content: { size: body?.length ?? 0, mimeType: 'application/json', ...(body ? { text: body } : {}) },
      redirectURL: '',
      headersSize: -1,
      bodySize: -1,
      ...(error ? { _error: error } : {}),
    },
    cache: {},
    timings: timings(10),
    _resourceType: type,
  };
  return e;
}

const corsRequest = (method) => [
  h('origin', APP),
  h('sec-fetch-mode', 'cors'),
  h('sec-fetch-site', 'same-site'),
  ...(method === 'GET' ? [] : [h('content-type', 'application/json'), h('authorization', 'Bearer x')]),
];
const allowed = [h('access-control-allow-origin', APP), h('content-type', 'application/json')];

/** The entries for request number `i`: one, or a preflighted request and its preflight. */
function* requestEntries(i) {
  const time = T0 + i * 20;
  // Every 10th request is a preflighted PUT; one in 50 of those is refused at the preflight.
  if (i % 10 === 5) {
    const url = `${API}/v1/items/${i % 2000}`;
    const refused = i % 500 === 5;
    yield entry({
      time,
      method: 'PUT',
      url,
      type: 'fetch',
      reqHeaders: refused ? [] : corsRequest('PUT'),
      status: refused ? 0 : 200,
      resHeaders: refused ? [] : allowed,
      error: refused ? 'net::ERR_FAILED' : undefined,
      body: refused ? undefined : '{"ok":true}',
    });
    yield entry({
      time: time + 3,
      method: 'OPTIONS',
      url,
      type: 'preflight',
      reqHeaders: [
        h('origin', APP),
        h('access-control-request-method', 'PUT'),
        h('access-control-request-headers', 'authorization,content-type'),
        h('sec-fetch-mode', 'cors'),
      ],
      status: 204,
      resHeaders: [
        h('access-control-allow-origin', APP),
        h('access-control-allow-methods', 'GET, PUT, POST'),
        h('access-control-allow-headers', refused ? 'content-type' : 'authorization, content-type'),
      ],
    });
    return;
  }
  // Polled endpoints: the same URL thousands of times. One in 1,000 answers lacks CORS headers.
  const polled = i % 3 === 0;
  const url = polled ? `${API}/v1/status?feed=${i % 7}` : `${API}/v1/things/${i}?page=${i % 40}`;
  const noAllowOrigin = i % 1000 === 1;
  yield entry({
    time,
    method: 'GET',
    url,
    type: i % 4 === 0 ? 'xhr' : 'fetch',
    reqHeaders: corsRequest('GET'),
    status: 200,
    resHeaders: noAllowOrigin ? [h('content-type', 'application/json')] : allowed,
    error: noAllowOrigin ? 'net::ERR_FAILED' : undefined,
    body: `{"id":${i},"items":[1,2,3],"note":"entry number ${i}"}`,
  });
}

function socketEntry(n, frames, start) {
  const messages = [];
  for (let f = 0; f < frames; f++)
    messages.push({
      type: f % 2 ? 'receive' : 'send',
      time: (start + f * 5) / 1000,
      opcode: 1,
      data: `{"type":"tick","seq":${f}}`,
    });
  const e = entry({
    time: start,
    method: 'GET',
    url: `wss://api.example.test/live/${n}`,
    type: 'websocket',
    reqHeaders: [h('origin', APP), h('upgrade', 'websocket')],
    status: 101,
    resHeaders: [h('upgrade', 'websocket')],
  });
  e._webSocketMessages = messages;
  return e;
}

/**
 * Writes the HAR to `file` (gzipped when it ends in `.gz`); resolves to the entries written.
 * @param {{ requests?: number, sockets?: number, framesPerSocket?: number }} [shape]
 */
export async function writeChromeHar(
  file,
  { requests = 100_000, sockets = 10, framesPerSocket = 14_000 } = {},
) {
  const disk = createWriteStream(file);
  const gzip = file.endsWith('.gz') ? createGzip() : undefined;
  gzip?.pipe(disk);
  const out = gzip ?? disk;
  const write = async (text) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  await write(
    '{"log":{"version":"1.2","creator":{"name":"WebInspector","version":"537.36"},"pages":[],"entries":[',
  );
  let count = 0;
  const put = async (e) => {
    await write(`${count++ ? ',' : ''}\n${JSON.stringify(e)}`);
  };
  for (let s = 0; s < sockets; s++) await put(socketEntry(s, framesPerSocket, T0 + s * 1000));
  for (let i = 0; i < requests; i++) for (const e of requestEntries(i)) await put(e);
  await write('\n]}}\n');
  out.end();
  await once(disk, 'finish');
  return count;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const file = process.argv[2] ?? '/tmp/chrome-100k.har';
  const n = await writeChromeHar(file, { requests: Number(process.argv[3] ?? 100_000) });
  process.stderr.write(`wrote ${n} entries to ${file}\n`);
}
