/**
 * The diagnosis rules: each reads the reduced recording and returns findings with evidence,
 * explanation and fix. Rules are pure functions of the recording, so the panel and the CLI
 * get the same answers; call `findFindings` again after each `Recording.apply`.
 */
import type { Locale } from '../i18n';
import type { Finding, Severity } from '../model';
import type { Recording } from '../reducer';
import { findAuthContextMissing } from './auth-context-missing';
import { DEFAULT_RULE_CONFIG, ruleContextOf, type RuleConfig, type RuleContext } from './config';
import { findCorsHeaderNotAllowed } from './cors-header-not-allowed';
import { findCorsCredentials } from './cors-credentials';
import { findCorsHiddenServerError } from './cors-hidden-server-error';
import { findCorsInvalidAllowList } from './cors-invalid-allow-list';
import { findCorsMethodNotAllowed } from './cors-method-not-allowed';
import { findCorsOriginMismatch } from './cors-origin-mismatch';
import { findCorsPreflightStatus } from './cors-preflight-status';
import { findSocketBeforeAuth } from './realtime-socket-before-auth';
import { findRefreshFailed } from './auth-refresh-failed';
import { findRefreshRace } from './auth-refresh-race';
import { findExpiredToken } from './auth-expired-token';
import { findAbnormalClose } from './realtime-abnormal-close';
import { findReconnectStorm } from './realtime-reconnect-storm';
import { findRequestFailed } from './network-request-failed';
import { findSocketAuthRejected } from './realtime-auth-rejected';
import { causesFirst, explainedRequests, linkCauses } from './causes';

export { AUTH_CONTEXT_RULE_ID } from './auth-context-missing';
export { CORS_HEADER_RULE_ID } from './cors-header-not-allowed';
export { compilePatterns, DEFAULT_RULE_CONFIG, type RuleConfig, type RuleContext } from './config';
export { SOCKET_BEFORE_AUTH_RULE_ID } from './realtime-socket-before-auth';
export { REQUEST_FAILED_RULE_ID } from './network-request-failed';
export { AUTH_REJECTED_RULE_ID } from './realtime-auth-rejected';

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** A diagnosis rule: a pure function of the recording. */
export type Rule = (rec: Recording, ctx: RuleContext) => Finding[];

/** Every rule, in no particular order (findings are sorted). Add a rule with one line here. */
const RULES: Rule[] = [
  (rec, ctx) => findCorsHeaderNotAllowed(rec, ctx),
  (rec, ctx) => findCorsMethodNotAllowed(rec, ctx),
  (rec, ctx) => findCorsOriginMismatch(rec, ctx),
  (rec, ctx) => findCorsCredentials(rec, ctx),
  (rec, ctx) => findCorsPreflightStatus(rec, ctx),
  (rec, ctx) => findCorsHiddenServerError(rec, ctx),
  (rec, ctx) => findCorsInvalidAllowList(rec, ctx),
  (rec, ctx) => findAuthContextMissing(rec, ctx),
  (rec, ctx) => findSocketBeforeAuth(rec, ctx),
  (rec, ctx) => findRefreshRace(rec, ctx),
  (rec, ctx) => findExpiredToken(rec, ctx),
  (rec, ctx) => findAbnormalClose(rec, ctx),
  (rec, ctx) => findReconnectStorm(rec, ctx),
  (rec, ctx) => findSocketAuthRejected(rec, ctx),
];

/** A rule that reads which failed requests the other rules' CORS findings already explain. */
type DependentRule = (rec: Recording, ctx: RuleContext, explained: ReadonlyMap<string, Finding>) => Finding[];

/** Run after `RULES`, so a failure is said once (by CORS) and its consequences name the cause. */
const DEPENDENT_RULES: DependentRule[] = [
  (rec, ctx, explained) => findRequestFailed(rec, ctx, explained),
  (rec, ctx, explained) => findRefreshFailed(rec, ctx, explained),
];

/**
 * All findings of the recording, sorted by severity (errors first), then by first occurrence;
 * a finding caused by another (`causedBy`) comes right after its cause, whatever its own rank.
 * Invalid patterns in `config` are skipped (use `compilePatterns` to show why); never throws
 * on them. Titles, explanations, fixes, facts and evidence labels are in `options.locale`
 * (English by default); rule ids, keys and evidence ids are the same in every language.
 */
export function findFindings(
  rec: Recording,
  config: RuleConfig = DEFAULT_RULE_CONFIG,
  options: { originalFrame?: RuleContext['originalFrame']; locale?: Locale } = {},
): Finding[] {
  const ctx = ruleContextOf(config, options.originalFrame, options.locale);
  const findings = RULES.flatMap((rule) => rule(rec, ctx));
  const explained = explainedRequests(findings);
  for (const rule of DEPENDENT_RULES) for (const f of rule(rec, ctx, explained)) findings.push(f);
  linkCauses(findings);
  findings.sort(
    (a, b) =>
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      a.firstTime - b.firstTime ||
      a.key.localeCompare(b.key),
  );
  return causesFirst(findings);
}
