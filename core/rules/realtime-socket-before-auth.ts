/**
 * `realtime/socket-before-auth`: real-time code started before auth was ready. Two signals:
 *
 * - a WebSocket or EventSource created before the first successful auth response, or one
 *   sent with no credentials while later sockets to the same endpoint carry some;
 * - a real-time service that threw while being constructed, before any auth response had
 *   completed. The seed's case: the socket never opened at all, because the service's
 *   constructor threw `Auth context not provided` at import time — so the only evidence is
 *   the throw's stack (module name) and its timing against the login response.
 */
import type { Channel, Evidence, Finding, HttpRequest } from '../model';
import type { Recording } from '../reducer';
import { formatFrame } from '../stack';
import { firstAuthSuccess, realtimeFrameOf, relativeTime, type RealtimeFrame } from './auth-timing';
import type { RuleContext } from './config';
import { groupExceptions, type ExceptionGroup } from './exception-groups';

export const SOCKET_BEFORE_AUTH_RULE_ID = 'realtime/socket-before-auth';

/** Query parameters that carry credentials on a socket URL (browsers cannot set its headers). */
const CREDENTIAL_PARAM = /^(?:token|access_?token|auth|authorization|jwt|ticket|session|key|api_?key)$/i;

/** A real-time service that threw during construction before auth existed. */
export interface EarlyConstruction {
  key: string;
  group: ExceptionGroup;
  where: RealtimeFrame;
  /** The first successful auth response, when one completed later. */
  auth?: HttpRequest;
}

/** The construction-before-auth signal of one exception group, if it has one. */
export function earlyConstructionOf(
  rec: Recording,
  ctx: RuleContext,
  group: ExceptionGroup,
): EarlyConstruction | undefined {
  if (!group.thrown) return undefined;
  const first = group.reports[0];
  const where = realtimeFrameOf(first, ctx);
  if (!where?.construction) return undefined;
  const auth = firstAuthSuccess(rec, ctx);
  if (auth?.endTime !== undefined && auth.endTime <= first.time) return undefined;
  return { key: `${SOCKET_BEFORE_AUTH_RULE_ID}:module:${where.frame.url}`, group, where, auth };
}

/** One finding per real-time module constructed too early, and per socket opened too early. */
export function findSocketBeforeAuth(rec: Recording, ctx: RuleContext): Finding[] {
  const findings = new Map<string, Finding>();
  for (const group of groupExceptions(rec.exceptions.values(), ctx.rejectionEchoes)) {
    const early = earlyConstructionOf(rec, ctx, group);
    if (early && !findings.has(early.key)) findings.set(early.key, constructionFinding(rec, early));
  }
  const auth = firstAuthSuccess(rec, ctx);
  for (const finding of socketFindings(rec, auth)) findings.set(finding.key, finding);
  return [...findings.values()];
}

function constructionFinding(rec: Recording, early: EarlyConstruction): Finding {
  const first = early.group.reports[0];
  const { where, auth } = early;
  const original = where.original
    ? `${where.original.source}:${where.original.line}:${where.original.column}`
    : undefined;
  const timing = auth
    ? `${relativeTime(rec, first.time)}, before the first auth response (${auth.method} ${auth.url} completed at ${relativeTime(rec, auth.endTime ?? 0)})`
    : `${relativeTime(rec, first.time)}; no auth response had completed by then`;
  return {
    ruleId: SOCKET_BEFORE_AUTH_RULE_ID,
    key: early.key,
    severity: 'error',
    title: `The real-time service in ${where.module} was constructed before auth was ready`,
    explanation:
      `${where.module} threw "${early.group.message}" while its service was being constructed ` +
      `(${formatFrame(where.frame)}), ${timing}. The service is created when its module is imported, ` +
      'so it ran before login and no WebSocket was ever opened. Every import of the module fails the same way.',
    fix:
      'Construct the real-time service after the first successful auth response (export a factory, ' +
      'call it from the app root once the user is logged in) and connect it with the fresh token.',
    fixSnippets: [],
    facts: [
      { label: 'Module', value: where.module },
      { label: 'Constructed at', value: formatFrame(where.frame) },
      ...(original ? [{ label: 'Original source', value: original }] : []),
      { label: 'Thrown', value: timing },
    ],
    evidence: [
      { type: 'exception', id: first.id, label: `Thrown while constructing: ${early.group.message}` },
      ...(auth ? [authEvidence(auth)] : []),
    ],
    count: 1,
    firstTime: first.time,
    basis: first.source === 'page' || first.source === 'har' ? first.source : 'cdp',
  };
}

function socketFindings(rec: Recording, auth: HttpRequest | undefined): Finding[] {
  const channels = [...rec.channels.values()].sort((a, b) => a.createdTime - b.createdTime);
  const findings: Finding[] = [];
  for (const [i, channel] of channels.entries()) {
    const early = auth?.endTime !== undefined && channel.createdTime < auth.endTime;
    const later = channels.slice(i + 1).find((c) => samePath(c, channel) && hasCredentials(c));
    const bare = !hasCredentials(channel) && later !== undefined;
    if (!early && !bare) continue;
    const why = early
      ? `it was created ${relativeTime(rec, channel.createdTime)}, before the first auth response completed (${relativeTime(rec, auth?.endTime ?? 0)})`
      : 'it carried no credentials, while a later connection to the same endpoint did';
    const evidence: Evidence[] = [
      { type: 'channel', id: channel.id, label: `${channel.transport} ${channel.url}` },
    ];
    if (early && auth) evidence.push(authEvidence(auth));
    if (later)
      evidence.push({ type: 'channel', id: later.id, label: `later, with credentials: ${later.url}` });
    findings.push({
      ruleId: SOCKET_BEFORE_AUTH_RULE_ID,
      key: `${SOCKET_BEFORE_AUTH_RULE_ID}:channel:${channel.id}`,
      severity: 'warning',
      title: `A ${channel.transport === 'sse' ? 'EventSource' : 'WebSocket'} was opened before auth was ready`,
      explanation: `The connection to ${channel.url} started too early: ${why}. The server cannot know who is connecting and may refuse it or serve it anonymously.`,
      fix: 'Open real-time connections after the first successful auth response, passing the current token (or rely on the session cookie once it exists).',
      fixSnippets: [],
      facts: [
        { label: 'Channel', value: channel.url },
        { label: 'Created', value: relativeTime(rec, channel.createdTime) },
        { label: 'Credentials', value: hasCredentials(channel) ? 'in the URL' : 'none seen' },
      ],
      evidence,
      count: 1,
      firstTime: channel.createdTime,
      basis: channel.source === 'page' || channel.source === 'har' ? channel.source : 'cdp',
    });
  }
  return findings;
}

function authEvidence(auth: HttpRequest): Evidence {
  return {
    type: 'request',
    id: auth.id,
    label: `${auth.method} ${auth.url} → ${auth.status ?? '?'} (first auth response)`,
  };
}

function hasCredentials(channel: Channel): boolean {
  try {
    return [...new URL(channel.url).searchParams.keys()].some((k) => CREDENTIAL_PARAM.test(k));
  } catch {
    return false;
  }
}

function samePath(a: Channel, b: Channel): boolean {
  return a.url.split('?')[0] === b.url.split('?')[0];
}
