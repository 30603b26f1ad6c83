import { describe, expect, it } from 'vitest';
import { isProbeShaped, parseProbeMessage } from '../../core/probe-schema';
import { PAGE_LIMITS, PROBE_EVENT_KINDS, type ProbeEvent } from '../../core/protocol';

/** One valid example of every kind the probe may send. */
const examples: Record<(typeof PROBE_EVENT_KINDS)[number], ProbeEvent> = {
  'request.start': {
    kind: 'request.start',
    time: 1,
    requestId: 'page:1',
    url: 'http://a/',
    method: 'POST',
    headers: { authorization: 'Token t' },
    postData: '{}',
    resourceType: 'fetch',
  },
  'request.response': {
    kind: 'request.response',
    time: 1,
    requestId: 'page:1',
    status: 200,
    statusText: 'OK',
    headers: {},
    body: 'ok',
  },
  'request.finished': { kind: 'request.finished', time: 1, requestId: 'page:1' },
  'request.failed': {
    kind: 'request.failed',
    time: 1,
    requestId: 'page:1',
    errorText: 'TypeError: Failed to fetch',
  },
  'channel.created': {
    kind: 'channel.created',
    time: 1,
    channelId: 'page:ws:1',
    transport: 'websocket',
    url: 'ws://a/',
  },
  'channel.open': { kind: 'channel.open', time: 1, channelId: 'page:ws:1' },
  'channel.refused': { kind: 'channel.refused', time: 1, transport: 'sse', url: 'http://a/sse/' },
  'channel.frame': {
    kind: 'channel.frame',
    time: 1,
    channelId: 'page:ws:1',
    direction: 'receive',
    opcode: 1,
    data: 'hi',
    size: 2,
  },
  'channel.error': { kind: 'channel.error', time: 1, channelId: 'page:ws:1', message: 'error' },
  'channel.closed': {
    kind: 'channel.closed',
    time: 1,
    channelId: 'page:ws:1',
    code: 1006,
    reason: '',
    wasClean: false,
  },
  exception: {
    kind: 'exception',
    time: 1,
    surface: 'unhandledrejection',
    message: 'Error: Auth context not provided',
    stackText: 'Error: x\n    at a (b:1:2)',
    exceptionId: 'page:x1',
  },
  'exception.handled': { kind: 'exception.handled', time: 1, exceptionId: 'page:x1' },
  'page.load': { kind: 'page.load', time: 1, url: 'http://a/' },
};

const envelope = (events: unknown[]) => ({ __handshake: 'probe', v: 1, type: 'events', overflow: 0, events });

describe('probe message schema', () => {
  it.each(PROBE_EVENT_KINDS)('accepts a valid %s', (kind) => {
    const r = parseProbeMessage(envelope([examples[kind]]));
    expect(r.ok).toBe(true);
  });

  it.each(PROBE_EVENT_KINDS)('refuses a %s with an extra field, a wrong type, or no time', (kind) => {
    expect(parseProbeMessage(envelope([{ ...examples[kind], evil: '<img onerror=alert(1)>' }])).ok).toBe(
      false,
    );
    expect(parseProbeMessage(envelope([{ ...examples[kind], time: 'now' }])).ok).toBe(false);
    const { time: _time, ...noTime } = examples[kind];
    expect(parseProbeMessage(envelope([noTime])).ok).toBe(false);
  });

  it('refuses kinds the page may not report (user actions, capture state, CDP-only kinds)', () => {
    for (const kind of [
      'user.action',
      'capture.state',
      'capture.dropped',
      'log',
      'request.body',
      'request.wire-headers',
    ]) {
      const r = parseProbeMessage(envelope([{ kind, time: 1 }]));
      expect(r.ok, kind).toBe(false);
    }
  });

  it('refuses oversized strings, too many events, and too many headers, naming the problem', () => {
    const big = parseProbeMessage(
      envelope([{ ...examples['page.load'], url: 'x'.repeat(PAGE_LIMITS.maxStringChars + 1) }]),
    );
    expect(big).toMatchObject({ ok: false, reason: expect.stringContaining('events.0.url') });
    const many = Array.from({ length: PAGE_LIMITS.maxBatch + 1 }, () => examples['page.load']);
    expect(parseProbeMessage(envelope(many)).ok).toBe(false);
    const headers = Object.fromEntries(
      Array.from({ length: PAGE_LIMITS.maxHeaders + 1 }, (_, i) => [`h${i}`, 'v']),
    );
    expect(parseProbeMessage(envelope([{ ...examples['request.start'], headers }])).ok).toBe(false);
  });

  it('refuses numbers no page can honestly send: times outside a Date, counts past a safe integer', () => {
    for (const time of [1e308, -1e308, 8.64e15 + 1, Infinity, NaN]) {
      expect(parseProbeMessage(envelope([{ ...examples['page.load'], time }])).ok, String(time)).toBe(false);
    }
    expect(parseProbeMessage(envelope([{ ...examples['page.load'], time: Date.now() + 1e9 }])).ok).toBe(true);
    expect(parseProbeMessage({ ...envelope([]), overflow: 1e308 }).ok).toBe(false);
    expect(parseProbeMessage({ ...envelope([]), overflow: Number.MAX_SAFE_INTEGER }).ok).toBe(true);
    const frame = { ...examples['channel.frame'], size: 2 ** 60 };
    expect(parseProbeMessage(envelope([frame])).ok).toBe(false);
  });

  it('refuses a wrong envelope', () => {
    expect(parseProbeMessage({ ...envelope([]), v: 2 }).ok).toBe(false);
    expect(parseProbeMessage({ ...envelope([]), __handshake: 'bridge' }).ok).toBe(false);
    expect(parseProbeMessage({ ...envelope([]), overflow: -1 }).ok).toBe(false);
    expect(parseProbeMessage(null).ok).toBe(false);
    expect(parseProbeMessage('{"__handshake":"probe"}').ok).toBe(false);
  });

  it('tells probe-shaped messages from the page’s own', () => {
    expect(isProbeShaped(envelope([]))).toBe(true);
    expect(isProbeShaped({ type: 'events' })).toBe(false);
    expect(isProbeShaped(null)).toBe(false);
  });
});
