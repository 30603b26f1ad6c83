import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { installProbe, type ProbeHandle } from '../../probe';
import { createTestWindow, type TestWindow } from './fake-window';

describe('native mask and install', () => {
  let t: TestWindow;
  let handle: ProbeHandle;
  let before: { fetch: typeof fetch; toString: typeof Function.prototype.toString; keys: string[] };
  beforeEach(() => {
    t = createTestWindow();
    before = {
      fetch: t.win.fetch,
      toString: t.win.Function.prototype.toString,
      keys: Object.getOwnPropertyNames(t.win),
    };
    handle = installProbe(t.win);
  });
  afterEach(async () => {
    handle.uninstall();
    await t.close();
  });

  it('prints native source text for wrapped functions and for toString itself', () => {
    const toString = t.win.Function.prototype.toString;
    expect(toString).not.toBe(before.toString);
    expect(t.win.fetch).not.toBe(before.fetch);
    expect(toString.call(t.win.fetch)).toBe(before.toString.call(before.fetch));
    expect(toString.toString()).toBe(before.toString.call(before.toString));
    expect(toString.call(toString)).toMatch(/^function toString\(\) \{\s+\[native code\]\s+\}$/);
    expect(toString.name).toBe('toString');
    expect(toString.length).toBe(0);
    // Unwrapped functions and errors are untouched.
    expect(toString.call(t.win.setTimeout)).toBe(before.toString.call(t.win.setTimeout));
    expect(() => toString.call({})).toThrow(t.win.TypeError as unknown as typeof TypeError);
    expect(() => toString.call({})).toThrow("Function.prototype.toString requires that 'this' be a Function");
  });

  it('keeps name, length and own properties of wrapped functions', () => {
    expect(t.win.fetch.name).toBe('fetch');
    expect(t.win.fetch.length).toBe(before.fetch.length);
    expect(Object.getOwnPropertyNames(t.win.fetch)).toEqual(Object.getOwnPropertyNames(before.fetch));
  });

  it('installs once, leaves no visible global and does not expose its handle', () => {
    expect(installProbe(t.win)).toBe(handle);
    expect(Object.getOwnPropertyNames(t.win)).toEqual(before.keys);
    const flags = Object.getOwnPropertySymbols(t.win).filter((s) => s.description === 'handshake.probe');
    expect(flags).toHaveLength(1);
    const flag = Object.getOwnPropertyDescriptor(t.win, flags[0]);
    expect(flag).toMatchObject({ value: true, enumerable: false, writable: false });
  });

  it('ignores traps a page adds to Object.prototype', () => {
    const proto = Object.prototype as Record<string, unknown>;
    let seen: unknown[];
    proto.get = () => 'poisoned';
    try {
      seen = [t.win.fetch.name, t.win.WebSocket.OPEN];
    } finally {
      delete proto.get; // before expect(): Vitest itself trips over the poisoned prototype
    }
    expect(seen).toEqual(['fetch', 1]);
  });

  it('restores every original on uninstall', () => {
    handle.uninstall();
    expect(t.win.fetch).toBe(before.fetch);
    expect(t.win.Function.prototype.toString).toBe(before.toString);
    expect(Object.getOwnPropertySymbols(t.win).some((s) => s.description === 'handshake.probe')).toBe(false);
    handle = installProbe(t.win);
    expect(t.win.fetch).not.toBe(before.fetch);
  });
});
