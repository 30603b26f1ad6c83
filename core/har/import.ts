/**
 * Import of HAR files — ours, and those of Chrome, Firefox, Safari, Playwright, Charles,
 * Fiddler, mitmproxy and others — into the event log (`source: 'har'`), so an imported file
 * gets the same reducer, rules and findings as a live recording. Each entry is checked and
 * the bad ones skipped with a reason, like DevTools' own importer does
 * (devtools-frontend `models/har/Importer.ts`).
 */
import type { EventBody, RecordedEvent } from '../events';
import { pairPreflights } from './pair-preflights';
import { isObject, readEntry, type EntryRecord } from './read-entry';
import { readExtras, type TimedBody } from './read-extras';
import { recordEvents } from './record-events';

/** The file cannot be read as HAR at all. The message says why, in plain words. */
export class HarImportError extends Error {
  override name = 'HarImportError';
}

export interface HarImportProgress {
  entriesDone: number;
  entriesTotal: number;
}

export interface HarImportOptions {
  /** Called every `PROGRESS_EVERY` entries; awaited, so a UI can yield a frame to stay responsive. */
  onProgress?: (progress: HarImportProgress) => void | Promise<void>;
}

export interface HarImportResult {
  events: RecordedEvent[];
  skipped: Array<{ index: number; reason: string }>;
  warnings: string[];
  creator: { name: string; version: string };
  /** HAR version as the file states it. */
  version: string;
}

export type HarInput = string | Uint8Array | AsyncIterable<string | Uint8Array>;

const PROGRESS_EVERY = 500;

/** Reads a HAR file (text, bytes, or a stream of chunks) into events. Throws `HarImportError`. */
export async function importHar(input: HarInput, options: HarImportOptions = {}): Promise<HarImportResult> {
  const text = await readText(input);
  const log = parseLog(text);
  const total = (log.entries as unknown[]).length;
  const records: EntryRecord[] = [];
  const skipped: HarImportResult['skipped'] = [];
  let clock = 0;
  let undated = 0;
  for (let i = 0; i < total; i++) {
    const record = readEntry((log.entries as unknown[])[i], i, clock);
    if (typeof record === 'string') {
      skipped.push({ index: i, reason: record });
    } else {
      if (record.time === clock && !hasDate((log.entries as unknown[])[i])) undated++;
      clock = record.time;
      records.push(record);
    }
    if ((i + 1) % PROGRESS_EVERY === 0)
      await options.onProgress?.({ entriesDone: i + 1, entriesTotal: total });
  }
  await options.onProgress?.({ entriesDone: total, entriesTotal: total });
  return finish(log, records, skipped, undated);
}

/** `importHar` for text already in memory, synchronously (tests, small files). */
export function importHarText(text: string): HarImportResult {
  const log = parseLog(text);
  const records: EntryRecord[] = [];
  const skipped: HarImportResult['skipped'] = [];
  let clock = 0;
  let undated = 0;
  (log.entries as unknown[]).forEach((raw, i) => {
    const record = readEntry(raw, i, clock);
    if (typeof record === 'string') return skipped.push({ index: i, reason: record });
    if (!hasDate(raw)) undated++;
    clock = record.time;
    records.push(record);
  });
  return finish(log, records, skipped, undated);
}

function hasDate(raw: unknown): boolean {
  return (
    isObject(raw) &&
    typeof raw.startedDateTime === 'string' &&
    Number.isFinite(Date.parse(raw.startedDateTime))
  );
}

async function readText(input: HarInput): Promise<string> {
  if (typeof input === 'string') return input;
  if (input instanceof Uint8Array) return decodeBytes(input);
  const decoder = new TextDecoder('utf-8');
  let text = '';
  for await (const chunk of input)
    text += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
  return text + decoder.decode();
}

function decodeBytes(bytes: Uint8Array): string {
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    throw new HarImportError(
      'This file is gzip-compressed: decompress it first (gunzip), then import the .har inside.',
    );
  }
  return new TextDecoder('utf-8').decode(bytes);
}

/** The `log` object of a HAR file, or a clear reason why this is not one. */
function parseLog(text: string): Record<string, unknown> {
  // Fiddler writes a UTF-8 byte order mark; JSON.parse refuses it.
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') throw new HarImportError('The file is empty: there is no HAR in it.');
  const first = body.trimStart()[0];
  if (first !== '{') {
    throw new HarImportError(
      first === '<'
        ? 'This is not a HAR file: it looks like HTML or XML. Export "Save all as HAR" from the Network panel.'
        : 'This is not a HAR file: a HAR file is JSON that starts with {"log": …}.',
    );
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new HarImportError(
      `This is not a HAR file: it is not valid JSON (${why}). It may be cut off or damaged.`,
    );
  }
  if (!isObject(parsed) || !isObject(parsed.log)) {
    throw new HarImportError(
      'This is not a HAR file: the JSON has no "log" object (HAR files are {"log": {"entries": […]}}).',
    );
  }
  if (!Array.isArray(parsed.log.entries)) {
    throw new HarImportError('This is not a HAR file: "log" has no "entries" list.');
  }
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
): HarImportResult {
  const warnings: string[] = [];
  const version = typeof log.version === 'string' ? log.version : '';
  if (version === '') warnings.push('The file does not say which HAR version it is; read as HAR 1.2.');
  else if (version !== '1.2')
    warnings.push(`The file says HAR ${version}; read as HAR 1.2 (the fields we use are the same).`);
  if (undated > 0)
    warnings.push(
      `${undated} entries have no valid startedDateTime; they are placed after the entry before them.`,
    );
  if (skipped.length > 0)
    warnings.push(
      `${skipped.length} of ${skipped.length + records.length} entries were skipped (see the list).`,
    );
  const dropped = records.reduce((n, r) => n + (r.type === 'channel' ? r.droppedMessages : 0), 0);
  if (dropped > 0) warnings.push(`${dropped} WebSocket/SSE messages were malformed and left out.`);

  // Ids must be unique, or the reducer would read a second entry as a redirect of the first.
  const seen = new Set<string>();
  for (const r of records) {
    if (seen.has(r.id)) r.id = `har-${r.index}`;
    seen.add(r.id);
  }
  pairPreflights(records);
  const timed: TimedBody[] = records.flatMap(recordEvents);
  const start = timed.length ? Math.min(...timed.map((t) => t.time)) : 0;
  const extras = readExtras(log, start);
  if (extras.refused > 0)
    warnings.push(`${extras.refused} of the file's own Handshake items were malformed and left out.`);
  // Stable: events of one entry keep their order when times tie.
  const all = [...extras.events, ...timed].sort((a, b) => a.time - b.time);
  const events = all.map(
    ({ time, body }, i): RecordedEvent =>
      ({ ...(body as EventBody), seq: i + 1, time, source: 'har' }) as RecordedEvent,
  );
  return { events, skipped, warnings, creator: creatorOf(log), version };
}
