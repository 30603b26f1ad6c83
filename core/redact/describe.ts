/**
 * Redaction in words, for whoever shows it (the command line, the export dialog): what a
 * manifest says was removed, and why a rule the user typed cannot be added. Pure; English
 * unless another locale is asked for.
 */
import { messagesFor, type Locale } from '../i18n';
import type { RedactionManifest, UserRedactionRule } from './manifest';

/**
 * One line: how many distinct secrets were removed, by which rules (`header:authorization ×2`).
 * @param manifest What the redactor reports having done.
 * @param locale The language of the line.
 */
export function describeRemoval(manifest: RedactionManifest, locale: Locale = 'en'): string {
  const m = messagesFor(locale).redact;
  const count = manifest.distinctSecrets;
  if (manifest.fired.length === 0) return m.removedNone({ count });
  return m.removed({ count, rules: manifest.fired.map((f) => `${f.rule} ×${f.count}`).join(', ') });
}

/**
 * Why a rule cannot be added (the redactor never throws: it skips a pattern that does not
 * compile, so the dialog refuses it first), or null when it can.
 * @param rule The rule as typed.
 * @param locale The language of the reason.
 */
export function redactionRuleProblem(
  rule: Pick<UserRedactionRule, 'pattern'>,
  locale: Locale = 'en',
): string | null {
  const m = messagesFor(locale).redact.ruleProblem;
  if (rule.pattern.trim() === '') return m.empty;
  try {
    new RegExp(rule.pattern);
    return null;
  } catch {
    return m.invalid({ pattern: rule.pattern });
  }
}
