/**
 * Source maps on the demo's real production chunk (minified by Vite, `sourcemap: true`):
 * the seed's frame `new o (websocketService-*.js:1:534)` maps back to the constructor's throw.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SourceMapIndex } from '../../../core/source-maps/source-map-index';
import { decodeDataUrl, sourceMapLocationOf } from '../../../core/source-maps/source-mapping-url';

// The chunk is stored as .txt: it is minified output, not our code to lint.
const DIR = 'tests/fixtures/source-maps';
const SCRIPT_URL = 'http://127.0.0.1:5173/assets/websocketService-BzAheSxI.js';
const script = readFileSync(`${DIR}/websocketService-BzAheSxI.js.txt`, 'utf8');
const map = readFileSync(`${DIR}/websocketService-BzAheSxI.js.map`, 'utf8');
/** As Chromium reported the throw of the buggy demo (1-based column). */
const THROW = { functionName: 'new o', url: SCRIPT_URL, line: 1, column: 534 };

describe('source maps', () => {
  it("finds the script's sourceMappingURL and resolves it against the script", () => {
    expect(sourceMapLocationOf(script, SCRIPT_URL)).toEqual({ kind: 'url', url: `${SCRIPT_URL}.map` });
    expect(sourceMapLocationOf('var a;', SCRIPT_URL, 'a.map')).toEqual({
      kind: 'url',
      url: 'http://127.0.0.1:5173/assets/a.map',
    });
    expect(sourceMapLocationOf('var a;', SCRIPT_URL)).toBeUndefined();
  });

  it('reads inline maps, base64 or URL-encoded', () => {
    const inline = `var a;\n//# sourceMappingURL=data:application/json;base64,${btoa('{"version":3}')}`;
    expect(sourceMapLocationOf(inline, SCRIPT_URL)).toEqual({ kind: 'inline', json: '{"version":3}' });
    expect(decodeDataUrl('data:application/json;charset=utf-8,%7B%7D')).toBe('{}');
    expect(decodeDataUrl('data:text/plain,hi')).toBeUndefined();
  });

  it('maps the minified throw to the original websocket service', () => {
    const index = new SourceMapIndex();
    expect(index.add(SCRIPT_URL, map, `${SCRIPT_URL}.map`)).toBe(true);
    const original = index.originalFrame(THROW);
    expect(original?.source).toMatch(/\/src\/services\/websocketService\.ts$/);
    const lines = readFileSync('demo/app/src/services/websocketService.ts', 'utf8').split('\n');
    expect(lines[(original?.line ?? 0) - 1]).toContain("throw new Error('Auth context not provided')");
    expect(index.stateOf(SCRIPT_URL)).toBe('loaded');
  });

  it('leaves frames alone when the map is missing or invalid, without throwing', () => {
    const index = new SourceMapIndex();
    index.markMissing(SCRIPT_URL);
    expect(index.originalFrame(THROW)).toBeUndefined();
    expect(index.stateOf(SCRIPT_URL)).toBe('missing');
    expect(index.add('http://x/b.js', '{not json')).toBe(false);
    expect(index.stateOf('http://x/b.js')).toBe('invalid');
    expect(index.originalFrame({ ...THROW, url: 'http://x/b.js' })).toBeUndefined();
  });
});
