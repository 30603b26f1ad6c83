/**
 * Every message type of every hop has a guard that accepts it and rejects its malformed twin.
 * Adding a message type to a hop without an example here fails the type check (the examples
 * are typed by `HOP_MESSAGE_TYPES`) and this test.
 */
import { describe, expect, it } from 'vitest';
import {
  HOP_MESSAGE_TYPES,
  isBridgeCommand,
  isRecorderToBridge,
  isRecorderToPanel,
  parseBridgeToRecorder,
  parseDevtoolsToRecorder,
  parsePanelToRecorder,
  type Hop,
} from '../../core/guards';
import { parseProbeMessage } from '../../core/probe-schema';

const accepts: Record<Hop, (x: unknown) => boolean> = {
  'probe->bridge': (x) => parseProbeMessage(x).ok,
  'bridge->probe': isBridgeCommand,
  'bridge->recorder': (x) => parseBridgeToRecorder(x) !== undefined,
  'recorder->bridge': isRecorderToBridge,
  'panel->recorder': (x) => parsePanelToRecorder(x) !== undefined,
  'recorder->panel': isRecorderToPanel,
  'devtools->recorder': (x) => parseDevtoolsToRecorder(x) !== undefined,
};

const status = { tabId: 1, recording: true, cdp: 'attached' };
const event = { seq: 1, time: 1, source: 'page', kind: 'page.load', url: 'http://a/' };

type Examples = {
  [H in Hop]: { [T in (typeof HOP_MESSAGE_TYPES)[H][number]]: { valid: object; malformed: object[] } };
};

const examples: Examples = {
  'probe->bridge': {
    events: {
      valid: {
        __handshake: 'probe',
        v: 1,
        type: 'events',
        overflow: 0,
        events: [{ kind: 'page.load', time: 1, url: 'x' }],
      },
      malformed: [
        {
          __handshake: 'probe',
          v: 1,
          type: 'events',
          overflow: 0,
          events: [{ kind: 'page.load', url: 'x' }],
        },
        { __handshake: 'probe', v: 1, type: 'events', events: [] },
      ],
    },
  },
  'bridge->probe': {
    record: {
      valid: { __handshake: 'bridge', v: 1, type: 'record', on: true },
      malformed: [
        { __handshake: 'bridge', v: 1, type: 'record', on: 'yes' },
        { __handshake: 'probe', v: 1, type: 'record', on: true },
      ],
    },
    policy: {
      valid: { __handshake: 'bridge', v: 1, type: 'policy', policy: { allOff: true, blocked: [] } },
      malformed: [
        { __handshake: 'bridge', v: 1, type: 'policy', policy: { allOff: 'yes', blocked: [] } },
        { __handshake: 'bridge', v: 1, type: 'policy', policy: { allOff: false, blocked: ['a*b'] } },
      ],
    },
  },
  'bridge->recorder': {
    events: {
      valid: { type: 'events', events: [], overflow: 0 },
      malformed: [
        { type: 'events', events: {}, overflow: 0 },
        { type: 'events', events: [], overflow: -1 },
      ],
    },
    rejected: {
      valid: { type: 'rejected', count: 2, reason: 'too long' },
      malformed: [{ type: 'rejected', count: '2', reason: 'x' }],
    },
  },
  'recorder->bridge': {
    record: {
      valid: { type: 'record', on: false },
      malformed: [{ type: 'record' }, { type: 'record', on: 1 }],
    },
    policy: {
      valid: { type: 'policy', policy: { allOff: false, blocked: ['127.0.0.1:1/ws/'] } },
      malformed: [{ type: 'policy' }, { type: 'policy', policy: { allOff: false, blocked: [''] } }],
    },
  },
  'panel->recorder': {
    subscribe: {
      valid: { type: 'subscribe', tabId: 3 },
      malformed: [
        { type: 'subscribe' },
        { type: 'subscribe', tabId: '3' },
        { type: 'subscribe', tabId: 3, fromSeq: -1 },
        { type: 'subscribe', tabId: 3, fromSeq: '12' },
      ],
    },
    start: {
      valid: { type: 'start', tabId: 3, reload: true },
      malformed: [{ type: 'start', tabId: -1, reload: true }],
    },
    stop: { valid: { type: 'stop', tabId: 3 }, malformed: [{ type: 'stop', tabId: 1.5 }] },
    clear: { valid: { type: 'clear', tabId: 3 }, malformed: [{ type: 'clear', tabId: null }] },
    captureFromLoad: {
      valid: { type: 'captureFromLoad', tabId: 3, origin: 'https://a.test:8443', on: true },
      malformed: [
        { type: 'captureFromLoad', tabId: 3, origin: 'https://a.test:8443' },
        { type: 'captureFromLoad', tabId: 3, origin: 'https://a.test/page', on: true },
        { type: 'captureFromLoad', tabId: 3, origin: 'file:///tmp', on: true },
        { type: 'captureFromLoad', tabId: 3, origin: 'chrome://extensions', on: false },
        { type: 'captureFromLoad', tabId: 3, origin: 42, on: true },
      ],
    },
    realtime: {
      valid: { type: 'realtime', tabId: 3, policy: { allOff: true, blocked: ['a.test/sse/'] } },
      malformed: [
        { type: 'realtime', tabId: 3 },
        { type: 'realtime', tabId: 3, policy: { allOff: true, blocked: ['has space'] } },
        { type: 'realtime', tabId: 3, policy: { allOff: true, blocked: Array(21).fill('x') } },
      ],
    },
    replay: {
      valid: {
        type: 'replay',
        tabId: 3,
        request: {
          sourceRequestId: 'r1',
          url: 'http://api.test/api/auth/token/refresh/',
          method: 'post',
          headers: { authorization: 'Token t', 'content-type': 'application/json' },
          body: '{}',
          pageOrigin: 'http://app.test:8080',
        },
      },
      malformed: [
        { type: 'replay', tabId: 3 },
        // The page origin the user confirmed is required, and only an http(s) origin.
        ...[undefined, 'null', 'file://', 'http://app.test/path', 'javascript:alert(1)', 7].map(
          (pageOrigin) => ({
            type: 'replay',
            tabId: 3,
            request: { sourceRequestId: 'r1', url: 'http://a/', method: 'GET', headers: {}, pageOrigin },
          }),
        ),
        {
          type: 'replay',
          tabId: 3,
          request: { sourceRequestId: 'r1', url: 'javascript:alert(1)', method: 'GET', headers: {} },
        },
        {
          type: 'replay',
          tabId: 3,
          request: { sourceRequestId: 'r1', url: 'http://a/', method: 'GET', headers: { ':path': '/' } },
        },
        {
          type: 'replay',
          tabId: 3,
          request: { sourceRequestId: 'r1', url: 'http://a/', method: 'GET', headers: {}, body: 1 },
        },
      ],
    },
  },
  'recorder->panel': {
    snapshot: {
      valid: { type: 'snapshot', status, events: [event] },
      malformed: [
        { type: 'snapshot', status: { ...status, cdp: 'weird' }, events: [] },
        { type: 'snapshot', status, events: [event], fromSeq: 1.5 },
      ],
    },
    events: {
      valid: { type: 'events', tabId: 1, events: [event] },
      malformed: [{ type: 'events', tabId: 1, events: [{ kind: 'x' }] }],
    },
    status: {
      valid: { type: 'status', status: { ...status, realtime: { allOff: true, blocked: [] } } },
      malformed: [
        { type: 'status', status: { tabId: 1 } },
        { type: 'status', status: { ...status, realtime: { allOff: 1, blocked: [] } } },
      ],
    },
    error: {
      valid: { type: 'error', tabId: 1, message: 'boom', code: 'saveFailed', reason: 'QuotaExceededError' },
      malformed: [
        { type: 'error', tabId: 1 },
        { type: 'error', tabId: 1, message: 'boom', code: 'formatDisk' },
        { type: 'error', tabId: 1, message: 'boom', reason: 42 },
      ],
    },
  },
  'devtools->recorder': {
    'har-entries': {
      valid: { type: 'har-entries', tabId: 3, entries: [{ request: { url: 'http://a/', method: 'GET' } }] },
      malformed: [
        { type: 'har-entries', tabId: 3 },
        { type: 'har-entries', tabId: '3', entries: [] },
        { type: 'har-entries', tabId: 3, entries: ['not an entry'] },
        { type: 'har-entries', tabId: 3, entries: Array(101).fill({}) },
      ],
    },
  },
};

