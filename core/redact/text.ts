/**
 * Redaction inside free-form strings: bodies (JSON, forms, multipart, anything else), frames,
 * SSE messages and captured text. JSON is walked token by token at any depth (`json-scan.ts`);
 * text that is not (complete) JSON — a truncated body, a log line, a STOMP frame — is scanned
 * with patterns; values that look like secrets (JWTs, PEM keys, vendor keys, long random
 * tokens) go whatever their name.
 */
import { scrubJsonText } from './json-scan';
import type { Redactor } from './redactor';
import {
  AUTH_SCHEME_IN_TEXT,
  COLON_PAIR_IN_TEXT,
  ESCAPED_JSON_PAIR_IN_TEXT,
  isSecretJsonKey,
  isSecretParam,
  JSON_PAIR_IN_TEXT,
  JWT,
  LONG_TOKEN,
  looksRandom,
  PARAM_PAIR_IN_TEXT,
  PEM_PRIVATE_KEY,
  SRI_HASH,
  URL_USERINFO,
  VENDOR_KEY,
  XML_ELEMENT_IN_TEXT,
} from './rules';

const FORM = /^[^=&\s]+=[^&\s]*(?:&[^=&\s]+=[^&\s]*)*$/;
const MULTIPART_FIELD = /(name="([^"]+)"[^\r\n]*\r?\n(?:[^\r\n]+\r?\n)*\r?\n)([^\r\n]*)/g;
/** socket.io/engine.io packets: a packet type in digits, then JSON (`42["auth",{…}]`). */
const PACKET_PREFIX = /^\s*\d{1,6}(?=[[{])/;

/** A body of any kind: JSON by key, a form by parameter, anything else as text. */
export function scrubBody(r: Redactor, text: string, mimeType = ''): string {
  const prefix = PACKET_PREFIX.exec(text)?.[0] ?? '';
  const rest = prefix ? text.slice(prefix.length) : text;
  const trimmed = rest.trimStart();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    const scanned = scrubJsonText(r, rest, (inner) => scrubBody(r, inner));
    return prefix + (scanned.clean ? scanned.text : scrubText(r, scanned.text));
  }
  if (/x-www-form-urlencoded/i.test(mimeType) || FORM.test(text)) return r.encodedParams(text);
  if (/multipart\//i.test(mimeType) || text.includes('Content-Disposition: form-data')) {
    text = text.replace(MULTIPART_FIELD, (whole, head: string, name: string, value: string) =>
      isSecretParam(name) ? head + r.secret(value, `param:${name.toLowerCase()}`, name) : whole,
    );
  }
  return scrubText(r, text);
}

/** An HTML or XML start tag, and in it the `name` that says what its `value`/`content` is. */
const TAG = /<[A-Za-z][^<>]{0,2000}>/g;
const NAME_ATTRIBUTE = /\bname\s*=\s*["']([^"'<>]{1,60})["']/i;
const VALUE_ATTRIBUTE = /(\b(?:value|content)\s*=\s*)(["'])([^"'<>]*)\2/i;

function safeDecodeName(name: string): string {
  if (!name.includes('%')) return name;
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}

/** `value` inside `whole` (its last occurrence) replaced by `out`. */
function swapLast(whole: string, value: string, out: string): string {
  const at = whole.lastIndexOf(value);
  return whole.slice(0, at) + out + whole.slice(at + value.length);
}

/**
 * Markup: `<password>…</password>` (any namespace prefix), and a tag whose `name` is a
 * secret's carrying its `value`/`content` (`<input name="authenticity_token" value="…">`,
 * `<meta name="csrf-token" content="…">`). Attributes named like secrets (`token="…"`) are
 * `key="…"` pairs, caught with the other pairs.
 */
function scrubMarkup(r: Redactor, text: string): string {
  let out = text;
  if (out.includes('</'))
    out = out.replace(XML_ELEMENT_IN_TEXT, (whole, _tag: string, local: string, value: string) => {
      if (value.trim() === '' || !isSecretJsonKey(local)) return whole;
      const close = whole.lastIndexOf('</');
      const secret = r.secret(value, `xml:${local.toLowerCase()}`, local);
      return whole.slice(0, close - value.length) + secret + whole.slice(close);
    });
  return out.replace(TAG, (tag) => {
    const name = NAME_ATTRIBUTE.exec(tag)?.[1];
    if (name === undefined || !isSecretParam(name)) return tag;
    return tag.replace(VALUE_ATTRIBUTE, (whole, head: string, quote: string, value: string) =>
      value === '' ? whole : `${head}${quote}${r.secret(value, `param:${name.toLowerCase()}`, name)}${quote}`,
    );
  });
}

/** A lowercase word (or hyphenated words) ending a clause: `refresh`, `time-out.` */
const PROSE_WORD = /^[a-z]+(?:-[a-z]+)*[.]?$/;

/**
 * Patterns for any string: URL credentials, private keys, vendor keys, JWTs, auth schemes,
 * `"key": "…"` (plain or escaped), `key: …`, `key=…`, long random tokens, user rules, and
 * secrets found elsewhere in the file.
 */
export function scrubText(r: Redactor, text: string): string {
  if (text === '') return text;
  let out = text.replace(URL_USERINFO, (_m, scheme: string, userinfo: string) => {
    return `${scheme}${r.secret(userinfo, 'url-credentials', 'url-credentials')}@`;
  });
  if (out.includes('-----BEGIN'))
    out = out.replace(PEM_PRIVATE_KEY, (key) => r.suspect(key, 'value:private-key', 'private-key'));
  out = out.replace(VENDOR_KEY, (key) => r.suspect(key, 'value:vendor-key', 'api-key'));
  out = out.replace(JWT, (token) => r.jwt(token));
  if (out.includes('<')) out = scrubMarkup(r, out);
  out = out.replace(AUTH_SCHEME_IN_TEXT, (whole, scheme: string, value: string) => {
    // "Token refresh failed": a lowercase word after the scheme is prose, not a credential.
    if (PROSE_WORD.test(value)) return whole;
    return `${scheme} ${r.secret(value, 'text:authorization', 'authorization')}`;
  });
  out = out.replace(JSON_PAIR_IN_TEXT, (whole, key: string, value?: string, num?: string) => {
    const v = value ?? num ?? '';
    if (v === '' || !isSecretJsonKey(key)) return whole;
    const at = whole.lastIndexOf(v);
    return whole.slice(0, at) + r.secret(v, `json-key:${key}`, key) + whole.slice(at + v.length);
  });
  if (out.includes('\\"'))
    out = out.replace(ESCAPED_JSON_PAIR_IN_TEXT, (whole, key: string, value: string) => {
      if (value === '' || !isSecretJsonKey(key)) return whole;
      const at = whole.lastIndexOf(value);
      return whole.slice(0, at) + r.secret(value, `json-key:${key}`, key) + whole.slice(at + value.length);
    });
  out = out.replace(COLON_PAIR_IN_TEXT, (whole, name: string, dq?: string, sq?: string, bare?: string) => {
    const v = dq ?? sq ?? bare ?? '';
    if (v === '' || !isSecretParam(name)) return whole;
    const at = whole.lastIndexOf(v);
    return whole.slice(0, at) + r.secret(v, `text:${name.toLowerCase()}`, name) + whole.slice(at + v.length);
  });
  out = out.replace(PARAM_PAIR_IN_TEXT, (whole, raw: string, dq?: string, sq?: string, bare?: string) => {
    const v = dq ?? sq ?? bare ?? '';
    const name = safeDecodeName(raw);
    if (v === '' || !isSecretParam(name)) return whole;
    return swapLast(whole, v, r.secret(v, `param:${name.toLowerCase()}`, name));
  });
  // Subresource Integrity hashes are public: their runs are not random tokens.
  const sri: Array<[number, number]> = [];
  if (out.includes('sha')) for (const m of out.matchAll(SRI_HASH)) sri.push([m.index, m.index + m[0].length]);
  out = out.replace(LONG_TOKEN, (run: string, at: number, all: string) =>
    looksRandom(run) && !all.endsWith('base64,', at) && !sri.some(([from, to]) => at >= from && at < to)
      ? r.suspect(run, 'value:random-token', 'token')
      : run,
  );
  for (const rule of r.userRules) {
    if (rule.match === 'text')
      out = out.replace(rule.regex, (m) => r.secret(m, `user:${rule.label}`, rule.label));
  }
  // A secret removed elsewhere in the file (a cookie, a token) appearing here as plain text.
  return r.known(out);
}
