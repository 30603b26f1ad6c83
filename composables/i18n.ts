/**
 * The panel's language. Auto follows the browser's UI language (`chrome.i18n.getUILanguage()`,
 * then `navigator.languages`); the user can pick English or Русский in the settings menu. The
 * choice is kept in the extension origin's localStorage like the theme (synchronous, so the
 * first paint is already in the right language) and lands in `lang` on the root element.
 *
 * Components read their words with `const m = useMessages()` and `{{ m.toolbar.record }}`;
 * switching language re-renders them and re-derives the findings (stores/recording.ts).
 */
import { computed, readonly, ref, type ComputedRef, type Ref } from 'vue';
import { LOCALES, messagesFor, resolveLocale, type Locale, type Messages } from '~/core/i18n';
import {
  defaultChoiceStorage,
  readStoredChoice,
  writeStoredChoice,
  type ChoiceStorage,
} from './stored-choice';

export type LocaleChoice = 'auto' | Locale;
export const LOCALE_CHOICES: readonly LocaleChoice[] = ['auto', ...LOCALES];
export const LOCALE_STORAGE_KEY = 'handshake.locale';

/** The browser's preferred languages, most preferred first. */
export function browserLanguages(): string[] {
  const tags: string[] = [];
  try {
    const i18n = (globalThis as { chrome?: { i18n?: { getUILanguage?: () => string } } }).chrome?.i18n;
    const ui = i18n?.getUILanguage?.();
    if (ui) tags.push(ui);
  } catch {
    // Not an extension page (unit tests, the demo): navigator alone decides.
  }
  if (typeof navigator !== 'undefined') {
    for (const tag of navigator.languages ?? []) tags.push(tag);
    tags.push(navigator.language);
  }
  return tags.filter(Boolean);
}

/** The stored choice, `auto` when none (or an unknown value) is stored. */
export function readLocaleChoice(storage: ChoiceStorage | undefined): LocaleChoice {
  return readStoredChoice(storage, LOCALE_STORAGE_KEY, LOCALE_CHOICES, 'auto');
}

const choice = ref<LocaleChoice>('auto');
const browserLocale = ref<Locale>('en');
let storage: ChoiceStorage | undefined;
let root: HTMLElement | undefined;

/** The language in effect: the user's choice, or the browser's under Auto. */
export const locale: Readonly<Ref<Locale>> = computed(() =>
  choice.value === 'auto' ? browserLocale.value : choice.value,
);

const messages = computed(() => messagesFor(locale.value));

function applyLang(): void {
  if (root) root.lang = locale.value;
}

/**
 * Reads the stored choice and the browser's language, and keeps `lang` on `rootElement` in
 * step. Call once at start-up, before mounting (tests may call it again with their own inputs).
 */
export function initLocale(
  rootElement: HTMLElement | undefined,
  options: { store?: ChoiceStorage; languages?: readonly string[] } = {},
): void {
  storage = options.store ?? defaultChoiceStorage();
  root = rootElement;
  choice.value = readLocaleChoice(storage);
  browserLocale.value = resolveLocale(options.languages ?? browserLanguages());
  applyLang();
}

/** The catalog of the language in effect; reactive, so templates re-render on a switch. */
export function useMessages(): ComputedRef<Messages> {
  return messages;
}

/** The settings menu's view of the choice: read it, and set it (saved, applied at once). */
export function useLocaleChoice(): {
  choice: Readonly<Ref<LocaleChoice>>;
  setChoice(next: LocaleChoice): void;
} {
  return {
    choice: readonly(choice),
    setChoice(next) {
      choice.value = next;
      writeStoredChoice(storage, LOCALE_STORAGE_KEY, next);
      applyLang();
    },
  };
}
