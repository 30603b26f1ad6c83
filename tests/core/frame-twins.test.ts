/**
 * A merged channel keeps each frame once, from whichever observer saw it: the page's copies of
 * frames the browser also reported are dropped, but frames only the page saw (the service worker
 * was restarting, the debugger was detached) are kept, in the panel and in every export.
 */
import { describe, expect, it } from 'vitest';
import { Recording } from '../../core/reducer';
import { eventLog, type EventLog } from './events';

const WS_URL = 'ws://127.0.0.1:8000/ws/';

function opened(order: 'cdp first' | 'page first' = 'cdp first'): EventLog {
  const log = eventLog();
  const created = (source: 'cdp' | 'page', id: string) =>
    log[source]({ kind: 'channel.created', channelId: id, transport: 'websocket', url: WS_URL });
  if (order === 'cdp first') {
    created('cdp', 'ws1');
    created('page', 'page:ws1');
  } else {
    created('page', 'page:ws1');
    log.at(30);
    created('cdp', 'ws1');
  }
  return log.at(50).cdp({ kind: 'channel.open', channelId: 'ws1', status: 101 });
}

function frame(log: EventLog, source: 'cdp' | 'page', ms: number, data: string, direction = 'receive'): void {
  log.at(ms)[source]({
    kind: 'channel.frame',
    channelId: source === 'cdp' ? 'ws1' : 'page:ws1',
    direction: direction as 'send' | 'receive',
    opcode: 1,
    data,
    size: data.length,
  });
}

function reduce(log: EventLog): Recording {
  const rec = new Recording();
  rec.apply(log.events);
  return rec;
}

describe('frames of a channel both observers saw', () => {
  it('keeps the frames only the page saw while the browser was away, each once, in order', () => {
    const log = opened();
    for (let i = 0; i < 10; i++) frame(log, 'cdp', 100 + i * 10, `n${i}`);
    // The browser's side is gone for frames 10..19 (worker restarting); the page saw all 20,
    // and its copies arrive later than the browser's (the bridge batches them).
    for (let i = 0; i < 20; i++) frame(log, 'page', 101 + i * 10, `n${i}`);
    for (let i = 20; i < 25; i++) {
      frame(log, 'cdp', 100 + i * 10, `n${i}`);
      frame(log, 'page', 101 + i * 10, `n${i}`);
    }
    const ws = reduce(log).channels.get('ws1')!;
    expect(ws.frames.map((f) => f.data)).toEqual(Array.from({ length: 25 }, (_, i) => `n${i}`));
    expect(ws.framesIn).toBe(25);
  });

  it('drops the page copy of every frame the browser reported, even identical heartbeats', () => {
    const log = opened();
    for (let i = 0; i < 50; i++) frame(log, 'cdp', 100 + i, 'ping', 'send');
    for (let i = 0; i < 50; i++) frame(log, 'page', 100 + i, 'ping', 'send');
    const ws = reduce(log).channels.get('ws1')!;
    expect(ws.frames).toHaveLength(50);
    expect(ws.framesOut).toBe(50);
  });

  it("takes the browser's payload when the page's copy came first", () => {
    const log = opened();
    log.at(100).page({
      kind: 'channel.frame',
      channelId: 'page:ws1',
      direction: 'receive',
      opcode: 1,
      data: 'x'.repeat(64),
      size: 64,
      truncated: true,
    });
    frame(log, 'cdp', 99, 'x'.repeat(100));
    const ws = reduce(log).channels.get('ws1')!;
    expect(ws.frames).toHaveLength(1);
    expect(ws.frames[0]).toMatchObject({ data: 'x'.repeat(100), size: 100, truncated: false });
  });

  it('does not pair frames seconds apart: a repeated message later is a new frame', () => {
    const log = opened();
    frame(log, 'cdp', 100, 'same');
    frame(log, 'page', 9_000, 'same');
    expect(reduce(log).channels.get('ws1')!.frames).toHaveLength(2);
  });

  it('keeps the frames the page reported before the browser announced the socket', () => {
    const log = eventLog();
    log.page({ kind: 'channel.created', channelId: 'page:ws1', transport: 'websocket', url: WS_URL });
    frame(log, 'page', 10, 'early');
    log.at(30).cdp({ kind: 'channel.created', channelId: 'ws1', transport: 'websocket', url: WS_URL });
    frame(log, 'cdp', 9, 'early');
    frame(log, 'cdp', 60, 'later');
    frame(log, 'page', 61, 'later');
    const ws = reduce(log).channels.get('ws1')!;
    expect(ws.frames.map((f) => f.data)).toEqual(['early', 'later']);
    expect(ws.framesIn).toBe(2);
  });

  it('stays linear on a flood of distinct frames only one side saw', () => {
    const log = opened();
    for (let i = 0; i < 100_000; i++) frame(log, 'page', 100 + i, `m${i}`);
    const ws = reduce(log).channels.get('ws1')!;
    expect(ws.frames).toHaveLength(100_000);
  });
});
