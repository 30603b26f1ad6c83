/**
 * The probe's lean copies (size and a 64-character text prefix, sent while the debugger carries the
 * payload) still pair with the browser's copies, in either arrival order: every frame once, with the
 * browser's full payload; a frame only the page saw stays, marked truncated.
 */
import { describe, expect, it } from 'vitest';
import { FRAME_PREFIX_CHARS } from '../../core/protocol';
import { Recording } from '../../core/reducer';
import { eventLog, type EventLog } from './events';

const payload = (i: number) => `{"n":${i},"pad":"${'x'.repeat(1000)}"}`;

function opened(): EventLog {
  const log = eventLog();
  log.cdp({
    kind: 'channel.created',
    channelId: 'ws1',
    transport: 'websocket',
    url: 'ws://127.0.0.1:8000/ws/',
  });
  log.page({
    kind: 'channel.created',
    channelId: 'page:ws1',
    transport: 'websocket',
    url: 'ws://127.0.0.1:8000/ws/',
  });
  return log.at(50).cdp({ kind: 'channel.open', channelId: 'ws1', status: 101 });
}

function full(log: EventLog, ms: number, i: number): void {
  const data = payload(i);
  log.at(ms).cdp({
    kind: 'channel.frame',
    channelId: 'ws1',
    direction: 'receive',
    opcode: 1,
    data,
    size: data.length,
  });
}

function lean(log: EventLog, ms: number, i: number): void {
  const data = payload(i);
  log.at(ms).page({
    kind: 'channel.frame',
    channelId: 'page:ws1',
    direction: 'receive',
    opcode: 1,
    data: data.slice(0, FRAME_PREFIX_CHARS),
    size: data.length,
    truncated: true,
  });
}

const channel = (log: EventLog) => {
  const rec = new Recording();
  rec.apply(log.events);
  return rec.channels.get('ws1')!;
};

describe('lean page copies of frames', () => {
  it('pair with the browser copies whichever comes first: each frame once, with the full payload', () => {
    const log = opened();
    for (let i = 0; i < 20; i++) full(log, 100 + i, i);
    for (let i = 0; i < 20; i++) lean(log, 101 + i, i);
    for (let i = 20; i < 40; i++) lean(log, 100 + i, i);
    for (let i = 20; i < 40; i++) full(log, 101 + i, i);
    const ws = channel(log);
    expect(ws.frames.map((f) => f.data)).toEqual(Array.from({ length: 40 }, (_, i) => payload(i)));
    expect(ws.frames.every((f) => !f.truncated)).toBe(true);
    expect(ws.framesIn).toBe(40);
  });

  it('keep a frame the browser missed, marked truncated, with its size', () => {
    const log = opened();
    full(log, 100, 0);
    lean(log, 101, 0);
    lean(log, 110, 1); // the browser's copy never came (debugger detaching)
    full(log, 120, 2);
    lean(log, 121, 2);
    const ws = channel(log);
    expect(ws.frames.map((f) => [f.data.length, f.size, f.truncated])).toEqual([
      [payload(0).length, payload(0).length, false],
      [FRAME_PREFIX_CHARS, payload(1).length, true],
      [payload(2).length, payload(2).length, false],
    ]);
  });
});
