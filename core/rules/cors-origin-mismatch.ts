/**
 * `cors/origin-mismatch`: the answer's `Access-Control-Allow-Origin` was missing, named another
 * origin, held several values or was not an origin at all (`MissingAllowOriginHeader`,
 * `AllowOriginMismatch`, `MultipleAllowOriginValues`, `InvalidAllowOriginValue`, and their
 * `Preflight…` forms). A server error without CORS headers is `cors/hidden-server-error`.
 */
import { getHeader } from '../headers';
import type { Messages } from '../i18n';
import type { Finding } from '../model';
import type { Recording } from '../reducer';
import {
  corsFindings,
  ENGLISH,
  originOrThis,
  type CorsFamilyText,
  type CorsRuleContext,
} from './cors-finding';
import { corsFixSnippets } from './cors-fix-snippets';
import { corsOccurrencesOf, type CorsOccurrence } from './cors-occurrences';

export const CORS_ORIGIN_RULE_ID = 'cors/origin-mismatch';

const atPreflight = (o: CorsOccurrence) => o.corsError.startsWith('Preflight');
const where = (o: CorsOccurrence, m: Messages) =>
  atPreflight(o) ? m.rulesCors.where.preflight : m.rulesCors.where.response;

function problem(o: CorsOccurrence, m: Messages): string {
  const t = m.rulesCors.originMismatch.problem;
  const value = o.failedParameter;
  if (o.corsError.includes('Missing')) return t.missing;
  if (o.corsError.includes('Multiple')) return t.multiple({ value });
  if (o.corsError.includes('Invalid')) return t.invalid({ value });
  if (value === 'null') return t.nullOnly;
  return t.mismatch({ value });
}

const TEXT: CorsFamilyText = {
  ruleId: CORS_ORIGIN_RULE_ID,
  title: (o, m) => m.rulesCors.originMismatch.title({ where: where(o, m), origin: originOrThis(o, m) }),
  explanation: (o, m) => {
    const t = m.rulesCors.originMismatch;
    const text = t.explanation({
      where: where(o, m),
      method: o.request.method,
      url: o.request.url,
      problem: problem(o, m),
      origin: originOrThis(o, m),
    });
    return o.origin === 'null' ? `${text} ${t.opaqueOrigin}` : text;
  },
  fix: (o, m) =>
    m.rulesCors.originMismatch.fix({
      origin: o.origin ?? m.rulesCors.values.pageOriginPlaceholder,
      whereIn: atPreflight(o) ? m.rulesCors.whereIn.preflight : m.rulesCors.whereIn.response,
    }),
  snippets: (o, m) => corsFixSnippets({ origin: o.origin ?? 'https://app.example.com' }, m),
  facts: (o, m) => [
    {
      label: m.rulesCors.facts.allowOriginAnswered,
      value:
        getHeader(o.answer?.responseHeaders, 'access-control-allow-origin') ?? m.rulesCors.values.nothing,
    },
  ],
};

export function findCorsOriginMismatch(rec: Recording, ctx: CorsRuleContext = ENGLISH): Finding[] {
  return corsFindings(TEXT, corsOccurrencesOf(rec, 'origin-mismatch'), ctx);
}
