/**
 * Maps minified stack frames to their original source, line and name with the page's own
 * source maps (`@jridgewell/trace-mapping`, the decoder Babel, Vite and Jest use). Pure:
 * whoever fetched the map adds it here; frames of scripts without a map stay as they are.
 */
import { originalPositionFor, TraceMap, type SourceMapInput } from '@jridgewell/trace-mapping';
import type { StackFrame } from '../events';
import type { OriginalFrame } from '../model';

/** What is known about one script's map. */
export type MapState = 'loaded' | 'missing' | 'invalid';

export class SourceMapIndex {
  private readonly maps = new Map<string, TraceMap>();
  private readonly states = new Map<string, MapState>();

  /**
   * Adds the map of `scriptUrl`. `mapUrl` resolves the map's relative `sources` (the script's
   * URL for an inline map). Returns false, and remembers the script as `invalid`, when the
   * map cannot be parsed: the frames then stay minified.
   */
  add(scriptUrl: string, map: string | object, mapUrl: string = scriptUrl): boolean {
    try {
      this.maps.set(scriptUrl, new TraceMap(map as SourceMapInput, mapUrl));
      this.states.set(scriptUrl, 'loaded');
      return true;
    } catch {
      this.states.set(scriptUrl, 'invalid');
      return false;
    }
  }

  /** Remembers that a script has no reachable map, so nobody asks for it again. */
  markMissing(scriptUrl: string): void {
    if (!this.states.has(scriptUrl)) this.states.set(scriptUrl, 'missing');
  }

  /** Whether the script's map was loaded, found missing or invalid; undefined if never tried. */
  stateOf(scriptUrl: string): MapState | undefined {
    return this.states.get(scriptUrl);
  }

  /** The original of a frame (1-based line and column, like `StackFrame`), if its map knows it. */
  originalFrame(frame: StackFrame): OriginalFrame | undefined {
    const map = this.maps.get(frame.url);
    if (!map || frame.line < 1 || frame.column < 1) return undefined;
    // trace-mapping takes 1-based lines and 0-based columns; stack columns are 1-based.
    const position = originalPositionFor(map, { line: frame.line, column: frame.column - 1 });
    if (position.source === null || position.line === null || position.column === null) return undefined;
    return {
      source: position.source,
      line: position.line,
      column: position.column + 1,
      name: position.name ?? undefined,
    };
  }
}
