/**
 * `auth/expired-token`: a request carried a JWT whose `exp` had already passed when it was
 * sent. The token is decoded locally (`core/jwt.ts`): never verified, never sent anywhere,
 * and never shown — findings name its subject and expiry only.
 */
import type { Finding, HttpRequest } from '../model';
import type { Recording } from '../reducer';
import { getHeader } from '../headers';
import { jwtOfAuthorization, type JwtClaims } from '../jwt';
import { relativeTime } from './auth-timing';
import type { RuleContext } from './config';
import { claimsOf } from './jwt-claims';

export const EXPIRED_TOKEN_RULE_ID = 'auth/expired-token';

/** Clock skew tolerated between the page's clock and the token issuer's (ms). */
const SKEW_MS = 1000;
const TOKEN_PARAM = /^(?:token|access_?token|jwt|auth)$/i;

function jwtOf(r: HttpRequest): string | undefined {
  const header = jwtOfAuthorization(getHeader(r.wireHeaders ?? r.requestHeaders, 'authorization'));
  if (header) return header;
  try {
    for (const [name, value] of new URL(r.url).searchParams)
      if (TOKEN_PARAM.test(name) && claimsOf(value)) return value;
  } catch {
    // not a URL we can parse: no token in it
  }
  return undefined;
}

/** One finding per expired token (by subject and expiry), counting the requests that sent it. */
export function findExpiredToken(rec: Recording, ctx: RuleContext): Finding[] {
  const m = ctx.msg.rulesAuth.expiredToken;
  const groups = new Map<string, { claims: Readonly<JwtClaims>; requests: HttpRequest[] }>();
  for (const r of rec.requests.values()) {
    if (r.preflightFor !== undefined) continue;
    const token = jwtOf(r);
    const claims = token ? claimsOf(token) : undefined;
    if (claims?.exp === undefined || claims.exp * 1000 + SKEW_MS >= r.startTime) continue;
    const key = `${EXPIRED_TOKEN_RULE_ID}:${claims.sub ?? '?'}:${claims.exp}`;
    const group = groups.get(key) ?? { claims, requests: [] };
    group.requests.push(r);
    groups.set(key, group);
  }
  return [...groups].map(([key, { claims, requests }]) => {
    requests.sort((a, b) => a.startTime - b.startTime);
    const first = requests[0];
    const expiredAt = (claims.exp ?? 0) * 1000;
    const ago = Math.round((first.startTime - expiredAt) / 1000);
    const refused = requests.filter((r) => r.status === 401 || r.status === 403).length;
    return {
      ruleId: EXPIRED_TOKEN_RULE_ID,
      key,
      severity: 'warning',
      title: m.title({ seconds: ago }),
      explanation: (refused > 0 ? m.explanationRefused : m.explanation)({
        method: first.method,
        url: first.url,
        time: relativeTime(rec, first.startTime, ctx.locale),
        expiredAt: new Date(expiredAt).toISOString(),
        seconds: ago,
        refused,
      }),
      fix: m.fix,
      fixSnippets: [],
      facts: [
        { label: m.facts.expiredAt, value: new Date(expiredAt).toISOString() },
        { label: m.facts.sentAt, value: new Date(first.startTime).toISOString() },
        { label: m.facts.subject, value: claims.sub ?? m.subjectNotStated },
        { label: m.facts.requests, value: String(requests.length) },
      ],
      evidence: requests.map((r) => ({
        type: 'request' as const,
        id: r.id,
        label: m.evidence({
          method: r.method,
          url: r.url,
          status: r.status !== undefined ? String(r.status) : ctx.msg.rulesAuth.state[r.state],
        }),
      })),
      count: requests.length,
      firstTime: first.startTime,
      basis: first.source === 'page' || first.source === 'har' ? first.source : 'cdp',
    };
  });
}
