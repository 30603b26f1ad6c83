import { describe, expect, it } from 'vitest';
import type { RecordedEvent } from '~/core/events';
import { parseFilter, parseSize, globToRegExp } from '~/core/filter/parse';
import { Recording } from '~/core/reducer';
import { findFindings } from '~/core/rules';
import { TimelineSearchIndex } from '~/core/timeline-filter';
import { refreshEvents, snapshotEvents, socketEvents } from '../../stores/fixtures/seed-events';

function seed(): Recording {
  const rec = new Recording();
  rec.apply([...snapshotEvents(), ...refreshEvents(), ...socketEvents()]);
  return rec;
}
const keys = (items: ReadonlyArray<{ type: string; id: string }>) => items.map((i) => `${i.type}:${i.id}`);

function run(query: string): string[] {
  const rec = seed();
  return keys(new TimelineSearchIndex(rec).filter(rec.timeline, query, findFindings(rec)));
}

describe('parseFilter', () => {
  it('reads properties, negation and regexes, and reports bad terms without throwing', () => {
    const { terms, problems } = parseFilter(
      '-domain:*.cdn.test method:post /re(fresh/ status-code:abc is:nope x:1',
    );
    expect(terms.map((t) => [t.kind, t.negated])).toEqual([
      ['domain', true],
      ['method', false],
      ['text', false],
    ]);
    expect(problems).toEqual([
      '/re(fresh/ — not a valid regular expression',
      'status-code:abc — expected a status like 404 or 4xx',
      'is:nope — expected is:failed or is:cors',
    ]);
    expect(parseFilter('larger-than:').problems).toEqual(['larger-than: — larger-than: needs a value']);
    expect(parseFilter('-').terms).toEqual([{ kind: 'text', word: '-', negated: false }]);
  });

  it('reads sizes in bytes, k and M', () => {
    expect(parseSize('500')).toBe(500);
    expect(parseSize('10k')).toBe(10 * 1024);
    expect(parseSize('1.5M')).toBe(1.5 * 1024 * 1024);
    expect(parseSize('ten')).toBeUndefined();
  });

  it('matches hosts with a * wildcard, the bare domain included', () => {
    const re = globToRegExp('*.example.com');
    expect(re.test('api.example.com')).toBe(true);
    expect(re.test('example.com')).toBe(true);
    expect(re.test('badexample.com')).toBe(false);
    expect(re.test('example.com.evil.test')).toBe(false);
  });
});

describe('TimelineSearchIndex with properties', () => {
  it('filters by method, status and type', () => {
    expect(run('method:POST')).toEqual(['request:r2']);
    expect(run('status-code:200')).toEqual(['request:doc1']);
    expect(run('status-code:1xx')).toEqual(['channel:ws1']);
    expect(run('type:doc')).toEqual(['request:doc1']);
    expect(run('type:ws')).toEqual(['channel:ws1']);
    expect(run('type:sse')).toEqual([]);
  });

  it('filters failures, CORS and findings', () => {
    expect(run('is:failed')).toEqual(['channel:ws1', 'exception:x6', 'request:r2']);
    expect(run('is:cors')).toEqual(['request:r2']);
    expect(run('finding:cors/header-not-allowed')).toEqual(['request:r2']);
    expect(run('finding:realtime')).toEqual(['channel:ws1', 'exception:x6']);
    expect(run('finding:nothing/here')).toEqual([]);
  });

  it('filters by domain, regex and negation, all terms ANDed', () => {
    expect(run('domain:127.0.0.1 -type:ws -is:failed')).toEqual(['page:p1', 'request:doc1']);
    expect(run('/token\\/refresh/')).toEqual(['request:r2']);
    expect(run('-refresh is:failed')).toEqual(['channel:ws1', 'exception:x6']);
    expect(run('domain:*.example.com')).toEqual([]);
  });

  it('ignores invalid terms rather than hiding everything', () => {
    expect(run('status-code:abc method:POST')).toEqual(['request:r2']);
    const rec = seed();
    const index = new TimelineSearchIndex(rec);
    expect(index.filter(rec.timeline, 'is:nope')).toBe(rec.timeline);
  });

  it('filters by size, and sees a pending request settle', () => {
    const start: RecordedEvent = {
      kind: 'request.start',
      requestId: 'big',
      url: 'https://cdn.test/app.js',
      method: 'GET',
      headers: {},
      resourceType: 'script',
      seq: 1,
      time: 1,
      source: 'cdp',
    };
    const rec = new Recording();
    rec.apply([start]);
    const index = new TimelineSearchIndex(rec);
    expect(keys(index.filter(rec.timeline, 'larger-than:10k'))).toEqual([]);
    rec.apply([
      {
        kind: 'request.response',
        requestId: 'big',
        status: 200,
        statusText: 'OK',
        headers: {},
        seq: 2,
        time: 2,
        source: 'cdp',
      },
      {
        kind: 'request.body',
        requestId: 'big',
        body: 'x'.repeat(20_000),
        truncated: false,
        seq: 3,
        time: 3,
        source: 'cdp',
      },
      { kind: 'request.finished', requestId: 'big', seq: 4, time: 4, source: 'cdp' },
    ]);
    expect(rec.requests.get('big')?.responseBody?.length).toBe(20_000);
    expect(keys(index.filter(rec.timeline, 'larger-than:10k type:script'))).toEqual(['request:big']);
    expect(keys(index.filter(rec.timeline, 'larger-than:1M'))).toEqual([]);
    expect(keys(index.filter(rec.timeline, '-domain:cdn.test'))).toEqual([]);
  });
});
