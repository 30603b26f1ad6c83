/**
 * The one module that touches `declarativeNetRequest`: the network half of "real-time off".
 * Each tab's policy becomes session rules scoped to that tab (`condition.tabIds`), so other tabs
 * are never affected, the rules survive the service worker being stopped, and they go away when
 * the browser closes.
 *
 * What the rules can and cannot do (seen in Chromium 156):
 * - `resourceTypes: ['websocket']` blocks the opening handshake of new sockets: the page sees
 *   `error` then `close` 1006, CDP reports `webSocketCreated` and `webSocketClosed`. It does not
 *   touch sockets that are already open: the probe closes those.
 * - An EventSource request is `xmlhttprequest` to declarativeNetRequest (checked in Chromium 156:
 *   a rule on `other` lets it through, one on `xmlhttprequest` blocks it). Blocking that type
 *   tab-wide would also block the app's fetch/XHR, so "everything off" blocks WebSockets here and
 *   leaves EventSource to the probe; a channel switched off by URL is blocked here for both
 *   types (the URL pattern leaves requests to other URLs untouched).
 */
import type { RealtimePolicy } from '../core/protocol';

type Rule = chrome.declarativeNetRequest.Rule;

/** Resource types blocked for a channel switched off by its URL. */
const CHANNEL_TYPES = ['websocket', 'xmlhttprequest'] as chrome.declarativeNetRequest.ResourceType[];

/** True when this browser has declarativeNetRequest (Firefox MV2 builds may not). */
export function networkBlockAvailable(): boolean {
  return typeof chrome !== 'undefined' && chrome.declarativeNetRequest?.updateSessionRules !== undefined;
}

/** Rule updates are read-modify-write over one shared rule set: run them one at a time. */
let queue: Promise<unknown> = Promise.resolve();

/**
 * Replaces the tab's session rules with the ones its policy needs (none when all is on).
 * @param tabId The tab the rules are scoped to.
 * @param policy The tab's real-time policy.
 */
export function applyNetworkBlock(tabId: number, policy: RealtimePolicy): Promise<void> {
  const run = queue.then(() => replaceRules(tabId, policy));
  queue = run.catch(() => undefined);
  return run;
}

async function replaceRules(tabId: number, policy: RealtimePolicy): Promise<void> {
  if (!networkBlockAvailable()) return;
  const dnr = chrome.declarativeNetRequest;
  const existing = await dnr.getSessionRules();
  const mine = existing.filter((r) => r.condition.tabIds?.length === 1 && r.condition.tabIds[0] === tabId);
  let nextId = existing.reduce((max, r) => Math.max(max, r.id), 0) + 1;
  const block = { type: 'block' } as chrome.declarativeNetRequest.RuleAction;
  const addRules: Rule[] = [];
  if (policy.allOff) {
    addRules.push({
      id: nextId++,
      priority: 1,
      action: block,
      condition: {
        tabIds: [tabId],
        resourceTypes: ['websocket'] as chrome.declarativeNetRequest.ResourceType[],
      },
    });
  }
  for (const pattern of policy.blocked) {
    addRules.push({
      id: nextId++,
      priority: 1,
      action: block,
      condition: { tabIds: [tabId], urlFilter: pattern, resourceTypes: CHANNEL_TYPES },
    });
  }
  await dnr.updateSessionRules({ removeRuleIds: mine.map((r) => r.id), addRules });
}
