/**
 * `auth/refresh-failed`: a token-refresh request failed — refused by CORS, answered 401/403
 * (or another error), or lost on the network — and what followed it: sockets closed with an
 * auth close code, retried refreshes, a logout or a trip back to the login page.
 *
 * A refresh refused by CORS is the consequence of the CORS finding on the same request (linked
 * in `causes.ts`); its words name CORS, from Chromium's verdict (CDP) or, from a HAR file, from
 * our analyser's, and never lead with a reachability fix.
 */
import type { CorsErrorStatus } from '../events';
import { messagesFor, type Locale } from '../i18n';
import type { Evidence, Finding, HttpRequest } from '../model';
import type { Recording } from '../reducer';
import { isRefreshRequest, relativeTime } from './auth-timing';
import type { RuleContext } from './config';
import { corsOccurrences } from './cors-occurrences';

export const REFRESH_FAILED_RULE_ID = 'auth/refresh-failed';

/** Close codes servers use to say "not authorised": policy violation and the 4xxx mirrors of 401/403. */
export const AUTH_CLOSE_CODES = new Set([1008, 4001, 4003, 4401, 4403]);
/** What happens this long after the failure counts as its aftermath (ms). */
const AFTERMATH_MS = 30_000;
const LOGOUT_URL = /log-?out|sign-?out/i;
const LOGIN_PAGE = /\/(?:login|signin|sign-in)\b/i;

/**
 * Why a refresh failed, in plain words (in `locale`); undefined when it did not fail.
 * @param cors The CORS verdict when the browser's is not on the request (a HAR file's failure,
 *   decided by our analyser from the headers), or `true` when only a CORS finding (from the
 *   console's words, say) explains it.
 */
export function refreshFailureOf(
  r: HttpRequest,
  locale: Locale = 'en',
  cors: CorsErrorStatus | true | undefined = r.failure?.cors,
): string | undefined {
  const m = messagesFor(locale).rulesAuth.refreshFailed;
  if (r.failure?.canceled) return undefined;
  if (cors === true) return m.reasonCorsFinding;
  if (cors)
    return cors.failedParameter
      ? m.reasonCorsParameter({ error: cors.corsError, parameter: cors.failedParameter })
      : m.reasonCors({ error: cors.corsError });
  if (r.status !== undefined && r.status >= 400) return m.reasonStatus({ status: r.status });
  if (r.state === 'failed') return m.reasonNetwork({ error: r.failure?.errorText ?? m.noAnswer });
  return undefined;
}

/**
 * One finding per refresh endpoint whose requests failed.
 * @param explained Failed requests a CORS finding already explains, by request id: their
 *   refresh is refused by CORS even when the request itself carries no verdict.
 */
export function findRefreshFailed(
  rec: Recording,
  ctx: RuleContext,
  explained: ReadonlyMap<string, Finding> = new Map(),
): Finding[] {
  const byEndpoint = new Map<string, HttpRequest[]>();
  for (const r of rec.requests.values()) {
    if (!isRefreshRequest(r, ctx) || refreshFailureOf(r) === undefined) continue;
    const key = r.url.split(/[?#]/)[0];
    byEndpoint.set(key, [...(byEndpoint.get(key) ?? []), r]);
  }
  if (byEndpoint.size === 0) return [];
  const cors = new Map<string, CorsErrorStatus | true>();
  for (const id of explained.keys()) cors.set(id, true);
  for (const o of corsOccurrences(rec))
    cors.set(o.request.id, { corsError: o.corsError, failedParameter: o.failedParameter });
  return [...byEndpoint].map(([endpoint, failed]) => toFinding(rec, ctx, endpoint, failed, cors));
}

function toFinding(
  rec: Recording,
  ctx: RuleContext,
  endpoint: string,
  failed: HttpRequest[],
  corsOf: Map<string, CorsErrorStatus | true>,
): Finding {
  failed.sort((a, b) => a.startTime - b.startTime);
  const first = failed[0];
  const m = ctx.msg.rulesAuth.refreshFailed;
  const failureOf = (r: HttpRequest) => refreshFailureOf(r, ctx.locale, r.failure?.cors ?? corsOf.get(r.id));
  const reason = failureOf(first) ?? m.failed;
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
      ? [
          m.followedSockets({
            count: closed.length,
            codes: [...new Set(closed.map((c) => c.closeCode))].join(', '),
          }),
        ]
      : []),
    ...(retries.length > 0 ? [m.followedRetries({ count: retries.length })] : []),
    ...(logouts.length > 0 ? [m.followedLogout] : []),
    ...(loginPage ? [m.followedLoginPage] : []),
  ];
  const cors = first.failure?.cors !== undefined || corsOf.has(first.id);
  const evidence: Evidence[] = [
    ...failed.map((r) => ({
      type: 'request' as const,
      id: r.id,
      label: `${r.method} ${endpoint} — ${failureOf(r)}`,
    })),
    ...closed.map((c) => ({
      type: 'channel' as const,
      id: c.id,
      label: ctx.msg.rulesAuth.channelClosed({ url: c.url, code: c.closeCode ?? 0 }),
    })),
  ];
  const time = relativeTime(rec, first.startTime, ctx.locale);
  return {
    ruleId: REFRESH_FAILED_RULE_ID,
    key: `${REFRESH_FAILED_RULE_ID}:${endpoint}`,
    severity: 'error',
    title: m.title({ method: first.method, endpoint, reason }),
    explanation:
      followed.length > 0
        ? m.explanationFollowed({ time, reason, followed: followed.join('; ') })
        : m.explanationNothing({ time, reason }),
    fix: cors ? m.fixCors : first.status === 401 || first.status === 403 ? m.fixRefused : m.fixOther,
    fixSnippets: [],
    facts: [
      { label: m.facts.request, value: `${first.method} ${first.url}` },
      { label: m.facts.failure, value: reason },
      { label: m.facts.attempts, value: String(failed.length) },
      { label: m.facts.followed, value: followed.length > 0 ? followed.join('; ') : m.nothingSeen },
    ],
    evidence,
    count: failed.length,
    firstTime: first.startTime,
    basis: first.source === 'page' || first.source === 'har' ? first.source : 'cdp',
  };
}
