/**
 * `cors/invalid-allow-list`: the preflight answer's `Access-Control-Allow-Methods` or
 * `-Headers` could not be parsed (`Invalid…PreflightResponse`): the list must be
 * comma-separated HTTP tokens; `;` or spaces between items make the whole header invalid.
 */
import { getHeader } from '../headers';
import type { Finding } from '../model';
import type { Recording } from '../reducer';
import { corsFindings, type CorsFamilyText } from './cors-finding';
import { corsFixSnippets } from './cors-fix-snippets';
import { corsOccurrencesOf, type CorsOccurrence } from './cors-occurrences';

export const CORS_INVALID_LIST_RULE_ID = 'cors/invalid-allow-list';

const headerOf = (o: CorsOccurrence) =>
  o.corsError.includes('Methods') ? 'Access-Control-Allow-Methods' : 'Access-Control-Allow-Headers';

const TEXT: CorsFamilyText = {
  ruleId: CORS_INVALID_LIST_RULE_ID,
  title: (o) => `The server's ${headerOf(o)} is not a valid list`,
  explanation: (o) =>
    `The preflight answer for ${o.request.url} sent ${headerOf(o)}: ` +
    `"${getHeader(o.preflight?.responseHeaders, headerOf(o)) ?? '(not captured)'}". Browsers accept only ` +
    'comma-separated names; one item with a ";" or a space inside makes the whole header invalid, so nothing is allowed.',
  fix: (o) =>
    `Separate the items of ${headerOf(o)} with commas only (e.g. "GET, PUT" or "Content-Type, Authorization").`,
  snippets: (o) =>
    corsFixSnippets({
      origin: o.origin ?? 'https://app.example.com',
      methods: o.corsError.includes('Methods') ? [o.request.method.toUpperCase()] : undefined,
      headers: o.verdict.ours?.unsafeHeaders,
    }),
};

export function findCorsInvalidAllowList(rec: Recording): Finding[] {
  return corsFindings(TEXT, corsOccurrencesOf(rec, 'invalid-allow-list'));
}
