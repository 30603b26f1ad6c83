/**
 * Timeline actions whose detail the reducer composes (a replay's answer, a capture gap) are
 * worded anew in the reader's language from their data; the recorded English detail, which the
 * free-text filter matches, is what the English view shows.
 */
import { describe, expect, it } from 'vitest';
import { userAction } from '~/components/timeline/timeline-rows';
import { Recording } from '~/core/reducer';
import { eventLog } from '../core/events';

function actions(rec: Recording) {
  return rec.timeline.flatMap((i) => (i.type === 'action' ? [i] : []));
}

describe('composed action details', () => {
  const log = eventLog()
    .user({
      kind: 'replay.result',
      replayId: 'replay:1',
      sourceRequestId: 'r1',
      url: 'http://a/refresh/',
      method: 'POST',
      startTime: 1,
      durationMs: 3,
    })
    .user({
      kind: 'replay.result',
      replayId: 'replay:2',
      sourceRequestId: 'r1',
      url: 'http://a/refresh/',
      method: 'POST',
      startTime: 2,
      durationMs: 3,
      status: 401,
    })
    .user({ kind: 'capture.gap', from: 1_000, to: 1_234_000, reason: 'service worker restarted' });
  const rec = new Recording();
  rec.apply(log.events);
  const [noAnswer, answered, gap] = actions(rec);

  it('read in English exactly as recorded', () => {
    for (const a of [noAnswer, answered, gap]) {
      expect(userAction(a.action, a.detail, 'en', a.note).detail).toBe(a.detail);
    }
    expect(gap.detail).toBe('nothing captured for 1233.0 s (service worker restarted)');
  });

  it('read in Russian with the data kept and the number written the Russian way', () => {
    expect(userAction(noAnswer.action, noAnswer.detail, 'ru', noAnswer.note)).toEqual({
      action: expect.stringMatching(/[а-я]/),
      detail: 'POST http://a/refresh/: нет ответа',
    });
    expect(userAction(answered.action, answered.detail, 'ru', answered.note).detail).toBe(
      'POST http://a/refresh/: ответ — 401',
    );
    expect(userAction(gap.action, gap.detail, 'ru', gap.note).detail).toBe(
      'ничего не записано за 1233,0 с (service worker restarted)',
    );
  });
});
