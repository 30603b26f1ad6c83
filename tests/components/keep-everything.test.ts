// @vitest-environment happy-dom
/**
 * The panel's side of "Keep everything": the setting is read from `storage.local` (the key the
 * recorder follows), written when the user switches it, and follows a change made elsewhere.
 */
import { mount } from '@vue/test-utils';
import { beforeEach, describe, expect, it } from 'vitest';
import { defineComponent, h, nextTick } from 'vue';
import { fakeBrowser } from 'wxt/testing';
import { useKeepEverything, type KeepEverything } from '~/composables/keep-everything';
import { KEEP_EVERYTHING_KEY } from '~/core/protocol';

async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await nextTick();
  await new Promise((r) => setTimeout(r, 0));
}

function mountSetting(): { setting: () => KeepEverything; unmount: () => void } {
  let setting!: KeepEverything;
  const wrapper = mount(defineComponent({ setup: () => ((setting = useKeepEverything()), () => h('div')) }));
  return { setting: () => setting, unmount: () => wrapper.unmount() };
}

describe('Keep everything (panel side)', () => {
  beforeEach(() => fakeBrowser.reset());

  it('is unknown until read, then false when never set', async () => {
    const { setting } = mountSetting();
    expect(setting().on.value).toBeUndefined();
    await settle();
    expect(setting().on.value).toBe(false);
  });

  it('writes the key the recorder follows, and reads it back in a new panel', async () => {
    const first = mountSetting();
    await settle();
    await first.setting().set(true);
    expect((await fakeBrowser.storage.local.get(KEEP_EVERYTHING_KEY))[KEEP_EVERYTHING_KEY]).toBe(true);
    const second = mountSetting();
    await settle();
    expect(second.setting().on.value).toBe(true);
  });

  it('follows a change made in another panel, and stops following once unmounted', async () => {
    const { setting, unmount } = mountSetting();
    await settle();
    await fakeBrowser.storage.local.set({ [KEEP_EVERYTHING_KEY]: true });
    await settle();
    expect(setting().on.value).toBe(true);
    unmount();
    await fakeBrowser.storage.local.set({ [KEEP_EVERYTHING_KEY]: false });
    await settle();
    expect(setting().on.value).toBe(true);
  });
});
