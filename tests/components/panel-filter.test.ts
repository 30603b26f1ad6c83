// @vitest-environment happy-dom
import { mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import PanelApp from '~/components/panel-app.vue';
import { useRecordingStore } from '~/stores/recording';
import { FakeRecorderLink, manualFrames } from '../stores/fixtures/fake-recorder-link';
import { refreshEvents, snapshotEvents, socketEvents, status, TAB_ID } from '../stores/fixtures/seed-events';

async function mountSeedPanel() {
  const link = new FakeRecorderLink();
  const frames = manualFrames();
  useRecordingStore().attach(link, TAB_ID, { scheduleFrame: frames.schedule });
  link.deliver({
    type: 'snapshot',
    status: status(true),
    events: [...snapshotEvents(), ...refreshEvents(), ...socketEvents()],
  });
  frames.run();
  return mount(PanelApp, { attachTo: document.body });
}

const ids = (wrapper: Awaited<ReturnType<typeof mountSeedPanel>>) =>
  wrapper.findAll('[data-testid="timeline-row"]').map((r) => r.attributes('data-id'));

describe('PanelApp timeline filter', () => {
  beforeEach(() => {
    setActivePinia(createPinia());
    document.body.replaceChildren();
  });

  it('narrows the timeline to the rows whose URL, method or message match', async () => {
    const wrapper = await mountSeedPanel();
    expect(ids(wrapper)).toEqual(['p1', 'doc1', 'ws1', 'x6', 'r2']);
    await wrapper.get('input[aria-label="Filter the timeline"]').setValue('post refresh');
    expect(ids(wrapper)).toEqual(['r2']);
    expect(wrapper.get('[data-testid="filter-count"]').text()).toBe('1 of 5');
  });

  it('says what to do when nothing matches', async () => {
    const wrapper = await mountSeedPanel();
    await wrapper.get('input[aria-label="Filter the timeline"]').setValue('no-such-thing');
    expect(ids(wrapper)).toEqual([]);
    expect(wrapper.get('[data-testid="empty-state"]').text()).toContain('Press Escape');
  });
});
