/**
 * Two languages, English and Russian, for the panel, the findings and the command line.
 *
 * Catalogs are plain typed objects (no message-format runtime): a message is a string or a
 * function of named parameters that returns one, so `m.rules.corsHeader.title({ header })`
 * is checked by the type checker and costs nothing to look up. Rules render their findings in
 * the locale they are given; the panel re-derives findings when the user switches language.
 */
import { en, type Messages } from './en';
import { ru } from './ru';

export type { Messages } from './en';
export { pluralEn, pluralRu } from './plural';

export type Locale = 'en' | 'ru';
export const LOCALES: readonly Locale[] = ['en', 'ru'];
/** Each language named in itself, as language pickers do. */
export const LOCALE_NAMES: Record<Locale, string> = { en: 'English', ru: 'Русский' };

const CATALOGS: Record<Locale, Messages> = { en, ru };

/** The catalog of a locale. */
export function messagesFor(locale: Locale): Messages {
  return CATALOGS[locale];
}

/** `ru`, `ru-RU`, `RU` → `ru`; anything else → undefined. */
export function asLocale(tag: unknown): Locale | undefined {
  if (typeof tag !== 'string') return undefined;
  const base = tag
    .trim()
    .toLowerCase()
    .split(/[-_.@]/)[0];
  return LOCALES.find((l) => l === base);
}

/**
 * The first supported language among the user's preferred ones (browser UI language, then
 * `navigator.languages`, or a POSIX `LANG`), English when none is supported.
 */
export function resolveLocale(tags: ReadonlyArray<string | undefined | null>): Locale {
  for (const tag of tags) {
    const locale = asLocale(tag);
    if (locale) return locale;
  }
  return 'en';
}
/**
 * The terminal's language as POSIX reads it: the first of `LC_ALL`, `LC_MESSAGES`, `LANG` that
 * is set decides (so `LC_ALL=C` means English even under `LANG=ru_RU.UTF-8`).
 * @param env The process environment.
 */
export function terminalLocale(env: Readonly<Record<string, string | undefined>>): Locale {
  const tag = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((v) => v !== undefined && v !== '');
  return resolveLocale([tag]);
}
