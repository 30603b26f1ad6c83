/**
 * The streamed import: a HAR read entry by entry from pieces cut anywhere gives exactly what the
 * whole text gives; malformed files keep their clear error codes; a file of 40,000 entries and
 * 130,000 WebSocket frames imports (a spread of that many arguments overflowed the stack); and a
 * gzip that expands past the limit is refused, in the CLI and in the panel's reader.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { readChunks } from '../../../cli/files';
import { readHarFile } from '../../../composables/har-file';
import { HarImportError, importHar, importHarText, type HarImportProgress } from '../../../core/har';
import { Recording } from '../../../core/reducer';

const tricky = JSON.stringify({
  log: {
    version: '1.2',
    creator: { name: 'Tricky "tool" \\ é', version: '1' },
    pages: [{ id: 'p', title: '[{"entries": [1]}]' }],
    entries: [
      {
        startedDateTime: '2026-12-05T10:00:00.000Z',
        time: 3,
        request: {
          method: 'GET',
          url: 'https://a.test/x?q="]}\\',
          headers: [{ name: 'x-note', value: 'ends in a backslash \\' }],
        },
        response: {
          status: 200,
          headers: [],
          content: { mimeType: 'text/plain', text: '{"entries": ["not", "these"]} \u2603 \ud83d\ude00' },
        },
        _resourceType: 'fetch',
      },
      7,
      {
        startedDateTime: '2026-12-05T10:00:01.000Z',
        request: {
          method: 'OPTIONS',
          url: 'https://a.test/y',
          headers: [{ name: 'Access-Control-Request-Method', value: 'PUT' }],
        },
        response: { status: 204, headers: [] },
      },
      {
        startedDateTime: '2026-12-05T10:00:01.002Z',
        request: { method: 'PUT', url: 'https://a.test/y', headers: [] },
        response: { status: 200, headers: [] },
      },
    ],
    _logs: [{ level: 'error', text: 'a console line', time: 1 }],
  },
  after: { log: 'not this one' },
});

async function* pieces(text: string, size: number): AsyncGenerator<string> {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}

async function codeOf(run: Promise<unknown>): Promise<string | undefined> {
  try {
    await run;
  } catch (error) {
    expect(error).toBeInstanceOf(HarImportError);
    return (error as HarImportError).code;
  }
  return 'imported';
}

describe('the streamed import', () => {
  it('gives the same result whatever the pieces (escapes and quotes cut in half, text after the entries)', async () => {
    const whole = importHarText(tricky);
    expect(whole.events.length).toBeGreaterThan(8);
    expect(whole.skipped.map((s) => s.code)).toEqual(['notObject']);
    expect(whole.creator.name).toBe('Tricky "tool" \\ é');
    expect(whole.events.some((e) => e.kind === 'log')).toBe(true);
    for (const size of [1, 2, 3, 7, 64, 1000]) expect(await importHar(pieces(tricky, size))).toEqual(whole);
    const rec = new Recording();
    rec.apply(whole.events);
    const put = [...rec.requests.values()].find((r) => r.method === 'PUT');
    expect(put?.preflightId).toBeDefined();
  });

  it('keeps the clear error codes, wherever the file is cut or broken', async () => {
    const cases: Array<[string, string]> = [
      ['', 'empty'],
      [' \n\t ', 'empty'],
      ['\ufeff<!doctype html>', 'html'],
      ['[{"log": {}}]', 'notJson'],
      ['{"log": [1]}', 'noLog'],
      ['{"other": {"entries": []}}', 'noLog'],
      ['{"log": {"entries": {}}}', 'noEntries'],
      ['{"log": {"entries": [1,]}}', 'invalidJson'],
      ['{"log": {"entries": [{"a": 1]}}', 'invalidJson'],
      ['{"log": {"entries": []}} trailing', 'invalidJson'],
      ['{"log": {"entries": []},}', 'invalidJson'],
      ['{"log" {"entries": []}}', 'invalidJson'],
      ['{"log": {"version": 1.2.3, "entries": []}}', 'invalidJson'],
    ];
    for (let cut = 1; cut < tricky.length; cut += 97) cases.push([tricky.slice(0, cut), 'invalidJson']);
    for (const [text, code] of cases) {
      expect(await codeOf(importHar(text)), text.slice(0, 60)).toBe(code);
      expect(await codeOf(importHar(pieces(text, 5))), text.slice(0, 60)).toBe(code);
    }
  });

  it('imports 40,000 entries and 130,000 WebSocket frames without overflowing the stack', async () => {
    const frames = Array.from({ length: 130_000 }, (_, i) => ({
      type: i % 2 ? 'receive' : 'send',
      time: 1_780_000_000 + i / 1000,
      opcode: 1,
      data: 'x',
    }));
    const socket = {
      startedDateTime: '2026-12-05T09:59:59.000Z',
      request: { method: 'GET', url: 'wss://a.test/live', headers: [] },
      response: { status: 101, headers: [] },
      _resourceType: 'websocket',
      _webSocketMessages: frames,
    };
    const requests = Array.from({ length: 40_000 }, (_, i) => ({
      startedDateTime: new Date(Date.UTC(2026, 11, 5, 10) + i * 10).toISOString(),
      request: {
        method: i % 10 === 1 ? 'OPTIONS' : 'GET',
        url: `https://a.test/poll?n=${i % 5}`,
        headers: [],
      },
      response: { status: 200, headers: [] },
      _resourceType: i % 10 === 1 ? 'preflight' : 'fetch',
    }));
    const text = JSON.stringify({ log: { version: '1.2', entries: [socket, ...requests] } });
    const progress: HarImportProgress[] = [];
    const result = await importHar(pieces(text, 1 << 16), { onProgress: (p) => void progress.push(p) });
    expect(result.events.filter((e) => e.kind === 'channel.frame')).toHaveLength(130_000);
    expect(result.events.filter((e) => e.kind === 'request.start')).toHaveLength(40_000);
    expect(progress.at(-1)).toEqual({ entriesDone: 40_001, entriesTotal: 40_001 });
    const rec = new Recording();
    rec.apply(result.events);
    // Each preflight pairs with the nearest GET to its URL at or after it: the next entry.
    const paired = [...rec.requests.values()].filter((r) => r.method === 'GET' && r.preflightId);
    expect(paired).toHaveLength(4000);
    // A size test, not a speed test: on a loaded two-core CI machine this takes seconds.
  }, 60_000);

  it('estimates the total from the share of the input read', async () => {
    const seen: HarImportProgress[] = [];
    const entries = Array.from({ length: 1200 }, () => JSON.parse(tricky).log.entries[0]);
    const big = JSON.stringify({ log: { entries } });
    let read = 0;
    async function* counted(): AsyncGenerator<string> {
      for await (const piece of pieces(big, 4096)) {
        read += piece.length;
        yield piece;
      }
    }
    await importHar(counted(), {
      fractionRead: () => read / big.length,
      onProgress: (p) => void seen.push(p),
    });
    expect(seen.length).toBeGreaterThan(1);
    // Mid-way, the estimate is near the real 1,200 (never below what is done).
    const first = seen[0];
    expect(first.entriesDone).toBeLessThan(1200);
    expect(first.entriesTotal).toBeGreaterThan(1000);
    expect(first.entriesTotal).toBeLessThan(1400);
  });
});

describe('a gzip that expands past the limit', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hs-bomb-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  // 3 MiB of spaces inside a valid HAR: a few kilobytes of gzip.
  const har = `{"log": {"version": "1.2", "entries": []${' '.repeat(3 * 1024 ** 2)}}}`;
  const gz = gzipSync(har);
  const file = join(dir, 'bomb.har.gz');
  writeFileSync(file, gz);

  it('is refused by the CLI reader at the stated limit, and read below it', async () => {
    expect(gz.length).toBeLessThan(64 * 1024);
    const refused = importHar(await readChunks(file, undefined, { maxInflatedBytes: 1024 ** 2 }));
    await expect(refused).rejects.toMatchObject({ code: 'tooLarge', params: { limitMb: 1 } });
    await expect(
      importHar(await readChunks(file, undefined, { maxInflatedBytes: 1024 ** 2, locale: 'ru' })),
    ).rejects.toThrow(/больше чем в 1 МиБ/);
    const read = await importHar(await readChunks(file, undefined, { maxInflatedBytes: 4 * 1024 ** 2 }));
    expect(read.events).toEqual([]);
  });

  it('is refused by the panel reader (DecompressionStream), with the limit in the message', async () => {
    const blob = new Blob([gz]);
    const refused = readHarFile(blob, undefined, { maxInflatedBytes: 2 * 1024 ** 2 });
    await expect(refused).rejects.toThrow(HarImportError);
    await expect(readHarFile(blob, undefined, { maxInflatedBytes: 2 * 1024 ** 2 })).rejects.toThrow(
      /expands to more than 2 MiB: refused as a possible decompression bomb/,
    );
    const read = await readHarFile(blob);
    expect(read.version).toBe('1.2');
  });
});
