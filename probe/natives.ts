/**
 * The built-ins the probe relies on, captured once at install time (document_start, before
 * any page script). A page that later replaces `Array.prototype.push`, `Date.now`,
 * `postMessage`, `WeakMap.prototype.get` or an XHR getter can neither break the probe nor
 * observe it calling them: every later call goes through these captured references.
 *
 * Language built-ins (Reflect, Object, String, WeakMap, Promise) come from the probe's own
 * realm, which in the browser is the page's realm; web APIs come from `win`, so tests can
 * pass a window of their own.
 */

/** The page's window as the content script sees it. */
export type ProbeWindow = Window & typeof globalThis;

/** A WeakMap whose methods cannot be swapped by the page. */
export interface SafeWeakMap<K extends object, V> {
  get(key: K): V | undefined;
  set(key: K, value: V): void;
}

/** Reads one property through the getter captured from a prototype (falls back to `obj[name]`). */
export type Getter = (obj: object) => unknown;

export interface Natives {
  readonly win: ProbeWindow;
  apply(fn: Function, thisArg: unknown, args: ArrayLike<unknown>): unknown;
  construct(target: Function, args: ArrayLike<unknown>, newTarget: Function): object;
  defineProperty(obj: object, key: PropertyKey, desc: PropertyDescriptor): void;
  getOwnPropertyDescriptor(obj: object, key: PropertyKey): PropertyDescriptor | undefined;
  /** An object without a prototype: proxy handlers and descriptors the page cannot poison. */
  bare<T extends object>(): T;
  keys(obj: object): string[];
  now(): number;
  setTimer(fn: () => void, ms: number): unknown;
  clearTimer(handle: unknown): void;
  /** `win.postMessage(message, '*')` with the native function. */
  post(message: unknown): void;
  listen(target: object, type: string, fn: (event: Event) => void): void;
  unlisten(target: object, type: string, fn: (event: Event) => void): void;
  getter(proto: object | undefined | null, name: string): Getter;
  weakMap<K extends object, V>(): SafeWeakMap<K, V>;
  then<T>(promise: Promise<T>, ok: (value: T) => T, fail: (reason: unknown) => never): Promise<T>;
  slice(text: string, start: number, end?: number): string;
  lower(text: string): string;
  upper(text: string): string;
  indexOf(text: string, search: string, from?: number): number;
  trim(text: string): string;
  /** `String.fromCharCode` over an array of char codes. */
  fromCharCodes(codes: ArrayLike<number>): string;
  btoa(binary: string): string;
  /** `String(value)` for a primitive (no page code can run for primitives). */
  text(value: string | number | boolean | bigint | symbol | null | undefined): string;
  isArray(value: unknown): value is unknown[];
  subarray(bytes: Uint8Array, start: number, end: number): Uint8Array;
  /** Absolute URL against the document's base; the input when it cannot be parsed. */
  resolveUrl(url: string): string;
}

/**
 * Captures the natives of `win` and of the current realm.
 * @param win The page's window (or a test's stand-in).
 */
export function captureNatives(win: ProbeWindow): Natives {
  const R = Reflect;
  const apply = R.apply;
  const construct = R.construct;
  const defineProperty = Object.defineProperty;
  const getOwnPropertyDescriptor = Object.getOwnPropertyDescriptor;
  const getPrototypeOf = Object.getPrototypeOf;
  const create = Object.create;
  const keys = Object.keys;
  const dateNow = Date.now;
  const WeakMapCtor = WeakMap;
  const wmGet = WeakMap.prototype.get;
  const wmSet = WeakMap.prototype.set;
  const promiseThen = Promise.prototype.then;
  const strSlice = String.prototype.slice;
  const strLower = String.prototype.toLowerCase;
  const strUpper = String.prototype.toUpperCase;
  const strIndexOf = String.prototype.indexOf;
  const strTrim = String.prototype.trim;
  const fromCharCode = String.fromCharCode;
  const subarray = Uint8Array.prototype.subarray;
  const StringCtor = String;
  const isArray = Array.isArray;
  const URLCtor = win.URL;
  const urlHref = findGetter(URLCtor?.prototype, 'href');
  const winBtoa = win.btoa;
  const postMessage = win.postMessage;
  const setTimeout = win.setTimeout;
  const clearTimeout = win.clearTimeout;
  // EventTarget.prototype's methods, not the target's own: a page that overrides
  // `WebSocket.prototype.addEventListener` must not see the probe's listeners go through it.
  const eventTargetProto = win.EventTarget?.prototype;
  const addListener = eventTargetProto?.addEventListener ?? win.addEventListener;
  const removeListener = eventTargetProto?.removeEventListener ?? win.removeEventListener;
  const doc = win.document;
  // Looked up from the document itself: the nearest getter on its chain (Node.prototype in
  // browsers) honours <base href>.
  const baseUri = findGetter(doc, 'baseURI');
  const location = win.location;

  function findGetter(proto: object | undefined | null, name: string): Function | undefined {
    for (let p = proto; p; p = getPrototypeOf(p)) {
      const d = getOwnPropertyDescriptor(p, name);
      if (d) return d.get;
    }
    return undefined;
  }

  return {
    win,
    apply: (fn, thisArg, args) => apply(fn, thisArg, args),
    construct: (target, args, newTarget) => construct(target, args, newTarget) as object,
    defineProperty: (obj, key, desc) => void defineProperty(obj, key, desc),
    getOwnPropertyDescriptor: (obj, key) => getOwnPropertyDescriptor(obj, key),
    bare: <T extends object>() => create(null) as T,
    keys: (obj) => keys(obj),
    now: () => apply(dateNow, undefined, []) as number,
    setTimer: (fn, ms) => apply(setTimeout, win, [fn, ms]),
    clearTimer: (handle) => void apply(clearTimeout, win, [handle]),
    post: (message) => void apply(postMessage, win, [message, '*']),
    listen: (target, type, fn) => void apply(addListener, target, [type, fn]),
    unlisten: (target, type, fn) => void apply(removeListener, target, [type, fn]),
    getter(proto, name) {
      const get = findGetter(proto, name);
      // Some implementations (and test fakes) keep the value as an own data property.
      return get ? (obj) => apply(get, obj, []) : (obj) => (obj as Record<string, unknown>)[name];
    },
    weakMap<K extends object, V>(): SafeWeakMap<K, V> {
      const map = new WeakMapCtor<K, V>();
      return {
        get: (key) => apply(wmGet, map, [key]) as V | undefined,
        set: (key, value) => void apply(wmSet, map, [key, value]),
      };
    },
    then: (promise, ok, fail) => apply(promiseThen, promise, [ok, fail]) as typeof promise,
    slice: (text, start, end) => apply(strSlice, text, [start, end]) as string,
    lower: (text) => apply(strLower, text, []) as string,
    upper: (text) => apply(strUpper, text, []) as string,
    indexOf: (text, search, from) => apply(strIndexOf, text, [search, from]) as number,
    trim: (text) => apply(strTrim, text, []) as string,
    fromCharCodes: (codes) => apply(fromCharCode, null, codes) as string,
    btoa: (binary) => apply(winBtoa, win, [binary]) as string,
    text: (value) => StringCtor(value),
    isArray: (value): value is unknown[] => isArray(value),
    subarray: (bytes, start, end) => apply(subarray, bytes, [start, end]) as Uint8Array,
    resolveUrl(url) {
      try {
        const base = baseUri && doc ? (apply(baseUri, doc, []) as string) : location.href;
        return apply(urlHref!, construct(URLCtor, [url, base], URLCtor), []) as string;
      } catch {
        return url;
      }
    },
  };
}
