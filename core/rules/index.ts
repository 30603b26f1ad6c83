/**
 * The diagnosis rules: each reads the reduced recording and returns findings with evidence,
 * explanation and fix. Rules are pure functions of the recording, so the panel and the CLI
 * get the same answers; call `findFindings` again after each `Recording.apply`.
 */
import type { Finding, Severity } from '../model';
import type { Recording } from '../reducer';
import { findAuthContextMissing } from './auth-context-missing';
import { compilePatterns, DEFAULT_RULE_CONFIG, type RuleConfig } from './config';
import { findCorsHeaderNotAllowed } from './cors-header-not-allowed';

export { AUTH_CONTEXT_RULE_ID } from './auth-context-missing';
export { CORS_HEADER_RULE_ID } from './cors-header-not-allowed';
export { compilePatterns, DEFAULT_RULE_CONFIG, type RuleConfig } from './config';

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** What every rule gets besides the recording: the compiled per-site configuration. */
export interface RuleContext {
  config: RuleConfig;
  authContextPatterns: RegExp[];
}

/** A diagnosis rule: a pure function of the recording. */
export type Rule = (rec: Recording, ctx: RuleContext) => Finding[];

/** Every rule, in no particular order (findings are sorted). Add a rule with one line here. */
const RULES: Rule[] = [
  (rec) => findCorsHeaderNotAllowed(rec),
  (rec, ctx) => findAuthContextMissing(rec, ctx.authContextPatterns),
];

/**
 * All findings of the recording, sorted by severity (errors first), then by first occurrence.
 * Invalid patterns in `config` are skipped (use `compilePatterns` to show why); never throws
 * on them.
 */
export function findFindings(rec: Recording, config: RuleConfig = DEFAULT_RULE_CONFIG): Finding[] {
  const ctx: RuleContext = {
    config,
    authContextPatterns: compilePatterns(config.authContextPatterns).patterns,
  };
  const findings = RULES.flatMap((rule) => rule(rec, ctx));
  return findings.sort(
    (a, b) =>
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      a.firstTime - b.firstTime ||
      a.key.localeCompare(b.key),
  );
}
