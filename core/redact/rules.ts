/**
 * The default redaction rules: which names hold secrets, and which values look like secrets
 * whatever their name. A name is read as words (`secretAccessKey` -> secret, access, key;
 * `refresh_tokens[]` -> refresh, token; `X-Functions-Key` -> x, functions, key), so compounds
 * and plurals match while `tokenizer`, `author`, `keyboard` and `passive` do not. Only values
 * are removed, never names: a reviewer still sees that a request carried an `Authorization`
 * header.
 */

/** `X-Access_Token` -> `xaccesstoken`. */
export function normalizeName(name: string): string {
  return name.toLowerCase().replace(/[-_.\s]/g, '');
}

/**
 * The words of a name, lower case and singular: camelCase, PascalCase, snake_case, kebab-case,
 * dotted and bracketed (`auth[token]`, `apiKeys[]`) names all split the same way.
 * @param name A header, parameter or JSON key name.
 */
export function nameWords(name: string): string[] {
  const spaced = name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2');
  const words: string[] = [];
  for (const word of spaced.toLowerCase().split(/[^a-z0-9]+/)) {
    if (word === '') continue;
    words.push(word.length > 3 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word);
  }
  return words;
}

/** A word that makes the name a secret's, wherever it stands in the name. */
const SECRET_WORDS = new Set([
  'token',
  'secret',
  'password',
  'passwd',
  'passphrase',
  'passcode',
  'pwd',
  'pass',
  'credential',
  'cred',
  'cookie',
  'apikey',
  'privatekey',
  'accesstoken',
  'refreshtoken',
  'idtoken',
  'sessionid',
  'sessiontoken',
  'sessid',
  'jsessionid',
  'phpsessid',
  'sid',
  'jwt',
  'bearer',
  'otp',
  'pin',
  'assertion',
  'signature',
  'sig',
  'csrf',
  'xsrf',
  'auth',
  'authorization',
  'verifier',
  'codeverifier',
  'xamzcredential',
]);
/**
 * Words that say the value describes a secret rather than being one (`max_tokens`,
 * `token_type`, `password_length`, `expires_in`): a name with one of them is not a secret's.
 */
const DESCRIPTIVE_WORDS = new Set([
  'count',
  'type',
  'expire',
  'expiry',
  'expiration',
  'exp',
  'ttl',
  'length',
  'limit',
  'max',
  'min',
  'used',
  'usage',
  'prompt',
  'completion',
  'total',
  'input',
  'output',
  'cached',
  'url',
  'uri',
  'endpoint',
  'kind',
  'format',
  'lifetime',
  'policy',
  'required',
  'enabled',
  'strength',
  'method',
  'provider',
  'scheme',
  'statu',
  'state',
  'mode',
  // A finding's or an event's name about a secret (`auth/refresh-failed`, `expired-token`).
  'rejected',
  'failed',
  'missing',
  'expired',
  'invalid',
  'revoked',
  'error',
  'race',
  'context',
]);
/** `…Key` is a secret's name unless the word before says what kind of harmless key it is. */
const HARMLESS_KEY_KINDS = new Set([
  'public',
  'primary',
  'foreign',
  'sort',
  'partition',
  'cache',
  'idempotency',
  'route',
  'row',
  'object',
  'message',
  'translation',
  'i18n',
  'lookup',
  'map',
  'hot',
  'short',
  'group',
  'node',
  'unique',
  'index',
  'dedup',
  'react',
  'list',
  'item',
  'storage',
  'websocket',
  'composite',
  'range',
  'shard',
  'hash',
  'sec',
  'idb',
  'query',
  'event',
  'press',
  'field',
]);

function secretWords(words: readonly string[], paramOnly: boolean): boolean {
  if (words.length === 0) return false;
  for (const w of words) if (DESCRIPTIVE_WORDS.has(w)) return false;
  for (const w of words) if (SECRET_WORDS.has(w)) return true;
  const last = words[words.length - 1];
  for (let i = 1; i < words.length; i++)
    if (words[i] === 'key' && !HARMLESS_KEY_KINDS.has(words[i - 1])) return true;
  if (words.length === 1 && last === 'key') return paramOnly;
  if (words.length === 1)
    return words[0] === 'session' || words[0] === 'refresh' || (paramOnly && last === 'code');
  if (words[0] === 'session' && last === 'id') return true;
  // `laravel_session=`, `rack.session=` in a URL; SAML's signed assertion (`SAMLResponse=`).
  if (paramOnly && (last === 'session' || (words[0] === 'saml' && last === 'response'))) return true;
  // `X-Refresh` (a vendor's refresh-token header), `auth_code`, `otp_code`.
  if (words.length === 2 && words[0] === 'x' && words[1] === 'refresh') return true;
  return (
    last === 'code' && (words.includes('auth') || words.includes('verification') || words.includes('mfa'))
  );
}

