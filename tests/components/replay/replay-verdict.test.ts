import { expect, it } from 'vitest';
import { replayVerdict } from '~/components/replay/replay-verdict';
import type { ReplayResult } from '~/core/events';
import { Recording } from '~/core/reducer';
import { eventLog } from '../../core/events';

const URL = 'http://api.test/api/auth/token/refresh/';
const cors = { corsError: 'HeaderDisallowedByPreflightResponse', failedParameter: 'authorization' };

it("takes the verdict of the browser's request sent by this replay, not an earlier one", () => {
  const log = eventLog()
    .at(0)
    .cdp({
      kind: 'request.start',
      requestId: 'a',
      url: URL,
      method: 'POST',
      headers: {},
      resourceType: 'fetch',
    })
    .cdp({ kind: 'request.failed', requestId: 'a', errorText: 'net::ERR_FAILED', cors })
    .at(300)
    .cdp({
      kind: 'request.start',
      requestId: 'b',
      url: URL,
      method: 'POST',
      headers: {},
      resourceType: 'fetch',
    })
    .cdp({ kind: 'request.finished', requestId: 'b' });
  const rec = new Recording();
  rec.apply(log.events);
  const t0 = log.events[0].time;
  const result = (startTime: number): ReplayResult => ({
    kind: 'replay.result',
    replayId: 'replay:1',
    sourceRequestId: 'x',
    url: URL,
    method: 'POST',
    startTime,
    durationMs: 20,
  });
  expect(replayVerdict(rec, result(t0 - 5))).toEqual(cors);
  expect(replayVerdict(rec, result(t0 + 290))).toBeUndefined();
});
