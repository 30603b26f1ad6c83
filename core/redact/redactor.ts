/**
 * The redactor of one export: removes secret values from headers, cookies, URLs, parameters,
 * bodies, frames and free text, and keeps the book of what it did. One instance per file, so
 * the same secret gets the same placeholder everywhere in it (`[redacted:authorization#1]`):
 * a reviewer can still see that two requests used one token.
 *
 * Two passes: the caller runs the whole file through it once (collecting: every secret found
 * anywhere is learnt), calls `startFinalPass()`, and runs it again; the second time every
 * string also loses every secret learnt anywhere in the file, in any encoding (`known.ts`),
 * so a token first seen under an unknown key and only later as `Bearer` goes too.
 */
import type { HarCookie, HarNameValue } from '../har/types';
import { scrubBase64 } from './binary';
import { KnownSecrets } from './known';
import type { RedactionManifest, RedactionOptions, UserRedactionRule } from './manifest';
import { describesSecret, isSecretHeader, isSecretParam } from './rules';
import { SuspectBook } from './suspects';
import { scrubBody, scrubText } from './text';

const PLACEHOLDER = /^(?:\[redacted:[^\]\s]*\]|%5Bredacted%3A[^%\s]*(?:%23\d+)?%5D)$/;
const AUTH_SCHEME = /^(Bearer|Basic|Digest|Token|Negotiate|NTLM|AWS4-HMAC-SHA256|Hawk)(\s+)(.+)$/is;
/** A credential in one piece after the scheme (RFC 7235 token68: base64, a JWT, an opaque token). */
const TOKEN68 = /^[A-Za-z0-9._~+/-]+=*$/;
const ONE_PARAM = String.raw`[A-Za-z][\w-]*\s*=\s*(?:"(?:[^"\\]|\\.)*"|[^\s,"]+)`;
/** `token="…", realm="…"`, `Credential=…, SignedHeaders=…, Signature=…`: a list of auth-params. */
const AUTH_PARAMS = new RegExp(String.raw`^\s*${ONE_PARAM}(?:\s*,\s*${ONE_PARAM})*\s*$`);
const AUTH_PARAM = /([A-Za-z][\w-]*)(\s*=\s*)(?:"((?:[^"\\]|\\.)*)"|([^\s,"]+))/g;
/** Auth-params that describe the exchange, not the credential. */
const PUBLIC_AUTH_PARAMS = new Set([
  'realm',
  'algorithm',
  'qop',
  'nc',
  'charset',
  'userhash',
  'signedheaders',
]);

export interface CompiledUserRule extends UserRedactionRule {
  regex: RegExp;
}

export class Redactor {
  /** False when the user opted in to exporting secrets: every method returns its input. */
  readonly active: boolean;
  readonly keepJwtTimes: boolean;
  readonly userRules: CompiledUserRule[];
  private readonly placeholders = new Map<string, string>();
  private readonly perLabel = new Map<string, number>();
  private fired = new Map<string, number>();
  private readonly knownSecrets = new KnownSecrets();
  /** Values removed (replaced by their placeholder and learnt): the manifest's distinct secrets. */
  private readonly removed = new Set<string>();
  /** Values removed for their name: a suspect the user keeps goes anyway when it is one. */
  private readonly named = new Set<string>();
  /** Suspects the user keeps, by placeholder. */
  private readonly keep: ReadonlySet<string>;
  private suspects = new SuspectBook();
  private drops: Array<{ place: string; bytes: number }> = [];
  private finalPass = false;

  constructor(options: RedactionOptions = {}) {
    this.active = options.includeSecrets !== true;
    this.keepJwtTimes = options.keepJwtTimes === true;
    this.keep = new Set(options.keep ?? []);
    this.userRules = (options.rules ?? []).flatMap((rule) => {
      try {
        const source = rule.match === 'text' ? rule.pattern : `^(?:${rule.pattern})$`;
        return [{ ...rule, regex: new RegExp(source, rule.match === 'text' ? 'gi' : 'i') }];
      } catch {
        return []; // An invalid pattern is refused by the UI before export; never throw here.
      }
    });
  }

