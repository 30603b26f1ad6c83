/** What the reducer derives from issue 5's events: refusals counted per channel, replay outcomes. */
import { describe, expect, it } from 'vitest';
import { Recording } from '../../core/reducer';
import { eventLog } from './events';

describe('Recording: real-time switches and replays', () => {
  it('counts refusals per channel URL, never hiding a reconnect loop', () => {
    const log = eventLog();
    for (let i = 0; i < 3; i++)
      log.page({ kind: 'channel.refused', transport: 'websocket', url: 'ws://a/ws/' });
    log.page({ kind: 'channel.refused', transport: 'sse', url: 'http://a/sse/' });
    const rec = new Recording();
    rec.apply(log.events);
    expect(rec.refusedCount).toBe(4);
    expect(rec.refused.get('websocket ws://a/ws/')).toMatchObject({ count: 3 });
    expect(rec.refused.get('sse http://a/sse/')).toMatchObject({ count: 1 });
  });

  it('keeps each replay result and shows it in the timeline next to the user action', () => {
    const log = eventLog()
      .user({ kind: 'user.action', action: 'replay', detail: 'POST http://a/refresh/' })
      .user({
        kind: 'replay.result',
        replayId: 'replay:1',
        sourceRequestId: 'r1',
        url: 'http://a/refresh/',
        method: 'POST',
        startTime: 1,
        durationMs: 3,
        error: 'TypeError: Failed to fetch',
      });
    const rec = new Recording();
    rec.apply(log.events);
    expect(rec.replays.get('replay:1')).toMatchObject({
      sourceRequestId: 'r1',
      error: 'TypeError: Failed to fetch',
    });
    expect(rec.timeline.map((i) => (i.type === 'action' ? `${i.action}: ${i.detail}` : i.type))).toEqual([
      'replay: POST http://a/refresh/',
      'replay result: POST http://a/refresh/: TypeError: Failed to fetch',
    ]);
  });
});
