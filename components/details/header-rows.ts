/** Header maps as table rows, in the order they were recorded. */
import type { Headers } from '~/core/events';

/** The CORS headers worth emphasising in a preflight exchange. */
export const CORS_HEADERS = [
  'origin',
  'access-control-request-method',
  'access-control-request-headers',
  'access-control-allow-origin',
  'access-control-allow-methods',
  'access-control-allow-headers',
  'access-control-allow-credentials',
] as const;

/** Rows for KeyValueTable; an absent map gives no rows. */
export function headerRows(headers: Headers | undefined): { name: string; value: string }[] {
  return Object.entries(headers ?? {}).map(([name, value]) => ({ name, value }));
}
