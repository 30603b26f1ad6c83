/**
 * Turns one checked HAR entry into the events a live recording would have had: a request's
 * start, response, body and end (or failure); a channel's creation, handshake, frames and end.
 */
import type { EventBody } from '../events';
import type { ChannelRecord, EntryRecord, RequestRecord } from './read-entry';
import type { TimedBody } from './read-extras';

export function recordEvents(record: EntryRecord): TimedBody[] {
  return record.type === 'request' ? requestEvents(record) : channelEvents(record);
}

function requestEvents(r: RequestRecord): TimedBody[] {
  const end = r.time + r.duration;
  const out: TimedBody[] = [];
  const at = (time: number, body: EventBody) => out.push({ time, body });
  at(r.time, {
    kind: 'request.start',
    requestId: r.id,
    url: r.url,
    method: r.method,
    headers: r.headers,
    postData: r.postData,
    resourceType: r.resourceType,
    preflightFor: r.preflightFor,
    initiatorStack: r.initiatorStack,
  });
  if (r.wireHeaders) at(r.time, { kind: 'request.wire-headers', requestId: r.id, headers: r.wireHeaders });
  // Status 0 (Chrome, Firefox) or -1 (Playwright) means no response arrived.
  if (r.status > 0) {
    at(end, {
      kind: 'request.response',
      requestId: r.id,
      status: r.status,
      statusText: r.statusText,
      headers: r.responseHeaders,
      mimeType: r.mimeType,
    });
  }
  if (r.body !== undefined) {
    at(end, {
      kind: 'request.body',
      requestId: r.id,
      body: r.body,
      truncated: r.bodyTruncated,
      ...(r.bodyBase64 ? { base64: true } : {}),
    });
  }
  const state = r.state ?? (r.error !== undefined || r.status <= 0 ? 'failed' : 'done');
  if (state === 'done') at(end, { kind: 'request.finished', requestId: r.id });
  if (state === 'failed') {
    at(end, {
      kind: 'request.failed',
      requestId: r.id,
      errorText: r.error ?? `No response (status ${r.status})`,
      cors: r.cors,
      blockedReason: r.blockedReason,
      canceled: r.canceled,
    });
  }
  return out;
}

function channelEvents(c: ChannelRecord): TimedBody[] {
  const out: TimedBody[] = [];
  const at = (time: number, body: EventBody) => out.push({ time, body });
  at(c.time, {
    kind: 'channel.created',
    channelId: c.id,
    transport: c.transport,
    url: c.url,
    initiatorStack: c.initiatorStack,
  });
  if (c.status > 0)
    at(c.time, { kind: 'channel.open', channelId: c.id, status: c.status, headers: c.responseHeaders });
  else if (c.state === 'open') at(c.time, { kind: 'channel.open', channelId: c.id });
  let last = c.time;
  for (const m of c.messages) {
    // A frame never precedes its channel, whatever the file's clocks say.
    last = Math.max(c.time, m.time);
    at(last, {
      kind: 'channel.frame',
      channelId: c.id,
      direction: m.direction,
      opcode: m.opcode,
      data: m.data,
      size: m.size ?? m.data.length,
      ...(m.truncated ? { truncated: true } : {}),
      ...(m.eventName !== undefined ? { eventName: m.eventName } : {}),
      ...(m.lastEventId !== undefined ? { lastEventId: m.lastEventId } : {}),
    });
  }
  const end = Math.max(last, c.time + c.duration);
  if (c.errorMessage !== undefined)
    at(end, { kind: 'channel.error', channelId: c.id, message: c.errorMessage });
  if (c.state === 'closed') {
    at(end, { kind: 'channel.closed', channelId: c.id, code: c.closeCode, reason: c.closeReason });
  }
  return out;
}