/** Words a server or an app writes about a credential rather than in it: `Missing apiKey`, `token expired`. */
const STATUS_WORDS = new Set([
  'missing',
  'invalid',
  'unknown',
  'expired',
  'required',
  'revoked',
  'bad',
  'wrong',
  'no',
  'not',
  'empty',
  'malformed',
  'incorrect',
  'absent',
  'denied',
  'unauthorized',
  'unauthorised',
  'forbidden',
  'provided',
  'found',
  'supplied',
  'mismatch',
]);
const NOT_A_VALUE = /^(?:undefined|null|nil|none|NaN|true|false|\[object Object\])$/i;

/**
 * Whether a value found under a secret's name says something about the secret instead of being
 * one: `undefined` and `null` (`Bearer undefined` is the bug to see), or a few words of letters
 * of which one says its state (`Missing apiKey`, `Unknown api key`, `expired`, `Token has
 * expired.`). Such a value stays, and is not removed elsewhere in the file either.
 * @param value A value a name-based rule would remove.
 */
export function describesSecret(value: string): boolean {
  const v = value.trim();
  if (NOT_A_VALUE.test(v)) return true;
  if (v.length > 80 || !/^[A-Za-z][A-Za-z' _.,:;!-]*$/.test(v)) return false;
  return nameWords(v).some((w) => STATUS_WORDS.has(w));
}

/**
 * Header names whose value is a credential. `Access-Control-*` never matches (the CORS
 * diagnosis needs those values), nor `WWW-Authenticate` (a challenge, not a credential).
 */
const SECRET_HEADER_PART =
  /token|session|secret|passw|signature|credential|apikey|auth(?!or)|csrf|xsrf|cookie/;

/** Whether a header's value is a credential (`Authorization`, `Ocp-Apim-Subscription-Key`, `X-Refresh`). */
export function isSecretHeader(name: string): boolean {
  const lower = name.toLowerCase();
  if (lower.startsWith('access-control-') || lower === 'www-authenticate') return false;
  if (lower.startsWith('sec-websocket-')) return false;
  return SECRET_HEADER_PART.test(normalizeName(name)) || secretWords(nameWords(name), false);
}

/**
 * Whether a JSON key (at any depth) holds a secret. `code` and `key` alone count only as URL/form
 * parameters (OAuth's authorization code, Google's `key=`): as JSON keys they mostly hold error
 * codes and ids.
 */
export function isSecretJsonKey(key: string): boolean {
  return remembered(jsonKeyVerdicts, key, () => secretWords(nameWords(key), false));
}

/** Names repeat throughout a file (every object of a list has the same keys): verdicts are kept. */
const jsonKeyVerdicts = new Map<string, boolean>();
const paramVerdicts = new Map<string, boolean>();
const REMEMBERED = 4096;

function remembered(cache: Map<string, boolean>, name: string, decide: () => boolean): boolean {
  const known = cache.get(name);
  if (known !== undefined) return known;
  const verdict = decide();
  if (name.length <= 100) {
    if (cache.size >= REMEMBERED) cache.clear();
    cache.set(name, verdict);
  }
  return verdict;
}

/** Whether a URL, form or multipart parameter holds a secret (`token[]`, `auth[token]`, `code`). */
export function isSecretParam(name: string): boolean {
  return remembered(paramVerdicts, name, () => secretWords(nameWords(name), true));
}

/** A JWT: base64url JSON header `{"…` (`eyJ`), payload, signature (possibly empty for `alg: none`). */
export const JWT = /\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g;

/** A private key in PEM, to its END line or, cut short, to the end of the text. */
export const PEM_PRIVATE_KEY =
  /-----BEGIN [A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----[\s\S]*?(?:-----END [A-Z0-9 ]*-----|$)/g;

/** Vendors' key formats: AWS access key ids, Stripe, GitHub, GitLab, Slack, Google, npm. */
export const VENDOR_KEY =
  /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b|\b[sr]k_(?:live|test)_[A-Za-z0-9]{10,}|\bgh[pousr]_[A-Za-z0-9]{30,}|\bgithub_pat_[A-Za-z0-9_]{30,}|\bglpat-[A-Za-z0-9_-]{20,}|\bxox[abposr]-[A-Za-z0-9-]{10,}|\bAIza[0-9A-Za-z_-]{35}|\bnpm_[A-Za-z0-9]{36}/g;

/** A run of token characters long enough to be a random credential; `looksRandom` decides. */
export const LONG_TOKEN = /(?<![A-Za-z0-9_+=-])[A-Za-z0-9_+-]{24,}={0,2}(?![A-Za-z0-9_+=-])/g;

/**
 * Whether a long run looks random (a key, an opaque token) rather than a word, an identifier or
 * a hash: upper case, lower case and digits mixed, changing class at least 2 times in 5 (random
 * base62 does ~3 in 5; camelCase names ~1 in 6; hex hashes have no upper case).
 * @param run The candidate, 24 characters or more.
 */
export function looksRandom(run: string): boolean {
  let upper = 0;
  let lower = 0;
  let digit = 0;
  let changes = 0;
  let prev = -1;
  for (let i = 0; i < run.length; i++) {
    const c = run.charCodeAt(i);
    const cls = c >= 65 && c <= 90 ? 0 : c >= 97 && c <= 122 ? 1 : c >= 48 && c <= 57 ? 2 : 3;
    if (cls === 0) upper++;
    else if (cls === 1) lower++;
    else if (cls === 2) digit++;
    if (prev >= 0 && cls !== prev) changes++;
    prev = cls;
  }
  return upper >= 2 && lower >= 2 && digit >= 2 && changes / run.length >= 0.4;
}

/** `scheme://user:pass@host`: the userinfo part. */
export const URL_USERINFO = /\b([a-z][a-z0-9+.-]*:\/\/)([^/?#@\s"']+)@/gi;

/** `Bearer abc`, `Basic dGVzdA==`, `Token abc` in free text (logs, messages). */
export const AUTH_SCHEME_IN_TEXT = /\b(Bearer|Basic|Token|Digest)\s+([A-Za-z0-9._~+/=-]{6,})/g;

/**
 * `"accessToken": "…"` (or a number) in text that is not (complete) JSON: truncated bodies and
 * frames. A value without its closing quote runs to the end of the text.
 */
export const JSON_PAIR_IN_TEXT = /"([^"\\]{1,100})"\s*:\s*(?:"((?:[^"\\]|\\.)*)"?|(-?\d[\d.eE+-]*))/g;

/** `\"token\":\"…\"`: a pair inside JSON that was itself put in a JSON string (socket.io frames). */
export const ESCAPED_JSON_PAIR_IN_TEXT =
  /\\"([^"\\]{1,100})\\"\s*:\s*\\"((?:[^"\\]|\\\\(?!")|\\(?!"))*)(?:\\")?/g;

/**
 * `password: x`, `passcode:x` (STOMP), `token: x` (SSE, logs), `password: "x"` (GraphQL inline
 * arguments). Only names that hold secrets are touched.
 */
export const COLON_PAIR_IN_TEXT =
  /(?<![A-Za-z0-9_.[\]-])([A-Za-z_][A-Za-z0-9_.[\]-]{0,59})[ \t]*:[ \t]*(?:"((?:[^"\\\n]|\\.)*)"?|'([^'\n]*)'?|([^\s"',;&{}()[\]<>]+))/g;

/**
 * `token=…` in text that is not a URL or form body: log lines, exception messages. The
 * lookbehind starts a name only where one can start: without it every position inside a long
 * run of name characters (a 1 KB frame of `xxxx…`) is tried for 60 characters, which made a
 * 1 GB export take minutes (docs/benchmarks.md).
 */
export const PARAM_PAIR_IN_TEXT =
  /(?<![A-Za-z0-9_.[\]%-])((?:[A-Za-z0-9_.[\]-]|%[0-9A-Fa-f]{2}){1,60})=(?:"([^"\n]*)"?|'([^'\n]*)'?|([^&\s"';,<>]+))/g;

/**
 * `<password>…</password>`, `<wsse:Password Type="…">…</wsse:Password>`: an XML element whose
 * name (without its prefix) is a secret's holds a secret as text.
 */
export const XML_ELEMENT_IN_TEXT =
  /<((?:[A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]{0,59}))(?:\s[^<>]*)?>([^<]{1,8192})<\/\1\s*>/g;

/** Subresource Integrity hashes (`sha384-…`): public digests of scripts, never credentials. */
export const SRI_HASH = /\bsha(?:256-[A-Za-z0-9+/]{43}=|384-[A-Za-z0-9+/]{64}|512-[A-Za-z0-9+/]{86}==)/g;
