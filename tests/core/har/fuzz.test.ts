/**
 * Property-based fuzzing of the importer: thousands of generated malformed files. Each one is
 * either imported (events that the reducer and rules accept) or refused with a HarImportError
 * and a message — never another exception.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HarImportError, importHarText } from '../../../core/har';
import { Recording } from '../../../core/reducer';
import { findFindings } from '../../../core/rules';

function survives(text: string): void {
  try {
    const result = importHarText(text);
    const rec = new Recording();
    rec.apply(result.events);
    findFindings(rec);
    for (const s of result.skipped) expect(s.reason.length).toBeGreaterThan(0);
  } catch (error) {
    expect(error).toBeInstanceOf(HarImportError);
    expect((error as Error).message).toMatch(/HAR|empty|gzip/);
  }
}

const anyJson = fc.jsonValue({ maxDepth: 4 });
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.oneof(arb, anyJson);
const header = fc.record({ name: maybe(fc.string()), value: maybe(fc.string()) });
const message = fc.record({
  type: maybe(fc.constantFrom('send', 'receive')),
  time: maybe(fc.double()),
  opcode: maybe(fc.integer()),
  data: maybe(fc.string()),
});
const entry = fc.record(
  {
    startedDateTime: maybe(
      fc.date({ noInvalidDate: false }).map((d) => (Number.isNaN(d.getTime()) ? 'x' : d.toISOString())),
    ),
    time: maybe(fc.double()),
    request: maybe(
      fc.record(
        {
          method: maybe(fc.constantFrom('GET', 'POST', 'OPTIONS', '')),
          url: maybe(fc.webUrl()),
          headers: maybe(fc.array(header, { maxLength: 4 })),
          postData: maybe(fc.record({ text: maybe(fc.string()) })),
        },
        { requiredKeys: [] },
      ),
    ),
    response: maybe(
      fc.record(
        {
          status: maybe(fc.integer({ min: -2, max: 600 })),
          headers: maybe(fc.array(header, { maxLength: 4 })),
          content: maybe(fc.record({ text: maybe(fc.string()), encoding: maybe(fc.constant('base64')) })),
        },
        { requiredKeys: [] },
      ),
    ),
    _resourceType: maybe(fc.constantFrom('preflight', 'websocket', 'eventsource', 'fetch')),
    _webSocketMessages: maybe(fc.array(message, { maxLength: 4 })),
    _requestId: maybe(fc.constantFrom('a', 'b', '1')),
    _preflightFor: maybe(fc.constantFrom('a', 'b', '1')),
    _state: maybe(fc.constantFrom('pending', 'done', 'failed')),
    _channel: maybe(
      fc.record({ id: maybe(fc.string()), state: maybe(fc.constantFrom('open', 'closed', 'error')) }),
    ),
  },
  { requiredKeys: [] },
);
const log = fc.record(
  {
    version: maybe(fc.constantFrom('1.1', '1.2', '1.3')),
    creator: maybe(fc.record({ name: maybe(fc.string()), version: maybe(fc.string()) })),
    entries: maybe(fc.array(maybe(entry), { maxLength: 6 })),
    _exceptions: maybe(fc.array(anyJson, { maxLength: 3 })),
    _logs: maybe(fc.array(anyJson, { maxLength: 3 })),
    _capture: anyJson,
  },
  { requiredKeys: [] },
);

describe('importer fuzzing', () => {
  it('never crashes on HAR-shaped files with wrong types and missing fields', () => {
    fc.assert(
      fc.property(fc.record({ log: maybe(log) }), (har) => survives(JSON.stringify(har))),
      { numRuns: 2000 },
    );
  });

  it('never crashes on any JSON, or on truncated and corrupted text', () => {
    fc.assert(
      fc.property(anyJson, (v) => survives(JSON.stringify(v) ?? '')),
      { numRuns: 1000 },
    );
    fc.assert(
      fc.property(fc.record({ log }), fc.nat(), fc.string({ maxLength: 3 }), (har, cut, junk) => {
        const text = JSON.stringify(har);
        const at = cut % (text.length + 1);
        survives(text.slice(0, at) + junk + text.slice(at + junk.length));
      }),
      { numRuns: 1000 },
    );
  });
});
