/**
 * `auth/refresh-failed`: a token-refresh request failed — refused by CORS, answered 401/403
 * (or another error), or lost on the network — and what followed it: sockets closed with an
 * auth close code, retried refreshes, a logout or a trip back to the login page.
 */
import type { Evidence, Finding, HttpRequest } from '../model';
import type { Recording } from '../reducer';
import { isRefreshRequest, relativeTime } from './auth-timing';
import type { RuleContext } from './config';

export const REFRESH_FAILED_RULE_ID = 'auth/refresh-failed';

/** Close codes servers use to say "not authorised": policy violation and the 4xxx mirrors of 401/403. */
export const AUTH_CLOSE_CODES = new Set([1008, 4001, 4003, 4401, 4403]);
/** What happens this long after the failure counts as its aftermath (ms). */
const AFTERMATH_MS = 30_000;
const LOGOUT_URL = /log-?out|sign-?out/i;
const LOGIN_PAGE = /\/(?:login|signin|sign-in)\b/i;

/** Why a refresh failed, in plain words; undefined when it did not fail. */
export function refreshFailureOf(r: HttpRequest): string | undefined {
  if (r.failure?.canceled) return undefined;
  const cors = r.failure?.cors;
  if (cors)
    return `refused by CORS (${cors.corsError}${cors.failedParameter ? `: ${cors.failedParameter}` : ''})`;
  if (r.status !== undefined && r.status >= 400) return `answered HTTP ${r.status}`;
  if (r.state === 'failed') return `network error (${r.failure?.errorText ?? 'no answer'})`;
  return undefined;
}

/** One finding per refresh endpoint whose requests failed. */
export function findRefreshFailed(rec: Recording, ctx: RuleContext): Finding[] {
  const byEndpoint = new Map<string, HttpRequest[]>();
  for (const r of rec.requests.values()) {
    if (!isRefreshRequest(r, ctx) || refreshFailureOf(r) === undefined) continue;
    const key = r.url.split(/[?#]/)[0];
    byEndpoint.set(key, [...(byEndpoint.get(key) ?? []), r]);
  }
  return [...byEndpoint].map(([endpoint, failed]) => toFinding(rec, ctx, endpoint, failed));
}

function toFinding(rec: Recording, ctx: RuleContext, endpoint: string, failed: HttpRequest[]): Finding {
  failed.sort((a, b) => a.startTime - b.startTime);
  const first = failed[0];
  const reason = refreshFailureOf(first) ?? 'failed';
  const from = first.endTime ?? first.startTime;
  const within = (t: number) => t >= from && t - from <= AFTERMATH_MS;
  const closed = [...rec.channels.values()].filter(
    (c) => c.closeCode !== undefined && AUTH_CLOSE_CODES.has(c.closeCode) && within(c.lastActivity),
  );
  const retries = [...rec.requests.values()].filter(
    (r) => r !== first && isRefreshRequest(r, ctx) && r.startTime > first.startTime && within(r.startTime),
  );
  const logouts = [...rec.requests.values()].filter((r) => LOGOUT_URL.test(r.url) && within(r.startTime));
  const loginPage = rec.timeline.find(
    (row) => row.type === 'page' && LOGIN_PAGE.test(row.url) && within(row.time),
  );
  const followed = [
    ...(closed.length > 0
      ? [`${closed.length} socket(s) closed with ${[...new Set(closed.map((c) => c.closeCode))].join(', ')}`]
      : []),
    ...(retries.length > 0 ? [`${retries.length} more refresh attempt(s)`] : []),
    ...(logouts.length > 0 ? ['a logout request'] : []),
    ...(loginPage ? ['a return to the login page'] : []),
  ];
  const cors = first.failure?.cors !== undefined;
  const evidence: Evidence[] = [
    ...failed.map((r) => ({
      type: 'request' as const,
      id: r.id,
      label: `${r.method} ${endpoint} — ${refreshFailureOf(r)}`,
    })),
    ...closed.map((c) => ({ type: 'channel' as const, id: c.id, label: `${c.url} closed ${c.closeCode}` })),
  ];
  return {
    ruleId: REFRESH_FAILED_RULE_ID,
    key: `${REFRESH_FAILED_RULE_ID}:${endpoint}`,
    severity: 'error',
    title: `Token refresh failed: ${first.method} ${endpoint} was ${reason}`,
    explanation:
      `The app tried to refresh its token at ${relativeTime(rec, first.startTime)} and the request was ${reason}. ` +
      (followed.length > 0
        ? `What followed: ${followed.join('; ')}.`
        : 'Nothing else was seen to follow it in this recording; the session will fail once the current token expires.'),
    fix: cors
      ? "Fix the server's CORS answer for the refresh endpoint (see the CORS finding for the exact header or method); the client code cannot work around it."
      : first.status === 401 || first.status === 403
        ? 'The server refused the refresh credential: check that the refresh token is sent (cookie or body), not expired or already rotated, and that only one refresh runs at a time.'
        : 'Check that the refresh endpoint is reachable from the page and answers 2xx; retry with back-off, and send the user to login only after a definitive 401.',
    fixSnippets: [],
    facts: [
      { label: 'Refresh request', value: `${first.method} ${first.url}` },
      { label: 'Failure', value: reason },
      { label: 'Attempts that failed', value: String(failed.length) },
      { label: 'What followed', value: followed.length > 0 ? followed.join('; ') : 'nothing seen' },
    ],
    evidence,
    count: failed.length,
    firstTime: first.startTime,
    basis: first.source === 'page' || first.source === 'har' ? first.source : 'cdp',
  };
}
