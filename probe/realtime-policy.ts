/**
 * The probe's half of "real-time off": it holds the tab's real-time policy, as last pushed by
 * the bridge, refuses new WebSocket / EventSource channels that the policy switches off, and
 * closes the live ones when the policy changes. The recorder's declarativeNetRequest rule does
 * the same at the network level; the probe is what makes the page see a clean close with a
 * reason, and what counts the refusals of a reconnect loop (each one a `channel.refused`).
 *
 * The policy arrives only as the bridge's `policy` window message. The page can forge that
 * message too, but it can only switch its own channels off or on in its own window, which it
 * could always do without us: the network rule and the recorded policy come from the panel.
 */
import { isBridgePolicy, parseRealtimePolicy } from '../core/guards';
import { REALTIME_CLOSE, type RealtimePolicy } from '../core/protocol';
import type { Natives } from './natives';

/** A live channel the gate may have to close. */
export interface LiveChannel {
  readonly url: string;
  /** Closes the channel with Handshake's code and reason (page-visible, like an outage). */
  close(code: number, reason: string): void;
  /** True once the channel is closed (it is then forgotten). */
  isClosed(): boolean;
}

export interface RealtimeGate {
  /** True when a new channel to `url` must be refused under the current policy. */
  refuses(url: string): boolean;
  /** Remembers a live channel so that a later policy can close it. */
  track(channel: LiveChannel): void;
  /** Stops listening for policies (tests; the page never calls it). */
  dispose(): void;
}

/**
 * Creates the gate and starts listening for the bridge's `policy` command on `n.win`.
 * @param n Natives captured at install time.
 */
export function createRealtimeGate(n: Natives): RealtimeGate {
  const messageSource = n.getter(n.win.MessageEvent?.prototype, 'source');
  const messageData = n.getter(n.win.MessageEvent?.prototype, 'data');
  let policy: RealtimePolicy = { allOff: false, blocked: [] };
  // A plain array filled by index: the page may have replaced Array.prototype.push by now.
  let live: LiveChannel[] = [];

  function matches(url: string): boolean {
    if (policy.allOff) return true;
    const blocked = policy.blocked;
    for (let i = 0; i < blocked.length; i++) if (n.indexOf(url, blocked[i]) >= 0) return true;
    return false;
  }

  function enforce(): void {
    const keep: LiveChannel[] = [];
    for (let i = 0; i < live.length; i++) {
      const channel = live[i];
      try {
        if (channel.isClosed()) continue;
        if (matches(channel.url)) {
          channel.close(REALTIME_CLOSE.code, REALTIME_CLOSE.reason);
          continue;
        }
      } catch {
        // A channel that cannot be read or closed is left to the page.
      }
      keep[keep.length] = channel;
    }
    live = keep;
  }

  function onMessage(event: Event): void {
    try {
      if (messageSource(event) !== n.win) return;
      const data = messageData(event);
      if (!isBridgePolicy(data)) return;
      // Parsed once more into a fresh object: the message is the page's to mutate afterwards.
      const next = parseRealtimePolicy(data.policy);
      if (!next) return;
      policy = next;
      enforce();
    } catch {
      // A hostile message must not surface in the page.
    }
  }

  n.listen(n.win, 'message', onMessage);

  return {
    refuses(url) {
      try {
        return matches(url);
      } catch {
        return false;
      }
    },
    track(channel) {
      live[live.length] = channel;
    },
    dispose() {
      n.unlisten(n.win, 'message', onMessage);
      live = [];
    },
  };
}
