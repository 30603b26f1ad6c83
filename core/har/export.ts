/**
 * Export of a recording as HAR 1.2 that Chrome DevTools can import, plus our `_` fields.
 * It streams: `exportHar` yields string chunks (one per entry, and per batch of frames), so a
 * recording of any size is written without ever building one giant string (V8 caps a string
 * at ~512 MB: `RangeError: Invalid string length`). Redacted by default (`core/redact`).
 */
import type { RecordedEvent } from '../events';
import type { Channel, Finding, HttpRequest } from '../model';
import { Recording } from '../reducer';
import type { RedactionManifest, RedactionOptions } from '../redact/manifest';
import { Redactor } from '../redact/redactor';
import type { Locale } from '../i18n';
import { findFindings } from '../rules';
import type { HarCorsVerdict, HarEntry } from './types';
import { channelEntry, channelMessage, requestEntry } from './write-entries';
import { replayItem } from './write-replays';

export interface HarExportProgress {
  entriesDone: number;
  entriesTotal: number;
}

export interface HarExportOptions {
  redaction?: RedactionOptions;
  /** Only what Chrome's own "Export HAR" writes: none of our `_` fields (for tests and interop). */
  chromeOnly?: boolean;
  creator?: { name: string; version: string };
  onProgress?: (progress: HarExportProgress) => void;
  /** Called once at the end with what redaction did (also written as `log._redaction`). */
  onManifest?: (manifest: RedactionManifest) => void;
  /** The language of the findings written into `_findings` (English by default). */
  locale?: Locale;
}

/** Frames per chunk of a channel's message list. */
const FRAMES_PER_CHUNK = 500;

/**
 * Streams the recording as HAR 1.2 text, chunk by chunk. Redaction takes two passes over the
 * recording (`Redactor`): the first only learns every secret of the file, the second writes.
 */
export function* exportHar(
  events: readonly RecordedEvent[],
  options: HarExportOptions = {},
): Generator<string> {
  const rec = new Recording();
  rec.apply(events);
  const redactor = new Redactor(options.redaction);
  const entryOptions = { chromeOnly: options.chromeOnly === true };
  const items = [
    ...[...rec.requests.values()].map((r) => ({ time: r.startTime, seq: r.firstSeq, request: r })),
    ...[...rec.channels.values()].map((c) => ({ time: c.createdTime, seq: c.firstSeq, channel: c })),
  ].sort((a, b) => a.time - b.time || a.seq - b.seq);
  const creator = options.creator ?? { name: 'Handshake', version: '0.1.0' };
  const findings: Finding[] = entryOptions.chromeOnly
    ? []
    : findFindings(rec, undefined, { locale: options.locale });
  const passes = redactor.active ? 2 : 1;
  let done = 0;
  const progress = () => options.onProgress?.({ entriesDone: ++done, entriesTotal: items.length * passes });
  if (passes === 2) {
    for (const _chunk of body(rec, events, items, redactor, entryOptions, findings, progress)) {
      // The collecting pass: only what the redactor learns matters.
    }
    redactor.startFinalPass();
  }
  yield `{"log":{"version":"1.2","creator":${JSON.stringify(creator)},"pages":[],"entries":[`;
  yield* body(rec, events, items, redactor, entryOptions, findings, progress);
  const manifest = redactor.manifest();
  options.onManifest?.(manifest);
  if (!entryOptions.chromeOnly) yield `,\n"_redaction":${JSON.stringify(manifest)}`;
  yield '}}\n';
}

type Item = { time: number; seq: number } & (
  { request: HttpRequest; channel?: undefined } | { channel: Channel; request?: undefined }
);

