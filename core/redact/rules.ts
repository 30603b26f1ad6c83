/**
 * The default redaction rules: which names hold secrets. Names are compared in a normal form
 * (lower case, without `-`, `_`, `.`), so `accessToken`, `access_token` and `access-token` are
 * one name. Only values are removed, never names: a reviewer still sees that a request carried
 * an `Authorization` header.
 */

/** `X-Access_Token` -> `xaccesstoken`. */
export function normalizeName(name: string): string {
  return name.toLowerCase().replace(/[-_.\s]/g, '');
}

/**
 * Header names whose value is a credential. Besides these exact names, any header whose name
 * mentions a token, a session, a secret, a password, a signature, a credential or an API key.
 * `Access-Control-*` never matches: the CORS diagnosis needs those values.
 */
const SECRET_HEADERS = new Set([
  'authorization',
  'proxyauthorization',
  'cookie',
  'setcookie',
  'xapikey',
  'apikey',
]);
const SECRET_HEADER_PART =
  /token|session|secret|passw|signature|credential|apikey|auth(?!or)|csrf|xsrf|cookie/;

/** The label a placeholder gets for a header: the header's own name, lower case. */
export function isSecretHeader(name: string): boolean {
  const lower = name.toLowerCase();
  if (lower.startsWith('access-control-') || lower === 'www-authenticate') return false;
  const n = normalizeName(name);
  return SECRET_HEADERS.has(n) || SECRET_HEADER_PART.test(n);
}

/**
 * JSON keys (at any depth) and URL/form parameters whose values are secrets. `code` and `key`
 * count only as URL/form parameters (OAuth's authorization code, Google's `key=`): as JSON keys
 * they mostly hold error codes and ids.
 */
const SECRET_KEY =
  /^(?:.*(?:token|secret|password|passwd|passphrase|apikey|credentials?|signature|sessionid|sessid|sessiontoken|privatekey|codeverifier|cookie)|authorization|auth|session|sig|pwd|pass|otp|pin|xamzcredential)$/;
const SECRET_PARAM_ONLY = new Set(['code', 'key']);

export function isSecretJsonKey(key: string): boolean {
  return SECRET_KEY.test(normalizeName(key));
}

export function isSecretParam(name: string): boolean {
  const n = normalizeName(name);
  return SECRET_KEY.test(n) || SECRET_PARAM_ONLY.has(n);
}

/** A JWT: base64url JSON header `{"…` (`eyJ`), payload, signature (possibly empty for `alg: none`). */
export const JWT = /\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g;

/** `scheme://user:pass@host`: the userinfo part. */
export const URL_USERINFO = /\b([a-z][a-z0-9+.-]*:\/\/)([^/?#@\s"']+)@/gi;

/** `Bearer abc`, `Basic dGVzdA==`, `Token abc` in free text (logs, messages). */
export const AUTH_SCHEME_IN_TEXT = /\b(Bearer|Basic|Token|Digest)\s+([A-Za-z0-9._~+/=-]{6,})/g;

/** `"accessToken": "…"` in text that is not (complete) JSON: truncated bodies and frames. */
export const JSON_PAIR_IN_TEXT = /"([^"\\]{1,100})"\s*:\s*"((?:[^"\\]|\\.)*)"/g;

/**
 * `token=…` in text that is not a URL or form body: log lines, exception messages. The
 * lookbehind starts a name only where one can start: without it every position inside a long
 * run of name characters (a 1 KB frame of `xxxx…`) is tried for 60 characters, which made a
 * 1 GB export take minutes (docs/benchmarks.md).
 */
export const PARAM_PAIR_IN_TEXT = /(?<![A-Za-z0-9_.-])([A-Za-z0-9_.-]{1,60})=([^&\s"';,]+)/g;
