/**
 * The probe: page-side capture in the MAIN world, installed at document_start. It imports
 * nothing from the extension (the page can read everything here); it reports `ProbeEvent`s to
 * the bridge over window messages (see `outbox.ts`) and stays invisible to the page's own
 * checks of the built-ins it wraps (see `native-mask.ts`).
 *
 * Cost on the hot path, per captured call: one object for the event, a header record, a
 * WeakMap lookup for XHR / sockets; no JSON.stringify, no postMessage per event (one per
 * batch of up to 500, and none at all until the bridge asks to record).
 */
import { createProbeContext } from './context';
import { captureErrors } from './errors';
import { captureEventSource } from './event-source';
import { captureFetch } from './fetch';
import { createNativeMask } from './native-mask';
import { captureNatives, type ProbeWindow } from './natives';
import { createOutbox, type OutboxOptions } from './outbox';
import { createBinaryReader } from './preview';
import { createRealtimeGate } from './realtime-policy';
import { captureWebSocket } from './websocket';
import { captureXhr } from './xhr';

export type { ProbeWindow } from './natives';

export interface ProbeHandle {
  /** True once the bridge said `record: on` (and until it says off). */
  readonly recording: boolean;
  /** Restores every wrapped built-in and stops listening. For tests; the page never calls it. */
  uninstall(): void;
}

/** Registry symbol so that two copies of the probe bundle in one window still find each other. */
const INSTALLED = Symbol.for('handshake.probe');
/**
 * Handles live here, not on the window: the flag's value is only `true`, so a page that finds
 * the flag cannot call `uninstall()`.
 */
const handles = new WeakMap<object, ProbeHandle>();
/** What a second copy of the bundle gets when another copy owns this window. */
const INERT: ProbeHandle = { recording: false, uninstall() {} };

/**
 * Installs the probe in `win` once; later calls return the first handle.
 * @param win The page's window.
 * @param options Outbox timing, for tests.
 */
export function installProbe(win: ProbeWindow, options?: OutboxOptions): ProbeHandle {
  if (Object.getOwnPropertyDescriptor(win, INSTALLED)) return handles.get(win) ?? INERT;

  // Natives first: everything after this line may run after page scripts have changed globals.
  const n = captureNatives(win);
  const outbox = createOutbox(n, options);
  const mask = createNativeMask(n);
  const ctx = createProbeContext(
    n,
    mask,
    createBinaryReader(n),
    outbox.push,
    () => outbox.browserCarriesPayloads,
  );

  ctx.emit({ kind: 'page.load', time: n.now(), url: win.location.href });
  captureFetch(ctx);
  captureXhr(ctx);
  // The real-time policy (switched off from the panel) is enforced on both kinds of channel.
  const gate = createRealtimeGate(n);
  captureWebSocket(ctx, gate);
  captureEventSource(ctx, gate);
  const stopErrors = captureErrors(ctx);

  const handle: ProbeHandle = {
    get recording() {
      return outbox.recording;
    },
    uninstall() {
      stopErrors();
      gate.dispose();
      outbox.dispose();
      mask.restore();
      handles.delete(win);
      try {
        delete (win as unknown as Record<symbol, unknown>)[INSTALLED];
      } catch {
        // Best effort.
      }
    },
  };
  handles.set(win, handle);
  const flag = n.bare<PropertyDescriptor>();
  flag.value = true;
  flag.configurable = true; // so uninstall() can remove it; non-enumerable, non-writable
  n.defineProperty(win, INSTALLED, flag);
  return handle;
}
