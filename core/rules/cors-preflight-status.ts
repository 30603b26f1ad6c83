/**
 * `cors/preflight-status`: the preflight answer allowed the origin but its status was not 2xx
 * (`PreflightInvalidStatus`): the server's OPTIONS route exists and sets CORS headers, yet
 * answers 401/403/405/500 — typically auth middleware running before the CORS middleware.
 */
import type { Finding } from '../model';
import type { Recording } from '../reducer';
import { corsFindings, describeAnswer, withoutQuery, type CorsFamilyText } from './cors-finding';
import { corsFixSnippets } from './cors-fix-snippets';
import { corsOccurrencesOf } from './cors-occurrences';

export const CORS_PREFLIGHT_STATUS_RULE_ID = 'cors/preflight-status';

const TEXT: CorsFamilyText = {
  ruleId: CORS_PREFLIGHT_STATUS_RULE_ID,
  title: (o) => `The CORS preflight was answered ${o.preflight?.status ?? 'with an error'}, not 2xx`,
  explanation: (o) =>
    `The server answered the OPTIONS preflight for ${o.request.url} with status ${o.preflight?.status ?? '(unknown)'}. ` +
    'A preflight must succeed (200 or 204) even though it carries no credentials; the browser dropped the request.',
  fix: (o) =>
    `On the server, let OPTIONS ${withoutQuery(o.request.url)} through without authentication and answer 204: ` +
    'put the CORS middleware before auth, or exempt OPTIONS from it.',
  snippets: (o) =>
    corsFixSnippets({ origin: o.origin ?? 'https://app.example.com', methods: [o.request.method] }),
  facts: (o) => [{ label: 'Preflight answer', value: describeAnswer(o.preflight) }],
};

export function findCorsPreflightStatus(rec: Recording): Finding[] {
  return corsFindings(TEXT, corsOccurrencesOf(rec, 'preflight-status'));
}
