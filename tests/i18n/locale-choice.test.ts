// @vitest-environment happy-dom
// The panel's language: Auto follows the browser, a manual choice wins and is kept, the root
// element's `lang` follows, and the catalog in use switches at once.
import { afterEach, describe, expect, it } from 'vitest';
import {
  initLocale,
  locale,
  LOCALE_STORAGE_KEY,
  readLocaleChoice,
  useLocaleChoice,
  useMessages,
} from '~/composables/i18n';

function memoryStorage(initial: Record<string, string> = {}): Pick<Storage, 'getItem' | 'setItem'> & {
  data: Record<string, string>;
} {
  const data = { ...initial };
  return { data, getItem: (k) => data[k] ?? null, setItem: (k, v) => void (data[k] = v) };
}

afterEach(() => {
  initLocale(undefined, { store: memoryStorage(), languages: ['en-US'] });
});

describe('panel language', () => {
  it('follows the browser under Auto', () => {
    const root = document.createElement('html');
    initLocale(root, { store: memoryStorage(), languages: ['ru-RU', 'en-US'] });
    expect(locale.value).toBe('ru');
    expect(root.lang).toBe('ru');
    expect(useMessages().value.settings.language).toBe('Язык');

    initLocale(root, { store: memoryStorage(), languages: ['de-DE', 'fr'] });
    expect(locale.value).toBe('en');
    expect(root.lang).toBe('en');
    expect(useMessages().value.settings.language).toBe('Language');
  });

  it('keeps a manual choice over the browser language, and Auto gives it back', () => {
    const root = document.createElement('html');
    const store = memoryStorage();
    initLocale(root, { store, languages: ['en-US'] });
    const { choice, setChoice } = useLocaleChoice();

    setChoice('ru');
    expect(choice.value).toBe('ru');
    expect(locale.value).toBe('ru');
    expect(root.lang).toBe('ru');
    expect(store.data[LOCALE_STORAGE_KEY]).toBe('ru');

    // A new panel reads the stored choice.
    initLocale(root, { store, languages: ['en-US'] });
    expect(locale.value).toBe('ru');

    setChoice('auto');
    expect(locale.value).toBe('en');
    expect(root.lang).toBe('en');
  });

  it('ignores an unknown stored value and a storage that throws', () => {
    expect(readLocaleChoice(memoryStorage({ [LOCALE_STORAGE_KEY]: 'klingon' }))).toBe('auto');
    const throwing = {
      getItem: () => {
        throw new Error('blocked');
      },
      setItem: () => {
        throw new Error('blocked');
      },
    };
    expect(readLocaleChoice(throwing)).toBe('auto');
    initLocale(undefined, { store: throwing, languages: ['en'] });
    useLocaleChoice().setChoice('ru');
    expect(locale.value).toBe('ru');
  });
});
