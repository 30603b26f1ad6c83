/**
 * `cors/method-not-allowed`: the preflight answer's `Access-Control-Allow-Methods` did not list
 * the request's method (`MethodDisallowedByPreflightResponse`). Methods compare
 * case-sensitively: `put` in the list is not `PUT`, and `fetch()` sends `patch` as written.
 */
import { getHeader } from '../headers';
import type { Finding } from '../model';
import type { Recording } from '../reducer';
import { corsFindings, withoutQuery, type CorsFamilyText } from './cors-finding';
import { corsFixSnippets } from './cors-fix-snippets';
import { corsOccurrencesOf } from './cors-occurrences';

export const CORS_METHOD_RULE_ID = 'cors/method-not-allowed';

const allowedOf = (o: Parameters<CorsFamilyText['title']>[0]) =>
  getHeader(o.preflight?.responseHeaders, 'access-control-allow-methods');

const TEXT: CorsFamilyText = {
  ruleId: CORS_METHOD_RULE_ID,
  title: (o) => `Method ${o.failedParameter} was refused by the server's CORS preflight`,
  explanation: (o) =>
    `Before sending ${o.failedParameter} ${o.request.url}, the browser asked the server with an OPTIONS ` +
    `preflight whether ${o.origin ?? 'this origin'} may use ${o.failedParameter}. The answer's ` +
    `Access-Control-Allow-Methods (${allowedOf(o) ?? 'absent'}) did not list it, so the request was never sent. ` +
    'Method names are compared case-sensitively; "*" counts only for requests without credentials.',
  fix: (o) => {
    const lower = o.failedParameter !== o.failedParameter.toUpperCase();
    return (
      `On the server, add ${o.failedParameter} to Access-Control-Allow-Methods for OPTIONS ${withoutQuery(o.request.url)}.` +
      (lower
        ? ` The page sends "${o.failedParameter}" in lower case, and fetch() only upper-cases DELETE, GET, HEAD, OPTIONS, ` +
          `POST and PUT: either send "${o.failedParameter.toUpperCase()}" from the client or allow "${o.failedParameter}" exactly.`
        : ' Listing it in lower case does not help: the comparison is case-sensitive.')
    );
  },
  snippets: (o) =>
    corsFixSnippets({ origin: o.origin ?? 'https://app.example.com', methods: [o.failedParameter] }),
  facts: (o) => [
    { label: 'Disallowed method', value: o.failedParameter },
    { label: 'Server allowed', value: allowedOf(o) ?? 'nothing (no Access-Control-Allow-Methods header)' },
  ],
};

export function findCorsMethodNotAllowed(rec: Recording): Finding[] {
  return corsFindings(TEXT, corsOccurrencesOf(rec, 'method-not-allowed'));
}
