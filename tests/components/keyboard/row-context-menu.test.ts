// @vitest-environment happy-dom
/** The row menu's actions go through the same store actions as their buttons, copies through core/copy-as. */
import { mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { defineComponent, h } from 'vue';
import { fakeBrowser } from 'wxt/testing';
import { useRowContextMenu } from '~/composables/row-context-menu';
import { useRecordingStore } from '~/stores/recording';
import { useTogglesStore } from '~/stores/toggles';
import { refreshEvents, snapshotEvents, socketEvents } from '../../stores/fixtures/seed-events';

function setup() {
  setActivePinia(createPinia());
  const recording = useRecordingStore();
  recording.recording.apply([...snapshotEvents(), ...refreshEvents(), ...socketEvents()]);
  recording.flush();
  const toggles = useTogglesStore();
  const openReplay = vi.fn();
  let menu!: ReturnType<typeof useRowContextMenu>;
  mount(
    defineComponent({
      setup: () => ((menu = useRowContextMenu({ readOnly: () => false, openReplay })), () => h('div')),
    }),
  );
  return { recording, toggles, menu, openReplay };
}

describe('useRowContextMenu', () => {
  const copied: string[] = [];
  beforeEach(() => {
    fakeBrowser.reset();
    copied.length = 0;
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: { writeText: async (text: string) => void copied.push(text) },
    });
  });

  it('selects the row it opens on, and offers nothing for rows without actions', () => {
    const { recording, menu } = setup();
    menu.show({ type: 'request', id: 'r2' }, 10, 20);
    expect(recording.selection).toEqual({ type: 'request', id: 'r2' });
    expect(menu.open.value).toMatchObject({ x: 10, y: 20 });
    expect(menu.items.value.some((i) => i?.action === 'copy-curl')).toBe(true);
    menu.close();
    menu.show({ type: 'exception', id: 'x6' }, 0, 0);
    expect(menu.open.value).toBeNull();
  });

  it('copies a redacted cURL command by default and the secrets only when asked', async () => {
    const { menu } = setup();
    menu.show({ type: 'request', id: 'r2' }, 0, 0);
    await menu.pick('copy-curl');
    expect(copied[0]).toMatch(/^curl '.*token\/refresh\/'/);
    expect(menu.notice.value).toBe('Copied the cURL command.');
    expect(menu.open.value).toBeNull();
    menu.show({ type: 'channel', id: 'ws1' }, 0, 0);
    await menu.pick('copy-url');
    expect(copied[1]).toBe('ws://127.0.0.1:8000/ws/notifications/');
  });

  it('marks a refresh, opens the replay and switches a channel off through the stores', async () => {
    const { toggles, menu, openReplay } = setup();
    const mark = vi.spyOn(toggles, 'markRefresh').mockResolvedValue();
    const off = vi.spyOn(toggles, 'setChannelOff').mockImplementation(() => {});
    menu.show({ type: 'request', id: 'r2' }, 0, 0);
    const isRefresh = toggles.isRefresh(useRecordingStore().recording.requests.get('r2')!);
    await menu.pick(isRefresh ? 'unmark-refresh' : 'mark-refresh');
    expect(mark).toHaveBeenCalledWith(expect.objectContaining({ id: 'r2' }), !isRefresh);
    menu.show({ type: 'request', id: 'r2' }, 0, 0);
    await menu.pick('replay');
    expect(openReplay).toHaveBeenCalledTimes(1);
    menu.show({ type: 'channel', id: 'ws1' }, 0, 0);
    await menu.pick('channel-off');
    expect(off).toHaveBeenCalledWith('127.0.0.1:8000/ws/notifications/', true);
  });
});