  /**
   * The placeholder for `value`, the same for the same value throughout the file. `rule` is
   * what the manifest counts (`header:authorization`); `label` is what the placeholder shows.
   */
  secret(value: string, rule: string, label: string): string {
    if (!this.active || value === '' || PLACEHOLDER.test(value)) return value;
    // `Bearer undefined`, `{"error":"Missing apiKey"}`: evidence about the secret, not the secret.
    if (!rule.startsWith('user:') && describesSecret(value)) return value;
    this.named.add(value);
    return this.remove(value, rule, label);
  }

  /** Replaces `value` by its placeholder, learnt for the final pass, counted under `rule`. */
  private remove(value: string, rule: string, label: string): string {
    this.fired.set(rule, (this.fired.get(rule) ?? 0) + 1);
    const placeholder = this.placeholderFor(value, label);
    if (!this.removed.has(value)) {
      this.removed.add(value);
      this.knownSecrets.add(value, placeholder);
    }
    return placeholder;
  }

  /** The placeholder of `value`, given on first sight and numbered per label. */
  private placeholderFor(value: string, label: string): string {
    let placeholder = this.placeholders.get(value);
    if (placeholder === undefined) {
      const safe = label.toLowerCase().replace(/[^a-z0-9_-]+/g, '-') || 'secret';
      const n = (this.perLabel.get(safe) ?? 0) + 1;
      this.perLabel.set(safe, n);
      placeholder = `[redacted:${safe}#${n}]`;
      this.placeholders.set(value, placeholder);
    }
    return placeholder;
  }

  /**
   * `text` without any secret learnt so far, in any of its encodings (counted as `known`).
   * @param text Any string of the file.
   */
  known(text: string): string {
    if (!this.active) return text;
    const { text: out, count } = this.knownSecrets.replace(text);
    if (count > 0) this.fired.set('known', (this.fired.get('known') ?? 0) + count);
    return out;
  }

  /**
   * Ends the collecting pass: the counts start again (the manifest describes the file written
   * by the final pass); the placeholders and the secrets learnt stay.
   */
  startFinalPass(): void {
    this.finalPass = true;
    this.fired = new Map();
    this.suspects = new SuspectBook();
    this.drops = [];
  }

  /**
   * In the final pass, a copy of `value` (an entry, a message) with every string cleared of the
   * secrets learnt anywhere in the file: the fields no rule scans (a status text, an id) too.
   * The suspects found while it was built learn their place from it.
   * @param value A JSON-like value built for output.
   */
  seal<T>(value: T): T {
    if (!this.active || !this.finalPass) return value;
    const out = this.knownSecrets.size === 0 ? value : mapStrings(value, (text) => this.known(text));
    this.suspects.sealed(out);
    return out;
  }

  /**
   * A value caught by its looks (a PEM key, a vendor key, a random token), listed for review;
   * kept as it is when the user chose so (`RedactionOptions.keep`) and no name made it a secret.
   */
  suspect(value: string, rule: string, label: string): string {
    if (!this.active || value === '' || PLACEHOLDER.test(value)) return value;
    const placeholder = this.placeholderFor(value, label);
    const kept = this.keep.has(placeholder) && !this.named.has(value);
    this.suspects.note(placeholder, rule, value, kept);
    return kept ? value : this.remove(value, rule, label);
  }

  /** A JWT: its payload and signature go (only `exp`/`iat` stay readable if the user asked). */
  jwt(token: string): string {
    if (!this.keepJwtTimes) return this.suspect(token, 'jwt', 'jwt');
    const [header, payload, signature] = token.split('.');
    return `${header}.${jwtTimes(payload)}.${this.secret(signature || token, 'jwt-signature', 'jwt-signature')}`;
  }

