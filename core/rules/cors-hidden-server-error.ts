/**
 * `cors/hidden-server-error` ("not really CORS"): the browser reports a CORS failure, but what
 * the server did is an error — a 4xx/5xx without CORS headers (an error page from a proxy, a
 * crashed handler, a missing route), a redirect on a preflight, or a Private Network Access
 * block. Chromium calls a bare 404 preflight `PreflightMissingAllowOriginHeader`, so the
 * server error hides behind CORS: this rule says the server error first.
 */
import type { Finding } from '../model';
import type { Recording } from '../reducer';
import { corsFindings, describeAnswer, type CorsFamilyText } from './cors-finding';
import { corsFixSnippets } from './cors-fix-snippets';
import { corsOccurrencesOf, type CorsOccurrence } from './cors-occurrences';

export const CORS_HIDDEN_ERROR_RULE_ID = 'cors/hidden-server-error';

const isRedirect = (o: CorsOccurrence) => o.corsError === 'PreflightDisallowedRedirect';
const isNetworkBlock = (o: CorsOccurrence) => !isRedirect(o) && !o.corsError.includes('MissingAllowOrigin');
const which = (o: CorsOccurrence) => (o.answer === o.preflight ? 'preflight (OPTIONS)' : 'request');

const TEXT: CorsFamilyText = {
  ruleId: CORS_HIDDEN_ERROR_RULE_ID,
  title: (o) => {
    if (isRedirect(o)) return `The server redirected the CORS preflight (${o.preflight?.status ?? '3xx'})`;
    if (isNetworkBlock(o))
      return `Private Network Access blocked the request (${o.corsError}), not the server`;
    return `Server error ${o.answer?.status ?? ''} on the ${which(o)}, reported as CORS`.replace('  ', ' ');
  },
  explanation: (o) => {
    if (isRedirect(o))
      return (
        `The OPTIONS preflight for ${o.request.url} was answered with a redirect. Browsers never follow ` +
        'redirects on preflights (an http→https or trailing-slash redirect, a login page), so the request failed.'
      );
    if (isNetworkBlock(o))
      return (
        `Chromium blocked ${o.request.url} because a less private page reached a more private address ` +
        `(${o.corsError}). The server never got a say.`
      );
    return (
      `This is not really a CORS problem: the ${which(o)} to ${o.request.url} failed with status ${o.answer?.status}, ` +
      `and the error answer carried no CORS headers (${describeAnswer(o.answer)}). The browser can only report ` +
      `the missing Access-Control-Allow-Origin (${o.corsError}), so the page sees a CORS error. Fix the ` +
      'server error first; adding CORS headers to error answers makes the real status visible to the page.'
    );
  },
  fix: (o) => {
    if (isRedirect(o))
      return 'Call the final URL directly (scheme, host, trailing slash), or stop redirecting OPTIONS on the server.';
    if (isNetworkBlock(o))
      return 'Serve the page from a secure context, or answer the preflight with Access-Control-Allow-Private-Network: true.';
    return (
      `Find why the server answered ${o.answer?.status} (its logs for ${o.answer?.method} ${o.request.url}): a crashed ` +
      'handler, a missing route or an upstream error. Then make the CORS layer add its headers to error answers too ' +
      '(nginx: `always`; frameworks: CORS middleware first).'
    );
  },
  snippets: (o) => corsFixSnippets({ origin: o.origin ?? 'https://app.example.com' }),
  facts: (o) => [
    { label: 'Server answered', value: describeAnswer(o.answer ?? o.preflight) },
    { label: 'Reported as', value: `${o.corsError} (${o.failedParameter})` },
  ],
};

export function findCorsHiddenServerError(rec: Recording): Finding[] {
  return corsFindings(TEXT, corsOccurrencesOf(rec, 'hidden-server-error'));
}
