/** Small text formatters shared by the panel's views. Output is always plain text. */
import { messagesFor, type Locale } from '~/core/i18n';

/** `1.5` in English, `1,5` in Russian: the locale's decimal separator on a fixed-point number. */
function decimal(value: number, digits: number, locale: Locale): string {
  const text = value.toFixed(digits);
  return locale === 'ru' ? text.replace('.', ',') : text;
}

/** `+1.234 s` (`+1,234 с`): milliseconds since the recording's first item. */
export function formatOffset(time: number, origin: number, locale: Locale = 'en'): string {
  const seconds = Math.max(0, time - origin) / 1000;
  return messagesFor(locale).panel.units.offset({ value: decimal(seconds, 3, locale) });
}

/** `512 B`, `1.5 kB`, `2.0 MB` (`512 Б`, `1,5 КБ`, `2,0 МБ`), as DevTools' Network panel writes sizes. */
export function formatSize(bytes: number, locale: Locale = 'en'): string {
  const units = messagesFor(locale).panel.units;
  if (bytes < 1000) return units.bytes({ value: bytes });
  if (bytes < 1000 * 1000) return units.kilobytes({ value: decimal(bytes / 1000, 1, locale) });
  return units.megabytes({ value: decimal(bytes / 1000 / 1000, 1, locale) });
}

/** Splits a URL into the dimmed origin and the emphasised path + query. */
export function splitUrl(url: string): { origin: string; path: string } {
  try {
    const parsed = new URL(url);
    if (parsed.origin === 'null') return { origin: '', path: url };
    return { origin: parsed.origin, path: `${parsed.pathname}${parsed.search}` };
  } catch {
    return { origin: '', path: url };
  }
}

/** First `max` characters on one line, for previews in tables. */
export function preview(text: string, max = 120): string {
  const oneLine = text.replace(/\s+/g, ' ');
  return oneLine.length > max ? `${oneLine.slice(0, max)}…` : oneLine;
}

/** `CDP` or `page` (or `HAR`): which evidence a thing rests on. */
export function sourceLabel(source: string, locale: Locale = 'en'): string {
  if (source === 'cdp') return 'CDP';
  if (source === 'har') return 'HAR';
  if (source === 'page') return messagesFor(locale).details.sourcePage;
  return source;
}
