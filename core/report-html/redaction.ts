/**
 * Redaction for what is shown rather than exported: the command line's text and JSON and the
 * HTML report. They go through the exporter's `Redactor`, fed the recording in the export's
 * own order (entries by time, then exceptions and logs), so a secret gets the placeholder it
 * gets in `handshake redact`'s file (`[redacted:authorization#1]`), and a secret the findings
 * quote as plain text (a token inside a title) is recognised because the walk met it first.
 */
import type { HarEntry } from '../har/types';
import { channelEntry, channelMessage, requestEntry } from '../har/write-entries';
import type { Channel, Finding, HttpRequest } from '../model';
import { mapStrings, Redactor } from '../redact/redactor';
import type { RedactionOptions } from '../redact/manifest';
import type { Recording } from '../reducer';

export type RedactedItem =
  | { kind: 'request'; request: HttpRequest; entry: HarEntry }
  | {
      kind: 'channel';
      channel: Channel;
      entry: HarEntry;
      /** The channel's messages, redacted as they are pulled (a socket can carry millions). */
      messages: () => Generator<{ data: string }>;
    };

const ENTRY_OPTIONS = { chromeOnly: false };

/**
 * The recording's requests and channels in the order `exportHar` writes them (start time, then
 * sequence), each redacted by `r` as the export redacts it. A channel's messages must be pulled
 * (or skipped with `drain`) before the next item, to keep the export's placeholder numbering.
 */
export function* redactedItems(rec: Recording, r: Redactor): Generator<RedactedItem> {
  const items: Array<{ time: number; seq: number; request?: HttpRequest; channel?: Channel }> = [];
  for (const request of rec.requests.values())
    items.push({ time: request.startTime, seq: request.firstSeq, request });
  for (const channel of rec.channels.values())
    items.push({ time: channel.createdTime, seq: channel.firstSeq, channel });
  items.sort((a, b) => a.time - b.time || a.seq - b.seq);
  for (const item of items) {
    if (item.request) {
      yield { kind: 'request', request: item.request, entry: requestEntry(item.request, r, ENTRY_OPTIONS) };
    } else if (item.channel) {
      const channel = item.channel;
      yield {
        kind: 'channel',
        channel,
        entry: channelEntry(channel, r, ENTRY_OPTIONS),
        messages: function* () {
          for (const frame of channel.frames)
            yield channelMessage(channel, frame, r, ENTRY_OPTIONS) as { data: string };
        },
      };
    }
  }
}

/** Pulls whatever of `messages` is left, so every secret in them is known to the redactor. */
export function drain(messages: Iterator<unknown>): void {
  while (!messages.next().done) {
    // Only the redactor's side effect matters.
  }
}

/** The exceptions and logs, as the export redacts them after the entries. */
function primeExtras(rec: Recording, r: Redactor): void {
  for (const x of rec.exceptions.values()) redactDeep(r, x);
  for (const log of rec.logs) redactDeep(r, log);
}

/**
 * A redactor that has seen the whole recording as the export sees it (the export's collecting
 * pass), now in its final pass: what is shown through it uses the export's placeholders, and a
 * secret found anywhere in the file is removed from everything shown. Default redaction unless
 * `options` says otherwise.
 * @param rec The reduced recording.
 * @param options The export's redaction options (the same rules the user gave the export).
 */
export function primedRedactor(rec: Recording, options: RedactionOptions = {}): Redactor {
  const r = new Redactor(options);
  if (!r.active) return r;
  for (const item of redactedItems(rec, r)) if (item.kind === 'channel') drain(item.messages());
  primeExtras(rec, r);
  r.startFinalPass();
  return r;
}

/**
 * The entries walked by the caller (the HTML report renders them as it goes), then the extras:
 * call once the walk is done so the findings' texts meet every secret of the file.
 */
export function finishPriming(rec: Recording, r: Redactor): void {
  if (r.active) primeExtras(rec, r);
}

/** Every string of a JSON-like value through the free-text redaction (as `_findings` in exports). */
export function redactDeep<T>(r: Redactor, value: T): T {
  if (!r.active) return value;
  return mapStrings(value, (text) => r.text(text));
}

/**
 * Findings as they may be shown: every text (title, facts, explanation, fix, snippets, evidence
 * and occurrence labels) redacted. Keys and ids go through the same redactor, so a secret in a
 * key becomes the same placeholder in `causedBy`: the links still hold.
 */
export function redactFindings(r: Redactor, findings: readonly Finding[]): Finding[] {
  return findings.map((f) => ({
    ...redactDeep(r, f),
    ruleId: f.ruleId,
    severity: f.severity,
    basis: f.basis,
  }));
}
