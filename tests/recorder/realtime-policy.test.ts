/**
 * The recorder's half of "real-time off": tab-scoped declarativeNetRequest session rules (with a
 * fake `chrome.declarativeNetRequest`, since WXT's fake browser has none), the persisted policy
 * and the user actions a switch records.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import {
  applyNetworkBlock,
  channelConditions,
  responseHeaderRulesSupported,
} from '../../recorder/network-block';
import {
  describeSwitches,
  enforceRealtimePolicy,
  forgetRealtimePolicy,
  loadRealtimePolicy,
  RealtimeRuleError,
} from '../../recorder/realtime-policy';

type Rule = chrome.declarativeNetRequest.Rule;

const CHROME_156 =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36';

/** declarativeNetRequest at our seam: atomic updates, and a refusal on demand (as the browser's). */
function fakeDnr() {
  let rules: Rule[] = [];
  let refuse: string | undefined;
  return {
    rules: () => rules,
    refuseNext: (message: string) => (refuse = message),
    api: {
      getSessionRules: async () => rules.map((r) => ({ ...r })),
      updateSessionRules: async ({
        removeRuleIds = [],
        addRules = [],
      }: chrome.declarativeNetRequest.UpdateRuleOptions) => {
        if (refuse !== undefined) {
          const message = refuse;
          refuse = undefined;
          throw new Error(message);
        }
        rules = [...rules.filter((r) => !removeRuleIds.includes(r.id)), ...addRules];
      },
    },
  };
}

function stubBadge() {
  const setBadgeText = vi.fn(async () => undefined);
  // WXT's fake browser has no `action`; the badge is best effort, so stub the calls it makes.
  Object.assign(fakeBrowser, {
    action: {
      setBadgeText,
      setBadgeBackgroundColor: vi.fn(async () => undefined),
      setTitle: vi.fn(async () => undefined),
    },
  });
  return setBadgeText;
}

describe('network block', () => {
  let dnr: ReturnType<typeof fakeDnr>;
  beforeEach(() => {
    dnr = fakeDnr();
    vi.stubGlobal('chrome', { declarativeNetRequest: dnr.api });
    vi.stubGlobal('navigator', { userAgent: CHROME_156 });
  });
  afterEach(() => vi.unstubAllGlobals());

  it('blocks WebSockets tab-wide and each switched-off channel by URL, scoped to the tab', async () => {
    await applyNetworkBlock(7, { allOff: true, blocked: ['a.test/sse/'] });
    await applyNetworkBlock(8, { allOff: true, blocked: [] });
    const tab7 = dnr.rules().filter((r) => r.condition.tabIds?.[0] === 7);
    expect(tab7.map((r) => r.condition)).toEqual([
      { tabIds: [7], resourceTypes: ['websocket'] },
      { tabIds: [7], urlFilter: 'a.test/sse/', resourceTypes: ['websocket'] },
      {
        tabIds: [7],
        urlFilter: 'a.test/sse/',
        resourceTypes: ['xmlhttprequest'],
        responseHeaders: [{ header: 'content-type', values: ['text/event-stream', 'text/event-stream;*'] }],
      },
    ]);
    expect(new Set(dnr.rules().map((r) => r.id)).size).toBe(4);
  });

  it("a channel's rules can only match WebSocket handshakes and event streams, never the app's fetch/XHR", () => {
    for (const condition of channelConditions(7, 'api.test/', true)) {
      const types = condition.resourceTypes ?? [];
      if (types.includes('xmlhttprequest' as chrome.declarativeNetRequest.ResourceType))
        expect(condition.responseHeaders).toEqual([
          { header: 'content-type', values: ['text/event-stream', 'text/event-stream;*'] },
        ]);
      else expect(types).toEqual(['websocket']);
    }
    // Where the response-header condition cannot be trusted, EventSource is left to the probe.
    expect(channelConditions(7, 'api.test/', false)).toEqual([
      { tabIds: [7], urlFilter: 'api.test/', resourceTypes: ['websocket'] },
    ]);
  });

  it('trusts the response-header condition from Chrome 128 on, never in Firefox', () => {
    expect(responseHeaderRulesSupported(CHROME_156)).toBe(true);
    expect(responseHeaderRulesSupported(CHROME_156.replace('Chrome/156', 'HeadlessChrome/128'))).toBe(true);
    // Chrome 121–127 accepted the condition and ignored it: the rule would block every XHR.
    expect(responseHeaderRulesSupported(CHROME_156.replace('Chrome/156', 'Chrome/127'))).toBe(false);
    expect(
      responseHeaderRulesSupported('Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0'),
    ).toBe(false);
    expect(responseHeaderRulesSupported('')).toBe(false);
  });

  it("replaces only the tab's own rules, and removes them when all is on", async () => {
    await applyNetworkBlock(7, { allOff: true, blocked: [] });
    await applyNetworkBlock(8, { allOff: true, blocked: [] });
    await applyNetworkBlock(7, { allOff: false, blocked: [] });
    expect(dnr.rules().map((r) => r.condition.tabIds)).toEqual([[8]]);
  });

  it('persists the policy for reloads and worker restarts, and forgets it with the tab', async () => {
    fakeBrowser.reset();
    const setBadgeText = stubBadge();
    await enforceRealtimePolicy(5, { allOff: true, blocked: [] });
    expect(await loadRealtimePolicy(5)).toEqual({ allOff: true, blocked: [] });
    expect(setBadgeText).toHaveBeenLastCalledWith({ tabId: 5, text: 'OFF' });
    await forgetRealtimePolicy(5);
    expect(await loadRealtimePolicy(5)).toBeUndefined();
    expect(dnr.rules()).toEqual([]);
  });
});

