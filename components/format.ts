/** Small text formatters shared by the panel's views. Output is always plain text. */

/** `+1.234 s`: milliseconds since the recording's first item. */
export function formatOffset(time: number, origin: number): string {
  const seconds = Math.max(0, time - origin) / 1000;
  return `+${seconds.toFixed(3)} s`;
}

/** `512 B`, `1.5 kB`, `2.0 MB`, as DevTools' Network panel writes sizes. */
export function formatSize(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1000 * 1000) return `${(bytes / 1000).toFixed(1)} kB`;
  return `${(bytes / 1000 / 1000).toFixed(1)} MB`;
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
export function sourceLabel(source: string): string {
  if (source === 'cdp') return 'CDP';
  if (source === 'har') return 'HAR';
  return source;
}