describe('every hop validates every message type', () => {
  const cases = (Object.keys(HOP_MESSAGE_TYPES) as Hop[]).flatMap((hop) =>
    HOP_MESSAGE_TYPES[hop].map((type) => ({ hop, type })),
  );

  it.each(cases)('$hop $type: valid accepted, malformed rejected', ({ hop, type }) => {
    const example = (examples[hop] as Record<string, { valid: object; malformed: object[] }>)[type];
    expect(example, `no example for ${hop} ${type}`).toBeDefined();
    expect(accepts[hop](example.valid)).toBe(true);
    for (const bad of example.malformed) expect(accepts[hop](bad), JSON.stringify(bad)).toBe(false);
  });

  it.each(Object.keys(accepts) as Hop[])('%s rejects unknown types and non-objects', (hop) => {
    expect(accepts[hop]({ type: 'replay', tabId: 1, __handshake: 'bridge', v: 1 })).toBe(false);
    expect(accepts[hop](null)).toBe(false);
    expect(accepts[hop]('record')).toBe(false);
  });

  it('rebuilds panel commands from known fields only', () => {
    expect(parsePanelToRecorder({ type: 'clear', tabId: 3, extra: 1 })).toEqual({ type: 'clear', tabId: 3 });
    expect(parsePanelToRecorder({ type: 'start', tabId: 3, reload: 'yes' })).toEqual({
      type: 'start',
      tabId: 3,
      reload: false,
    });
    expect(
      parsePanelToRecorder({
        type: 'realtime',
        tabId: 3,
        policy: { allOff: false, blocked: ['a', 'a'], x: 1 },
      }),
    ).toEqual({ type: 'realtime', tabId: 3, policy: { allOff: false, blocked: ['a'] } });
  });

  it("keeps a reconnecting panel's last seq, so the recorder sends only what follows", () => {
    expect(parsePanelToRecorder({ type: 'subscribe', tabId: 3, fromSeq: 120, x: 1 })).toEqual({
      type: 'subscribe',
      tabId: 3,
      fromSeq: 120,
    });
    expect(isRecorderToPanel({ type: 'snapshot', status, events: [event], fromSeq: 0 })).toBe(true);
  });
});
