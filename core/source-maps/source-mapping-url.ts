/**
 * Where a script's source map is: the last `//# sourceMappingURL=` comment of the script
 * (ECMA-426 §11.1.2), else the `SourceMap` response header. Inline maps are `data:` URLs.
 */

/** A map embedded in the script, or the absolute URL to fetch it from. */
export type SourceMapLocation = { kind: 'inline'; json: string } | { kind: 'url'; url: string };

/** The last `//# sourceMappingURL=…` comment (or the legacy `//@`, or the CSS-style block form). */
const COMMENT = /(?:\/\/|\/\*)[#@]\s*sourceMappingURL=([^\s'"*]+)\s*(?:\*\/)?\s*$/;

/**
 * Finds a script's source map. `scriptUrl` resolves relative map URLs; `headerValue` is the
 * `SourceMap` (or `X-SourceMap`) response header, used when the script has no comment.
 * Returns nothing when there is none or it cannot be read: a missing map is normal.
 */
export function sourceMapLocationOf(
  scriptText: string,
  scriptUrl: string,
  headerValue?: string,
): SourceMapLocation | undefined {
  // The comment must be on one of the last lines; scanning the tail keeps big bundles cheap.
  const tail = scriptText.slice(-4096).trimEnd().split(/\r?\n/).slice(-3);
  let reference: string | undefined;
  for (const line of tail) {
    const match = COMMENT.exec(line.trim());
    if (match) reference = match[1];
  }
  reference ??= headerValue?.trim() || undefined;
  if (!reference) return undefined;
  if (reference.startsWith('data:')) {
    const json = decodeDataUrl(reference);
    return json === undefined ? undefined : { kind: 'inline', json };
  }
  try {
    return { kind: 'url', url: new URL(reference, scriptUrl).href };
  } catch {
    return undefined;
  }
}

/** The text of a `data:application/json[;charset=…][;base64],…` URL. */
export function decodeDataUrl(url: string): string | undefined {
  const comma = url.indexOf(',');
  if (comma < 0) return undefined;
  const meta = url.slice(5, comma);
  const payload = url.slice(comma + 1);
  if (!/^application\/json\b/i.test(meta)) return undefined;
  try {
    if (!/;base64$/i.test(meta)) return decodeURIComponent(payload);
    const binary = atob(payload);
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    return new TextDecoder().decode(bytes);
  } catch {
    return undefined;
  }
}
