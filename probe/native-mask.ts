/**
 * Wraps page built-ins so the page cannot tell. A `Proxy` around the native function forwards
 * everything it does not trap (`name`, `length`, `prototype`, statics such as
 * `WebSocket.OPEN`, own property names, `instanceof`, `extends`); `prototype.constructor` is
 * pointed at the proxy; and `Function.prototype.toString` (itself a masked proxy) prints the
 * native source text for every proxy, so `String(fetch)` still says `[native code]`.
 *
 * What remains visible: a native error thrown through a trap carries one extra stack frame
 * (the trap), and `Object.getOwnPropertySymbols(window)` shows the install flag.
 */
import type { Natives } from './natives';

/** Runs instead of the native call; must call `target` itself and return its result. */
export type ApplyTrap = (target: Function, thisArg: unknown, args: unknown[]) => unknown;
/** Runs instead of `new`; must construct with `newTarget` so subclasses keep working. */
export type ConstructTrap = (target: Function, args: unknown[], newTarget: Function) => object;

export interface NativeMask {
  /** Replaces the function at `owner[key]`. False when there is none or it cannot be replaced. */
  wrapFunction(owner: object, key: string, trap: ApplyTrap): boolean;
  /** Replaces the constructor at `owner[key]` and repoints `prototype.constructor`. */
  wrapConstructor(owner: object, key: string, trap: ConstructTrap): boolean;
  /** Puts every original back. Proxies the page still holds then pass straight through. */
  restore(): void;
}

/**
 * Creates the mask and patches `win.Function.prototype.toString` right away.
 * @param n Natives captured at install time.
 */
export function createNativeMask(n: Natives): NativeMask {
  const ProxyCtor = Proxy;
  const originals = n.weakMap<object, Function>();
  const restores: Array<() => void> = [];
  let active = true;

  function mask<T extends Function>(target: T, handler: ProxyHandler<T>): T {
    const proxy = new ProxyCtor(target, handler);
    originals.set(proxy, target);
    return proxy;
  }

  /** Swaps the value of an existing data property, keeping its attributes and its position. */
  function replace(owner: object, key: string, value: unknown): boolean {
    const before = n.getOwnPropertyDescriptor(owner, key);
    if (!before || typeof before.value !== 'function') return false;
    try {
      const desc = n.bare<PropertyDescriptor>();
      desc.value = value;
      n.defineProperty(owner, key, desc);
    } catch {
      return false;
    }
    restores[restores.length] = () => {
      const back = n.bare<PropertyDescriptor>();
      back.value = before.value;
      n.defineProperty(owner, key, back);
    };
    return true;
  }

  function wrapFunction(owner: object, key: string, trap: ApplyTrap): boolean {
    const target = n.getOwnPropertyDescriptor(owner, key)?.value as Function | undefined;
    if (typeof target !== 'function') return false;
    // A prototype-less handler: a page that defines `Object.prototype.get` must not add traps.
    const handler = n.bare<ProxyHandler<Function>>();
    handler.apply = (fn, thisArg, args) => (active ? trap(fn, thisArg, args) : n.apply(fn, thisArg, args));
    return replace(owner, key, mask(target, handler));
  }

  function wrapConstructor(owner: object, key: string, trap: ConstructTrap): boolean {
    const target = n.getOwnPropertyDescriptor(owner, key)?.value as Function | undefined;
    if (typeof target !== 'function') return false;
    const handler = n.bare<ProxyHandler<Function>>();
    handler.construct = (fn, args, newTarget) =>
      active ? trap(fn, args, newTarget) : n.construct(fn, args, newTarget);
    const proxy = mask(target, handler);
    if (!replace(owner, key, proxy)) return false;
    const proto = target.prototype as object | undefined;
    if (proto && n.getOwnPropertyDescriptor(proto, 'constructor')?.value === target) {
      replace(proto, 'constructor', proxy);
    }
    return true;
  }

  // Function.prototype.toString answers for the original of any masked proxy, itself included,
  // so `Function.prototype.toString.toString()` is `function toString() { [native code] }`.
  const fnProto = n.win.Function.prototype;
  const nativeToString = n.getOwnPropertyDescriptor(fnProto, 'toString')?.value as Function;
  const toStringHandler = n.bare<ProxyHandler<Function>>();
  toStringHandler.apply = (fn, thisArg, args) => {
    const original = typeof thisArg === 'function' ? originals.get(thisArg) : undefined;
    return n.apply(fn, original ?? thisArg, args);
  };
  replace(fnProto, 'toString', mask(nativeToString, toStringHandler));

  return {
    wrapFunction,
    wrapConstructor,
    restore() {
      active = false;
      for (let i = restores.length - 1; i >= 0; i--) {
        try {
          restores[i]();
        } catch {
          // A page may have made the property non-configurable since; nothing else to do.
        }
      }
      restores.length = 0;
    },
  };
}