describe('a refused rule update', () => {
  let dnr: ReturnType<typeof fakeDnr>;
  beforeEach(() => {
    fakeBrowser.reset();
    dnr = fakeDnr();
    vi.stubGlobal('chrome', { declarativeNetRequest: dnr.api });
    vi.stubGlobal('navigator', { userAgent: CHROME_156 });
  });
  afterEach(() => vi.unstubAllGlobals());

  it("rolls the stored policy, the rules and the badge back, and throws the browser's reason", async () => {
    const setBadgeText = stubBadge();
    const before = { allOff: false, blocked: ['a.test/ws/'] };
    await enforceRealtimePolicy(5, before);
    const conditions = () => dnr.rules().map((r) => r.condition);
    const rulesBefore = conditions();

    dnr.refuseNext('Rule count exceeded');
    const failed = enforceRealtimePolicy(5, { allOff: true, blocked: ['a.test/ws/', 'a.test/sse/'] });
    await expect(failed).rejects.toBeInstanceOf(RealtimeRuleError);
    await expect(failed).rejects.toMatchObject({ code: 'realtimeFailed', reason: 'Rule count exceeded' });
    await expect(failed).rejects.toThrow(/Rule count exceeded/);

    expect(await loadRealtimePolicy(5)).toEqual(before);
    expect(conditions()).toEqual(rulesBefore);
    expect(setBadgeText).toHaveBeenLastCalledWith({ tabId: 5, text: '1' });
  });

  it('leaves nothing stored when the first switch is refused', async () => {
    stubBadge();
    dnr.refuseNext('Internal error');
    await expect(enforceRealtimePolicy(6, { allOff: true, blocked: [] })).rejects.toThrow(/Internal error/);
    expect(await loadRealtimePolicy(6)).toBeUndefined();
    expect(dnr.rules()).toEqual([]);
  });
});

describe('switches as user actions', () => {
  it('records one action per switch that changed', () => {
    const on = { allOff: false, blocked: [] };
    expect(describeSwitches(on, { allOff: true, blocked: [] })).toEqual([
      ['realtime off', 'all WebSocket and EventSource channels'],
    ]);
    expect(describeSwitches({ allOff: true, blocked: ['x/'] }, { allOff: false, blocked: ['y/'] })).toEqual([
      ['realtime on', 'all channels'],
      ['channel off', 'y/'],
      ['channel on', 'x/'],
    ]);
    expect(describeSwitches(on, on)).toEqual([]);
  });
});
