/**
 * Each tab's real-time policy in the background: kept in `storage.session` (it must survive the
 * service worker being stopped, and reloads and navigations in the tab, until the user turns it
 * off), enforced at the network by `network-block.ts` where the build has declarativeNetRequest
 * (Firefox; Chrome's build has none, issue 15), and shown on the toolbar badge. The probe's half,
 * all of it in Chrome, is pushed down by `TabRecording` through the bridge.
 */
import { browser } from 'wxt/browser';
import type { RealtimePolicy } from '../core/protocol';
import { applyNetworkBlock } from './network-block';

export const REALTIME_ON: RealtimePolicy = { allOff: false, blocked: [] };

const key = (tabId: number) => `realtime:${tabId}`;

/** True when the policy switches anything off. */
export function isRestricted(policy: RealtimePolicy | undefined): boolean {
  return policy !== undefined && (policy.allOff || policy.blocked.length > 0);
}

/** The tab's saved policy, or undefined when real-time was never switched in it. */
export async function loadRealtimePolicy(tabId: number): Promise<RealtimePolicy | undefined> {
  const got = await browser.storage.session.get(key(tabId));
  return got[key(tabId)] as RealtimePolicy | undefined;
}

/**
 * The browser refused the tab's new network rules. The stored policy, the rules and the badge
 * are back to what they were before the switch; `reason` is the browser's own words.
 */
export class RealtimeRuleError extends Error {
  /** The recorder's error code for the panel (`core/protocol.ts` RecorderErrorCode). */
  readonly code = 'realtimeFailed';
  constructor(readonly reason: string) {
    super(`Could not switch real-time channels, the previous setting is kept: ${reason}`);
    this.name = 'RealtimeRuleError';
  }
}

async function storePolicy(tabId: number, policy: RealtimePolicy | undefined): Promise<void> {
  if (isRestricted(policy)) await browser.storage.session.set({ [key(tabId)]: policy });
  else await browser.storage.session.remove(key(tabId));
}

/**
 * Saves the policy, replaces the tab's network rules, and updates the badge. When the browser
 * refuses the rules, the previous policy is stored and enforced again (so storage and the rules
 * never disagree) and a `RealtimeRuleError` is thrown for the panel to show.
 * @param tabId The tab it applies to.
 * @param policy What the user switched off.
 */
export async function enforceRealtimePolicy(tabId: number, policy: RealtimePolicy): Promise<void> {
  const previous = await loadRealtimePolicy(tabId);
  await storePolicy(tabId, policy);
  try {
    await applyNetworkBlock(tabId, policy);
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    // Best effort: a refused update changes no rule, and storage is the source of truth.
    await storePolicy(tabId, previous).catch(() => undefined);
    await applyNetworkBlock(tabId, previous ?? REALTIME_ON).catch(() => undefined);
    await showBadge(tabId, previous);
    throw new RealtimeRuleError(reason);
  }
  await showBadge(tabId, policy);
}

/**
 * The toolbar badge: `OFF` while every channel is off, the number of channels switched off
 * otherwise. Re-applied for every new document in the tab, in case the browser reset it.
 */
export async function showBadge(tabId: number, policy: RealtimePolicy | undefined): Promise<void> {
  const text = !isRestricted(policy) ? '' : policy!.allOff ? 'OFF' : String(policy!.blocked.length);
  // MV3 has `action`; the Firefox build is MV2, where the same button is `browserAction`.
  const action = browser.action ?? browser.browserAction;
  try {
    await action.setBadgeText({ tabId, text });
    if (text) await action.setBadgeBackgroundColor({ tabId, color: '#b3261e' });
    await action.setTitle({
      tabId,
      title: text ? 'Handshake: real-time is switched off in this tab' : 'Handshake',
    });
  } catch {
    // The tab is gone, or this browser has no `action`: nothing to show it on.
  }
}

/** The tab was closed: forget its policy and drop its rules. */
export async function forgetRealtimePolicy(tabId: number): Promise<void> {
  await browser.storage.session.remove(key(tabId));
  await applyNetworkBlock(tabId, REALTIME_ON);
}

/** The user actions a policy change records: one per switch that changed. */
export function describeSwitches(before: RealtimePolicy, after: RealtimePolicy): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  if (before.allOff !== after.allOff)
    out.push(
      after.allOff
        ? ['realtime off', 'all WebSocket and EventSource channels']
        : ['realtime on', 'all channels'],
    );
  for (const p of after.blocked) if (!before.blocked.includes(p)) out.push(['channel off', p]);
  for (const p of before.blocked) if (!after.blocked.includes(p)) out.push(['channel on', p]);
  return out;
}
