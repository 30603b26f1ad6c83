/**
 * The one module that touches `declarativeNetRequest`: the network half of "real-time off".
 * Each tab's policy becomes session rules scoped to that tab (`condition.tabIds`), so other tabs
 * are never affected, the rules survive the service worker being stopped, and they go away when
 * the browser closes.
 *
 * Only Firefox's build holds the permission (issue 15). While a Chromium extension holds
 * declarativeNetRequest, every request of every page goes through the browser's web-request
 * proxy, rules or not; granting it at run time (optional permission) does not start that proxy,
 * and the rules then never apply (Chromium 156: `updateSessionRules` does not answer). Without
 * the API every call here does nothing, and the probe alone enforces the switch.
 *
 * What the rules can and cannot do (seen in Chromium 156):
 * - `resourceTypes: ['websocket']` blocks the opening handshake of new sockets: the page sees
 *   `error` then `close` 1006, CDP reports `webSocketCreated` and `webSocketClosed`. It does not
 *   touch sockets that are already open: the probe closes those.
 * - An EventSource request is `xmlhttprequest` to declarativeNetRequest, like the app's fetch and
 *   XHR. A channel switched off by URL must never block those (a channel at `/` would block every
 *   request to its host), so its `xmlhttprequest` rule also requires the answer to be an event
 *   stream (`condition.responseHeaders`, `content-type: text/event-stream`, Chrome 128+): the
 *   request reaches the server, the stream is refused when its headers arrive. Browsers without
 *   that condition (Chrome 121–127 ignored it and applied the rest of the rule, Firefox) get the
 *   WebSocket rule only, and EventSource is left to the probe.
 * - "Everything off" blocks WebSockets tab-wide and leaves EventSource to the probe.
 */
import type { RealtimePolicy } from '../core/protocol';

type Rule = chrome.declarativeNetRequest.Rule;
type ResourceType = chrome.declarativeNetRequest.ResourceType;

/** `RuleCondition.responseHeaders` (Chrome 128+), not yet in @types/chrome. */
interface ResponseHeaderCondition {
  responseHeaders?: Array<{ header: string; values?: string[] }>;
}

/** The answer of an EventSource (and of nothing the app fetches as data). */
const EVENT_STREAM = [{ header: 'content-type', values: ['text/event-stream', 'text/event-stream;*'] }];

/** First Chrome whose declarativeNetRequest honours `condition.responseHeaders`. */
const RESPONSE_HEADERS_SINCE = 128;

/**
 * The browser's declarativeNetRequest with promise-returning calls: in Firefox its own `browser.*`
 * (Firefox's `chrome.*` takes callbacks only, so an awaited `chrome.declarativeNetRequest.getSessionRules()`
 * is `undefined` there), else Chrome's `chrome.*` (promises in MV3).
 */
function dnrApi(
  userAgent = globalThis.navigator?.userAgent ?? '',
): typeof chrome.declarativeNetRequest | undefined {
  type WithDnr = { browser?: { declarativeNetRequest?: typeof chrome.declarativeNetRequest } };
  if (/Firefox\//.test(userAgent)) return (globalThis as WithDnr).browser?.declarativeNetRequest;
  return globalThis.chrome?.declarativeNetRequest;
}

/** True when this browser has declarativeNetRequest (Firefox MV2 builds may not). */
export function networkBlockAvailable(): boolean {
  return dnrApi()?.updateSessionRules !== undefined;
}

/**
 * True when a rule may match on the response's headers. Decided from the browser's version, not
 * by trying: Chrome 121–127 accepted the condition and ignored it, so the rule would have blocked
 * every fetch/XHR to the channel's URL.
 * @param userAgent The browser's user agent string (Chromium names its version as `Chrome/<n>`).
 */
export function responseHeaderRulesSupported(userAgent = globalThis.navigator?.userAgent ?? ''): boolean {
  if (/Firefox\//.test(userAgent)) return false;
  const version = /Chrom(?:e|ium)\/(\d+)/.exec(userAgent);
  return version !== null && Number(version[1]) >= RESPONSE_HEADERS_SINCE;
}

/** Rule updates are read-modify-write over one shared rule set: run them one at a time. */
let queue: Promise<unknown> = Promise.resolve();

/**
 * Replaces the tab's session rules with the ones its policy needs (none when all is on).
 * Rejects with the browser's error when it refuses the update (the tab's rules are then as before).
 * @param tabId The tab the rules are scoped to.
 * @param policy The tab's real-time policy.
 */
export function applyNetworkBlock(tabId: number, policy: RealtimePolicy): Promise<void> {
  const run = queue.then(() => replaceRules(tabId, policy));
  queue = run.catch(() => undefined);
  return run;
}

/** The conditions that block one channel switched off by its URL pattern (WebSocket, event stream). */
export function channelConditions(
  tabId: number,
  pattern: string,
  eventStreams = responseHeaderRulesSupported(),
): Array<chrome.declarativeNetRequest.RuleCondition & ResponseHeaderCondition> {
  const conditions: Array<chrome.declarativeNetRequest.RuleCondition & ResponseHeaderCondition> = [
    { tabIds: [tabId], urlFilter: pattern, resourceTypes: ['websocket'] as ResourceType[] },
  ];
  if (eventStreams)
    conditions.push({
      tabIds: [tabId],
      urlFilter: pattern,
      resourceTypes: ['xmlhttprequest'] as ResourceType[],
      responseHeaders: EVENT_STREAM,
    });
  return conditions;
}

async function replaceRules(tabId: number, policy: RealtimePolicy): Promise<void> {
  const dnr = dnrApi();
  if (dnr?.updateSessionRules === undefined) return;
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
      condition: { tabIds: [tabId], resourceTypes: ['websocket'] as ResourceType[] },
    });
  }
  for (const pattern of policy.blocked)
    for (const condition of channelConditions(tabId, pattern))
      addRules.push({ id: nextId++, priority: 1, action: block, condition });
  await dnr.updateSessionRules({ removeRuleIds: mine.map((r) => r.id), addRules });
}
