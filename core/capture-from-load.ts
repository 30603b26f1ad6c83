/**
 * "Capture from page load" (issue 15): the sites whose pages get the probe and the bridge from
 * `document_start` even while nobody records, so a later "Record" without a reload still brings
 * the page's earlier events (the probe's pre-record buffer). Kept as a list of origins in
 * `storage.local` under `CAPTURE_FROM_LOAD_KEY`; only the recorder writes it, on a panel's
 * `captureFromLoad` command (`recorder/injection.ts`); panels read it to show the switch.
 */

/** The `storage.local` key of the opted-in origins (`https://example.com`, port included). */
export const CAPTURE_FROM_LOAD_KEY = 'recorder:captureFromLoad';

/** At most this many origins are kept (a registration lists them all as match patterns). */
export const MAX_CAPTURE_ORIGINS = 500;

/** The http(s) origin of a URL, as the setting keeps it; undefined for other schemes or non-URLs. */
export function captureOrigin(url: unknown): string | undefined {
  if (typeof url !== 'string' || url.length > 2048) return undefined;
  try {
    const { protocol, origin } = new URL(url);
    return protocol === 'http:' || protocol === 'https:' ? origin : undefined;
  } catch {
    return undefined;
  }
}

/** The stored list, cleaned: exact http(s) origins only, each once, sorted, bounded. */
export function captureOrigins(stored: unknown): string[] {
  if (!Array.isArray(stored)) return [];
  const out = new Set<string>();
  for (const item of stored.slice(0, MAX_CAPTURE_ORIGINS))
    if (typeof item === 'string' && captureOrigin(item) === item) out.add(item);
  return [...out].sort();
}
