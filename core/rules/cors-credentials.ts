/**
 * `cors/credentials`: a request with credentials (cookies, HTTP auth; `credentials:
 * 'include'`, XHR `withCredentials`) got an answer that does not allow them: `*` as
 * Allow-Origin (`WildcardOriginNotAllowed`) or no exact `Access-Control-Allow-Credentials:
 * true` (`InvalidAllowCredentials`), on the preflight or the response.
 */
import { getHeader } from '../headers';
import type { Messages } from '../i18n';
import type { Finding } from '../model';
import type { Recording } from '../reducer';
import { corsFindings, ENGLISH, type CorsFamilyText, type CorsRuleContext } from './cors-finding';
import { corsFixSnippets } from './cors-fix-snippets';
import { corsOccurrencesOf, type CorsOccurrence } from './cors-occurrences';

export const CORS_CREDENTIALS_RULE_ID = 'cors/credentials';

const where = (o: CorsOccurrence, m: Messages) =>
  o.corsError.startsWith('Preflight') ? m.rulesCors.where.preflight : m.rulesCors.where.response;
const wildcard = (o: CorsOccurrence) => o.corsError.includes('Wildcard');

const TEXT: CorsFamilyText = {
  ruleId: CORS_CREDENTIALS_RULE_ID,
  title: (o, m) =>
    wildcard(o)
      ? m.rulesCors.credentials.titleWildcard
      : m.rulesCors.credentials.titleNotAllowed({ value: o.failedParameter || m.rulesCors.values.missing }),
  explanation: (o, m) => {
    const t = m.rulesCors.credentials;
    const lead = t.explanation({ method: o.request.method, url: o.request.url });
    const value = o.failedParameter;
    const why = wildcard(o)
      ? t.wildcard({ where: where(o, m) })
      : value
        ? t.notTrue({ where: where(o, m), value })
        : t.notTrueNothing({ where: where(o, m) });
    return `${lead} ${why}`;
  },
  fix: (o, m) =>
    m.rulesCors.credentials.fix({ origin: o.origin ?? m.rulesCors.values.pageOriginPlaceholder }),
  snippets: (o, m) =>
    corsFixSnippets({ origin: o.origin ?? 'https://app.example.com', credentials: true }, m),
  facts: (o, m) => {
    const answer = o.answer?.responseHeaders;
    const { facts, values } = m.rulesCors;
    return [
      {
        label: facts.allowOriginAnswered,
        value: getHeader(answer, 'access-control-allow-origin') ?? values.nothing,
      },
      {
        label: facts.allowCredentialsAnswered,
        value: getHeader(answer, 'access-control-allow-credentials') ?? values.nothing,
      },
    ];
  },
};

export function findCorsCredentials(rec: Recording, ctx: CorsRuleContext = ENGLISH): Finding[] {
  return corsFindings(TEXT, corsOccurrencesOf(rec, 'credentials'), ctx);
}
