// Synthetic recordings for the panel and file benchmarks: what a busy authenticated app leaves
// in the log — fetches with bearer tokens, tokens in URLs, and WebSocket channels whose frames
// carry tokens too — so that redaction has real work on every entry. Payload strings are shared
// between events (as V8 shares them), so a 1 GB export needs no 1 GB of input in memory.
//
// `syntheticEvents` is self-contained (no outer references): the panel benchmark runs it inside
// the extension's service worker with Playwright's `evaluateHandle`.

/**
 * `count` events: one request (start, response, finished = 3 events) per `framesPerRequest`
 * frames, the frames spread over `channels` WebSocket channels.
 * @returns {Array<object>} RecordedEvent[] in seq order.
 */
export function syntheticEvents({ count, framesPerRequest = 4, channels = 4, frameSize = 200 }) {
  const JWT =
    'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJ1c2VyLTQyIiwiZXhwIjo0MTAyNDQ0ODAwfQ.c2lnbmF0dXJlLW5vdC1yZWFs';
  const T0 = 1_760_000_000_000;
  const head = `{"type":"tick","token":"${JWT}","data":"`;
  const payload = head + 'x'.repeat(Math.max(0, frameSize - head.length - 2)) + '"}';
  const headers = { authorization: `Bearer ${JWT}`, accept: 'application/json' };
  const responseHeaders = { 'content-type': 'application/json', 'set-cookie': 'session=abc123; HttpOnly' };
  const events = [];
  let seq = 0;
  const push = (e) => events.push({ ...e, seq: ++seq, time: T0 + seq, source: 'cdp' });
  push({ kind: 'page.load', url: 'http://127.0.0.1:5173/' });
  for (let c = 0; c < channels; c++) {
    const channelId = `ws${c}`;
    push({
      kind: 'channel.created',
      channelId,
      transport: 'websocket',
      url: `ws://127.0.0.1:8000/ws/feed/${c}/?token=${JWT}`,
    });
    push({ kind: 'channel.open', channelId, status: 101 });
  }
  let r = 0;
  let f = 0;
  while (events.length < count) {
    if (f % framesPerRequest === 0 && events.length + 3 <= count) {
      const requestId = `q${r++}`;
      const area = r % 10 === 0 ? 'orders' : 'items';
      const url = `http://127.0.0.1:8000/api/${area}/${r}?access_token=${JWT}`;
      push({
        kind: 'request.start',
        requestId,
        url,
        method: r % 7 === 0 ? 'POST' : 'GET',
        headers,
        resourceType: 'fetch',
      });
      push({
        kind: 'request.response',
        requestId,
        status: r % 50 === 0 ? 401 : 200,
        statusText: 'OK',
        headers: responseHeaders,
        mimeType: 'application/json',
      });
      push({ kind: 'request.finished', requestId, encodedDataLength: 120 });
      if (events.length >= count) break;
    }
    const direction = f % 5 === 0 ? 'send' : 'receive';
    push({
      kind: 'channel.frame',
      channelId: `ws${f % channels}`,
      direction,
      opcode: 1,
      data: payload,
      size: payload.length,
    });
    f++;
  }
  return events;
}

/** How many timeline rows `syntheticEvents` makes (page load + channels + requests). */
export function syntheticTimelineRows(events) {
  let rows = 0;
  for (const e of events)
    if (e.kind === 'page.load' || e.kind === 'channel.created' || e.kind === 'request.start') rows++;
  return rows;
}
