/**
 * Light or dark, following DevTools: inside DevTools `chrome.devtools.panels.themeName` says
 * which theme the user picked (`default` or `dark`); as an ordinary page we follow the
 * system's `prefers-color-scheme`. The result lands in `data-theme` on the root element, which
 * `assets/panel.css` keys its palette on.
 */
import type { DevtoolsLike } from './inspected-tab';

export type Theme = 'light' | 'dark';

/** Picks the theme from DevTools when present, else from the media query. */
export function pickTheme(devtools: DevtoolsLike | undefined, prefersDark: boolean): Theme {
  const name = devtools?.panels?.themeName;
  if (name !== undefined) return name === 'dark' ? 'dark' : 'light';
  return prefersDark ? 'dark' : 'light';
}

/**
 * Sets `data-theme` on `root` and keeps it in step with the system scheme when not in
 * DevTools (DevTools reloads its panels when the user switches its theme).
 * Returns a function that stops listening.
 */
export function applyTheme(root: HTMLElement, devtools: DevtoolsLike | undefined): () => void {
  const query =
    typeof window.matchMedia === 'function' ? window.matchMedia('(prefers-color-scheme: dark)') : null;
  const update = (): void => {
    root.dataset.theme = pickTheme(devtools, query?.matches ?? false);
  };
  update();
  if (!query || devtools?.panels?.themeName !== undefined) return () => {};
  query.addEventListener('change', update);
  return () => query.removeEventListener('change', update);
}
