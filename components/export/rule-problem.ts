/** Checks a redaction rule the user typed before it is added (the redactor never throws). */
import { messagesFor, type Locale } from '~/core/i18n';
import { redactionRuleProblem, type UserRedactionRule } from '~/core/redact';

/** Why a rule cannot be added, or null when it can (in `locale`, English by default). */
export function ruleProblem(rule: UserRedactionRule, locale: Locale = 'en'): string | null {
  return redactionRuleProblem(rule, locale);
}

type KindKey = keyof ReturnType<typeof messagesFor>['exportDialog']['kinds'];

/** The kinds of rule the dialog offers, in order, with the catalog key of their label. */
export const RULE_KINDS: ReadonlyArray<{ match: UserRedactionRule['match']; key: KindKey }> = [
  { match: 'header', key: 'header' },
  { match: 'json-key', key: 'jsonKey' },
  { match: 'param', key: 'param' },
];

/** How a rule's kind reads in the dialog (the raw kind when it is not one of RULE_KINDS). */
export function ruleKindLabel(match: UserRedactionRule['match'], locale: Locale = 'en'): string {
  const kind = RULE_KINDS.find((k) => k.match === match);
  return kind ? messagesFor(locale).exportDialog.kinds[kind.key] : match;
}
