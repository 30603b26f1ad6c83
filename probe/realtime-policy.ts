/**
 * The probe's half of "real-time off": it holds the tab's real-time policy, as last pushed by
 * the bridge, refuses new WebSocket / EventSource channels that the policy switches off, and
 * closes the live ones when the policy changes. The recorder's declarativeNetRequest rule does
 * the same at the network level; the probe is what makes the page see a clean close with a
 * reason, and what counts the refusals of a reconnect loop (each one a `channel.refused`).
 *
 * The policy arrives only as the bridge's `policy` window message. The page can forge that
 * message too, but it can only switch its own channels off or on in its own window, which it
 * could always do without us: the recorded policy comes from the panel.
 *
 * In Chrome the probe is all there is (no declarativeNetRequest, issue 15), so a switch that is
 * off must hold from a new document's first script, before the bridge has reached the recorder:
 * the gate keeps the policy in the tab's `sessionStorage` (per tab and origin, survives reloads)
 * and starts from it. That copy is provisional: the recorder answers a new bridge with the
 * recording state, followed by the policy only while something is switched off, so a stored
 * policy not confirmed shortly after the recording state is dropped (switched on elsewhere).
 */
import { isBridgePolicy, isBridgeToProbe, parseRealtimePolicy } from '../core/guards';
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
  const saved = createPolicyStore(n);
  let policy: RealtimePolicy = saved.load() ?? { allOff: false, blocked: [] };
  /** The policy came from storage and the recorder has not confirmed it yet. */
  let provisional = policy.allOff || policy.blocked.length > 0;
  let confirmTimer: unknown;
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
      if (provisional && confirmTimer === undefined && isBridgeToProbe(data)) {
        // The recorder answered; its policy, if anything is off, follows this message at once.
        confirmTimer = n.setTimer(() => {
          if (!provisional) return;
          provisional = false;
          policy = { allOff: false, blocked: [] };
          saved.store(policy);
        }, CONFIRM_MS);
        return;
      }
      if (!isBridgePolicy(data)) return;
      // Parsed once more into a fresh object: the message is the page's to mutate afterwards.
      const next = parseRealtimePolicy(data.policy);
      if (!next) return;
      provisional = false;
      policy = next;
      saved.store(next);
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
      if (confirmTimer !== undefined) n.clearTimer(confirmTimer);
      live = [];
    },
  };
}

/** The tab's `sessionStorage` key that carries the policy across reloads (page-visible). */
export const POLICY_STORAGE_KEY = 'handshake:realtime';
/** How long a stored policy waits for the recorder's confirmation after the recording state. */
const CONFIRM_MS = 1000;

/**
 * The policy kept in the tab's `sessionStorage`, read and written with the functions captured now
 * (before the page's first script when the probe is registered). Storage can be missing or refuse
 * (opaque origins, sandboxed frames, storage switched off): then nothing is kept.
 */
function createPolicyStore(n: Natives): {
  load(): RealtimePolicy | undefined;
  store(policy: RealtimePolicy): void;
} {
  type StorageLike = { getItem: unknown; setItem: unknown; removeItem: unknown };
  let storage: StorageLike | undefined;
  let proto: StorageLike | undefined;
  const parse = JSON.parse;
  const stringify = JSON.stringify;
  try {
    storage = n.getter(n.win, 'sessionStorage')(n.win) as StorageLike | undefined;
    proto = n.win.Storage?.prototype as StorageLike | undefined;
  } catch {
    storage = undefined;
  }
  const call = (name: keyof StorageLike, args: unknown[]): unknown =>
    storage && proto ? n.apply(proto[name] as (...a: unknown[]) => unknown, storage, args) : undefined;
  return {
    load() {
      try {
        const text = call('getItem', [POLICY_STORAGE_KEY]);
        return typeof text === 'string' ? parseRealtimePolicy(parse(text)) : undefined;
      } catch {
        return undefined;
      }
    },
    store(policy) {
      try {
        if (policy.allOff || policy.blocked.length > 0)
          call('setItem', [
            POLICY_STORAGE_KEY,
            stringify({ allOff: policy.allOff, blocked: policy.blocked }),
          ]);
        else call('removeItem', [POLICY_STORAGE_KEY]);
      } catch {
        // Full or refused: the bridge still tells the next document, only later.
      }
    },
  };
}
