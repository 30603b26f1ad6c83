/**
 * `cors/hidden-server-error` ("not really CORS"): the browser reports a CORS failure, but what
 * the server did is an error — a 4xx/5xx without CORS headers (an error page from a proxy, a
 * crashed handler, a missing route), a redirect on a preflight, or a Private Network Access
 * block. Chromium calls a bare 404 preflight `PreflightMissingAllowOriginHeader`, so the
 * server error hides behind CORS: this rule says the server error first.
 */
import type { Messages } from '../i18n';
import type { Finding } from '../model';
import type { Recording } from '../reducer';
import {
  corsFindings,
  describeAnswer,
  ENGLISH,
  type CorsFamilyText,
  type CorsRuleContext,
} from './cors-finding';
import { corsFixSnippets } from './cors-fix-snippets';
import { corsOccurrencesOf, type CorsOccurrence } from './cors-occurrences';

export const CORS_HIDDEN_ERROR_RULE_ID = 'cors/hidden-server-error';

const isRedirect = (o: CorsOccurrence) => o.corsError === 'PreflightDisallowedRedirect';
const isNetworkBlock = (o: CorsOccurrence) => !isRedirect(o) && !o.corsError.includes('MissingAllowOrigin');
const which = (o: CorsOccurrence, m: Messages) =>
  o.answer === o.preflight
    ? m.rulesCors.hiddenServerError.which.preflight
    : m.rulesCors.hiddenServerError.which.request;

const TEXT: CorsFamilyText = {
  ruleId: CORS_HIDDEN_ERROR_RULE_ID,
  title: (o, m) => {
    const t = m.rulesCors.hiddenServerError;
    if (isRedirect(o)) return t.titleRedirect({ status: o.preflight?.status ?? '3xx' });
    if (isNetworkBlock(o)) return t.titleNetworkBlock({ error: o.corsError });
    const status = o.answer?.status;
    return status !== undefined
      ? t.titleServerError({ status, which: which(o, m) })
      : t.titleServerErrorNoStatus({ which: which(o, m) });
  },
  explanation: (o, m) => {
    const t = m.rulesCors.hiddenServerError;
    if (isRedirect(o)) return t.explanationRedirect({ url: o.request.url });
    if (isNetworkBlock(o)) return t.explanationNetworkBlock({ url: o.request.url, error: o.corsError });
    return t.explanationServerError({
      which: which(o, m),
      url: o.request.url,
      status: String(o.answer?.status),
      answer: describeAnswer(o.answer, m),
      error: o.corsError,
    });
  },
  fix: (o, m) => {
    const t = m.rulesCors.hiddenServerError;
    if (isRedirect(o)) return t.fixRedirect;
    if (isNetworkBlock(o)) return t.fixNetworkBlock;
    return t.fixServerError({
      status: String(o.answer?.status),
      method: String(o.answer?.method),
      url: o.request.url,
    });
  },
  snippets: (o, m) => corsFixSnippets({ origin: o.origin ?? 'https://app.example.com' }, m),
  facts: (o, m) => [
    { label: m.rulesCors.facts.serverAnswered, value: describeAnswer(o.answer ?? o.preflight, m) },
    { label: m.rulesCors.facts.reportedAs, value: `${o.corsError} (${o.failedParameter})` },
  ],
};

export function findCorsHiddenServerError(rec: Recording, ctx: CorsRuleContext = ENGLISH): Finding[] {
  return corsFindings(TEXT, corsOccurrencesOf(rec, 'hidden-server-error'), ctx);
}
