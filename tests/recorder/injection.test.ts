import { describe, expect, it } from 'vitest';
import { originPattern } from '../../recorder/injection';

describe('originPattern', () => {
  it('scopes a page to its own origin, port included', () => {
    expect(originPattern('http://127.0.0.1:8080/app?x=1#y')).toBe('http://127.0.0.1:8080/*');
    expect(originPattern('https://example.com/a/b')).toBe('https://example.com/*');
  });

  it('gives nothing for pages the probe does not run in', () => {
    for (const url of ['chrome://version', 'about:blank', 'file:///tmp/a.html', 'not a url', undefined])
      expect(originPattern(url)).toBeUndefined();
  });
});
