/** The real CDP fixtures (tests/fixtures/cdp/) as events, normalised as the recorder does. */
import { readFileSync } from 'node:fs';
import { CdpNormalizer } from '../../../core/cdp-normalize';
import type { RecordedEvent } from '../../../core/events';

export function replayCdp(name: 'demo-buggy' | 'demo-fixed'): RecordedEvent[] {
  const raw = JSON.parse(readFileSync(`tests/fixtures/cdp/${name}.json`, 'utf8')) as Array<{
    method: string;
    params: unknown;
  }>;
  let clock = 0;
  const normalizer = new CdpNormalizer(() => clock);
  let seq = 1;
  return raw.flatMap(({ method, params }) =>
    normalizer.handle(method, params).map(({ time, body }) => {
      clock = Math.max(clock, time);
      return { ...body, seq: seq++, time, source: 'cdp' } as RecordedEvent;
    }),
  );
}
