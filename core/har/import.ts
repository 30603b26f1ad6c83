/**
 * Import of HAR files — ours, and those of Chrome, Firefox, Safari, Playwright, Charles,
 * Fiddler, mitmproxy and others — into the event log (`source: 'har'`), so an imported file
 * gets the same reducer, rules and findings as a live recording. Each entry is checked and
 * the bad ones skipped with a reason, like DevTools' own importer does
 * (devtools-frontend `models/har/Importer.ts`).
 */
import type { RecordedEvent } from '../events';
import { messagesFor, type Locale } from '../i18n';
import { pairPreflights } from './pair-preflights';
import { isObject, readEntry, type EntryRecord, type HarSkipCode } from './read-entry';
import { readExtras, type TimedBody } from './read-extras';
import { recordEvents } from './record-events';
import { HarEntryScanner, HarScanError } from './scan-entries';

/** Why a file is not HAR: a key of the `har.errors` messages. */
export type HarErrorCode =
  'gzip' | 'empty' | 'html' | 'notJson' | 'invalidJson' | 'noLog' | 'noEntries' | 'unreadable' | 'tooLarge';

/** What `invalidJson` and `unreadable` say about the cause (the parser's or reader's own words). */
export interface HarErrorParams {
  why?: string;
  /** `tooLarge`: the limit on decompressed size, in MiB. */
  limitMb?: number;
}

function errorText(code: HarErrorCode, params: HarErrorParams, locale: Locale): string {
  const message = messagesFor(locale).har.errors[code];
  return typeof message === 'function'
    ? message({ why: params.why ?? '', limitMb: params.limitMb ?? 0 })
    : message;
}

/**
 * The file cannot be read as HAR at all. The message says why, in plain words, in the locale
 * the import was asked for; `code` and `params` let a UI write it again in another language.
 */
export class HarImportError extends Error {
  override name = 'HarImportError';
  /** Stable reason; undefined for an error made from a message alone. */
  readonly code?: HarErrorCode;
  readonly params: HarErrorParams;

  constructor(message: string, detail?: { code: HarErrorCode; params?: HarErrorParams }) {
    super(message);
    this.code = detail?.code;
    this.params = detail?.params ?? {};
  }

  /** The error for `code`, its message in `locale`. */
  static of(code: HarErrorCode, params: HarErrorParams = {}, locale: Locale = 'en'): HarImportError {
    return new HarImportError(errorText(code, params, locale), { code, params });
  }

  /** The message in `locale` (as given, when the error has no code). */
  localized(locale: Locale): string {
    return this.code ? errorText(this.code, this.params, locale) : this.message;
  }
}

/** Something the import assumed or left out, as a code and its numbers (`harNoticeText` writes it). */
export type HarNotice =
  | { code: 'noVersion' }
  | { code: 'otherVersion'; version: string }
  | { code: 'undated'; count: number }
  | { code: 'skipped'; skipped: number; total: number }
  | { code: 'droppedMessages'; count: number }
  | { code: 'refusedExtras'; count: number };

/** A notice as one sentence in `locale`. */
export function harNoticeText(notice: HarNotice, locale: Locale = 'en'): string {
  const m = messagesFor(locale).har.notices;
  switch (notice.code) {
    case 'noVersion':
      return m.noVersion;
    case 'otherVersion':
      return m.otherVersion({ version: notice.version });
    case 'undated':
      return m.undated({ count: notice.count });
    case 'skipped':
      return m.skipped({ skipped: notice.skipped, total: notice.total });
    case 'droppedMessages':
      return m.droppedMessages({ count: notice.count });
    case 'refusedExtras':
      return m.refusedExtras({ count: notice.count });
  }
}

/** Why an entry was skipped, in `locale`. */
export function harSkipReason(code: HarSkipCode, locale: Locale = 'en'): string {
  return messagesFor(locale).har.skip[code];
}

