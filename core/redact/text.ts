/**
 * Redaction inside free-form strings: bodies (JSON, forms, multipart, anything else), frames,
 * SSE messages and captured text. JSON is walked key by key at any depth; text that is not
 * (complete) JSON — a truncated body, a log line — is scanned with patterns.
 */
import type { Redactor } from './redactor';
import {
  AUTH_SCHEME_IN_TEXT,
  isSecretJsonKey,
  isSecretParam,
  JSON_PAIR_IN_TEXT,
  JWT,
  PARAM_PAIR_IN_TEXT,
  URL_USERINFO,
} from './rules';

/** Bodies above this size are scanned as text, not parsed: parsing would double their memory. */
const MAX_JSON_PARSE = 8 * 1024 * 1024;
const FORM = /^[^=&\s]+=[^&\s]*(?:&[^=&\s]+=[^&\s]*)*$/;
const MULTIPART_FIELD = /(name="([^"]+)"[^\r\n]*\r?\n(?:[^\r\n]+\r?\n)*\r?\n)([^\r\n]*)/g;

/** A body of any kind: JSON by key, a form by parameter, anything else as text. */
export function scrubBody(r: Redactor, text: string, mimeType = ''): string {
  const trimmed = text.trimStart();
  if ((trimmed.startsWith('{') || trimmed.startsWith('[')) && text.length <= MAX_JSON_PARSE) {
    const parsed = tryParse(text);
    if (parsed.ok) return JSON.stringify(scrubJson(r, parsed.value, false));
  }
  if (/x-www-form-urlencoded/i.test(mimeType) || FORM.test(text)) return r.encodedParams(text);
  if (/multipart\//i.test(mimeType) || text.includes('Content-Disposition: form-data')) {
    text = text.replace(MULTIPART_FIELD, (whole, head: string, name: string, value: string) =>
      isSecretParam(name) ? head + r.secret(value, `param:${name.toLowerCase()}`, name) : whole,
    );
  }
  return scrubText(r, text);
}

function tryParse(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

/** Walks parsed JSON: under a secret key every scalar goes; elsewhere strings are scanned. */
function scrubJson(r: Redactor, value: unknown, underSecret: boolean, key = 'secret'): unknown {
  if (Array.isArray(value)) return value.map((item) => scrubJson(r, item, underSecret, key));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const user = r.userRuleFor('json-key', k);
      out[k] = user
        ? scrubJson(r, v, true, user.label)
        : scrubJson(r, v, underSecret || isSecretJsonKey(k), underSecret ? key : k);
    }
    return out;
  }
  if (underSecret && (typeof value === 'string' || typeof value === 'number')) {
    return r.secret(String(value), `json-key:${key}`, key);
  }
  if (typeof value === 'string') {
    // JSON inside a string (a frame carrying `"{\"token\":…}"`): walk it too.
    const inner = value.trimStart();
    if (inner.startsWith('{') || inner.startsWith('[')) {
      const parsed = tryParse(value);
      if (parsed.ok) return JSON.stringify(scrubJson(r, parsed.value, false));
    }
    return scrubText(r, value);
  }
  return value;
}

/** A lowercase word (or hyphenated words) ending a clause: `refresh`, `time-out.` */
const PROSE_WORD = /^[a-z]+(?:-[a-z]+)*[.]?$/;

/** Patterns for any string: URL credentials, JWTs, auth schemes, `"key": "…"`, `key=…`, user rules, known secrets. */
export function scrubText(r: Redactor, text: string): string {
  if (text === '') return text;
  let out = text.replace(URL_USERINFO, (_m, scheme: string, userinfo: string) => {
    return `${scheme}${r.secret(userinfo, 'url-credentials', 'url-credentials')}@`;
  });
  out = out.replace(JWT, (token) => jwt(r, token));
  out = out.replace(AUTH_SCHEME_IN_TEXT, (whole, scheme: string, value: string) => {
    // "Token refresh failed": a lowercase word after the scheme is prose, not a credential.
    if (PROSE_WORD.test(value)) return whole;
    return `${scheme} ${r.secret(value, 'text:authorization', 'authorization')}`;
  });
  out = out.replace(JSON_PAIR_IN_TEXT, (whole, key: string, value: string) =>
    isSecretJsonKey(key) && value !== ''
      ? whole.slice(0, whole.length - value.length - 1) + r.secret(value, `json-key:${key}`, key) + '"'
      : whole,
  );
  out = out.replace(PARAM_PAIR_IN_TEXT, (whole, name: string, value: string) =>
    isSecretParam(name) ? `${name}=${r.secret(value, `param:${name.toLowerCase()}`, name)}` : whole,
  );
  for (const rule of r.userRules) {
    if (rule.match === 'text')
      out = out.replace(rule.regex, (m) => r.secret(m, `user:${rule.label}`, rule.label));
  }
  // A secret removed elsewhere in the file (a cookie, a token) appearing here as plain text.
  const known = r.knownSecrets();
  if (known) out = out.replace(known, (m) => r.placeholderOf(m) ?? m);
  return out;
}

/**
 * A JWT: the signature always goes. The payload goes too unless the user keeps `exp`/`iat`
 * (handy to see that a token had expired); then the payload holds only those two claims.
 */
function jwt(r: Redactor, token: string): string {
  if (!r.keepJwtTimes) return r.secret(token, 'jwt', 'jwt');
  const [header, payload, signature] = token.split('.');
  const times = jwtTimes(payload);
  return `${header}.${times}.${r.secret(signature || token, 'jwt-signature', 'jwt-signature')}`;
}

function jwtTimes(payload: string): string {
  try {
    const claims = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/'))) as Record<string, unknown>;
    const kept: Record<string, unknown> = {};
    for (const name of ['exp', 'iat'] as const)
      if (typeof claims[name] === 'number') kept[name] = claims[name];
    return btoa(JSON.stringify(kept)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  } catch {
    return btoa('{}').replace(/=+$/, '');
  }
}
