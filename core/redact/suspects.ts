/**
 * Values caught by their looks alone (a JWT, a PEM key, a vendor key, a random token) are listed
 * for review before the file is saved: where each was found and a masked preview (never the
 * value), so the user can keep one that is not a secret (a build id, a public hash). The
 * redactor notes each suspect here; the place is learnt when the entry that holds it is sealed.
 */
import type { SuspectPlace, SuspectReview } from './manifest';

/** Places listed per suspect, at most. */
const MAX_PLACES = 3;

/**
 * A few characters of `value` with the rest masked: `Rt12…Yk` (4 + 2 of 16 or more), `ab…`
 * (2 of a shorter one); a PEM key shows only its `BEGIN` line.
 * @param value A suspected secret.
 */
export function maskedPreview(value: string): string {
  const pem = /^-----BEGIN [A-Z0-9 ]+-----/.exec(value);
  if (pem) return `${pem[0]}…`;
  return value.length >= 16 ? `${value.slice(0, 4)}…${value.slice(-2)}` : `${value.slice(0, 2)}…`;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** `GET https://host/path`, `WebSocket wss://host/path`: what a HAR entry is, in one line. */
function entryLabel(entry: Json): string | undefined {
  const request = entry.request;
  if (!isObject(request) || typeof request.url !== 'string' || typeof request.method !== 'string')
    return undefined;
  const kind = entry._resourceType;
  const verb = kind === 'websocket' ? 'WebSocket' : kind === 'eventsource' ? 'EventSource' : request.method;
  const url = request.url.replace(/%5Bredacted%3A([^%\s]*)%23(\d+)%5D/gi, '[redacted:$1#$2]');
  return `${verb} ${url.length > 120 ? `${url.slice(0, 120)}…` : url}`;
}

/** The field of a HAR entry that shows `placeholder`, if any. */
function fieldOf(entry: Json, has: (v: unknown) => boolean): Omit<SuspectPlace, 'entry'> | undefined {
  const request = isObject(entry.request) ? entry.request : {};
  const response = isObject(entry.response) ? entry.response : {};
  const named = (list: unknown, field: SuspectPlace['field']) => {
    if (!Array.isArray(list)) return undefined;
    for (const item of list) if (isObject(item) && has(item.value)) return { field, name: String(item.name) };
    return undefined;
  };
  if (has(request.url)) return { field: 'url' };
  const found =
    named(request.headers, 'request-header') ??
    named(request.queryString, 'query') ??
    named(response.headers, 'response-header');
  if (found) return found;
  const post = isObject(request.postData) ? request.postData : {};
  if (has(post.text) || has(post.params)) return { field: 'request-body' };
  const content = isObject(response.content) ? response.content : {};
  if (has(content.text) || content.encoding === 'base64') return { field: 'response-body' };
  if (has(response.statusText) || has(entry._error) || has(entry._channel)) return { field: 'status' };
  if (has(response.redirectURL)) return { field: 'response-header', name: 'Location' };
  return has(entry) ? { field: 'other' } : undefined;
}

export class SuspectBook {
  private readonly byPlaceholder = new Map<string, SuspectReview>();
  /** The values the user keeps, to find them in the file (memory only, never in the manifest). */
  private readonly keptValues = new Map<string, string>();
  /** Placeholders noted since the last seal: their place is in the value sealed next. */
  private pending: string[] = [];
  /** The entry last sealed: the messages sealed after it are its own. */
  private lastEntry: string | undefined;

  /** One more occurrence of a suspect (`kept`: the user keeps it in this export). */
  note(placeholder: string, rule: string, value: string, kept: boolean): void {
    let seen = this.byPlaceholder.get(placeholder);
    if (!seen) {
      seen = {
        rule,
        placeholder,
        count: 0,
        preview: maskedPreview(value),
        length: value.length,
        where: [],
        kept,
      };
      this.byPlaceholder.set(placeholder, seen);
    }
    seen.count++;
    if (kept) this.keptValues.set(placeholder, value);
    if (seen.where.length < MAX_PLACES) this.pending.push(placeholder);
  }

  /**
   * The places of the suspects noted while `value` was built (an entry, a message, any other
   * part of the file), read from where their placeholders (or, kept, their previews) stand in it.
   * @param value A part of the file, as written.
   */
  sealed(value: unknown): void {
    const entry = isObject(value) ? entryLabel(value) : undefined;
    if (entry !== undefined) this.lastEntry = entry;
    if (this.pending.length === 0) return;
    const text = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));
    const left: string[] = [];
    for (const placeholder of this.pending) {
      const review = this.byPlaceholder.get(placeholder);
      if (!review) continue;
      // A kept value is in the file as it was; a removed one shows as its placeholder.
      const forms = review.kept
        ? [this.keptValues.get(placeholder) ?? placeholder]
        : [placeholder, encodeURIComponent(placeholder)];
      const has = (v: unknown) => v !== undefined && forms.some((form) => text(v).includes(form));
      let place: SuspectPlace | undefined;
      if (entry !== undefined) {
        const field = isObject(value) ? fieldOf(value, has) : undefined;
        if (field) place = { ...field, entry };
      } else if (isObject(value) && 'data' in value && (has(value.data) || value.opcode === 2)) {
        place = { field: 'message', ...(this.lastEntry ? { entry: this.lastEntry } : {}) };
      } else if (has(value)) {
        place = { field: 'other' };
      }
      if (!place) {
        left.push(placeholder);
        continue;
      }
      const same = review.where.some(
        (w) => w.field === place.field && w.name === place.name && w.entry === place.entry,
      );
      if (!same && review.where.length < MAX_PLACES) review.where.push(place);
    }
    this.pending = left;
  }

  /** Every suspect with its places; those never sealed were in exceptions, logs or findings. */
  list(): SuspectReview[] {
    for (const placeholder of this.pending) {
      const review = this.byPlaceholder.get(placeholder);
      if (review && review.where.length === 0) review.where.push({ field: 'extras' });
    }
    this.pending = [];
    return [...this.byPlaceholder.values()].map((r) => ({ ...r, where: [...r.where] }));
  }
}
