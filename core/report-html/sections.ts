/**
 * The summary, timeline and channel parts of the HTML report, from entries already redacted
 * (`redactedItems`). Every captured string is escaped; nothing becomes a link or loads anything.
 */
import { requestCorsVerdict } from '../cors/from-recording';
import type { HarEntry } from '../har/types';
import { messagesFor, type Locale } from '../i18n';
import type { Channel, HttpRequest } from '../model';
import type { Redactor } from '../redact/redactor';
import type { Recording } from '../reducer';
import { humanDuration } from '../report';
import { clip, escapeHtml as e } from './escape';

/** What the summary shows about the file (already redacted). */
export interface SummaryFacts {
  name: string;
  creator?: string;
  requests: number;
  channels: number;
  exceptions: number;
  spanMs: number;
  secrets: number;
  warnings: readonly string[];
  skipped: ReadonlyArray<{ index: number; reason: string }>;
  /** Entries in the file (read and skipped), when known. */
  total?: number;
}

/** Skipped entries listed one per line in the summary, at most. */
const SKIPPED_LISTED = 100;

/** Skip reasons grouped: `2 × request.url is missing or empty, 1 × the entry is not an object`. */
export function skipReasons(skipped: ReadonlyArray<{ reason: string }>): string {
  const counts = new Map<string, number>();
  for (const s of skipped) counts.set(s.reason, (counts.get(s.reason) ?? 0) + 1);
  // The reasons are already in the import's language; `×` reads the same in both.
  return [...counts].map(([reason, count]) => `${count} × ${reason}`).join(', ');
}

/** The summary section: the file, who wrote it, what it holds, redaction, warnings, skipped entries. */
export function summaryHtml(s: SummaryFacts, locale: Locale): string {
  const m = messagesFor(locale).report;
  const h = m.html;
  const row = (label: string, value: string) =>
    `<tr><th scope="row">${e(label)}</th><td>${e(value)}</td></tr>`;
  const rows = [
    row(h.file, s.name),
    ...(s.creator ? [row(h.creator, s.creator)] : []),
    row(h.counts, h.countsValue(s)),
    row(h.span, humanDuration(s.spanMs, locale)),
    row(h.redaction, h.redactionValue({ count: s.secrets })),
  ];
  const parts = [
    `<section id="summary"><h2>${e(h.summary)}</h2><table class="summary">${rows.join('')}</table>`,
  ];
  if (s.skipped.length > 0) {
    const total = s.total ?? s.requests + s.channels + s.skipped.length;
    const line = m.skipped({ skipped: s.skipped.length, total, reasons: skipReasons(s.skipped) });
    const listed = s.skipped
      .slice(0, SKIPPED_LISTED)
      .map((x) => `<li>${e(h.skippedEntry({ n: x.index + 1, reason: x.reason }))}</li>`);
    const more = s.skipped.length - listed.length;
    parts.push(
      `<p data-testid="skipped">${e(line)}</p><details><summary>${e(h.skippedHeading)}</summary><ul>${listed.join('')}</ul>` +
        (more > 0 ? `<p class="more">${e(h.moreNotShown({ count: more }))}</p>` : '') +
        '</details>',
    );
  }
  if (s.warnings.length > 0) {
    const items = s.warnings.map((w) => `<li>${e(w)}</li>`);
    parts.push(`<h3>${e(h.warnings)}</h3><ul>${items.join('')}</ul>`);
  }
  parts.push('</section>');
  return parts.join('\n');
}

/** The export writes placeholders in URLs percent-encoded; the reader sees them as in text. */
function readableUrl(url: string): string {
  return url.replace(/%5Bredacted%3A([^%\s]*)%23(\d+)%5D/gi, '[redacted:$1#$2]');
}

/** A failed request's headers, sent and received (redacted), folded under its row. */
function headersHtml(entry: HarEntry, locale: Locale): string {
  const h = messagesFor(locale).report.html;
  const list = (items: ReadonlyArray<{ name: string; value: string }>) =>
    items.map((x) => `<tr><th scope="row">${e(x.name)}</th><td>${e(clip(x.value, 2000))}</td></tr>`).join('');
  return (
    `<tr class="headers"><td colspan="6"><details><summary>${e(h.headers)}</summary>` +
    `<table class="facts"><tr><th colspan="2">${e(h.requestHeaders)}</th></tr>${list(entry.request.headers)}` +
    `<tr><th colspan="2">${e(h.responseHeaders)}</th></tr>${list(entry.response.headers)}</table>` +
    '</details></td></tr>'
  );
}

