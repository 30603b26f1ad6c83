/**
 * JSON redacted as text, token by token, with an explicit stack: no depth limit (JSON nested
 * 100,000 levels deep is walked like any other), the body keeps its own layout, and text that is
 * JSON only up to a point (a truncated body, a value without its closing quote) is redacted as
 * far as it goes. `JSON.parse`/`JSON.stringify` are recursive in V8 and throw on deep nesting.
 */
import type { Redactor } from './redactor';
import { isSecretJsonKey } from './rules';

interface Frame {
  object: boolean;
  /** Everything below is a secret (the container's key was one). */
  secret: boolean;
  label: string;
  /** The next string in this object is a key. */
  expectKey: boolean;
  key: string;
}

/** Where the string starting at `start` (on its quote) ends: after the closing quote, or the text's end. */
function stringEnd(text: string, start: number): { end: number; closed: boolean } {
  for (let i = start + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 92) i++;
    else if (c === 34) return { end: i + 1, closed: true };
  }
  return { end: text.length, closed: false };
}

/** A key that reads as an id or token (a digit, a letter, no space, 8 characters or more). */
const ID_LIKE = /^(?=\S*\d)(?=\S*[A-Za-z])\S{8,}$/;

/**
 * A key that is itself a secret: an id under a secret's name (`{"sessions":{"<id>":…}}`), or a
 * key that looks like one (a JWT, a random token as a map's key). Short keys, and keys without a
 * digit, are names: kept without a scan.
 */
function scrubKey(r: Redactor, key: string, top: Frame): string {
  if (top.secret && ID_LIKE.test(key)) return r.secret(key, `json-key:${top.label}`, top.label);
  // Every looks-based rule wants 16 characters or more with digits in them (JWTs, vendor keys, random tokens).
  return key.length >= 16 && /\d/.test(key) ? r.text(key) : key;
}

function decodeString(raw: string, closed: boolean): string {
  try {
    return JSON.parse(closed ? raw : `${raw}"`) as string;
  } catch {
    return raw.slice(1, closed ? -1 : undefined);
  }
}

/**
 * `text` (which starts, after white space, with `{` or `[`) with every value under a secret key
 * replaced and every other string scanned as free text (or, when it holds JSON, as JSON);
 * `clean` is false when the text was not complete JSON (the caller scans it as text too).
 * @param r The redactor of the file.
 * @param text A body or frame.
 * @param nested Strings that hold JSON are scanned by `nested` (a body scan, for its shapes).
 */
export function scrubJsonText(
  r: Redactor,
  text: string,
  nested: (inner: string) => string,
): { text: string; clean: boolean } {
  const stack: Frame[] = [];
  let clean = true;
  const parts: string[] = [];
  let last = 0;
  const valueSecret = (): { secret: boolean; label: string } => {
    const top = stack[stack.length - 1];
    if (!top) return { secret: false, label: 'secret' };
    if (top.secret || !top.object) return { secret: top.secret, label: top.label };
    const user = r.userRuleFor('json-key', top.key);
    if (user) return { secret: true, label: user.label };
    return { secret: isSecretJsonKey(top.key), label: top.key };
  };
  const emit = (from: number, to: number, replacement: string) => {
    parts.push(text.slice(last, from), replacement);
    last = to;
  };
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 123 || c === 91) {
      const v = valueSecret();
      stack.push({ object: c === 123, secret: v.secret, label: v.label, expectKey: c === 123, key: '' });
      i++;
    } else if (c === 125 || c === 93) {
      stack.pop();
      i++;
    } else if (c === 44) {
      const top = stack[stack.length - 1];
      if (top?.object) top.expectKey = true;
      i++;
    } else if (c === 58) {
      const top = stack[stack.length - 1];
      if (top) top.expectKey = false;
      i++;
    } else if (c === 34) {
      const { end, closed } = stringEnd(text, i);
      const top = stack[stack.length - 1];
      if (top?.object && top.expectKey) {
        top.key = decodeString(text.slice(i, end), closed);
        const out = scrubKey(r, top.key, top);
        if (out !== top.key) {
          const quoted = JSON.stringify(out);
          emit(i, end, closed ? quoted : quoted.slice(0, -1));
        }
      } else {
        const v = valueSecret();
        const value = decodeString(text.slice(i, end), closed);
        let out: string;
        if (v.secret) out = r.secret(value, `json-key:${v.label}`, v.label);
        else {
          const inner = value.trimStart();
          out = inner.startsWith('{') || inner.startsWith('[') ? nested(value) : r.text(value);
        }
        if (out !== value) {
          const quoted = JSON.stringify(out);
          emit(i, end, closed ? quoted : quoted.slice(0, -1));
        }
      }
      i = end;
    } else if (c === 45 || (c >= 48 && c <= 57)) {
      let end = i + 1;
      while (end < text.length && /[\d.eE+-]/.test(text[end])) end++;
      const v = valueSecret();
      if (v.secret)
        emit(i, end, JSON.stringify(r.secret(text.slice(i, end), `json-key:${v.label}`, v.label)));
      i = end;
    } else {
      // White space and the letters of true/false/null; anything else: not JSON after all.
      if (!(c === 32 || c === 10 || c === 13 || c === 9 || (c >= 97 && c <= 122))) clean = false;
      i++;
    }
  }
  if (stack.length > 0) clean = false;
  if (last === 0) return { text, clean };
  parts.push(text.slice(last));
  return { text: parts.join(''), clean };
}
