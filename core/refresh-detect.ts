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
  /** Request ids the user marked as refresh. */
  marked: ReadonlySet<string>;
  /** Request ids the user said are not refresh, whatever the patterns say. */
  unmarked: ReadonlySet<string>;
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
  if (settings.unmarked.has(request.id)) return false;
  if (settings.marked.has(request.id)) return true;
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
