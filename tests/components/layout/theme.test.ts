// @vitest-environment happy-dom
import { initLocale, LOCALE_STORAGE_KEY } from '~/composables/i18n';
import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import SettingsMenu from '~/components/layout/settings-menu.vue';
import {
  applyTheme,
  pickTheme,
  readThemeChoice,
  THEME_STORAGE_KEY,
  useThemeChoice,
  type DevtoolsThemeLike,
} from '~/composables/use-theme';

function memoryStorage(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
  };
}

describe('theme choice', () => {
  it('lets a manual choice win over DevTools and the system', () => {
    expect(pickTheme({ panels: { themeName: 'dark' } }, true, 'light')).toBe('light');
    expect(pickTheme(undefined, false, 'dark')).toBe('dark');
    expect(pickTheme({ panels: { themeName: 'dark' } }, false, 'auto')).toBe('dark');
  });

  it('reads the stored choice, auto when missing or unknown', () => {
    expect(readThemeChoice(memoryStorage({ [THEME_STORAGE_KEY]: 'dark' }))).toBe('dark');
    expect(readThemeChoice(memoryStorage({ [THEME_STORAGE_KEY]: 'purple' }))).toBe('auto');
    expect(readThemeChoice(undefined)).toBe('auto');
  });

  it('applies and persists a choice set from the settings menu', () => {
    const root = document.createElement('div');
    const storage = memoryStorage();
    const stop = applyTheme(root, { panels: { themeName: 'default' } }, storage);
    expect(root.dataset.theme).toBe('light');
    useThemeChoice().setChoice('dark');
    expect(root.dataset.theme).toBe('dark');
    expect(storage.data.get(THEME_STORAGE_KEY)).toBe('dark');
    useThemeChoice().setChoice('auto');
    expect(root.dataset.theme).toBe('light');
    stop();
  });

  it("follows DevTools' theme change handler while on Auto", () => {
    let handler: ((name: string) => void) | undefined;
    const devtools: DevtoolsThemeLike = {
      panels: { themeName: 'default', setThemeChangeHandler: (cb) => void (handler = cb) },
    };
    const root = document.createElement('div');
    const stop = applyTheme(root, devtools, memoryStorage());
    expect(root.dataset.theme).toBe('light');
    handler?.('dark');
    expect(root.dataset.theme).toBe('dark');
    stop();
    expect(handler).toBeUndefined();
  });
});

describe('SettingsMenu', () => {
  it('opens from its button, emits the picked theme and closes on Escape', async () => {
    const wrapper = mount(SettingsMenu, { props: { themeChoice: 'auto' }, attachTo: document.body });
    const button = wrapper.get('button[aria-label="Settings"]');
    expect(button.attributes('aria-expanded')).toBe('false');
    await button.trigger('click');
    expect(button.attributes('aria-expanded')).toBe('true');
    const radios = wrapper.findAll('input[name="handshake-theme"]');
    expect(radios.map((r) => (r.element as HTMLInputElement).checked)).toEqual([true, false, false]);
    await radios[2]!.setValue(true);
    expect(wrapper.emitted('update:themeChoice')).toEqual([['dark']]);
    await wrapper.get('[role="dialog"]').trigger('keydown', { key: 'Escape' });
    expect(wrapper.find('[role="dialog"]').exists()).toBe(false);
    expect(document.activeElement).toBe(button.element);
    wrapper.unmount();
  });

  it('switches the language: the menu re-renders in Russian and back, the choice is kept', async () => {
    const store = new Map<string, string>();
    initLocale(document.documentElement, {
      store: { getItem: (k) => store.get(k) ?? null, setItem: (k, v) => void store.set(k, v) },
      languages: ['en-US'],
    });
    const wrapper = mount(SettingsMenu, { props: { themeChoice: 'auto' }, attachTo: document.body });
    await wrapper.get('button[aria-label="Settings"]').trigger('click');
    const languages = wrapper.findAll('input[name="handshake-language"]');
    expect(languages.map((r) => (r.element as HTMLInputElement).value)).toEqual(['auto', 'en', 'ru']);
    expect(languages.map((r) => (r.element as HTMLInputElement).checked)).toEqual([true, false, false]);

    await languages[2]!.setValue(true);
    expect(document.documentElement.lang).toBe('ru');
    expect(store.get(LOCALE_STORAGE_KEY)).toBe('ru');
    expect(wrapper.get('[role="dialog"]').attributes('aria-label')).toBe('Настройки');
    expect(wrapper.text()).toContain('Тёмная');
    expect(wrapper.text()).toContain('English'); // each language is named in itself

    await wrapper.findAll('input[name="handshake-language"]')[0]!.setValue(true);
    expect(document.documentElement.lang).toBe('en');
    expect(wrapper.text()).toContain('Dark');
    wrapper.unmount();
  });
});
