import { describe, expect, it } from 'vitest';
import { canonicalHeaderName, getHeader, parseHeaderList } from '../../core/headers';
import { formatFrame, parseStack, scriptName } from '../../core/stack';
import { SEED_STACK } from './events';

const WS_JS = 'http://127.0.0.1:5173/assets/websocketService-BKJDZuHi.js';

describe('parseStack', () => {
  it('parses the seed V8 stack: a constructor frame and an anonymous frame', () => {
    expect(parseStack(SEED_STACK)).toEqual([
      { functionName: 'new X', url: WS_JS, line: 1, column: 826 },
      { functionName: '', url: WS_JS, line: 1, column: 3219 },
    ]);
  });

  it('keeps async names, skips frames without a location, and resolves eval frames', () => {
    const text = [
      'TypeError: boom',
      '    at Array.map (<anonymous>)',
      '    at async loadUser (http://localhost:3000/src/auth.ts?t=1:12:5)',
      '    at eval (eval at compile (http://localhost:3000/app.js:40:9), <anonymous>:1:1)',
    ].join('\r\n');
    expect(parseStack(text)).toEqual([
      { functionName: 'async loadUser', url: 'http://localhost:3000/src/auth.ts?t=1', line: 12, column: 5 },
      { functionName: 'eval', url: 'http://localhost:3000/app.js', line: 40, column: 9 },
    ]);
  });

  it('parses Firefox frames, named and anonymous, async and eval', () => {
    const text = [
      `X@${WS_JS}:1:826`,
      `@${WS_JS}:1:3219`,
      'async*setup@http://127.0.0.1:5173/assets/index.js:2:10',
      'run@http://127.0.0.1:5173/assets/index.js line 7 > eval:1:3',
    ].join('\n');
    expect(parseStack(text)).toEqual([
      { functionName: 'X', url: WS_JS, line: 1, column: 826 },
      { functionName: '', url: WS_JS, line: 1, column: 3219 },
      { functionName: 'setup', url: 'http://127.0.0.1:5173/assets/index.js', line: 2, column: 10 },
      { functionName: 'run', url: 'http://127.0.0.1:5173/assets/index.js', line: 7, column: 1 },
    ]);
  });

  it('returns no frames for text that is not a stack', () => {
    expect(parseStack('Error: Auth context not provided')).toEqual([]);
    expect(parseStack('')).toEqual([]);
  });

  it('formats frames and names scripts the way findings show them', () => {
    const [top, next] = parseStack(SEED_STACK);
    expect(formatFrame(top)).toBe(`new X (${WS_JS}:1:826)`);
    expect(formatFrame(next)).toBe(`${WS_JS}:1:3219`);
    expect(scriptName(`${WS_JS}?v=2`)).toBe('websocketService-BKJDZuHi.js');
  });
});

describe('headers', () => {
  it('reads header values whatever their spelling', () => {
    const headers = { 'Access-Control-Allow-Headers': 'content-type', 'x-id': 'a', 'X-Id': 'b' };
    expect(getHeader(headers, 'access-control-allow-headers')).toBe('content-type');
    expect(getHeader(headers, 'X-ID')).toBe('a, b');
    expect(getHeader(headers, 'origin')).toBeUndefined();
    expect(getHeader(undefined, 'origin')).toBeUndefined();
  });

  it('splits header lists like Chromium does and spells names canonically', () => {
    expect(parseHeaderList(' Content-Type, ,Authorization ,')).toEqual(['content-type', 'authorization']);
    expect(canonicalHeaderName('x-api-key')).toBe('X-Api-Key');
  });
});
