/**
 * The recorder without `chrome.debugger` (Firefox): the status says "unavailable" from the
 * start, recording still works, and the devtools page's HAR entries become `source: 'har'`
 * events (only while recording), and real-time off reaches the probe even when the network
 * rule is refused. IndexedDB is replaced by memory; `chrome` is absent here, as in Firefox.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Browser } from 'wxt/browser';
import type { RecordedEvent } from '../../core/events';
import type { RecorderToPanel } from '../../core/protocol';
import { TabRecording } from '../../recorder/tab-recording';

vi.mock('../../recorder/event-store', () => ({
  appendEvents: async () => undefined,
  loadEvents: async () => [],
  deleteEvents: async () => undefined,
  loadTabState: async () => undefined,
  saveTabState: async () => undefined,
  deleteTabState: async () => undefined,
}));

function panelPort() {
  const received: RecorderToPanel[] = [];
  const port = {
    postMessage: (m: RecorderToPanel) => received.push(m),
    onDisconnect: { addListener: () => undefined },
  } as unknown as Browser.runtime.Port;
  const events = () =>
    received.flatMap((m): RecordedEvent[] => (m.type === 'events' || m.type === 'snapshot' ? m.events : []));
  return { port, received, events };
}

const entry = (url: string, status = 200) => ({
  startedDateTime: new Date().toISOString(),
  time: 3,
  request: { method: 'GET', url, headers: [] },
  response: { status, headers: [] },
});

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('TabRecording without chrome.debugger', () => {
  it('reports browser capture as unavailable before and during a recording', async () => {
    const rec = await TabRecording.restore(1, { reloadTab: async () => undefined });
    expect(rec.status().cdp).toBe('unavailable');
    await rec.start(false);
    expect(rec.status()).toMatchObject({ recording: true, cdp: 'unavailable' });
  });

  it('records DevTools network entries as har events while recording, and only then', async () => {
    const rec = await TabRecording.restore(2, { reloadTab: async () => undefined });
    const panel = panelPort();
    rec.addPanel(panel.port);
    rec.addHarEntries([entry('http://a.test/before')]);
    await rec.start(false);
    rec.addHarEntries([entry('http://a.test/during'), { request: {} }]);
    await vi.runAllTimersAsync();
    const events = panel.events();
    const starts = events.filter((e) => e.kind === 'request.start');
    expect(starts.map((e) => (e.kind === 'request.start' ? e.url : ''))).toEqual(['http://a.test/during']);
    expect(starts[0].source).toBe('har');
    const refused = events.find((e) => e.kind === 'capture.dropped');
    expect(refused).toMatchObject({ source: 'har', rejected: 1 });
    expect(events.find((e) => e.kind === 'capture.state')).toMatchObject({ cdp: 'unavailable' });
  });
});

describe('real-time off where declarativeNetRequest refuses the rule', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('keeps the previous setting everywhere, the probe too, and reports the network error', async () => {
    vi.stubGlobal('chrome', {
      declarativeNetRequest: {
        getSessionRules: async () => [],
        updateSessionRules: async () => {
          throw new Error('tabIds is not supported');
        },
      },
    });
    const rec = await TabRecording.restore(3, { reloadTab: async () => undefined });
    const sent: unknown[] = [];
    rec.setBridge({
      postMessage: (m: unknown) => sent.push(m),
      onDisconnect: { addListener: () => undefined },
    } as unknown as Browser.runtime.Port);
    const policy = { allOff: true, blocked: [] };
    await expect(rec.setRealtime(policy)).rejects.toThrow('tabIds is not supported');
    // The stored policy and the rules were put back (`enforceRealtimePolicy`): so is the probe's.
    expect(sent).not.toContainEqual(expect.objectContaining({ type: 'policy' }));
    expect(rec.status().realtime).toBeUndefined();
  });
});