/** The entries and the log-level fields, as written (the same in both passes). */
function* body(
  rec: Recording,
  events: readonly RecordedEvent[],
  items: readonly Item[],
  redactor: Redactor,
  entryOptions: { chromeOnly: boolean },
  findings: readonly Finding[],
  progress: () => void,
): Generator<string> {
  let first = true;
  for (const item of items) {
    const sep = first ? '\n' : ',\n';
    first = false;
    if (item.request) {
      yield sep + JSON.stringify(requestEntry(item.request, redactor, entryOptions));
    } else {
      const channel = item.channel;
      const head = JSON.stringify(channelEntry(channel, redactor, entryOptions));
      const field = channel.transport === 'sse' ? '_eventSourceMessages' : '_webSocketMessages';
      if (channel.transport === 'sse' && entryOptions.chromeOnly) {
        yield sep + head;
      } else {
        yield `${sep}${head.slice(0, -1)},"${field}":[`;
        for (let i = 0; i < channel.frames.length; i += FRAMES_PER_CHUNK) {
          const batch = channel.frames.slice(i, i + FRAMES_PER_CHUNK);
          const text = batch.map((f) => JSON.stringify(channelMessage(channel, f, redactor, entryOptions)));
          yield (i === 0 ? '' : ',') + text.join(',');
        }
        yield ']}';
      }
    }
    progress();
  }
  yield '\n]';
  if (!entryOptions.chromeOnly) yield* extras(rec, events, redactor, findings);
}

/** The log-level `_` fields: what is neither a request nor a channel, and what we concluded. */
function* extras(
  rec: Recording,
  events: readonly RecordedEvent[],
  r: Redactor,
  findings: readonly Finding[],
): Generator<string> {
  const exceptions = [...rec.exceptions.values()].map(({ id: _id, alsoReportedAs: _also, ...rest }) => rest);
  yield `,\n"_exceptions":${JSON.stringify(redactDeep(r, exceptions))}`;
  yield `,\n"_logs":${JSON.stringify(
    redactDeep(
      r,
      rec.logs.map(({ seq: _seq, ...rest }) => rest),
    ),
  )}`;
  const of = (kind: string) => events.filter((e) => e.kind === kind).map(({ seq: _seq, ...rest }) => rest);
  yield `,\n"_userActions":${JSON.stringify(redactDeep(r, of('user.action')))}`;
  yield `,\n"_pageLoads":${JSON.stringify(redactDeep(r, of('page.load')))}`;
  const replays = events.flatMap((e) => (e.kind === 'replay.result' ? [replayItem(e, r)] : []));
  yield `,\n"_replays":${JSON.stringify(r.seal(replays))}`;
  yield `,\n"_captureGaps":${JSON.stringify(redactDeep(r, of('capture.gap')))}`;
  yield `,\n"_capture":${JSON.stringify(r.seal(rec.capture))}`;
  const verdicts: HarCorsVerdict[] = [...rec.requests.values()].flatMap((q) =>
    q.failure?.cors ? [{ requestId: q.id, url: r.url(q.url), ...q.failure.cors }] : [],
  );
  yield `,\n"_corsVerdicts":${JSON.stringify(r.seal(verdicts))}`;
  yield `,\n"_findings":${JSON.stringify(redactDeep(r, findings))}`;
}

/** Every string of a JSON-like value through the free-text redaction. */
function redactDeep<T>(r: Redactor, value: T): T {
  if (!r.active) return value;
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return r.text(v);
    if (Array.isArray(v)) return v.map(walk);
    if (v !== null && typeof v === 'object') {
      return Object.fromEntries(Object.entries(v).map(([k, inner]) => [k, walk(inner)]));
    }
    return v;
  };
  return walk(value) as T;
}

/** A stream compressor: CompressionStream('gzip') in the browser, node:zlib in the CLI. */
export type Compressor = (chunks: AsyncIterable<Uint8Array>) => AsyncIterable<Uint8Array>;

/** The export as UTF-8 bytes, chunk by chunk. */
export async function* exportHarBytes(
  events: readonly RecordedEvent[],
  options: HarExportOptions = {},
): AsyncGenerator<Uint8Array> {
  const encoder = new TextEncoder();
  for (const chunk of exportHar(events, options)) yield encoder.encode(chunk);
}

/** The gzip variant: the byte stream through the caller's compressor (core stays free of both). */
export function exportHarGzip(
  events: readonly RecordedEvent[],
  compress: Compressor,
  options: HarExportOptions = {},
): AsyncIterable<Uint8Array> {
  return compress(exportHarBytes(events, options));
}

/** What a default export would remove, without keeping the file: the summary shown before export. */
export function previewRedaction(
  events: readonly RecordedEvent[],
  redaction: RedactionOptions = {},
): RedactionManifest {
  let manifest: RedactionManifest | undefined;
  for (const _chunk of exportHar(events, { redaction, onManifest: (m) => (manifest = m) })) {
    // Drain: the manifest is complete only at the end.
  }
  return manifest as RedactionManifest;
}

export type { HarEntry };
