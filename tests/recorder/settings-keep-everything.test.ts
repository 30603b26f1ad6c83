// @vitest-environment happy-dom
/**
 * The settings menu's "Keep everything" switch (the recorder's per-tab memory bound,
 * `recorder/memory-bound.ts`): shown when its owner passes the setting, and it says what it does.
 */
import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import SettingsMenu from '../../components/layout/settings-menu.vue';

async function openMenu(props: { keepEverything?: boolean }) {
  const wrapper = mount(SettingsMenu, { props: { themeChoice: 'auto', ...props }, attachTo: document.body });
  await wrapper.get('[data-testid="settings-button"]').trigger('click');
  return wrapper;
}

describe('settings: Keep everything', () => {
  it('shows the setting and emits the new value when switched', async () => {
    const wrapper = await openMenu({ keepEverything: false });
    const box = wrapper.get('[data-testid="keep-everything"]');
    expect((box.element as HTMLInputElement).checked).toBe(false);
    expect(box.element.closest('label')?.getAttribute('title')).toMatch(/256 MiB/);
    await box.setValue(true);
    expect(wrapper.emitted('update:keepEverything')).toEqual([[true]]);
    wrapper.unmount();
  });

  it('is not shown where nobody keeps the setting', async () => {
    const wrapper = await openMenu({});
    expect(wrapper.find('[data-testid="keep-everything"]').exists()).toBe(false);
    wrapper.unmount();
  });
});
