/**
 * The devtools page's feed to the recorder on browsers without `chrome.debugger` (Firefox):
 * every finished request's HAR entry (`devtools.network.onRequestFinished`), batched, over the
 * `handshake-devtools` port. The recorder reads the entries with `core/har` and records them as
 * `source: 'har'` events. Only wiring-free logic here; the browser APIs come in through seams
 * so tests can drive it with fakes (WXT's fake browser has no `devtools`).
 */
import { DEVTOOLS_LIMITS, type DevtoolsToRecorder } from '../core/protocol';

/** The part of a runtime port the feed uses. */
export interface FeedPort {
  postMessage(message: DevtoolsToRecorder): void;
  onDisconnect: { addListener(callback: () => void): void };
}

export interface NetworkFeedDeps {
  /** The inspected tab. */
  tabId: number;
  /** Subscribes to finished requests' HAR entries; returns the unsubscribe. */
  onRequestFinished(listener: (entry: unknown) => void): () => void;
  /** Opens a port to the recorder (again, after the background restarted). */
  connect(): FeedPort;
}

/** Entries are sent at most this often (ms), in one message. */
export const FEED_FLUSH_MS = 100;

/**
 * Starts feeding; returns the stop function (flushes what is pending).
 * @param deps The inspected tab and the seams to the browser.
 */
export function startNetworkFeed(deps: NetworkFeedDeps): () => void {
  let port: FeedPort | undefined;
  let pending: unknown[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;

  const open = (): FeedPort => {
    const p = deps.connect();
    p.onDisconnect.addListener(() => {
      if (port === p) port = undefined;
    });
    return (port = p);
  };

  const send = (entries: unknown[]): void => {
    const message: DevtoolsToRecorder = { type: 'har-entries', tabId: deps.tabId, entries };
    try {
      (port ?? open()).postMessage(message);
    } catch {
      // The background went away between two batches (MV2 event page unloaded, update): reopen once.
      port = undefined;
      try {
        open().postMessage(message);
      } catch (err) {
        // No recorder to take them (the extension is reloading): say so rather than lose them quietly.
        console.warn(
          `Handshake: ${entries.length} DevTools network entries could not reach the recorder`,
          err,
        );
      }
    }
  };

  const flush = (): void => {
    clearTimeout(timer);
    timer = undefined;
    while (pending.length > 0) send(pending.splice(0, DEVTOOLS_LIMITS.maxEntries));
  };

  const unsubscribe = deps.onRequestFinished((entry) => {
    const plain = toPlainEntry(entry);
    if (plain === undefined) return;
    pending.push(plain);
    if (pending.length >= DEVTOOLS_LIMITS.maxEntries) flush();
    else timer ??= setTimeout(flush, FEED_FLUSH_MS);
  });

  return () => {
    unsubscribe();
    flush();
    pending = [];
  };
}

/**
 * The entry as plain data. Firefox's entry carries a `getContent` method, which a port cannot
 * carry (structured clone refuses functions); the JSON round trip keeps exactly the HAR fields.
 */
export function toPlainEntry(entry: unknown): object | undefined {
  try {
    const plain: unknown = JSON.parse(JSON.stringify(entry));
    return typeof plain === 'object' && plain !== null && !Array.isArray(plain) ? plain : undefined;
  } catch {
    return undefined;
  }
}
