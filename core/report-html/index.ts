/**
 * The report to attach to a ticket: one self-contained HTML file (inline CSS, no script, no
 * external URL; a Content-Security-Policy that forbids both anyway), redacted exactly like the
 * HAR export, readable offline in any browser. The command line (`handshake report`) and the
 * panel ("Save report") both write it from here. Pure: a recording, its findings and what the
 * import said, in; chunks of HTML, out.
 */
import { messagesFor, type Locale } from '../i18n';
import type { Finding } from '../model';
import type { RedactionOptions } from '../redact/manifest';
import type { Recording } from '../reducer';
import { escapeHtml as e } from './escape';
import { findingsHtml } from './findings';
import { drain, finishPriming, primedRedactor, redactedItems, redactFindings } from './redaction';
import { channelHtml, requestRowHtml, summaryHtml, timelineHtml } from './sections';
import { REPORT_CSS } from './style';

export { primedRedactor, redactDeep, redactFindings } from './redaction';
export { skipReasons } from './sections';

/** What the file's import said: who wrote it, what was left out, what was assumed. */
export interface ReportFile {
  /** The file's name (or the recording's), shown in the title. */
  name: string;
  creator?: string;
  skipped: ReadonlyArray<{ index: number; reason: string }>;
  warnings: readonly string[];
  /** Entries in the file, read and skipped, when known. */
  total?: number;
}

export interface ReportInput {
  recording: Recording;
  /** The findings as the rules gave them: they are redacted here, with the rest. */
  findings: readonly Finding[];
  file: ReportFile;
  locale: Locale;
  /** When the report is written (epoch ms): the caller's clock keeps this function pure. */
  writtenAt: number;
  /** The export's redaction options; default redaction when absent. */
  redaction?: RedactionOptions;
  /** Timeline rows shown before only failed requests are (1000 by default). */
  maxRows?: number;
  /** Timeline rows shown at most, failed ones included (5000 by default). */
  maxFailedRows?: number;
  /** Messages shown per channel (200 by default). */
  maxFrames?: number;
  /** Channels shown (300 by default). */
  maxChannels?: number;
}

/** The earliest start among requests and channels (epoch ms), 0 when there is none. */
function originOf(rec: Recording): { origin: number; end: number } {
  let origin = Infinity;
  let end = -Infinity;
  for (const q of rec.requests.values()) {
    origin = Math.min(origin, q.startTime);
    end = Math.max(end, q.endTime ?? q.startTime);
  }
  for (const c of rec.channels.values()) {
    origin = Math.min(origin, c.createdTime);
    end = Math.max(end, c.lastActivity);
  }
  return Number.isFinite(origin) ? { origin, end } : { origin: 0, end: 0 };
}

/**
 * The report as chunks of HTML (join them, or write them one by one). Walks the recording once,
 * in the export's order and through the export's redactor, keeping only the rows it shows: a
 * 100,000-entry file gives a report of a few megabytes.
 * @param input The recording, its findings, the import's words, the locale and the limits.
 */
export function* reportHtml(input: ReportInput): Generator<string> {
  const { recording: rec, locale } = input;
  const h = messagesFor(locale).report.html;
  const maxRows = input.maxRows ?? 1000;
  const maxFailedRows = input.maxFailedRows ?? 5000;
  const maxFrames = input.maxFrames ?? 200;
  const maxChannels = input.maxChannels ?? 300;
  const r = primedRedactor(rec, input.redaction);
  const { origin, end } = originOf(rec);

  const rows: string[] = [];
  const channels: string[] = [];
  let requests = 0;
  let hiddenRows = 0;
  let hiddenChannels = 0;
  for (const item of redactedItems(rec, r)) {
    if (item.kind === 'request') {
      requests++;
      const row = requestRowHtml(item.request, item.entry, rec, origin, r, locale);
      const room = rows.length < maxRows || (row.failed && rows.length < maxFailedRows);
      if (room) rows.push(row.html);
      else hiddenRows++;
    } else if (channels.length < maxChannels) {
      channels.push(channelHtml(item.channel, item.entry, item.messages(), origin, maxFrames, locale, r));
    } else {
      hiddenChannels++;
      drain(item.messages());
    }
  }
  finishPriming(rec, r);
  const findings = redactFindings(r, input.findings);
  const name = r.text(input.file.name);

  yield '<!doctype html>\n<html lang="' + e(locale) + '"><head><meta charset="utf-8">\n';
  // No script and nothing fetched, even if a captured string got past the escaping.
  yield `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">\n`;
  yield '<meta name="viewport" content="width=device-width, initial-scale=1">\n';
  yield `<title>${e(h.title({ name }))}</title>\n<style>${REPORT_CSS}</style></head>\n<body>\n`;
  yield `<header><h1>${e(h.title({ name }))}</h1>`;
  yield `<p class="muted">${e(h.generated({ date: new Date(input.writtenAt).toISOString().replace('T', ' ').slice(0, 16) + ' UTC' }))}</p></header>\n`;
  yield summaryHtml(
    {
      name,
      creator: input.file.creator ? r.text(input.file.creator) : undefined,
      requests,
      channels: rec.channels.size,
      exceptions: rec.exceptions.size,
      spanMs: end - origin,
      secrets: r.manifest().distinctSecrets,
      warnings: input.file.warnings.map((w) => r.text(w)),
      skipped: input.file.skipped.map((s) => ({ index: s.index, reason: r.text(s.reason) })),
      total: input.file.total,
    },
    locale,
  );
  yield '\n';
  yield findingsHtml(findings, locale, input.file.skipped.length);
  yield '\n';
  yield timelineHtml(rows, requests, hiddenRows, locale);
  yield '\n';
  yield `<section id="channels"><h2>${e(h.channels({ count: rec.channels.size }))}</h2>`;
  if (rec.channels.size === 0) yield `<p>${e(h.none)}</p>`;
  for (const c of channels) yield `${c}\n`;
  if (hiddenChannels > 0) yield `<p class="more">${e(h.moreNotShown({ count: hiddenChannels }))}</p>`;
  yield '</section>\n</body></html>\n';
}

/** The whole report as one string (tests, small recordings). */
export function reportHtmlText(input: ReportInput): string {
  let out = '';
  for (const chunk of reportHtml(input)) out += chunk;
  return out;
}
