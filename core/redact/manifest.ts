/**
 * What redaction is asked to do, and what it reports having done. The manifest travels in the
 * exported file (`log._redaction`), so whoever opens it knows what was removed and why.
 */

/** A rule the user adds before export. `pattern` is a case-insensitive regular expression. */
export interface UserRedactionRule {
  /** Shown in placeholders and the manifest: `[redacted:<label>#1]`. */
  label: string;
  /**
   * `header`, `param` (query, fragment, form), `json-key`: the pattern matches the whole name;
   * `text`: every match of the pattern in any captured string is removed.
   */
  match: 'header' | 'param' | 'json-key' | 'text';
  pattern: string;
}

export interface RedactionOptions {
  /** Export secrets as captured. Must be asked for explicitly, each time. */
  includeSecrets?: boolean;
  /** Keep a JWT's `exp`/`iat` claims readable (the signature is removed regardless). */
  keepJwtTimes?: boolean;
  rules?: UserRedactionRule[];
}

export interface RedactionManifest {
  /** `true` only when the user opted in to exporting secrets. */
  includeSecrets: boolean;
  keepJwtTimes: boolean;
  /** Rules that fired, with how many values each removed (repeats of one secret count each time). */
  fired: Array<{ rule: string; count: number }>;
  /** Distinct secrets replaced (each has one placeholder throughout the file). */
  distinctSecrets: number;
  /**
   * Values removed for their looks alone (JWTs, private keys, vendor keys, random tokens), not
   * for their name: listed for review, by placeholder (never the value).
   */
  suspects: Array<{ rule: string; placeholder: string; count: number }>;
  /** Binary payloads that held a secret and were dropped whole (`place`: where, redacted). */
  dropped: Array<{ place: string; bytes: number }>;
  userRules: UserRedactionRule[];
}