  /** A payload dropped whole (binary holding a secret), noted in the manifest. */
  dropped(place: string, bytes: number): void {
    this.drops.push({ place, bytes });
  }

  /** A base64 body or binary frame (`binary.ts`): redacted as text, or dropped with a note. */
  base64(data: string, mimeType: string, place: string): string {
    return this.active ? scrubBase64(this, data, mimeType, place) : data;
  }

  /** The placeholder already given to `value`, if any. */
  placeholderOf(value: string): string | undefined {
    return this.removed.has(value) ? this.placeholders.get(value) : undefined;
  }

  userRuleFor(match: UserRedactionRule['match'], name: string): CompiledUserRule | undefined {
    return this.userRules.find((rule) => rule.match === match && rule.regex.test(name));
  }

  headerValue(name: string, value: string): string {
    if (!this.active) return value;
    const lower = name.toLowerCase();
    if (lower === 'cookie') return this.cookieHeader(value);
    if (lower === 'set-cookie') return splitSetCookie(value, (line) => this.setCookieLine(line));
    const user = this.userRuleFor('header', name);
    if (user) return this.secret(value, `user:${user.label}`, user.label);
    if (isSecretHeader(name)) {
      // Keep the scheme (`Bearer`): it says what kind of credential was sent, not its value.
      const scheme = AUTH_SCHEME.exec(value);
      if (scheme) return `${scheme[1]}${scheme[2]}${this.credentials(scheme[3], lower)}`;
      return this.secret(value, `header:${lower}`, lower);
    }
    return /^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? this.url(value) : this.text(value);
  }

  /**
   * What follows an auth scheme: one token, or a list of auth-params (`token="…", realm="…"`,
   * Digest's `response="…"`) whose credential values go one by one, so each is learnt alone and
   * removed where it shows up again without its quotes.
   */
  private credentials(rest: string, header: string): string {
    const rule = `header:${header}`;
    if (TOKEN68.test(rest) || !AUTH_PARAMS.test(rest)) return this.secret(rest, rule, header);
    return rest.replace(AUTH_PARAM, (whole, key: string, eq: string, quoted?: string, bare?: string) => {
      const name = key.toLowerCase();
      const value = quoted ?? bare ?? '';
      if (value === '' || PUBLIC_AUTH_PARAMS.has(name)) return whole;
      const out = name === 'uri' ? this.url(value) : this.secret(value, rule, header);
      return quoted === undefined ? `${key}${eq}${out}` : `${key}${eq}"${out}"`;
    });
  }

  headers(list: HarNameValue[]): HarNameValue[] {
    return this.active ? list.map((h) => ({ ...h, value: this.headerValue(h.name, h.value) })) : list;
  }

  /** `a=1; b=2`: every value is removed, the names stay. */
  cookieHeader(value: string): string {
    return value
      .split(';')
      .map((pair) => {
        const eq = pair.indexOf('=');
        if (eq < 0) return pair;
        return `${pair.slice(0, eq + 1)}${this.secret(pair.slice(eq + 1).trim(), 'cookie', 'cookie')}`;
      })
      .join(';');
  }

  private setCookieLine(line: string): string {
    const semi = line.indexOf(';');
    const head = semi < 0 ? line : line.slice(0, semi);
    const eq = head.indexOf('=');
    if (eq < 0) return line;
    const rest = semi < 0 ? '' : line.slice(semi);
    return `${head.slice(0, eq + 1)}${this.secret(head.slice(eq + 1).trim(), 'cookie', 'cookie')}${rest}`;
  }

  cookies(list: HarCookie[]): HarCookie[] {
    return this.active ? list.map((c) => ({ ...c, value: this.secret(c.value, 'cookie', 'cookie') })) : list;
  }

  /** Query, fragment and form parameters as HAR lists them (decoded). */
  params(list: HarNameValue[]): HarNameValue[] {
    return this.active ? list.map((p) => ({ ...p, value: this.paramValue(p.name, p.value) })) : list;
  }

