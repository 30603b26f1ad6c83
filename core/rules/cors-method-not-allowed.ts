/**
 * `cors/method-not-allowed`: the preflight answer's `Access-Control-Allow-Methods` did not list
 * the request's method (`MethodDisallowedByPreflightResponse`). Methods compare
 * case-sensitively: `put` in the list is not `PUT`, and `fetch()` sends `patch` as written.
 */
import { getHeader } from '../headers';
import type { Finding } from '../model';
import type { Recording } from '../reducer';
import {
  corsFindings,
  ENGLISH,
  originOrThis,
  withoutQuery,
  type CorsFamilyText,
  type CorsRuleContext,
} from './cors-finding';
import { corsFixSnippets } from './cors-fix-snippets';
import { corsOccurrencesOf } from './cors-occurrences';

export const CORS_METHOD_RULE_ID = 'cors/method-not-allowed';

const allowedOf = (o: Parameters<CorsFamilyText['title']>[0]) =>
  getHeader(o.preflight?.responseHeaders, 'access-control-allow-methods');

const TEXT: CorsFamilyText = {
  ruleId: CORS_METHOD_RULE_ID,
  title: (o, m) => m.rulesCors.methodNotAllowed.title({ method: o.failedParameter }),
  explanation: (o, m) =>
    m.rulesCors.methodNotAllowed.explanation({
      method: o.failedParameter,
      url: o.request.url,
      origin: originOrThis(o, m),
      allowed: allowedOf(o) ?? m.rulesCors.values.absent,
    }),
  fix: (o, m) => {
    const t = m.rulesCors.methodNotAllowed;
    const method = o.failedParameter;
    const lower = method !== method.toUpperCase();
    const first = t.fix({ method, url: withoutQuery(o.request.url) });
    return `${first} ${lower ? t.fixLowerCase({ method, upper: method.toUpperCase() }) : t.fixExactCase}`;
  },
  snippets: (o, m) =>
    corsFixSnippets({ origin: o.origin ?? 'https://app.example.com', methods: [o.failedParameter] }, m),
  facts: (o, m) => [
    { label: m.rulesCors.facts.disallowedMethod, value: o.failedParameter },
    { label: m.rulesCors.facts.serverAllowed, value: allowedOf(o) ?? m.rulesCors.values.noAllowMethods },
  ],
};

export function findCorsMethodNotAllowed(rec: Recording, ctx: CorsRuleContext = ENGLISH): Finding[] {
  return corsFindings(TEXT, corsOccurrencesOf(rec, 'method-not-allowed'), ctx);
}
