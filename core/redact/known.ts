/**
 * Secrets already found, replaced wherever else they appear, in any encoding: as captured,
 * URL-encoded, JSON-escaped, base64 and base64url. One scan of the text whatever the number of
 * secrets (a 100,000-entry file has as many session cookies): a bitmap of 4-character prefixes
 * rules out almost every position before any string is compared.
 */

/** Shorter values are too likely to be ordinary words and numbers to be replaced everywhere. */
export const MIN_KNOWN_LENGTH = 6;
const BITS = 1 << 20;

function hash4(text: string, i: number): number {
  let h = text.charCodeAt(i);
  h = Math.imul(h, 0x9e3779b1) ^ text.charCodeAt(i + 1);
  h = Math.imul(h, 0x85ebca6b) ^ text.charCodeAt(i + 2);
  h = Math.imul(h, 0xc2b2ae35) ^ text.charCodeAt(i + 3);
  return (h ^ (h >>> 15)) & (BITS - 1);
}

function utf8Base64(value: string): string {
  const bytes = new TextEncoder().encode(value);
  let binary = '';
  for (let i = 0; i < bytes.length; i++) binary += String.fromCharCode(bytes[i]);
  return btoa(binary);
}

/** The forms a captured secret takes elsewhere in a recording. */
export function encodings(value: string): string[] {
  const forms = new Set([value]);
  forms.add(encodeURIComponent(value));
  forms.add(encodeURIComponent(value).replace(/%20/g, '+'));
  forms.add(JSON.stringify(value).slice(1, -1));
  const b64 = utf8Base64(value);
  forms.add(b64);
  forms.add(b64.replace(/=+$/, ''));
  forms.add(b64.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, ''));
  return [...forms];
}

/**
 * The forms that share a 4-character prefix, by length (longest first) and then by text: JWTs all
 * start `eyJhbGci…` and session cookies often share a prefix, so a bucket can hold thousands; a
 * position is checked with one lookup per distinct length, not one comparison per form.
 */
interface Bucket {
  lengths: number[];
  byLength: Map<number, Map<string, string>>;
}

export class KnownSecrets {
  private readonly bits = new Uint8Array(BITS);
  private readonly byPrefix = new Map<string, Bucket>();
  size = 0;

  /** Replace `value`, in each of its encodings, by `placeholder` (URL-encoded where the form is). */
  add(value: string, placeholder: string): void {
    if (value.length < MIN_KNOWN_LENGTH) return;
    const encodedPlaceholder = encodeURIComponent(placeholder);
    const urlForms = new Set([encodeURIComponent(value), encodeURIComponent(value).replace(/%20/g, '+')]);
    for (const form of encodings(value)) {
      if (form.length < MIN_KNOWN_LENGTH) continue;
      const replacement = form !== value && urlForms.has(form) ? encodedPlaceholder : placeholder;
      const prefix = form.slice(0, 4);
      let bucket = this.byPrefix.get(prefix);
      if (!bucket) this.byPrefix.set(prefix, (bucket = { lengths: [], byLength: new Map() }));
      let forms = bucket.byLength.get(form.length);
      if (!forms) {
        bucket.byLength.set(form.length, (forms = new Map()));
        bucket.lengths.push(form.length);
        bucket.lengths.sort((a, b) => b - a);
      }
      if (forms.has(form)) continue;
      forms.set(form, replacement);
      this.bits[hash4(form, 0)] = 1;
      this.size++;
    }
  }

  /**
   * `text` with every known secret replaced, and how many were.
   * @param text Any captured string.
   */
  replace(text: string): { text: string; count: number } {
    if (this.size === 0 || text.length < MIN_KNOWN_LENGTH) return { text, count: 0 };
    let out = '';
    let last = 0;
    let count = 0;
    const end = text.length - MIN_KNOWN_LENGTH;
    for (let i = 0; i <= end;) {
      if (this.bits[hash4(text, i)] === 1) {
        const hit = this.formAt(text, i);
        if (hit) {
          out += text.slice(last, i) + hit[1];
          i += hit[0].length;
          last = i;
          count++;
          continue;
        }
      }
      i++;
    }
    const whole = count === 0 ? text : out + text.slice(last);
    if (!whole.includes('…')) return { text: whole, count };
    const cut = this.cutPieces(whole);
    return { text: cut.text, count: count + cut.count };
  }

  /** The longest known form at `text[i]`, with its replacement. */
  private formAt(text: string, i: number): [string, string] | undefined {
    const bucket = this.byPrefix.get(text.slice(i, i + 4));
    if (!bucket) return undefined;
    for (const length of bucket.lengths) {
      if (i + length > text.length) continue;
      const form = text.slice(i, i + length);
      const replacement = bucket.byLength.get(length)?.get(form);
      if (replacement !== undefined) return [form, replacement];
    }
    return undefined;
  }

  /** A known form longer than `piece` that starts with it (only for texts cut with `…`). */
  private formStartingWith(piece: string): [string, string] | undefined {
    const bucket = this.byPrefix.get(piece.slice(0, 4));
    if (!bucket) return undefined;
    for (const length of bucket.lengths) {
      if (length <= piece.length) break;
      for (const entry of bucket.byLength.get(length) ?? []) if (entry[0].startsWith(piece)) return entry;
    }
    return undefined;
  }

  /**
   * A text cut short with `…` (a finding quoting a long frame) may end inside a secret: the
   * piece before each `…` goes when a known secret starts with it.
   */
  private cutPieces(text: string): { text: string; count: number } {
    let out = '';
    let last = 0;
    let count = 0;
    for (let at = text.indexOf('…'); at >= 0; at = text.indexOf('…', at + 1)) {
      let from = at;
      while (from > last && at - from < CUT_PIECE_MAX && !CUT_STOP.test(text[from - 1])) from--;
      const piece = text.slice(from, at);
      if (piece.length < MIN_KNOWN_LENGTH) continue;
      const hit = this.formStartingWith(piece);
      if (!hit) continue;
      out += text.slice(last, from) + hit[1];
      last = at;
      count++;
    }
    return count === 0 ? { text, count } : { text: out + text.slice(last), count };
  }
}

/** What stands before a secret (a space, a quote, a bracket, a separator): where a cut piece starts. */
const CUT_STOP = /[\s"'<>()[\]{},;=:&?#/\\]/;
const CUT_PIECE_MAX = 4096;
