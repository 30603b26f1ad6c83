/**
 * Which recorded requests are token refreshes (issue 5: "refresh requests recognised"). A
 * request is one when its path matches a refresh pattern (defaults below, editable per site),
 * or an OAuth token request carries `grant_type=refresh_token`, or the user marked it; the user
 * can also unmark one that a pattern matched.
 */
import type { HttpRequest } from './model';

/** Path fragments that name a token refresh in common backends (matched case-insensitively). */
export const DEFAULT_REFRESH_PATTERNS: readonly string[] = [
  '/token/refresh',
  '/auth/refresh',
  '/refresh-token',
  '/refresh_token',
  '/api-token-refresh',
  '/jwt/refresh',
  '/session/refresh',
];

/** Per-site refresh settings, as the panel stores them. */
export interface RefreshSettings {
  /** Path fragments; the defaults when the user never edited them. */
  patterns: readonly string[];
  /** Request keys (`refreshKey`) the user marked as refresh. */
  marked: ReadonlySet<string>;
  /** Request keys the user said are not refresh, whatever the patterns say. */
  unmarked: ReadonlySet<string>;
}

/** The JSON form of `RefreshSettings` kept in extension storage, one per site. */
export interface StoredRefreshSettings {
  patterns: string[];
  marked: string[];
  unmarked: string[];
}

/** Settings of a site nobody edited. */
export function defaultRefreshSettings(): RefreshSettings {
  return { patterns: DEFAULT_REFRESH_PATTERNS, marked: new Set(), unmarked: new Set() };
}

function pathOf(url: string): string {
  const match = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*([^?#]*)/i.exec(url);
  return (match ? match[1] : url).toLowerCase();
}

/**
 * What a user's mark is attached to: the method and path, not the request id, so that marking
 * the app's refresh once still holds after a reload or in the next recording of the site.
 * @param request A recorded request.
 */
export function refreshKey(request: Pick<HttpRequest, 'method' | 'url'>): string {
  return `${request.method.toUpperCase()} ${pathOf(request.url)}`;
}

const strings = (x: unknown): string[] =>
  Array.isArray(x) ? x.filter((v): v is string => typeof v === 'string').slice(0, 500) : [];

/**
 * Reads stored settings back. Storage can hold anything (an older version, a hand edit): what
 * is not a list of strings is ignored, and a site never edited gets the defaults.
 * @param stored The value read from storage, if any.
 */
export function refreshSettingsFromStored(stored: unknown): RefreshSettings {
  if (typeof stored !== 'object' || stored === null) return defaultRefreshSettings();
  const s = stored as Record<string, unknown>;
  return {
    patterns: Array.isArray(s.patterns) ? strings(s.patterns) : DEFAULT_REFRESH_PATTERNS,
    marked: new Set(strings(s.marked)),
    unmarked: new Set(strings(s.unmarked)),
  };
}

/** The storable form of settings. */
export function refreshSettingsToStored(settings: RefreshSettings): StoredRefreshSettings {
  return { patterns: [...settings.patterns], marked: [...settings.marked], unmarked: [...settings.unmarked] };
}

/**
 * Marks (true) or unmarks (false) a request as a token refresh, by its key.
 * @returns New settings; the input is not changed.
 */
export function withRefreshMark(
  settings: RefreshSettings,
  request: HttpRequest,
  refresh: boolean,
): RefreshSettings {
  const key = refreshKey(request);
  const marked = new Set(settings.marked);
  const unmarked = new Set(settings.unmarked);
  (refresh ? marked : unmarked).add(key);
  (refresh ? unmarked : marked).delete(key);
  return { ...settings, marked, unmarked };
}

/**
 * True when the request's body asks an OAuth 2 token endpoint for a refresh (RFC 6749 §6):
 * `grant_type=refresh_token`, form-encoded or JSON.
 */
export function isOAuthRefreshBody(body: string | undefined): boolean {
  if (!body) return false;
  return /(^|[&{,\s"])"?grant_type"?\s*[=:]\s*"?refresh_token\b/.test(body);
}

/**
 * Whether a request is a token refresh under the given settings.
 * @param request A recorded request (a preflight never is one).
 * @param settings The site's patterns and the user's marks.
 */
export function isRefreshRequest(request: HttpRequest, settings: RefreshSettings): boolean {
  if (request.preflightFor !== undefined) return false;
  const key = refreshKey(request);
  if (settings.unmarked.has(key)) return false;
  if (settings.marked.has(key)) return true;
  const path = pathOf(request.url);
  if (settings.patterns.some((p) => p.trim() !== '' && path.includes(p.trim().toLowerCase()))) return true;
  return path.includes('/oauth') && path.includes('token') && isOAuthRefreshBody(request.postData);
}

/**
 * Parses the patterns a user typed, one per line: trimmed, empty lines and duplicates dropped.
 * @param text The edited list.
 */
export function parseRefreshPatterns(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split('\n')) {
    const p = line.trim();
    if (p && !out.includes(p)) out.push(p);
  }
  return out;
}
