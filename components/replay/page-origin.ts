/**
 * The page a replay is sent from (issue 14). A replay runs in whatever document the tab shows,
 * with that page's cookies: the user confirms it for a page origin, and the recorder refuses it
 * when the tab shows another one by then (`recorder/replay.ts`).
 */
import type { HttpRequest } from '~/core/model';

/** The origin of an http(s) URL, or null for anything else (opaque origins included). */
export function httpOrigin(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.origin : null;
  } catch {
    return null;
  }
}

function header(request: HttpRequest, name: string): string | undefined {
  for (const [key, value] of Object.entries(request.requestHeaders))
    if (key.toLowerCase() === name) return value;
  return undefined;
}

/**
 * The page origin a replay of `request` would be sent from, as far as the recording knows: the
 * newest page load's origin (`site`: what the tab shows, unless it navigated unrecorded), else
 * the page that sent the request (its `Origin` header, else its `Referer`). Null when nothing
 * says: the replay cannot be sent then.
 * @param request The recorded request.
 * @param site The origin of the newest page load in the recording, if any.
 */
export function replayPageOrigin(request: HttpRequest, site: string | null | undefined): string | null {
  return (
    httpOrigin(site ?? undefined) ??
    httpOrigin(header(request, 'origin')) ??
    httpOrigin(header(request, 'referer'))
  );
}