  paramValue(name: string, value: string): string {
    const user = this.userRuleFor('param', name);
    if (user) return this.secret(value, `user:${user.label}`, user.label);
    if (isSecretParam(name)) return this.secret(value, `param:${name.toLowerCase()}`, name);
    return this.text(value);
  }

  /** A URL: `user:pass@`, secret query and fragment parameters, and JWTs in the path. */
  url(url: string): string {
    if (!this.active) return url;
    const hash = url.indexOf('#');
    const beforeHash = hash < 0 ? url : url.slice(0, hash);
    const query = beforeHash.indexOf('?');
    let base = query < 0 ? beforeHash : beforeHash.slice(0, query);
    base = base.replace(/^([a-z][a-z0-9+.-]*:\/\/)([^/?#@]+)@/i, (_m, scheme: string, userinfo: string) => {
      return `${scheme}${encodeURIComponent(this.secret(safeDecode(userinfo), 'url-credentials', 'url-credentials'))}@`;
    });
    base = this.text(base);
    const q = query < 0 ? '' : `?${this.encodedParams(beforeHash.slice(query + 1))}`;
    const f = hash < 0 ? '' : `#${this.encodedParams(url.slice(hash + 1))}`;
    return base + q + f;
  }

  /** `a=1&token=x` (query, fragment, form body): values of secret names are replaced. */
  encodedParams(text: string): string {
    return text
      .split('&')
      .map((pair) => {
        const eq = pair.indexOf('=');
        if (eq < 0) return this.text(pair);
        const name = safeDecode(pair.slice(0, eq).replace(/\+/g, ' '));
        const value = safeDecode(pair.slice(eq + 1).replace(/\+/g, ' '));
        const replaced = this.paramValue(name, value);
        return replaced === value ? pair : `${pair.slice(0, eq + 1)}${encodeURIComponent(replaced)}`;
      })
      .join('&');
  }

  /** A request or response body, a WebSocket frame or an SSE message. */
  body(text: string, mimeType?: string): string {
    return this.active ? scrubBody(this, text, mimeType) : text;
  }

  /** Any other captured string: exception messages, stacks, log lines, user notes. */
  text(text: string): string {
    return this.active ? scrubText(this, text) : text;
  }

  manifest(): RedactionManifest {
    return {
      includeSecrets: !this.active,
      keepJwtTimes: this.keepJwtTimes,
      fired: [...this.fired]
        .map(([rule, count]) => ({ rule, count }))
        .sort((a, b) => a.rule.localeCompare(b.rule)),
      distinctSecrets: this.removed.size,
      suspects: this.suspects.list(),
      dropped: this.drops,
      userRules: this.userRules.map(({ label, match, pattern }) => ({ label, match, pattern })),
    };
  }
}

/**
 * `Set-Cookie` values joined by newlines (Chrome) or commas (HTTP/1.1 folding, some HAR
 * writers): each cookie through `line`. A comma inside `Expires=Wed, 21 Oct …` is not followed
 * by `name=`, so it does not split.
 */
export function splitSetCookie(value: string, line: (cookie: string) => string): string {
  return value
    .split('\n')
    .map((l) =>
      l
        .split(/(,\s*)(?=[^;,=\s]+=)/)
        .map((part, i) => (i % 2 === 1 ? part : line(part)))
        .join(''),
    )
    .join('\n');
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

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * A copy of a JSON-like value built for output with every string passed through `fn` (objects
 * and arrays rebuilt, other values kept).
 */
export function mapStrings<T>(value: T, fn: (text: string) => string): T {
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return fn(v);
    if (Array.isArray(v)) return v.map(walk);
    if (v !== null && typeof v === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, inner] of Object.entries(v)) out[k] = walk(inner);
      return out;
    }
    return v;
  };
  return walk(value) as T;
}
