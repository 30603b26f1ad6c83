/**
 * `cors/preflight-status`: the preflight answer allowed the origin but its status was not 2xx
 * (`PreflightInvalidStatus`): the server's OPTIONS route exists and sets CORS headers, yet
 * answers 401/403/405/500 — typically auth middleware running before the CORS middleware.
 */
import type { Finding } from '../model';
import type { Recording } from '../reducer';
import {
  corsFindings,
  describeAnswer,
  ENGLISH,
  withoutQuery,
  type CorsFamilyText,
  type CorsRuleContext,
} from './cors-finding';
import { corsFixSnippets } from './cors-fix-snippets';
import { corsOccurrencesOf } from './cors-occurrences';

export const CORS_PREFLIGHT_STATUS_RULE_ID = 'cors/preflight-status';

const TEXT: CorsFamilyText = {
  ruleId: CORS_PREFLIGHT_STATUS_RULE_ID,
  title: (o, m) => {
    const status = o.preflight?.status;
    const t = m.rulesCors.preflightStatus;
    return status !== undefined ? t.title({ status }) : t.titleNoStatus;
  },
  explanation: (o, m) =>
    m.rulesCors.preflightStatus.explanation({
      url: o.request.url,
      status: o.preflight?.status ?? m.rulesCors.values.unknownStatus,
    }),
  fix: (o, m) => m.rulesCors.preflightStatus.fix({ url: withoutQuery(o.request.url) }),
  snippets: (o, m) =>
    corsFixSnippets({ origin: o.origin ?? 'https://app.example.com', methods: [o.request.method] }, m),
  facts: (o, m) => [{ label: m.rulesCors.facts.preflightAnswer, value: describeAnswer(o.preflight, m) }],
};

export function findCorsPreflightStatus(rec: Recording, ctx: CorsRuleContext = ENGLISH): Finding[] {
  return corsFindings(TEXT, corsOccurrencesOf(rec, 'preflight-status'), ctx);
}
