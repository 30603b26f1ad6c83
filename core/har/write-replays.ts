/**
 * The log-level `_replays` field: each replay the user confirmed (issue 5), with its outcome,
 * redacted like any request (URL, headers, body), so a shared file shows what was tried.
 */
import type { RecordedEvent, ReplayResult } from '../events';
import type { Redactor } from '../redact/redactor';
import { toNameValues } from './write-entries';

type Replay = Omit<RecordedEvent & ReplayResult, 'seq'>;

/** A replay result as written to the file: the event minus `seq`, secrets replaced. */
export function replayItem({ seq: _seq, ...replay }: RecordedEvent & ReplayResult, r: Redactor): Replay {
  const out: Replay = { ...replay, url: r.url(replay.url) };
  if (replay.headers) {
    const list = r.headers(toNameValues(replay.headers));
    out.headers = Object.fromEntries(list.map(({ name, value }) => [name, value]));
  }
  if (replay.body !== undefined) {
    const type = Object.entries(replay.headers ?? {}).find(([k]) => k.toLowerCase() === 'content-type');
    out.body = r.body(replay.body, type?.[1]);
  }
  if (replay.error !== undefined) out.error = r.text(replay.error);
  return out;
}
