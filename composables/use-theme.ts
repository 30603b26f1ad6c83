/**
 * Light or dark, following DevTools: inside DevTools `chrome.devtools.panels.themeName` says
 * which theme the user picked (`default` or `dark`); as an ordinary page we follow the
 * system's `prefers-color-scheme`. The user can override either with Auto / Light / Dark in the
 * settings menu; the choice is kept in the extension origin's localStorage (synchronous, so the
 * first paint already has the right palette). The result lands in `data-theme` on the root
 * element, which `assets/panel.css` keys its palette on.
 */
import { readonly, ref, type Ref } from 'vue';
import type { DevtoolsLike } from './inspected-tab';
import {
  defaultChoiceStorage,
  readStoredChoice,
  writeStoredChoice,
  type ChoiceStorage,
} from './stored-choice';

export type Theme = 'light' | 'dark';
export type ThemeChoice = 'auto' | Theme;
export const THEME_CHOICES: readonly ThemeChoice[] = ['auto', 'light', 'dark'];
export const THEME_STORAGE_KEY = 'handshake.theme';

/**
 * The theme parts of `chrome.devtools.panels`: Chrome 99+ calls `setThemeChangeHandler`'s
 * callback when the user switches DevTools' theme; Firefox has `onThemeChanged` instead.
 */
export interface DevtoolsThemeLike extends DevtoolsLike {
  panels?: {
    themeName?: string;
    setThemeChangeHandler?: (callback?: (themeName: string) => void) => void;
    onThemeChanged?: {
      addListener(callback: (themeName: string) => void): void;
      removeListener(callback: (themeName: string) => void): void;
    };
  };
}

/** Picks the theme: a manual choice wins, then DevTools when present, else the media query. */
export function pickTheme(
  devtools: DevtoolsLike | undefined,
  prefersDark: boolean,
  choice: ThemeChoice = 'auto',
): Theme {
  if (choice !== 'auto') return choice;
  const name = devtools?.panels?.themeName;
  if (name !== undefined) return name === 'dark' ? 'dark' : 'light';
  return prefersDark ? 'dark' : 'light';
}

/** The stored choice, `auto` when none (or an unknown value) is stored. */
export function readThemeChoice(storage: ChoiceStorage | undefined): ThemeChoice {
  return readStoredChoice(storage, THEME_STORAGE_KEY, THEME_CHOICES, 'auto');
}

const choice = ref<ThemeChoice>('auto');
let refresh: () => void = () => {};
let storage: ChoiceStorage | undefined;

/**
 * Sets `data-theme` on `root` and keeps it in step with DevTools' theme, the system scheme and
 * the manual choice. Returns a function that stops listening.
 */
export function applyTheme(
  root: HTMLElement,
  devtools: DevtoolsThemeLike | undefined,
  store: ChoiceStorage | undefined = defaultChoiceStorage(),
): () => void {
  storage = store;
  choice.value = readThemeChoice(store);
  let source: DevtoolsLike | undefined = devtools;
  const query =
    typeof window.matchMedia === 'function' ? window.matchMedia('(prefers-color-scheme: dark)') : null;
  const update = (): void => {
    root.dataset.theme = pickTheme(source, query?.matches ?? false, choice.value);
    root.dataset.themeChoice = choice.value;
  };
  refresh = update;
  update();
  const onDevtoolsTheme = (themeName: string): void => {
    source = { ...devtools, panels: { themeName } };
    update();
  };
  const panels = devtools?.panels;
  try {
    panels?.setThemeChangeHandler?.(onDevtoolsTheme);
    panels?.onThemeChanged?.addListener(onDevtoolsTheme);
  } catch {
    // An older DevTools without live theme changes: the theme it reported at load still holds.
  }
  query?.addEventListener('change', update);
  return () => {
    query?.removeEventListener('change', update);
    panels?.setThemeChangeHandler?.(undefined);
    panels?.onThemeChanged?.removeListener(onDevtoolsTheme);
    refresh = () => {};
  };
}

/** The manual choice for the settings menu: read it, and set it (saved, applied at once). */
export function useThemeChoice(): { choice: Readonly<Ref<ThemeChoice>>; setChoice(next: ThemeChoice): void } {
  return {
    choice: readonly(choice),
    setChoice(next) {
      choice.value = next;
      writeStoredChoice(storage, THEME_STORAGE_KEY, next);
      refresh();
    },
  };
}
