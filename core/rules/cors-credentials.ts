/**
 * `cors/credentials`: a request with credentials (cookies, HTTP auth; `credentials:
 * 'include'`, XHR `withCredentials`) got an answer that does not allow them: `*` as
 * Allow-Origin (`WildcardOriginNotAllowed`) or no exact `Access-Control-Allow-Credentials:
 * true` (`InvalidAllowCredentials`), on the preflight or the response.
 */
import { getHeader } from '../headers';
import type { Finding } from '../model';
import type { Recording } from '../reducer';
import { corsFindings, type CorsFamilyText } from './cors-finding';
import { corsFixSnippets } from './cors-fix-snippets';
import { corsOccurrencesOf, type CorsOccurrence } from './cors-occurrences';

export const CORS_CREDENTIALS_RULE_ID = 'cors/credentials';

const where = (o: CorsOccurrence) => (o.corsError.startsWith('Preflight') ? 'preflight answer' : 'response');
const wildcard = (o: CorsOccurrence) => o.corsError.includes('Wildcard');

const TEXT: CorsFamilyText = {
  ruleId: CORS_CREDENTIALS_RULE_ID,
  title: (o) =>
    wildcard(o)
      ? `The server answered Access-Control-Allow-Origin: * to a request with credentials`
      : `The server did not allow credentials (Access-Control-Allow-Credentials: ${o.failedParameter || 'missing'})`,
  explanation: (o) =>
    `${o.request.method} ${o.request.url} was sent with credentials (cookies or HTTP authentication). ` +
    (wildcard(o)
      ? `The ${where(o)} allowed any origin with "*", which browsers never accept for credentialed requests: ` +
        'the server must name the origin.'
      : `The ${where(o)} must carry exactly "Access-Control-Allow-Credentials: true" (lower case); ` +
        `it carried ${o.failedParameter ? `"${o.failedParameter}"` : 'nothing'}.`),
  fix: (o) =>
    `On the server, answer Access-Control-Allow-Origin: ${o.origin ?? '<the page origin>'} (not *) and ` +
    'Access-Control-Allow-Credentials: true, on the preflight and on the response. If the request needs no ' +
    "cookies, the client could drop credentials instead (fetch's credentials: 'same-origin')",
  snippets: (o) => corsFixSnippets({ origin: o.origin ?? 'https://app.example.com', credentials: true }),
  facts: (o) => {
    const answer = o.answer?.responseHeaders;
    return [
      {
        label: 'Allow-Origin answered',
        value: getHeader(answer, 'access-control-allow-origin') ?? 'nothing',
      },
      {
        label: 'Allow-Credentials answered',
        value: getHeader(answer, 'access-control-allow-credentials') ?? 'nothing',
      },
    ];
  },
};

export function findCorsCredentials(rec: Recording): Finding[] {
  return corsFindings(TEXT, corsOccurrencesOf(rec, 'credentials'));
}