export interface HarImportProgress {
  entriesDone: number;
  /** Exact at the end; while the file streams in, estimated from `fractionRead`. */
  entriesTotal: number;
}

export interface HarImportOptions {
  /** Called every `PROGRESS_EVERY` entries; awaited, so a UI can yield a frame to stay responsive. */
  onProgress?: (progress: HarImportProgress) => void | Promise<void>;
  /**
   * How much of the input has been read so far (0 to 1), for the progress estimate of a stream:
   * the caller knows the file's size and what it has read, the importer does not.
   */
  fractionRead?: () => number;
  /** The language of `warnings`, skip reasons and error messages; English by default. */
  locale?: Locale;
}

export interface HarImportResult {
  events: RecordedEvent[];
  /** Entries left out: `reason` in the import's locale, `code` to write it in another (`harSkipReason`). */
  skipped: Array<{ index: number; reason: string; code: HarSkipCode }>;
  /** What the import assumed or left out, in the import's locale. */
  warnings: string[];
  /** The same as `warnings`, as codes (`harNoticeText` writes one in any locale). */
  notices: HarNotice[];
  creator: { name: string; version: string };
  /** HAR version as the file states it. */
  version: string;
}

export type HarInput = string | Uint8Array | AsyncIterable<string | Uint8Array>;

const PROGRESS_EVERY = 500;
/** Text handed to the scanner at once: a string or bytes in memory is read in slices this long. */
const SLICE = 1 << 20;

/**
 * Reads a HAR file (text, bytes, or a stream of chunks) into events. A stream is read entry by
 * entry (`HarEntryScanner`): the whole text and the whole parsed tree are never held at once.
 * Throws `HarImportError`.
 */
export async function importHar(input: HarInput, options: HarImportOptions = {}): Promise<HarImportResult> {
  const locale = options.locale ?? 'en';
  const entries = new EntryReader(locale);
  let next = PROGRESS_EVERY;
  for await (const text of textsOf(input, locale)) {
    entries.read(text);
    if (entries.count >= next) {
      next = entries.count + PROGRESS_EVERY;
      const fraction = options.fractionRead?.() ?? 0;
      const estimate = fraction > 0 ? Math.round(entries.count / fraction) : entries.count;
      await options.onProgress?.({
        entriesDone: entries.count,
        entriesTotal: Math.max(entries.count, estimate),
      });
    }
  }
  const log = entries.end();
  await options.onProgress?.({ entriesDone: entries.count, entriesTotal: entries.count });
  return finish(log, entries, locale);
}

/** `importHar` for text already in memory, synchronously (tests, small files). */
export function importHarText(text: string, options: { locale?: Locale } = {}): HarImportResult {
  const locale = options.locale ?? 'en';
  const entries = new EntryReader(locale);
  for (let i = 0; i < text.length; i += SLICE) entries.read(text.slice(i, i + SLICE));
  return finish(entries.end(), entries, locale);
}

/** Turns each entry into its record as the scanner hands it out. */
class EntryReader {
  readonly records: EntryRecord[] = [];
  readonly skipped: HarImportResult['skipped'] = [];
  undated = 0;
  count = 0;
  private clock = 0;
  private readonly scanner = new HarEntryScanner();

  constructor(private readonly locale: Locale) {}

  read(text: string): void {
    for (const raw of this.scan(() => this.scanner.push(text))) this.add(raw);
  }

  /** The `log` object without its entries, or a clear reason why this is not a HAR file. */
  end(): Record<string, unknown> {
    return this.scan(() => this.scanner.end());
  }

  private scan<T>(step: () => T): T {
    try {
      return step();
    } catch (error) {
      if (error instanceof HarScanError) throw HarImportError.of(error.code, { why: error.why }, this.locale);
      throw error;
    }
  }

