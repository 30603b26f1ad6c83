// @vitest-environment happy-dom
/**
 * Refresh recognition per site: marks and patterns live in extension storage (WXT's fake
 * browser here), keyed by the inspected site, and hold for the same call after a reload.
 */
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { nextTick } from 'vue';
import type { RecordedEvent } from '~/core/events';
import type { HttpRequest } from '~/core/model';
import { useRecordingStore } from '~/stores/recording';
import { useTogglesStore } from '~/stores/toggles';

const pageLoad = (seq: number, url: string): RecordedEvent =>
  ({ kind: 'page.load', url, seq, time: 1000 + seq, source: 'page' }) as RecordedEvent;

const request = (id: string, url: string): HttpRequest => ({
  id,
  source: 'cdp',
  url,
  method: 'POST',
  resourceType: 'xhr',
  startTime: 0,
  firstSeq: 1,
  requestHeaders: {},
  state: 'done',
});

async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await nextTick();
  await new Promise((r) => setTimeout(r, 0));
}

async function storesOn(url: string) {
  setActivePinia(createPinia());
  const recording = useRecordingStore();
  recording.recording.apply([pageLoad(1, url)]);
  recording.flush();
  const toggles = useTogglesStore();
  await settle();
  return { recording, toggles };
}

describe('toggles store: refresh recognition per site', () => {
  beforeEach(() => fakeBrowser.reset());

  it('remembers a mark for the site, for the same call after a reload', async () => {
    const { toggles } = await storesOn('http://app.test/dashboard');
    expect(toggles.site).toBe('http://app.test');
    const renew = request('r1', 'http://api.test/session/renew');
    expect(toggles.isRefresh(renew)).toBe(false);
    await toggles.markRefresh(renew, true);
    expect(toggles.isRefresh(renew)).toBe(true);

    const again = await storesOn('http://app.test/');
    expect(again.toggles.isRefresh(request('r77', 'http://api.test/session/renew'))).toBe(true);
    const other = await storesOn('http://other.test/');
    expect(other.toggles.isRefresh(request('r78', 'http://api.test/session/renew'))).toBe(false);
  });

  it('saves edited patterns per site and resets them to the defaults', async () => {
    const { toggles } = await storesOn('http://app.test/');
    await toggles.setRefreshPatterns(' /renew \n\n/renew');
    expect(toggles.refreshSettings.patterns).toEqual(['/renew']);
    expect(toggles.isRefresh(request('r1', 'http://api.test/api/auth/token/refresh/'))).toBe(false);
    const again = await storesOn('http://app.test/');
    expect(again.toggles.refreshSettings.patterns).toEqual(['/renew']);
    await again.toggles.resetRefreshPatterns();
    expect(again.toggles.isRefresh(request('r1', 'http://api.test/api/auth/token/refresh/'))).toBe(true);
  });
});

describe('toggles store: replay confirmations', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    localStorage.clear();
  });

  const stored = async () =>
    (await fakeBrowser.storage.local.get('replay:confirmed-pairs'))['replay:confirmed-pairs'];

  it('keeps "don\'t ask again" per (request origin, page origin) in extension storage, across panels', async () => {
    const first = await storesOn('http://app.test/');
    const refresh = 'http://api.test/token/refresh/';
    expect(first.toggles.replayConfirmed(refresh, 'http://app.test')).toBe(false);
    first.toggles.rememberConfirmation(refresh, 'http://app.test');
    expect(first.toggles.replayConfirmed('http://api.test/other', 'http://app.test')).toBe(true);
    // The same API from another page is another confirmation: that page's cookies go out.
    expect(first.toggles.replayConfirmed(refresh, 'http://evil.test')).toBe(false);
    expect(first.toggles.replayConfirmed(refresh, null)).toBe(false);
    await settle();
    expect(await stored()).toEqual([{ requestOrigin: 'http://api.test', pageOrigin: 'http://app.test' }]);

    const next = await storesOn('http://app.test/');
    expect(next.toggles.replayConfirmed(refresh, 'http://app.test')).toBe(true);
    expect(next.toggles.replayConfirmed(refresh, 'http://app.test:8080')).toBe(false);
    expect(next.toggles.replayConfirmed('http://elsewhere.test/', 'http://app.test')).toBe(false);
  });

  it('remembers the page the selected request is replayed from when no page is named', async () => {
    const { recording, toggles } = await storesOn('http://app.test/dashboard');
    recording.recording.apply([
      {
        kind: 'request.start',
        requestId: 'q1',
        url: 'http://api.test/token/refresh/',
        method: 'POST',
        resourceType: 'xhr',
        headers: {},
        seq: 2,
        time: 1002,
        source: 'cdp',
      } as unknown as RecordedEvent,
    ]);
    recording.flush();
    const id = [...recording.recording.requests.keys()][0];
    recording.select({ type: 'request', id });
    expect(toggles.pageOriginFor(recording.recording.requests.get(id)!)).toBe('http://app.test');
    toggles.rememberConfirmation('http://api.test/token/refresh/');
    expect(toggles.replayConfirmed('http://api.test/x', 'http://app.test')).toBe(true);
  });

  it('drops the lists of earlier versions, keyed by the request origin alone, instead of granting pairs', async () => {
    await fakeBrowser.storage.local.set({ 'replay:confirmed-origins': ['http://api.test'] });
    localStorage.setItem('handshake:replay-confirmed-sites', JSON.stringify(['http://old.test', 42]));
    const { toggles } = await storesOn('http://app.test/');
    expect(toggles.replayConfirmed('http://api.test/x', 'http://app.test')).toBe(false);
    expect(toggles.replayConfirmed('http://old.test/x', 'http://app.test')).toBe(false);
    expect(localStorage.getItem('handshake:replay-confirmed-sites')).toBeNull();
    expect(await fakeBrowser.storage.local.get('replay:confirmed-origins')).toEqual({});
    expect(await stored()).toBeUndefined();
  });
});
