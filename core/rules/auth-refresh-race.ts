/**
 * `auth/refresh-race`: two or more token refreshes in flight at once, or a refresh credential
 * used again after a refresh with it had already succeeded. Servers that rotate refresh
 * tokens revoke the old one on use, so the slower of two racing refreshes fails and often
 * logs the user out.
 */
import type { Evidence, Finding, HttpRequest } from '../model';
import type { Recording } from '../reducer';
import { getHeader } from '../headers';
import { isRefreshRequest, relativeTime } from './auth-timing';
import type { RuleContext } from './config';

export const REFRESH_RACE_RULE_ID = 'auth/refresh-race';

/** A refresh without an answer in the recording counts as in flight this long (ms). */
const PENDING_MS = 30_000;
const BODY_TOKEN = /"(?:refresh|refresh_token|refreshToken)"\s*:\s*"([^"]+)"/;

/** The credential a refresh presented: its Authorization header or the refresh token in the body. */
function credentialOf(r: HttpRequest): string | undefined {
  return (
    getHeader(r.wireHeaders ?? r.requestHeaders, 'authorization') ?? BODY_TOKEN.exec(r.postData ?? '')?.[1]
  );
}

const ok = (r: HttpRequest) => r.status !== undefined && r.status >= 200 && r.status < 300;

/** At most one finding: the concurrent refreshes and the reused credentials of the recording. */
export function findRefreshRace(rec: Recording, ctx: RuleContext): Finding[] {
  const refreshes = [...rec.requests.values()]
    .filter((r) => isRefreshRequest(r, ctx))
    .sort((a, b) => a.startTime - b.startTime);
  const concurrent = new Set<HttpRequest>();
  const reused = new Set<HttpRequest>();
  for (const [i, a] of refreshes.entries()) {
    for (const b of refreshes.slice(i + 1)) {
      if (b.startTime < (a.endTime ?? a.startTime + PENDING_MS)) {
        concurrent.add(a);
        concurrent.add(b);
      } else if (ok(a) && credentialOf(a) !== undefined && credentialOf(a) === credentialOf(b)) {
        reused.add(b);
      }
    }
  }
  if (concurrent.size === 0 && reused.size === 0) return [];
  const involved = refreshes.filter((r) => concurrent.has(r) || reused.has(r));
  const first = involved[0];
  const losers = involved.filter((r) => r.status === 401 || r.status === 403);
  const evidence: Evidence[] = involved.map((r) => ({
    type: 'request',
    id: r.id,
    label: `${r.method} ${r.url} at ${relativeTime(rec, r.startTime)} → ${r.status ?? r.state}${reused.has(r) ? ' (credential already used)' : ''}`,
  }));
  const what = [
    ...(concurrent.size > 0 ? [`${concurrent.size} refreshes were in flight at the same time`] : []),
    ...(reused.size > 0
      ? [
          `${reused.size} refresh(es) presented a credential that an earlier successful refresh had already used`,
        ]
      : []),
  ].join(', and ');
  return [
    {
      ruleId: REFRESH_RACE_RULE_ID,
      key: `${REFRESH_RACE_RULE_ID}:${first.id}`,
      severity: losers.length > 0 ? 'error' : 'warning',
      title: 'Token refreshes raced each other',
      explanation:
        `${what}. When the server rotates refresh tokens, the first refresh revokes the credential the ` +
        `others carry, so they fail${losers.length > 0 ? ` (here ${losers.length} got ${[...new Set(losers.map((r) => r.status))].join('/')})` : ''} ` +
        'and the app may log the user out although the session was fine.',
      fix:
        'Let one refresh run at a time: keep the pending refresh promise and have every caller (interceptors, ' +
        'retries, sockets) await it instead of starting another; after it resolves, retry with the new token.',
      fixSnippets: [
        {
          label: 'Single-flight refresh',
          code:
            'let pending: Promise<string> | null = null;\n' +
            'export function refreshOnce(): Promise<string> {\n' +
            '  pending ??= refreshToken().finally(() => { pending = null; });\n' +
            '  return pending;\n' +
            '}',
        },
      ],
      facts: [
        { label: 'In flight together', value: String(concurrent.size) },
        { label: 'Credential reused', value: String(reused.size) },
        { label: 'Refused', value: losers.length > 0 ? losers.map((r) => `${r.status}`).join(', ') : 'none' },
      ],
      evidence,
      count: involved.length,
      firstTime: first.startTime,
      basis: first.source === 'page' || first.source === 'har' ? first.source : 'cdp',
    },
  ];
}
