/**
 * `cors/origin-mismatch`: the answer's `Access-Control-Allow-Origin` was missing, named another
 * origin, held several values or was not an origin at all (`MissingAllowOriginHeader`,
 * `AllowOriginMismatch`, `MultipleAllowOriginValues`, `InvalidAllowOriginValue`, and their
 * `Preflight…` forms). A server error without CORS headers is `cors/hidden-server-error`.
 */
import { getHeader } from '../headers';
import type { Finding } from '../model';
import type { Recording } from '../reducer';
import { corsFindings, type CorsFamilyText } from './cors-finding';
import { corsFixSnippets } from './cors-fix-snippets';
import { corsOccurrencesOf, type CorsOccurrence } from './cors-occurrences';

export const CORS_ORIGIN_RULE_ID = 'cors/origin-mismatch';

const where = (o: CorsOccurrence) => (o.corsError.startsWith('Preflight') ? 'preflight answer' : 'response');

function problem(o: CorsOccurrence): string {
  const value = o.failedParameter;
  if (o.corsError.includes('Missing')) return 'carried no Access-Control-Allow-Origin header';
  if (o.corsError.includes('Multiple'))
    return `carried several origins ("${value}"); the header takes exactly one origin or "*"`;
  if (o.corsError.includes('Invalid'))
    return `carried "${value}", which is not an origin (scheme://host[:port])`;
  if (value === 'null') return 'allowed only the "null" origin';
  return `allowed "${value}", which is not the page's origin (the comparison is exact: scheme, host, port, no trailing slash)`;
}

const TEXT: CorsFamilyText = {
  ruleId: CORS_ORIGIN_RULE_ID,
  title: (o) => `The server's ${where(o)} did not allow ${o.origin ?? 'this origin'}`,
  explanation: (o) =>
    `The ${where(o)} to ${o.request.method} ${o.request.url} ${problem(o)}, so the browser kept it from ` +
    `the page at ${o.origin ?? 'this origin'}.` +
    (o.origin === 'null'
      ? ' The page has an opaque origin ("null": a sandboxed frame, a file or a redirect across origins).'
      : ''),
  fix: (o) =>
    `On the server, answer Access-Control-Allow-Origin: ${o.origin ?? '<the page origin>'} (echo the allowed ` +
    `request Origin, with Vary: Origin) on the ${where(o)}. Nothing on the client can change this.`,
  snippets: (o) => corsFixSnippets({ origin: o.origin ?? 'https://app.example.com' }),
  facts: (o) => [
    {
      label: 'Allow-Origin answered',
      value: getHeader(o.answer?.responseHeaders, 'access-control-allow-origin') ?? 'nothing',
    },
  ],
};

export function findCorsOriginMismatch(rec: Recording): Finding[] {
  return corsFindings(TEXT, corsOccurrencesOf(rec, 'origin-mismatch'));
}
