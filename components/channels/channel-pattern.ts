/**
 * The URL pattern that switches one channel off: host and path without scheme or query, so the
 * same channel matches again after a reconnect with a new token (`?token=…`), over ws: or wss:.
 * Plain text, as `RealtimePolicy.blocked` requires.
 */
export function channelPattern(url: string): string {
  try {
    const u = new URL(url);
    return `${u.host}${u.pathname}`;
  } catch {
    return url
      .split('?')[0]
      .replace(/^[a-z]+:\/\//i, '')
      .replace(/[*|^\s]/g, '');
  }
}

/** True when `url` is switched off by one of `blocked` (the probe's rule: a substring). */
export function isBlocked(url: string, blocked: readonly string[]): boolean {
  return blocked.some((p) => url.includes(p));
}
