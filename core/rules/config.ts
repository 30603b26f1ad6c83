/**
 * Per-site configuration of the diagnosis rules. Patterns are stored as regular-expression
 * sources (strings) so they survive `storage` and export; they are compiled case-insensitive.
 */

export interface RuleConfig {
  /** Messages that mean "code ran before the auth context existed" (regex sources, case-insensitive). */
  authContextPatterns: string[];
}

/** Covers the seed's `Auth context not provided` and the usual phrasings of the same bug. */
export const DEFAULT_RULE_CONFIG: RuleConfig = {
  authContextPatterns: [
    String.raw`auth(?:entication)?[ _-]?context (?:was |is )?not provided`,
    String.raw`use\w*auth\w* must be used (?:with)?in(?:side)? (?:an? |the )?\w*auth\w*provider`,
    String.raw`no auth(?:entication)?[ _-]?context`,
    String.raw`auth(?:entication)?[ _-]?context (?:is )?(?:missing|undefined|null|not (?:found|available|initiali[sz]ed|ready))`,
  ],
};

/**
 * Compiles pattern sources case-insensitively. An invalid or empty pattern is left out and
 * described in `errors` (for the settings view); this never throws, because patterns are
 * typed by users and read back from storage.
 */
export function compilePatterns(sources: string[]): { patterns: RegExp[]; errors: string[] } {
  const patterns: RegExp[] = [];
  const errors: string[] = [];
  for (const source of sources) {
    if (typeof source !== 'string' || source.trim() === '') {
      // An empty pattern would match every message and flag every exception.
      errors.push(`Pattern ${JSON.stringify(source)} is empty: it would match every message.`);
      continue;
    }
    try {
      patterns.push(new RegExp(source, 'i'));
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      errors.push(`Pattern ${JSON.stringify(source)} is not a valid regular expression: ${reason}`);
    }
  }
  return { patterns, errors };
}