  private add(raw: unknown): void {
    const index = this.count++;
    const record = readEntry(raw, index, this.clock);
    if (typeof record === 'string') {
      this.skipped.push({ index, reason: harSkipReason(record, this.locale), code: record });
      return;
    }
    if (!hasDate(raw)) this.undated++;
    this.clock = record.time;
    this.records.push(record);
  }
}

function hasDate(raw: unknown): boolean {
  return (
    isObject(raw) &&
    typeof raw.startedDateTime === 'string' &&
    Number.isFinite(Date.parse(raw.startedDateTime))
  );
}

/** The input as pieces of text, decoded as UTF-8 across chunk boundaries. */
async function* textsOf(input: HarInput, locale: Locale): AsyncGenerator<string> {
  if (typeof input === 'string') {
    for (let i = 0; i < input.length; i += SLICE) yield input.slice(i, i + SLICE);
    return;
  }
  const decoder = new TextDecoder('utf-8');
  if (input instanceof Uint8Array) {
    refuseGzip(input, locale);
    for (let i = 0; i < input.length; i += SLICE)
      yield decoder.decode(input.subarray(i, i + SLICE), { stream: true });
  } else {
    let first = true;
    for await (const chunk of input) {
      if (typeof chunk === 'string') {
        yield chunk;
        continue;
      }
      if (first) refuseGzip(chunk, locale);
      first = false;
      yield decoder.decode(chunk, { stream: true });
    }
  }
  yield decoder.decode();
}

function refuseGzip(bytes: Uint8Array, locale: Locale): void {
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) throw HarImportError.of('gzip', {}, locale);
}

function creatorOf(log: Record<string, unknown>): HarImportResult['creator'] {
  const c = log.creator;
  if (typeof c === 'string') return { name: c, version: '' };
  if (isObject(c))
    return {
      name: typeof c.name === 'string' ? c.name : 'unknown',
      version: typeof c.version === 'string' ? c.version : '',
    };
  return { name: 'unknown', version: '' };
}

function finish(log: Record<string, unknown>, entries: EntryReader, locale: Locale): HarImportResult {
  const { records, skipped, undated } = entries;
  const notices: HarNotice[] = [];
  const version = typeof log.version === 'string' ? log.version : '';
  if (version === '') notices.push({ code: 'noVersion' });
  else if (version !== '1.2') notices.push({ code: 'otherVersion', version });
  if (undated > 0) notices.push({ code: 'undated', count: undated });
  if (skipped.length > 0)
    notices.push({ code: 'skipped', skipped: skipped.length, total: skipped.length + records.length });
  const dropped = records.reduce((n, r) => n + (r.type === 'channel' ? r.droppedMessages : 0), 0);
  if (dropped > 0) notices.push({ code: 'droppedMessages', count: dropped });

  // Ids must be unique, or the reducer would read a second entry as a redirect of the first.
  const seen = new Set<string>();
  for (const r of records) {
    if (seen.has(r.id)) r.id = `har-${r.index}`;
    seen.add(r.id);
  }
  pairPreflights(records);
  const timed: TimedBody[] = records.flatMap(recordEvents);
  const start = timed.length ? timed.reduce((first, t) => Math.min(first, t.time), Infinity) : 0;
  const extras = readExtras(log, start);
  if (extras.refused > 0) notices.push({ code: 'refusedExtras', count: extras.refused });
  // Stable: events of one entry keep their order when times tie.
  const all = extras.events.concat(timed).sort((a, b) => a.time - b.time);
  // The bodies are this import's own fresh objects: stamped in place, because a spread into a
  // new object takes V8's slow path for each added property (seconds on 500,000 events).
  const events = all.map(
    ({ time, body }, i): RecordedEvent =>
      Object.assign(body, { seq: i + 1, time, source: 'har' as const }) as RecordedEvent,
  );
  const warnings = notices.map((n) => harNoticeText(n, locale));
  return { events, skipped, warnings, notices, creator: creatorOf(log), version };
}
