/**
 * `cors/invalid-allow-list`: the preflight answer's `Access-Control-Allow-Methods` or
 * `-Headers` could not be parsed (`Invalid…PreflightResponse`): the list must be
 * comma-separated HTTP tokens; `;` or spaces between items make the whole header invalid.
 */
import { getHeader } from '../headers';
import type { Finding } from '../model';
import type { Recording } from '../reducer';
import { corsFindings, ENGLISH, type CorsFamilyText, type CorsRuleContext } from './cors-finding';
import { corsFixSnippets } from './cors-fix-snippets';
import { corsOccurrencesOf, type CorsOccurrence } from './cors-occurrences';

export const CORS_INVALID_LIST_RULE_ID = 'cors/invalid-allow-list';

const headerOf = (o: CorsOccurrence) =>
  o.corsError.includes('Methods') ? 'Access-Control-Allow-Methods' : 'Access-Control-Allow-Headers';

const TEXT: CorsFamilyText = {
  ruleId: CORS_INVALID_LIST_RULE_ID,
  title: (o, m) => m.rulesCors.invalidAllowList.title({ header: headerOf(o) }),
  explanation: (o, m) =>
    m.rulesCors.invalidAllowList.explanation({
      url: o.request.url,
      header: headerOf(o),
      value: getHeader(o.preflight?.responseHeaders, headerOf(o)) ?? m.rulesCors.values.notCapturedParen,
    }),
  fix: (o, m) => m.rulesCors.invalidAllowList.fix({ header: headerOf(o) }),
  snippets: (o, m) =>
    corsFixSnippets(
      {
        origin: o.origin ?? 'https://app.example.com',
        methods: o.corsError.includes('Methods') ? [o.request.method.toUpperCase()] : undefined,
        headers: o.verdict.ours?.unsafeHeaders,
      },
      m,
    ),
};

export function findCorsInvalidAllowList(rec: Recording, ctx: CorsRuleContext = ENGLISH): Finding[] {
  return corsFindings(TEXT, corsOccurrencesOf(rec, 'invalid-allow-list'), ctx);
}
