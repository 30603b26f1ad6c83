// @vitest-environment happy-dom
// Where the panel runs: inside DevTools or as a plain extension page (composables used by
// entrypoints/panel/main.ts before the components mount).
import { describe, expect, it } from 'vitest';
import { resolveTabId } from '~/composables/inspected-tab';
import { applyTheme, pickTheme } from '~/composables/use-theme';

describe('resolveTabId', () => {
  it('prefers the inspected tab inside DevTools', () => {
    expect(resolveTabId('?tabId=3', { inspectedWindow: { tabId: 42 } })).toBe(42);
  });

  it('reads ?tabId= when chrome.devtools is undefined', () => {
    expect(resolveTabId('?tabId=17', undefined)).toBe(17);
  });

  it('gives null for a missing or malformed tab id', () => {
    expect(resolveTabId('', undefined)).toBeNull();
    expect(resolveTabId('?tabId=-1', undefined)).toBeNull();
    expect(resolveTabId('?tabId=1e3', undefined)).toBeNull();
  });
});

describe('theme', () => {
  it("follows DevTools' theme when inside DevTools, else the system scheme", () => {
    expect(pickTheme({ panels: { themeName: 'dark' } }, false)).toBe('dark');
    expect(pickTheme({ panels: { themeName: 'default' } }, true)).toBe('light');
    expect(pickTheme(undefined, true)).toBe('dark');
    expect(pickTheme(undefined, false)).toBe('light');
  });

  it('sets data-theme on the root', () => {
    const root = document.createElement('div');
    applyTheme(root, { panels: { themeName: 'dark' } });
    expect(root.dataset.theme).toBe('dark');
  });
});
