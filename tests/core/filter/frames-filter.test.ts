import { describe, expect, it } from 'vitest';
import { DEFAULT_FRAME_FILTER, FrameView, compileFrameFilter, type FrameFilter } from '~/core/filter/frames';
import type { Frame } from '~/core/model';

let seq = 0;
function frame(data: string, direction: Frame['direction'] = 'receive', opcode = 1): Frame {
  seq += 1;
  return { seq, time: seq, direction, opcode, data, size: data.length, truncated: false };
}
const filter = (over: Partial<FrameFilter> = {}): FrameFilter => ({ ...DEFAULT_FRAME_FILTER, ...over });

describe('heartbeats', () => {
  it('recognises ping/pong frames and common keep-alives, not ordinary messages', () => {
    const { isHeartbeat } = compileFrameFilter(filter());
    for (const data of [
      'ping',
      '"pong"',
      'heartbeat',
      '{"type":"ping"}',
      '{ "type": "pong", "t": 1 }',
      '{"event":"heartbeat"}',
    ])
      expect(isHeartbeat(frame(data)), data).toBe(true);
    expect(isHeartbeat(frame('', 'send', 9))).toBe(true);
    for (const data of ['{"type":"message","text":"ping"}', 'pinged the server', '{"type":"order"}'])
      expect(isHeartbeat(frame(data)), data).toBe(false);
  });

  it('collapses each run of heartbeats into one row, expandable by its first frame', () => {
    const frames = [
      frame('hello'),
      frame('ping', 'send'),
      frame('pong'),
      frame('{"type":"ping"}'),
      frame('data'),
      frame('ping'),
    ];
    expect(new FrameView(filter()).update(frames)).toEqual([
      { kind: 'frame', index: 0 },
      { kind: 'heartbeats', first: 1, count: 3, expanded: false },
      { kind: 'frame', index: 4 },
      { kind: 'heartbeats', first: 5, count: 1, expanded: false },
    ]);
    expect(new FrameView(filter(), new Set([1])).update(frames).slice(1, 5)).toEqual([
      { kind: 'heartbeats', first: 1, count: 3, expanded: true },
      { kind: 'frame', index: 1 },
      { kind: 'frame', index: 2 },
      { kind: 'frame', index: 3 },
    ]);
    expect(new FrameView(filter({ collapseHeartbeats: false })).update(frames)).toHaveLength(6);
    const sent = new FrameView(filter({ direction: 'send' }));
    sent.update(frames);
    expect(sent.shown).toBe(1);
  });

  it('uses the configured patterns, and reports one that does not compile', () => {
    const view = new FrameView(filter({ heartbeatPatterns: ['tick', '(unclosed'] }));
    expect(view.problems).toEqual(['(unclosed — not a valid heartbeat pattern']);
    expect(view.update([frame('tick'), frame('ping')])).toEqual([
      { kind: 'heartbeats', first: 0, count: 1, expanded: false },
      { kind: 'frame', index: 1 },
    ]);
  });
});

describe('FrameView filters', () => {
  it('filters by direction and by text or regex', () => {
    const frames = [
      frame('{"op":"subscribe"}', 'send'),
      frame('{"op":"update","id":7}'),
      frame('{"op":"update","id":8}'),
    ];
    const indexes = (f: Partial<FrameFilter>) =>
      new FrameView(filter(f)).update(frames).map((r) => (r.kind === 'frame' ? r.index : -1));
    expect(indexes({ direction: 'send' })).toEqual([0]);
    expect(indexes({ direction: 'receive', text: 'UPDATE' })).toEqual([1, 2]);
    expect(indexes({ text: '/"id":8/' })).toEqual([2]);
    const bad = new FrameView(filter({ text: '/(/' }));
    expect(bad.problems).toEqual(['/(/ — not a valid regular expression']);
    expect(bad.update(frames)).toHaveLength(3);
  });

  it('looks only at frames appended since the last update, and continues an open run', () => {
    const frames: Frame[] = [frame('a'), frame('ping')];
    const view = new FrameView(filter());
    expect(view.update(frames)).toHaveLength(2);
    frames.push(frame('pong'), frame('b'));
    expect(view.update(frames)).toEqual([
      { kind: 'frame', index: 0 },
      { kind: 'heartbeats', first: 1, count: 2, expanded: false },
      { kind: 'frame', index: 3 },
    ]);
    // Another channel's list starts over.
    expect(view.update([frame('c')])).toEqual([{ kind: 'frame', index: 0 }]);
  });

  it('filters 1,000,000 frames in one pass', () => {
    const frames: Frame[] = [];
    for (let i = 0; i < 1_000_000; i++)
      frames.push(frame(i % 2 === 0 ? '{"type":"ping"}' : `{"n":${i}}`, i % 2 ? 'receive' : 'send'));
    const rows = new FrameView(filter({ text: '"n":99999' })).update(frames);
    expect(rows.map((r) => (r.kind === 'frame' ? r.index : -1))).toEqual([
      99999, 999991, 999993, 999995, 999997, 999999,
    ]);
  });
});
