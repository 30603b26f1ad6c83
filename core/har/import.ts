/**
 * Import of HAR files — ours, and those of Chrome, Firefox, Safari, Playwright, Charles,
 * Fiddler, mitmproxy and others — into the event log (`source: 'har'`), so an imported file
 * gets the same reducer, rules and findings as a live recording. Each entry is checked and
 * the bad ones skipped with a reason, like DevTools' own importer does
 * (devtools-frontend `models/har/Importer.ts`).
 */
import type { EventBody, RecordedEvent } from '../events';
import { messagesFor, type Locale } from '../i18n';
import { pairPreflights } from './pair-preflights';
import { isObject, readEntry, type EntryRecord, type HarSkipCode } from './read-entry';
import { readExtras, type TimedBody } from './read-extras';
import { recordEvents } from './record-events';

/** Why a file is not HAR: a key of the `har.errors` messages. */
export type HarErrorCode =
  'gzip' | 'empty' | 'html' | 'notJson' | 'invalidJson' | 'noLog' | 'noEntries' | 'unreadable';

/** What `invalidJson` and `unreadable` say about the cause (the parser's or reader's own words). */
export interface HarErrorParams {
  why?: string;
}

function errorText(code: HarErrorCode, params: HarErrorParams, locale: Locale): string {
  const message = messagesFor(locale).har.errors[code];
  return typeof message === 'function' ? message({ why: params.why ?? '' }) : message;
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
  entriesTotal: number;
}

export interface HarImportOptions {
  /** Called every `PROGRESS_EVERY` entries; awaited, so a UI can yield a frame to stay responsive. */
  onProgress?: (progress: HarImportProgress) => void | Promise<void>;
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

/** Reads a HAR file (text, bytes, or a stream of chunks) into events. Throws `HarImportError`. */
export async function importHar(input: HarInput, options: HarImportOptions = {}): Promise<HarImportResult> {
  const locale = options.locale ?? 'en';
  const text = await readText(input, locale);
  const log = parseLog(text, locale);
  const total = (log.entries as unknown[]).length;
  const records: EntryRecord[] = [];
  const skipped: HarImportResult['skipped'] = [];
  let clock = 0;
  let undated = 0;
  for (let i = 0; i < total; i++) {
    const record = readEntry((log.entries as unknown[])[i], i, clock);
    if (typeof record === 'string') {
      skipped.push({ index: i, reason: harSkipReason(record, locale), code: record });
    } else {
      if (record.time === clock && !hasDate((log.entries as unknown[])[i])) undated++;
      clock = record.time;
      records.push(record);
    }
    if ((i + 1) % PROGRESS_EVERY === 0)
      await options.onProgress?.({ entriesDone: i + 1, entriesTotal: total });
  }
  await options.onProgress?.({ entriesDone: total, entriesTotal: total });
  return finish(log, records, skipped, undated, locale);
}

/** `importHar` for text already in memory, synchronously (tests, small files). */
export function importHarText(text: string, options: { locale?: Locale } = {}): HarImportResult {
  const locale = options.locale ?? 'en';
  const log = parseLog(text, locale);
  const records: EntryRecord[] = [];
  const skipped: HarImportResult['skipped'] = [];
  let clock = 0;
  let undated = 0;
  (log.entries as unknown[]).forEach((raw, i) => {
    const record = readEntry(raw, i, clock);
    if (typeof record === 'string')
      return skipped.push({ index: i, reason: harSkipReason(record, locale), code: record });
    if (!hasDate(raw)) undated++;
    clock = record.time;
    records.push(record);
  });
  return finish(log, records, skipped, undated, locale);
}

function hasDate(raw: unknown): boolean {
  return (
    isObject(raw) &&
    typeof raw.startedDateTime === 'string' &&
    Number.isFinite(Date.parse(raw.startedDateTime))
  );
}

async function readText(input: HarInput, locale: Locale): Promise<string> {
  if (typeof input === 'string') return input;
  if (input instanceof Uint8Array) return decodeBytes(input, locale);
  const decoder = new TextDecoder('utf-8');
  let text = '';
  for await (const chunk of input)
    text += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
  return text + decoder.decode();
}

function decodeBytes(bytes: Uint8Array, locale: Locale): string {
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) throw HarImportError.of('gzip', {}, locale);
  return new TextDecoder('utf-8').decode(bytes);
}

/** The `log` object of a HAR file, or a clear reason why this is not one. */
function parseLog(text: string, locale: Locale): Record<string, unknown> {
  // Fiddler writes a UTF-8 byte order mark; JSON.parse refuses it.
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') throw HarImportError.of('empty', {}, locale);
  const first = body.trimStart()[0];
  if (first !== '{') throw HarImportError.of(first === '<' ? 'html' : 'notJson', {}, locale);
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw HarImportError.of('invalidJson', { why }, locale);
  }
  if (!isObject(parsed) || !isObject(parsed.log)) throw HarImportError.of('noLog', {}, locale);
  if (!Array.isArray(parsed.log.entries)) throw HarImportError.of('noEntries', {}, locale);
  return parsed.log;
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

function finish(
  log: Record<string, unknown>,
  records: EntryRecord[],
  skipped: HarImportResult['skipped'],
  undated: number,
  locale: Locale,
): HarImportResult {
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
  const all = [...extras.events, ...timed].sort((a, b) => a.time - b.time);
  const events = all.map(
    ({ time, body }, i): RecordedEvent =>
      ({ ...(body as EventBody), seq: i + 1, time, source: 'har' }) as RecordedEvent,
  );
  const warnings = notices.map((n) => harNoticeText(n, locale));
  return { events, skipped, warnings, notices, creator: creatorOf(log), version };
}
