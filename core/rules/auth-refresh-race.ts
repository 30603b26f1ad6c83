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
  const m = ctx.msg.rulesAuth.refreshRace;
  const evidence: Evidence[] = involved.map((r) => ({
    type: 'request',
    id: r.id,
    label: (reused.has(r) ? m.evidenceReused : m.evidence)({
      method: r.method,
      url: r.url,
      time: relativeTime(rec, r.startTime, ctx.locale),
      status: r.status !== undefined ? String(r.status) : ctx.msg.rulesAuth.state[r.state],
    }),
  }));
  const concurrentText = concurrent.size > 0 ? m.concurrent({ count: concurrent.size }) : undefined;
  const reusedText = reused.size > 0 ? m.reused({ count: reused.size }) : undefined;
  const what =
    concurrentText && reusedText
      ? m.both({ concurrent: concurrentText, reused: reusedText })
      : (concurrentText ?? reusedText ?? '');
  return [
    {
      ruleId: REFRESH_RACE_RULE_ID,
      key: `${REFRESH_RACE_RULE_ID}:${first.id}`,
      severity: losers.length > 0 ? 'error' : 'warning',
      title: m.title,
      explanation:
        losers.length > 0
          ? m.explanationRefused({
              what,
              count: losers.length,
              statuses: [...new Set(losers.map((r) => r.status))].join('/'),
            })
          : m.explanation({ what }),
      fix: m.fix,
      fixSnippets: [
        {
          label: m.snippetLabel,
          code:
            'let pending: Promise<string> | null = null;\n' +
            'export function refreshOnce(): Promise<string> {\n' +
            '  pending ??= refreshToken().finally(() => { pending = null; });\n' +
            '  return pending;\n' +
            '}',
        },
      ],
      facts: [
        { label: m.facts.concurrent, value: String(concurrent.size) },
        { label: m.facts.reused, value: String(reused.size) },
        {
          label: m.facts.refused,
          value: losers.length > 0 ? losers.map((r) => `${r.status}`).join(', ') : m.none,
        },
      ],
      evidence,
      count: involved.length,
      firstTime: first.startTime,
      basis: first.source === 'page' || first.source === 'har' ? first.source : 'cdp',
    },
  ];
}
