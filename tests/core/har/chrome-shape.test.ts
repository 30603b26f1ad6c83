/**
 * What we export has the HAR 1.2 shape Chrome DevTools' importer reads (devtools-frontend
 * `models/har/HARFormat.ts`: required fields and their types), with `_webSocketMessages` as
 * Chrome writes them.
 */
import { describe, expect, it } from 'vitest';
import { exportHar } from '../../../core/har';
import { replayCdp } from '../../fixtures/cdp/replay';

type Json = Record<string, unknown>;
const isNum = (v: unknown) => typeof v === 'number' && Number.isFinite(v);
const isStr = (v: unknown) => typeof v === 'string';
const isNameValues = (v: unknown) =>
  Array.isArray(v) && v.every((x: Json) => isStr(x.name) && isStr(x.value));

/** The checks of HARFormat.ts's constructors (HAREntry, HARRequest, HARResponse, HARTimings). */
function problems(entry: Json): string[] {
  const out: string[] = [];
  const req = entry.request as Json;
  const res = entry.response as Json;
  if (!isStr(entry.startedDateTime) || Number.isNaN(Date.parse(entry.startedDateTime as string)))
    out.push('startedDateTime');
  if (!isNum(entry.time)) out.push('time');
  for (const f of ['method', 'url', 'httpVersion']) if (!isStr(req[f])) out.push(`request.${f}`);
  for (const f of ['headers', 'cookies', 'queryString']) if (!isNameValues(req[f])) out.push(`request.${f}`);
  for (const f of ['headersSize', 'bodySize']) if (!isNum(req[f])) out.push(`request.${f}`);
  if (!isNum(res.status) || !isStr(res.statusText) || !isStr(res.redirectURL))
    out.push('response status/redirect');
  if (!isNameValues(res.headers) || !isNameValues(res.cookies)) out.push('response headers/cookies');
  const content = res.content as Json;
  if (!isNum(content.size) || !isStr(content.mimeType)) out.push('response.content');
  const timings = entry.timings as Json;
  for (const f of ['send', 'wait', 'receive']) if (!isNum(timings[f])) out.push(`timings.${f}`);
  return out;
}

describe('the exported HAR, as Chrome reads it', () => {
  for (const name of ['demo-buggy', 'demo-fixed'] as const) {
    it(`has every field Chrome requires, in every entry (${name})`, () => {
      const har = JSON.parse([...exportHar(replayCdp(name))].join('')) as { log: Json };
      expect(har.log.version).toBe('1.2');
      expect(har.log.creator).toMatchObject({ name: 'Handshake', version: expect.any(String) });
      const entries = har.log.entries as Json[];
      expect(entries.length).toBeGreaterThan(3);
      for (const entry of entries) expect(problems(entry)).toEqual([]);
    });
  }

  it('writes WebSocket frames as {type, time in epoch seconds, opcode, data}', () => {
    const har = JSON.parse([...exportHar(replayCdp('demo-fixed'), { chromeOnly: true })].join('')) as {
      log: { entries: Json[] };
    };
    const socket = har.log.entries.find((e) => e._resourceType === 'websocket');
    const messages = socket?._webSocketMessages as Json[];
    expect(messages.length).toBeGreaterThan(1);
    for (const m of messages) {
      expect(Object.keys(m).sort()).toEqual(['data', 'opcode', 'time', 'type']);
      expect(['send', 'receive']).toContain(m.type);
      // Seconds, not milliseconds: between 2020 and 2100.
      expect(m.time).toBeGreaterThan(1.5e9);
      expect(m.time).toBeLessThan(4.2e9);
    }
    expect(Object.keys(har.log).filter((k) => k.startsWith('_'))).toEqual([]);
  });

  it('streams: one chunk per entry, none holding the whole file, with progress', () => {
    const progress: number[] = [];
    const chunks = [
      ...exportHar(replayCdp('demo-buggy'), { onProgress: (p) => progress.push(p.entriesDone) }),
    ];
    const total = chunks.join('').length;
    expect(chunks.length).toBeGreaterThan(progress.length);
    expect(Math.max(...chunks.map((c) => c.length))).toBeLessThan(total / 2);
    expect(progress).toEqual(progress.map((_, i) => i + 1));
  });
});
