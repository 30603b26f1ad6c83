/**
 * HAR entries that arrive one at a time while recording — `devtools.network.onRequestFinished`
 * on browsers without `chrome.debugger` (Firefox) — turned into the same events an imported HAR
 * gives (`source: 'har'`), so the reducer pairs them and the CORS analyser judges them from
 * their headers.
 *
 * The difference with a file: a preflight finishes before the request it was sent for, so the
 * pair is not known when the preflight arrives. A preflight is held until its request comes
 * (then both are released, the preflight linked to it) or until it can no longer be paired:
 * the pairing window has passed, too many preflights are waiting, or the recording ends.
 */
import { analyseCors } from '../cors/analyse';
import { getHeader, parseHeaderList } from '../headers';
import { messagesFor, type Locale } from '../i18n';
import { isPreflight, pairPreflights } from './pair-preflights';
import { readEntry, type EntryRecord, type HarSkipCode, type RequestRecord } from './read-entry';
import type { TimedBody } from './read-extras';
import { recordEvents } from './record-events';

/** A preflight and its request start within this long of each other (as in `pair-preflights.ts`). */
const HOLD_MS = 10_000;
/** Preflights held at most; the oldest is released unpaired beyond this. */
const MAX_HELD = 50;

export interface LiveEntriesResult {
  /** Events to append, in time order. */
  events: TimedBody[];
  /** Why an entry was refused (no URL, no method…), when it was, in the feed's locale. */
  skipped?: string;
  /** The same reason as a code (`harSkipReason` writes it in any locale). */
  skippedCode?: HarSkipCode;
}

/** Turns live HAR entries into events, pairing each preflight with the request it was sent for. */
export class LiveHarEntries {
  private held: RequestRecord[] = [];
  /** Requests recorded as blocked by their preflight (`requestBlockedBy`), in time order. */
  private blocked: RequestRecord[] = [];
  private count = 0;

  /** @param locale The language of `skipped` reasons. */
  constructor(private readonly locale: Locale = 'en') {}

  /**
   * Reads one entry (untrusted: checked by `readEntry`) and returns the events now known.
   * @param raw A HAR 1.2 entry as the browser gave it.
   */
  add(raw: unknown): LiveEntriesResult {
    const index = this.count++;
    const record = readEntry(raw, index, Date.now());
    if (typeof record === 'string')
      return { events: [], skipped: messagesFor(this.locale).har.skip[record], skippedCode: record };
    // Browsers give live entries no id of their own: a running number keeps them apart.
    record.id = `har-live-${index}`;
    const out: EntryRecord[] = this.expire(record.time);
    if (record.type === 'request' && isPreflight(record)) {
      record.resourceType = 'preflight';
      const notSent = requestBlockedBy(record);
      if (notSent) {
        record.preflightFor = notSent.id;
        this.blocked.push(notSent);
        if (this.blocked.length > MAX_HELD) this.blocked.shift();
        out.push(record, notSent);
        return { events: eventsOf(out) };
      }
      this.held.push(record);
      const oldest = this.held.length > MAX_HELD ? this.held.shift() : undefined;
      if (oldest) out.push(oldest);
      return { events: eventsOf(out) };
    }
    // A browser that does report the blocked request: it is already recorded.
    if (record.type === 'request' && this.wasBlocked(record)) return { events: eventsOf(out) };
    if (record.type === 'request' && this.held.length > 0) {
      pairPreflights([...this.held, record]);
      const paired = this.held.filter((p) => p.preflightFor === record.id);
      this.held = this.held.filter((p) => p.preflightFor !== record.id);
      for (const p of paired) out.push(p);
    }
    out.push(record);
    return { events: eventsOf(out) };
  }

  /** Releases every held preflight unpaired (the recording stopped). */
  drain(): TimedBody[] {
    const out = this.held;
    this.held = [];
    return eventsOf(out);
  }

  /** Whether `r` is a failure already recorded for its failed preflight (and forgets it). */
  private wasBlocked(r: RequestRecord): boolean {
    if (r.status > 0) return false;
    const i = this.blocked.findIndex((b) => b.method === r.method && b.url === r.url);
    if (i < 0) return false;
    this.blocked.splice(i, 1);
    return true;
  }

  /** Preflights whose request can no longer come (started more than `HOLD_MS` before `now`). */
  private expire(now: number): EntryRecord[] {
    this.blocked = this.blocked.filter((b) => now - b.time <= HOLD_MS);
    const stale = this.held.filter((p) => now - p.time > HOLD_MS);
    if (stale.length > 0) this.held = this.held.filter((p) => now - p.time <= HOLD_MS);
    return stale;
  }
}

/**
 * The request a failed preflight was sent for, when the preflight's own headers already block it.
 * The browser then never sends that request, and Firefox gives `onRequestFinished` no entry for it
 * (seen in Firefox 153 ESR: docs/firefox.md), so nothing would ever pair with the preflight. The
 * record stands for it as a failure (method from `Access-Control-Request-Method`, no response);
 * the page's own report of the same request merges into it, and the CORS rules judge the pair
 * from the preflight's headers. Judged without credentials: what fails without them fails with.
 */
function requestBlockedBy(preflight: RequestRecord): RequestRecord | undefined {
  const method = getHeader(preflight.headers, 'access-control-request-method');
  const origin = getHeader(preflight.headers, 'origin');
  if (!method || !origin || preflight.status <= 0) return undefined;
  const asked = getHeader(preflight.headers, 'access-control-request-headers');
  const verdict = analyseCors({
    request: {
      method,
      url: preflight.url,
      headers: {},
      credentials: 'same-origin',
      origin,
      unsafeHeaderNames: asked !== undefined ? parseHeaderList(asked) : [],
    },
    preflight: { url: preflight.url, status: preflight.status, headers: preflight.responseHeaders },
    responses: [],
  });
  if (verdict.outcome !== 'blocked' || verdict.stage !== 'preflight') return undefined;
  const time = preflight.time + preflight.duration;
  return {
    type: 'request',
    index: preflight.index,
    id: `${preflight.id}-blocked`,
    url: preflight.url,
    method,
    headers: { Origin: origin },
    resourceType: 'other',
    time,
    duration: 0,
    status: 0,
    statusText: '',
    responseHeaders: {},
    bodyBase64: false,
    bodyTruncated: false,
    state: 'failed',
    // Data, as a browser's error text is: what happened to the request, not a verdict.
    error: 'Not sent: its CORS preflight failed',
  };
}

function eventsOf(records: EntryRecord[]): TimedBody[] {
  const timed = records.flatMap(recordEvents);
  // Stable: a preflight's events stay before its request's when their times tie.
  return timed.sort((a, b) => a.time - b.time);
}