/** A request's row in the timeline: time, method, URL, status, duration, CORS verdict. */
export function requestRowHtml(
  request: HttpRequest,
  entry: HarEntry,
  rec: Recording,
  origin: number,
  r: Redactor,
  locale: Locale,
): { html: string; failed: boolean } {
  const h = messagesFor(locale).report.html;
  const preflight = request.preflightId ? rec.requests.get(request.preflightId) : undefined;
  const verdict = requestCorsVerdict(request, preflight, locale).decided;
  const failed = request.state === 'failed' || verdict !== undefined;
  const status =
    request.state === 'failed'
      ? `${entry.response.status > 0 ? `${entry.response.status} ` : ''}${h.failed} (${entry._error ?? ''})`
      : request.state === 'pending'
        ? h.pending
        : `${entry.response.status} ${entry.response.statusText}`.trim();
  // The file's own words (a HAR's `_cors`): through the redactor like every captured string.
  const cors = verdict
    ? r.text(`${verdict.corsError}${verdict.failedParameter ? ` (${verdict.failedParameter})` : ''}`)
    : '';
  const cells = [
    `+${humanDuration(request.startTime - origin, locale)}`,
    entry.request.method,
    clip(readableUrl(entry.request.url), 2000),
    status,
    request.endTime !== undefined ? humanDuration(entry.time, locale) : '',
    cors,
  ];
  const row = `<tr${failed ? ' class="failed"' : ''}>${cells.map((c) => `<td>${e(c)}</td>`).join('')}</tr>`;
  return { html: failed ? row + headersHtml(entry, locale) : row, failed };
}

/** The timeline table around its rows, with the count of rows left out. */
export function timelineHtml(rows: readonly string[], total: number, hidden: number, locale: Locale): string {
  const h = messagesFor(locale).report.html;
  const head = [h.time, h.method, h.url, h.status, h.duration, h.cors]
    .map((t) => `<th>${e(t)}</th>`)
    .join('');
  const more = hidden > 0 ? `<p class="more">${e(h.moreRowsNotShown({ count: hidden }))}</p>` : '';
  const body = rows.length > 0 ? rows.join('\n') : '';
  return (
    `<section id="timeline"><h2>${e(h.timeline({ count: total }))}</h2>` +
    (total === 0
      ? `<p>${e(h.none)}</p>`
      : `<table class="rows"><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`) +
    `${more}</section>`
  );
}

/** One channel: its URL, state and the first `maxFrames` messages (redacted), the rest counted. */
export function channelHtml(
  channel: Channel,
  entry: HarEntry,
  messages: Iterator<{ data: string }>,
  origin: number,
  maxFrames: number,
  locale: Locale,
  r: Redactor,
): string {
  const h = messagesFor(locale).report.html;
  const transport = channel.transport === 'sse' ? 'SSE' : 'WebSocket';
  const head = h.channelHead({
    transport,
    url: clip(readableUrl(entry.request.url), 2000),
    frames: channel.frames.length,
  });
  const state =
    channel.closeCode !== undefined
      ? h.closed({ code: channel.closeCode, reason: r.text(channel.closeReason ?? '') })
      : messagesFor(locale).rulesAuth.state[channel.state];
  const rows: string[] = [];
  let i = 0;
  for (let next = messages.next(); !next.done; next = messages.next(), i++) {
    if (i >= maxFrames) continue; // still pulled: the redactor must meet every secret
    const frame = channel.frames[i];
    const dir = frame.direction === 'send' ? `↑ ${h.sent}` : `↓ ${h.received}`;
    const data = frame.opcode === 2 ? h.binary({ size: frame.size }) : clip(next.value.data, 4000);
    const cut = frame.truncated ? ` ${h.truncated}` : '';
    rows.push(
      `<tr><td>+${e(humanDuration(frame.time - origin, locale))}</td><td class="dir-${frame.direction}">${e(dir)}</td>` +
        `<td>${e(data)}${e(cut)}</td></tr>`,
    );
  }
  const hidden = channel.frames.length - rows.length;
  const more = hidden > 0 ? `<p class="more">${e(h.moreNotShown({ count: hidden }))}</p>` : '';
  const table =
    rows.length > 0
      ? `<table class="rows"><thead><tr><th>${e(h.time)}</th><th>${e(h.direction)}</th><th>${e(h.data)}</th></tr></thead>` +
        `<tbody>${rows.join('\n')}</tbody></table>`
      : '';
  return `<details class="channel" open><summary class="mono">${e(head)} · ${e(state)}</summary>${table}${more}</details>`;
}
