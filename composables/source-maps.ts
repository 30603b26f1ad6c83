/**
 * Fetches the source maps of the page's scripts from the panel (an extension page with host
 * access, so no CORS), into a `core` `SourceMapIndex`. Each script is tried once; a missing,
 * unreachable or broken map only leaves its frames minified, it never fails a finding.
 *
 * What it fetches is limited, because stack text is page-supplied: only scripts the browser
 * itself (CDP) reported the page loading, over http(s), without credentials, and only maps on
 * the script's own origin (or inline). A page cannot make the panel fetch arbitrary URLs.
 */
import { SourceMapIndex } from '~/core/source-maps/source-map-index';
import { sourceMapLocationOf } from '~/core/source-maps/source-mapping-url';
import type { Recording } from '~/core/reducer';

/** Scripts larger than this are not read for their map comment (bytes of text). */
const MAX_TEXT = 20 * 1024 * 1024;

export interface FetchedText {
  text: string;
  /** The `SourceMap` / `X-SourceMap` response header, when the server sent one. */
  sourceMapHeader?: string;
}

export type FetchText = (url: string) => Promise<FetchedText | undefined>;

export interface SourceMapLoader {
  readonly index: SourceMapIndex;
  /** Loads the maps of scripts not tried yet; resolves true when a new map was loaded. */
  load(scriptUrls: Iterable<string>): Promise<boolean>;
}

/** GET without credentials; undefined on any failure or a non-2xx answer. */
export const fetchText: FetchText = async (url) => {
  try {
    const response = await fetch(url, { credentials: 'omit', cache: 'force-cache' });
    if (!response.ok) return undefined;
    const text = await response.text();
    if (text.length > MAX_TEXT) return undefined;
    const sourceMapHeader =
      response.headers.get('sourcemap') ?? response.headers.get('x-sourcemap') ?? undefined;
    return { text, sourceMapHeader };
  } catch {
    return undefined;
  }
};

/** A loader over `fetchText` (tests pass their own). */
export function createSourceMapLoader(get: FetchText = fetchText): SourceMapLoader {
  const index = new SourceMapIndex();
  const tried = new Set<string>();

  async function loadOne(scriptUrl: string): Promise<boolean> {
    const script = await get(scriptUrl);
    const location = script && sourceMapLocationOf(script.text, scriptUrl, script.sourceMapHeader);
    if (!location) {
      index.markMissing(scriptUrl);
      return false;
    }
    if (location.kind === 'inline') return index.add(scriptUrl, location.json);
    if (new URL(location.url).origin !== new URL(scriptUrl).origin) {
      index.markMissing(scriptUrl);
      return false;
    }
    const map = await get(location.url);
    if (!map) {
      index.markMissing(scriptUrl);
      return false;
    }
    return index.add(scriptUrl, map.text, location.url);
  }

  return {
    index,
    async load(scriptUrls) {
      const fresh = [...scriptUrls].filter((url) => !tried.has(url) && /^https?:/.test(url));
      for (const url of fresh) tried.add(url);
      const loaded = await Promise.all(fresh.map((url) => loadOne(url).catch(() => false)));
      return loaded.some(Boolean);
    },
  };
}

/**
 * The scripts whose maps are worth loading: those in the stacks of exceptions, channels'
 * and requests' initiators that the browser (CDP) reported the page loading.
 */
export function scriptsToMap(rec: Recording): string[] {
  const loaded = new Set<string>();
  for (const r of rec.requests.values())
    if (r.source === 'cdp' && r.resourceType === 'script') loaded.add(r.url);
  const wanted = new Set<string>();
  const consider = (frames: Array<{ url: string }> | undefined) => {
    for (const frame of frames ?? []) if (loaded.has(frame.url)) wanted.add(frame.url);
  };
  for (const x of rec.exceptions.values()) consider(x.stack);
  for (const c of rec.channels.values()) consider(c.initiatorStack);
  return [...wanted];
}
