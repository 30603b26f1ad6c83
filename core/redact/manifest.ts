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
  /**
   * Suspects (values caught by their looks alone) the user reviewed and keeps as they are, by
   * the placeholder the manifest gave them. A value also caught by its name is removed anyway.
   */
  keep?: readonly string[];
}

/** Where in the file a suspect was found: the kind of field, its name, and the entry it is in. */
export interface SuspectPlace {
  field:
    | 'url'
    | 'request-header'
    | 'response-header'
    | 'query'
    | 'request-body'
    | 'response-body'
    | 'status'
    | 'message'
    | 'other'
    /** Exceptions, logs, findings: the parts of the file after its entries. */
    | 'extras';
  /** The header's or parameter's name. */
  name?: string;
  /** `GET https://host/path` (redacted), `WebSocket wss://host/path`. */
  entry?: string;
}

/** A value removed (or kept, by the user's choice) for its looks alone, for review. */
export interface SuspectReview {
  rule: string;
  placeholder: string;
  count: number;
  /** A few characters with the rest masked (`Rt12…Yk`): never the value. */
  preview: string;
  /** The value's length in characters. */
  length: number;
  /** Where it was found (the first three places). */
  where: SuspectPlace[];
  /** The user keeps it as it is in this export. */
  kept: boolean;
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
   * for their name: listed for review, by placeholder, place and masked preview (never the value).
   */
  suspects: SuspectReview[];
  /** Binary payloads that held a secret and were dropped whole (`place`: where, redacted). */
  dropped: Array<{ place: string; bytes: number }>;
  userRules: UserRedactionRule[];
}
