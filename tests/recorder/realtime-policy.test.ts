/**
 * The recorder's half of "real-time off": tab-scoped declarativeNetRequest session rules (with a
 * fake `chrome.declarativeNetRequest`, since WXT's fake browser has none), the persisted policy
 * and the user actions a switch records.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { applyNetworkBlock } from '../../recorder/network-block';
import {
  describeSwitches,
  enforceRealtimePolicy,
  forgetRealtimePolicy,
  loadRealtimePolicy,
} from '../../recorder/realtime-policy';

type Rule = chrome.declarativeNetRequest.Rule;

function fakeDnr() {
  let rules: Rule[] = [];
  return {
    rules: () => rules,
    api: {
      getSessionRules: async () => rules.map((r) => ({ ...r })),
      updateSessionRules: async ({
        removeRuleIds = [],
        addRules = [],
      }: chrome.declarativeNetRequest.UpdateRuleOptions) => {
        rules = [...rules.filter((r) => !removeRuleIds.includes(r.id)), ...addRules];
      },
    },
  };
}

describe('network block', () => {
  let dnr: ReturnType<typeof fakeDnr>;
  beforeEach(() => {
    dnr = fakeDnr();
    vi.stubGlobal('chrome', { declarativeNetRequest: dnr.api });
  });
  afterEach(() => vi.unstubAllGlobals());

  it('blocks WebSockets tab-wide and each switched-off channel by URL, scoped to the tab', async () => {
    await applyNetworkBlock(7, { allOff: true, blocked: ['a.test/sse/'] });
    await applyNetworkBlock(8, { allOff: true, blocked: [] });
    const tab7 = dnr.rules().filter((r) => r.condition.tabIds?.[0] === 7);
    expect(tab7.map((r) => r.condition)).toEqual([
      { tabIds: [7], resourceTypes: ['websocket'] },
      { tabIds: [7], urlFilter: 'a.test/sse/', resourceTypes: ['websocket', 'xmlhttprequest'] },
    ]);
    expect(new Set(dnr.rules().map((r) => r.id)).size).toBe(3);
  });

  it("replaces only the tab's own rules, and removes them when all is on", async () => {
    await applyNetworkBlock(7, { allOff: true, blocked: [] });
    await applyNetworkBlock(8, { allOff: true, blocked: [] });
    await applyNetworkBlock(7, { allOff: false, blocked: [] });
    expect(dnr.rules().map((r) => r.condition.tabIds)).toEqual([[8]]);
  });

  it('persists the policy for reloads and worker restarts, and forgets it with the tab', async () => {
    fakeBrowser.reset();
    const setBadgeText = vi.fn(async () => undefined);
    // WXT's fake browser has no `action`; the badge is best effort, so stub the calls it makes.
    Object.assign(fakeBrowser, {
      action: {
        setBadgeText,
        setBadgeBackgroundColor: vi.fn(async () => undefined),
        setTitle: vi.fn(async () => undefined),
      },
    });
    await enforceRealtimePolicy(5, { allOff: true, blocked: [] });
    expect(await loadRealtimePolicy(5)).toEqual({ allOff: true, blocked: [] });
    expect(setBadgeText).toHaveBeenLastCalledWith({ tabId: 5, text: 'OFF' });
    await forgetRealtimePolicy(5);
    expect(await loadRealtimePolicy(5)).toBeUndefined();
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
