/**
 * Filtering of a channel's frames: by direction and by text or `/regex/`, with heartbeats
 * (ping/pong control frames and app-level keep-alives such as `{"type":"ping"}`) collapsed
 * into one "N heartbeats" row per run, which the user can expand.
 *
 * Incremental: the reducer appends frames in place, so a `FrameView` only looks at frames it
 * has not seen yet. A socket with 1,000,000 frames costs one pass, not one per update.
 */
import { messagesFor, type Locale } from '../i18n';
import type { Frame } from '../model';

export type FrameDirection = 'all' | 'send' | 'receive';

export interface FrameFilter {
  direction: FrameDirection;
  /** Words (case-insensitive substring) or `/regex/`, matched against the data and SSE event name. */
  text: string;
  collapseHeartbeats: boolean;
  /** Regular expressions (case-insensitive) a heartbeat's whole data matches. */
  heartbeatPatterns: readonly string[];
}

/** Keep-alives apps commonly send: a bare word, or a JSON message whose `type` or `event` says so. */
export const DEFAULT_HEARTBEAT_PATTERNS: readonly string[] = [
  '"?(ping|pong|heartbeat|keep-?alive|hb)"?',
  '\\{\\s*"(type|event|op|action)"\\s*:\\s*"(ping|pong|heartbeat|keep-?alive)"\\s*(,.*)?\\}',
];

export const DEFAULT_FRAME_FILTER: FrameFilter = {
  direction: 'all',
  text: '',
  collapseHeartbeats: true,
  heartbeatPatterns: DEFAULT_HEARTBEAT_PATTERNS,
};

/** WebSocket ping and pong control frames (RFC 6455 §5.5.2–3). */
const PING = 9;
const PONG = 10;

export type FrameRow =
  | { kind: 'frame'; index: number }
  /** A run of heartbeats: `first` is the index of its first frame, the run's key. */
  | { kind: 'heartbeats'; first: number; count: number; expanded: boolean };

/**
 * Compiles the user's text and heartbeat patterns; a pattern that does not compile is
 * reported in `problems` and left out, never thrown.
 * @param filter The filter as the user set it.
 * @param locale The language of `problems`.
 */
export function compileFrameFilter(
  filter: FrameFilter,
  locale: Locale = 'en',
): {
  matches: (frame: Frame) => boolean;
  isHeartbeat: (frame: Frame) => boolean;
  problems: string[];
} {
  const problems: string[] = [];
  const m = messagesFor(locale).filterLanguage;
  const text = filter.text.trim();
  let textTest: (s: string) => boolean = () => true;
  if (text.length > 2 && text.startsWith('/') && text.endsWith('/')) {
    try {
      const re = new RegExp(text.slice(1, -1), 'i');
      textTest = (s) => re.test(s);
    } catch {
      problems.push(m.invalidRegex({ term: text }));
    }
  } else if (text !== '') {
    const lower = text.toLowerCase();
    textTest = (s) => s.toLowerCase().includes(lower);
  }
  const heartbeats = filter.heartbeatPatterns.flatMap((p) => {
    if (p.trim() === '') return [];
    try {
      return [new RegExp(`^\\s*(?:${p})\\s*$`, 'is')];
    } catch {
      problems.push(m.invalidHeartbeat({ term: p }));
      return [];
    }
  });
  return {
    matches: (f) =>
      (filter.direction === 'all' || f.direction === filter.direction) &&
      textTest(f.eventName ? `${f.eventName} ${f.data}` : f.data),
    // Long frames are not keep-alives; skipping them keeps the regexes cheap.
    isHeartbeat: (f) =>
      f.opcode === PING ||
      f.opcode === PONG ||
      (f.data.length <= 200 && heartbeats.some((re) => re.test(f.data))),
    problems,
  };
}

/** The rows of one channel's frame list under one filter; make a new one when the filter changes. */
export class FrameView {
  readonly rows: FrameRow[] = [];
  readonly problems: string[];
  /** How many frames pass the filter (heartbeats in collapsed runs included). */
  shown = 0;
  private seen = 0;
  private source: readonly Frame[] | undefined;
  /** The run the next heartbeat joins, while no other frame came between. */
  private openRun: (FrameRow & { kind: 'heartbeats' }) | null = null;
  private readonly compiled: ReturnType<typeof compileFrameFilter>;

  /**
   * @param filter What to show.
   * @param expanded Indexes of the first frame of each run the user expanded.
   * @param locale The language of `problems`.
   */
  constructor(
    private readonly filter: FrameFilter,
    private readonly expanded: ReadonlySet<number> = new Set(),
    locale: Locale = 'en',
  ) {
    this.compiled = compileFrameFilter(filter, locale);
    this.problems = this.compiled.problems;
  }

  /** The rows for `frames`, looking only at frames added since the last call. */
  update(frames: readonly Frame[]): readonly FrameRow[] {
    if (frames !== this.source || frames.length < this.seen) this.reset(frames);
    const { matches, isHeartbeat } = this.compiled;
    for (let i = this.seen; i < frames.length; i++) {
      const frame = frames[i];
      if (!matches(frame)) continue;
      this.shown += 1;
      if (!this.filter.collapseHeartbeats || !isHeartbeat(frame)) {
        this.openRun = null;
        this.rows.push({ kind: 'frame', index: i });
        continue;
      }
      if (this.openRun) this.openRun.count += 1;
      else {
        this.openRun = { kind: 'heartbeats', first: i, count: 1, expanded: this.expanded.has(i) };
        this.rows.push(this.openRun);
      }
      if (this.openRun.expanded) this.rows.push({ kind: 'frame', index: i });
    }
    this.seen = frames.length;
    return this.rows;
  }

  private reset(frames: readonly Frame[]): void {
    this.source = frames;
    this.rows.length = 0;
    this.shown = 0;
    this.seen = 0;
    this.openRun = null;
  }
}

/**
 * A frames filter read back from storage: anything missing or malformed takes the default, so
 * an old or hand-edited entry never breaks the panel.
 * @param stored Whatever storage held.
 */
export function frameFilterFromStored(stored: unknown): FrameFilter {
  const s = (typeof stored === 'object' && stored !== null ? stored : {}) as Record<string, unknown>;
  const direction = s.direction === 'send' || s.direction === 'receive' ? s.direction : 'all';
  const patterns = Array.isArray(s.heartbeatPatterns)
    ? s.heartbeatPatterns.filter((p): p is string => typeof p === 'string').slice(0, 50)
    : DEFAULT_HEARTBEAT_PATTERNS;
  return {
    direction,
    text: typeof s.text === 'string' ? s.text.slice(0, 2000) : '',
    collapseHeartbeats: typeof s.collapseHeartbeats === 'boolean' ? s.collapseHeartbeats : true,
    heartbeatPatterns: patterns,
  };
}
