/** Checks a redaction rule the user typed before it is added (the redactor never throws). */
import type { UserRedactionRule } from '~/core/redact';

/** Why a rule cannot be added, or null when it can. */
export function ruleProblem(rule: UserRedactionRule): string | null {
  if (rule.pattern.trim() === '') return 'Type a name (or a pattern) to redact.';
  try {
    new RegExp(rule.pattern);
    return null;
  } catch {
    return `"${rule.pattern}" is not a valid pattern: escape special characters such as ( [ * + ?`;
  }
}

/** How a rule's kind reads in the dialog. */
export const RULE_KINDS: ReadonlyArray<{ match: UserRedactionRule['match']; label: string }> = [
  { match: 'header', label: 'Header name' },
  { match: 'json-key', label: 'JSON key' },
  { match: 'param', label: 'Query or form parameter' },
];
