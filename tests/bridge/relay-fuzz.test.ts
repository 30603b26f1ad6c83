// @vitest-environment happy-dom
/**
 * The page hop under fire: 10,000 generated hostile window messages (random values, probe
 * envelopes with random events, extreme numbers and sizes) through the schema and the bridge.
 * Nothing throws, every message that reaches the recorder survives the port's JSON and the
 * recorder's envelope check, every number in it is finite, and the honest events posted
 * between the hostile ones all arrive, in order.
 */
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startBridge, type RecorderPort } from '../../bridge/relay';
import { parseBridgeToRecorder } from '../../core/guards';
import { PROBE_EVENT_KINDS, type BridgeToRecorder } from '../../core/protocol';

const hostileNumber = fc.oneof(
  fc.double(),
  fc.constantFrom(1e308, -1e308, Number.MAX_SAFE_INTEGER, 8.64e15, -0, NaN, Infinity),
  fc.integer(),
);
const hostileValue = fc.oneof(hostileNumber, fc.string({ maxLength: 40 }), fc.boolean(), fc.constant(null));
const hostileEvent = fc.record(
  {
    kind: fc.constantFrom(...PROBE_EVENT_KINDS, 'user.action', '__proto__'),
    time: hostileNumber,
    requestId: fc.oneof(fc.string({ maxLength: 20 }), fc.constant('cdp-1')),
    channelId: fc.string({ maxLength: 20 }),
    url: fc.oneof(fc.webUrl(), fc.string({ maxLength: 40 })),
    method: fc.constantFrom('GET', 'POST', ''),
    headers: fc.dictionary(fc.string({ maxLength: 10 }), fc.string({ maxLength: 20 }), { maxKeys: 4 }),
    resourceType: fc.constantFrom('fetch', 'xhr', 'script'),
    status: hostileNumber,
    size: hostileNumber,
    data: fc.string({ maxLength: 40 }),
    extra: hostileValue,
  },
  { requiredKeys: ['kind', 'time'] },
);
const hostileMessage = fc.oneof(
  fc.anything(),
  fc.record({
    __handshake: fc.constantFrom('probe', 'bridge'),
    v: fc.constantFrom(1, 2),
    type: fc.constantFrom('events', 'rejected'),
    overflow: hostileNumber,
    events: fc.array(hostileEvent, { maxLength: 6 }),
  }),
);

describe('page hop fuzzing', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('10,000 hostile messages: no crash, every sent message valid and finite, no honest event lost', () => {
    const received: BridgeToRecorder[] = [];
    const port: RecorderPort = {
      postMessage: (m) => {
        const json = JSON.stringify(m);
        const parsed = parseBridgeToRecorder(JSON.parse(json));
        expect(parsed, json.slice(0, 200)).toBeDefined();
        expect(json).not.toMatch(/null|Infinity|NaN/);
        received.push(parsed!);
      },
      onMessage: { addListener: () => undefined },
      onDisconnect: { addListener: () => undefined },
    };
    const bridge = startBridge(window, () => port);
    let honest = 0;
    fc.assert(
      fc.property(hostileMessage, (data) => {
        window.dispatchEvent(new MessageEvent('message', { data, source: window }));
        const url = `http://127.0.0.1/honest/${honest++}`;
        const event = { kind: 'page.load', time: 1, url };
        const message = { __handshake: 'probe', v: 1, type: 'events', overflow: 0, events: [event] };
        window.dispatchEvent(new MessageEvent('message', { data: message, source: window }));
        vi.advanceTimersByTime(101);
      }),
      { numRuns: 10_000 },
    );
    vi.advanceTimersByTime(1000);
    const urls = received
      .flatMap((m) => (m.type === 'events' ? m.events : []))
      .flatMap((e) => (e.kind === 'page.load' && e.url.includes('/honest/') ? [e.url] : []));
    expect(urls).toHaveLength(honest);
    expect(urls[honest - 1]).toBe(`http://127.0.0.1/honest/${honest - 1}`);
    bridge.stop();
  }, 30_000);
});
