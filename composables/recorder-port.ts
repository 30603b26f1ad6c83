/**
 * The panel's transport to the recorder (background service worker): one runtime port named
 * PANEL_PORT that reconnects with backoff. The MV3 service worker can be stopped at any moment
 * (https://developer.chrome.com/docs/extensions/develop/concepts/service-workers/lifecycle);
 * its ports then disconnect, and `runtime.connect` wakes it up again.
 *
 * The store sees only the `RecorderLink` seam, so tests drive it with a fake link.
 */
import { browser } from 'wxt/browser';
import { PANEL_PORT, type PanelToRecorder, type RecorderToPanel } from '~/core/protocol';
import { isRecorderToPanel } from '~/core/guards';

/** `connecting` before the first port, `reconnecting` while waiting to retry, `closed` after close(). */
export type LinkState = 'connecting' | 'open' | 'reconnecting' | 'closed';

/** The seam between the recording store and whatever carries its messages. */
export interface RecorderLink {
  /** Sends when the link is open; dropped otherwise (the UI disables its actions then). */
  send(message: PanelToRecorder): void;
  /** Listens to guarded recorder messages. Returns the unsubscribe function. */
  onMessage(listener: (message: RecorderToPanel) => void): () => void;
  /** Called at once with the current state, then on every change. Returns the unsubscribe. */
  onState(listener: (state: LinkState) => void): () => void;
  close(): void;
}

/** The part of `runtime.Port` the link uses, so tests can hand in a fake port. */
export interface PortLike {
  postMessage(message: unknown): void;
  disconnect(): void;
  onMessage: { addListener(listener: (message: unknown) => void): void };
  onDisconnect: { addListener(listener: () => void): void };
}

export interface RecorderPortOptions {
  connect?: () => PortLike;
  /** Delays between retries; the last one repeats. */
  backoffMs?: readonly number[];
  setTimer?: (callback: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

const DEFAULT_BACKOFF_MS = [100, 250, 500, 1000, 2000, 5000] as const;

/**
 * Opens the panel's port to the recorder and keeps it open. The caller subscribes (sends
 * `{type: 'subscribe'}`) whenever the state becomes `open`, which also re-subscribes after a
 * reconnect.
 */
export function connectRecorderPort(options: RecorderPortOptions = {}): RecorderLink {
  const connect = options.connect ?? (() => browser.runtime.connect({ name: PANEL_PORT }));
  const backoff = options.backoffMs ?? DEFAULT_BACKOFF_MS;
  const setTimer = options.setTimer ?? ((cb, ms) => setTimeout(cb, ms));
  const clearTimer =
    options.clearTimer ?? ((handle) => clearTimeout(handle as ReturnType<typeof setTimeout>));

  const messageListeners = new Set<(message: RecorderToPanel) => void>();
  const stateListeners = new Set<(state: LinkState) => void>();
  let state: LinkState = 'connecting';
  let port: PortLike | null = null;
  let attempt = 0;
  let timer: unknown = null;

  function setState(next: LinkState): void {
    if (next === state) return;
    state = next;
    for (const listener of [...stateListeners]) listener(next);
  }

  function scheduleRetry(): void {
    port = null;
    if (state === 'closed') return;
    setState('reconnecting');
    const delay = backoff[Math.min(attempt, backoff.length - 1)];
    attempt += 1;
    timer = setTimer(() => {
      timer = null;
      open();
    }, delay);
  }

  function open(): void {
    if (state === 'closed') return;
    let next: PortLike;
    try {
      next = connect();
    } catch {
      // Throws "Extension context invalidated" after the extension reloads; keep retrying
      // slowly so the panel recovers if the context comes back (it does not in Chrome today).
      scheduleRetry();
      return;
    }
    port = next;
    next.onDisconnect.addListener(() => {
      if (port !== next) return;
      scheduleRetry();
    });
    next.onMessage.addListener((message) => {
      if (port !== next) return;
      if (!isRecorderToPanel(message)) return;
      attempt = 0; // the worker answered: the next outage starts from the shortest delay
      for (const listener of [...messageListeners]) listener(message);
    });
    setState('open');
  }

  open();

  return {
    send(message) {
      if (state !== 'open' || !port) return;
      try {
        port.postMessage(message);
      } catch {
        // "Attempting to use a disconnected port object": the worker died between our
        // last message and this one, and onDisconnect has not fired yet.
        scheduleRetry();
      }
    },
    onMessage(listener) {
      messageListeners.add(listener);
      return () => messageListeners.delete(listener);
    },
    onState(listener) {
      stateListeners.add(listener);
      listener(state);
      return () => stateListeners.delete(listener);
    },
    close() {
      if (timer !== null) clearTimer(timer);
      timer = null;
      const current = port;
      port = null;
      setState('closed');
      current?.disconnect();
    },
  };
}
