/**
 * A shared file keeps what the user did and what the recorder missed: replay results (redacted
 * like any request) and capture gaps survive export -> import.
 */
import { describe, expect, it } from 'vitest';
import { exportHar, importHarText } from '../../../core/har';
import { Recording } from '../../../core/reducer';
import { eventLog, REFRESH_URL } from '../events';

const SECRET = 'Token s3cr3t-refresh-value';

function recorded() {
  const log = eventLog();
  log.at(0).user({ kind: 'user.action', action: 'replay', detail: `POST ${REFRESH_URL}` });
  log.at(40).user({
    kind: 'replay.result',
    replayId: 'replay:1',
    sourceRequestId: 'r1',
    url: `${REFRESH_URL}?access_token=abcdef123456`,
    method: 'POST',
    startTime: log.events[0].time,
    durationMs: 40,
    status: 200,
    statusText: 'OK',
    headers: { authorization: SECRET, 'content-type': 'application/json' },
    body: '{"refresh_token":"r-abcdef-123456","ok":true}',
  });
  log.at(900).cdp({
    kind: 'capture.gap',
    from: log.events[0].time + 100,
    to: log.events[0].time + 900,
    reason: 'service worker restarted',
  });
  return log.events;
}

describe('replays and capture gaps in the HAR', () => {
  it('exports replay results redacted, and imports them back', () => {
    const text = [...exportHar(recorded())].join('');
    const log = JSON.parse(text).log;
    expect(log._replays).toHaveLength(1);
    expect(text).not.toContain('s3cr3t-refresh-value');
    expect(text).not.toContain('abcdef123456');
    expect(text).not.toContain('r-abcdef-123456');
    expect(log._replays[0].headers.authorization).toMatch(/^Token \[redacted:/);

    const back = importHarText(text).events;
    const replay = back.find((e) => e.kind === 'replay.result');
    expect(replay).toMatchObject({
      replayId: 'replay:1',
      sourceRequestId: 'r1',
      method: 'POST',
      status: 200,
    });
    const rec = new Recording();
    rec.apply(back);
    expect(rec.replays.get('replay:1')?.status).toBe(200);
  });

  it('keeps secrets in replays only when the user opted in', () => {
    const text = [...exportHar(recorded(), { redaction: { includeSecrets: true } })].join('');
    expect(text).toContain('s3cr3t-refresh-value');
  });

  it('round-trips a capture gap, shown as a timeline row', () => {
    const back = importHarText([...exportHar(recorded())].join('')).events;
    expect(back.find((e) => e.kind === 'capture.gap')).toMatchObject({ reason: 'service worker restarted' });
    const rec = new Recording();
    rec.apply(back);
    const row = rec.timeline.find((i) => i.type === 'action' && i.action === 'capture gap');
    expect(row).toMatchObject({ detail: expect.stringContaining('0.8 s') });
  });
});
