// @vitest-environment happy-dom
import { mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import PanelApp from '~/components/panel-app.vue';
import type { RecordedEvent } from '~/core/events';
import type { RecorderStatus } from '~/core/protocol';
import { useRecordingStore } from '~/stores/recording';
import { FakeRecorderLink, manualFrames } from '../stores/fixtures/fake-recorder-link';
import {
  refreshEvents,
  snapshotEvents,
  socketEvents,
  status,
  T0,
  TAB_ID,
  XSS,
} from '../stores/fixtures/seed-events';

/** Mounts the whole panel over a store fed by a fake link. */
async function mountPanel(snapshot?: { status: RecorderStatus; events: RecordedEvent[] }) {
  const link = new FakeRecorderLink();
  const frames = manualFrames();
  const store = useRecordingStore();
  store.attach(link, TAB_ID, { scheduleFrame: frames.schedule });
  if (snapshot) link.deliver({ type: 'snapshot', ...snapshot });
  frames.run();
  const wrapper = mount(PanelApp, { attachTo: document.body });
  return { wrapper, link, store, frames };
}

function button(wrapper: Awaited<ReturnType<typeof mountPanel>>['wrapper'], name: string) {
  return wrapper.get(`button[aria-label="${name}"]`);
}

describe('PanelApp', () => {
  beforeEach(() => {
    setActivePinia(createPinia());
    document.body.replaceChildren();
  });

  it('without a tab (the viewer), offers to open a file and hides the recorder controls', () => {
    const wrapper = mount(PanelApp);
    expect(wrapper.get('[data-testid="empty-state"]').text()).toContain('panel.html?tabId=');
    expect(wrapper.get('[data-testid="empty-state"]').text()).toContain('Drop a HAR file');
    expect(wrapper.find('button[aria-label="Record"]').exists()).toBe(false);
    expect(wrapper.get('button[title="Export as HAR (redacted)"]').attributes('disabled')).toBeDefined();
  });

  it('not recording: says how to start; Record and Record and reload send start', async () => {
    const { wrapper, link } = await mountPanel({ status: status(false, 'never'), events: [] });
    expect(wrapper.get('[data-testid="empty-state"]').text()).toBe(
      'Not recording. Press Record — or Record and reload to capture this page from its first request.',
    );
    expect(wrapper.get('[data-testid="recording-state"]').text()).toBe('Not recording');
    await button(wrapper, 'Record').trigger('click');
    await button(wrapper, 'Record and reload').trigger('click');
    expect(link.sent.slice(1)).toEqual([
      { type: 'start', tabId: TAB_ID, reload: false },
      { type: 'start', tabId: TAB_ID, reload: true },
    ]);
  });

  it('recording: waits for the first request, offers Stop and Clear', async () => {
    const { wrapper, link } = await mountPanel({ status: status(true), events: [] });
    expect(wrapper.get('[data-testid="empty-state"]').text()).toBe(
      "Recording… waiting for the page's first request.",
    );
    expect(wrapper.find('button[aria-label="Record"]').exists()).toBe(false);
    await button(wrapper, 'Stop').trigger('click');
    await button(wrapper, 'Clear').trigger('click');
    expect(link.sent.slice(1)).toEqual([
      { type: 'stop', tabId: TAB_ID },
      { type: 'clear', tabId: TAB_ID },
    ]);
  });

  it('shows the capture state and the dropped counter with its breakdown', async () => {
    const { wrapper, link } = await mountPanel({ status: status(true), events: snapshotEvents() });
    expect(wrapper.get('[data-testid="cdp-state"]').text()).toBe('Browser capture: attached');
    const dropped = wrapper.get('[data-testid="dropped-count"]');
    expect(dropped.text()).toBe('Dropped: 5');
    expect(dropped.attributes('title')).toBe(
      '2 malformed or oversized page messages refused, 3 events lost before recording began',
    );
    link.deliver({ type: 'status', status: { ...status(true, 'detached'), cdpReason: 'canceled_by_user' } });
    await wrapper.vm.$nextTick();
    expect(wrapper.get('[data-testid="cdp-state"]').text()).toBe(
      'Browser capture: the debugging bar was cancelled — capturing page events only. Press Stop, then Record, to attach again',
    );
    expect(wrapper.get('[data-testid="cdp-state"]').classes()).toContain('tone-error');
    // A deliberate Stop is not an error.
    link.deliver({
      type: 'status',
      status: { ...status(false, 'detached'), cdpReason: 'recording stopped' },
    });
    await wrapper.vm.$nextTick();
    expect(wrapper.get('[data-testid="cdp-state"]').text()).toBe('Browser capture: off (recording stopped)');
    expect(wrapper.get('[data-testid="cdp-state"]').classes()).not.toContain('tone-error');
  });

  it('updates the timeline and findings as batches arrive', async () => {
    const { wrapper, link, frames } = await mountPanel({ status: status(true), events: snapshotEvents() });
    expect(wrapper.findAll('[data-testid="timeline-row"]')).toHaveLength(4);
    link.deliver({ type: 'events', tabId: TAB_ID, events: refreshEvents() });
    frames.run();
    await wrapper.vm.$nextTick();
    expect(wrapper.findAll('[data-testid="timeline-row"]')).toHaveLength(5);
    expect(wrapper.find('[data-rule-id="cors/header-not-allowed"]').exists()).toBe(true);
  });

  it('an evidence link selects the item in the timeline and opens it in details', async () => {
    const { wrapper } = await mountPanel({
      status: status(true),
      events: [...snapshotEvents(), ...refreshEvents()],
    });
    await wrapper.get('[data-rule-id="cors/header-not-allowed"] button').trigger('click');
    await wrapper
      .get('[data-rule-id="cors/header-not-allowed"] [data-testid="evidence-link"]')
      .trigger('click');
    expect(wrapper.get('[data-testid="timeline-row"][data-id="r2"]').attributes('aria-selected')).toBe(
      'true',
    );
    const details = wrapper.get('[data-testid="details"]');
    expect(details.attributes('aria-label')).toBe('Details');
    expect(details.find('[data-testid="preflight-section"]').text()).toContain(
      'access-control-allow-headers',
    );
  });

  it('keeps the channel details live while frames arrive', async () => {
    const { wrapper, link, frames, store } = await mountPanel({
      status: status(true),
      events: [...snapshotEvents(), ...refreshEvents()],
    });
    store.select({ type: 'channel', id: 'ws1' });
    await wrapper.vm.$nextTick();
    expect(wrapper.findAll('[data-testid="frame-row"]')).toHaveLength(0);
    link.deliver({ type: 'events', tabId: TAB_ID, events: socketEvents() });
    frames.run();
    await wrapper.vm.$nextTick();
    expect(wrapper.findAll('[data-testid="frame-row"]')).toHaveLength(2);
  });

  it('renders captured strings as text, never as HTML', async () => {
    const events = [...snapshotEvents(), ...refreshEvents(), ...socketEvents()];
    const seq = events.length;
    events.push(
      {
        kind: 'page.load',
        url: `http://127.0.0.1:5173/${XSS}`,
        seq: seq + 1,
        time: T0 + 2000,
        source: 'page',
      },
      {
        kind: 'exception',
        surface: 'error',
        message: XSS,
        seq: seq + 2,
        time: T0 + 2001,
        source: 'page',
        stack: [{ functionName: XSS, url: XSS, line: 1, column: 1 }],
      },
    );
    const { wrapper, store } = await mountPanel({ status: status(true), events });
    store.select({ type: 'exception', id: `x${seq + 2}` });
    await wrapper.vm.$nextTick();
    expect(wrapper.get('[data-testid="details"]').text()).toContain(XSS);
    expect(wrapper.get('[data-testid="timeline-row"][data-type="exception"]:last-child').text()).toContain(
      XSS,
    );
    store.select({ type: 'channel', id: 'ws1' });
    await wrapper.vm.$nextTick();
    await wrapper.findAll('[data-testid="frame-row"]')[1].trigger('click');
    expect(wrapper.get('[data-testid="frame-data"]').text()).toBe(XSS);
    expect(document.querySelector('img')).toBeNull();
  });
});

describe('PanelApp keyboard', () => {
  beforeEach(() => setActivePinia(createPinia()));

  it('Enter on the selected timeline row moves focus into the details pane', async () => {
    const { wrapper, store } = await mountPanel({ status: status(true), events: snapshotEvents() });
    store.select({ type: 'exception', id: 'x6' });
    await wrapper.vm.$nextTick();
    await wrapper.get('[role="listbox"]').trigger('keydown', { key: 'Enter' });
    expect(document.activeElement).toBe(wrapper.get('[data-testid="details"]').element);
    expect(wrapper.findAll('[data-testid="stack-frame"]')).toHaveLength(2);
    wrapper.unmount();
  });
});
