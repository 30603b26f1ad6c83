/**
 * `realtime/socket-before-auth`: real-time code started before auth was ready. Two signals:
 *
 * - a WebSocket or EventSource created before the first successful auth response, or one
 *   sent with no credentials while later sockets to the same endpoint carry some. When an
 *   earlier connection to the endpoint already carried credentials, auth existed: a bare one
 *   then is a reconnect that dropped them (its own finding), or, when the server refused it
 *   in-band, `realtime/auth-rejected`'s;
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
import { authRejections } from './realtime-auth-rejected';

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
  for (const group of groupExceptions(rec.exceptions.values(), ctx.rejectionEchoes, ctx.locale)) {
    const early = earlyConstructionOf(rec, ctx, group);
    if (early && !findings.has(early.key)) findings.set(early.key, constructionFinding(rec, ctx, early));
  }
  const auth = firstAuthSuccess(rec, ctx);
  for (const finding of socketFindings(rec, ctx, auth)) findings.set(finding.key, finding);
  return [...findings.values()];
}

function constructionFinding(rec: Recording, ctx: RuleContext, early: EarlyConstruction): Finding {
  const m = ctx.msg.rulesRealtime.socketBeforeAuth;
  const first = early.group.reports[0];
  const { where, auth } = early;
  const original = where.original
    ? `${where.original.source}:${where.original.line}:${where.original.column}`
    : undefined;
  const time = relativeTime(rec, first.time, ctx.locale);
  const timing = auth
    ? m.timingAfter({
        time,
        method: auth.method,
        url: auth.url,
        authTime: relativeTime(rec, auth.endTime ?? 0, ctx.locale),
      })
    : m.timingNone({ time });
  return {
    ruleId: SOCKET_BEFORE_AUTH_RULE_ID,
    key: early.key,
    severity: 'error',
    title: m.constructionTitle({ module: where.module }),
    explanation: m.constructionExplanation({
      module: where.module,
      message: early.group.message,
      frame: formatFrame(where.frame),
      timing,
    }),
    fix: m.constructionFix,
    fixSnippets: [],
    facts: [
      { label: m.constructionFacts.module, value: where.module },
      { label: m.constructionFacts.constructedAt, value: formatFrame(where.frame) },
      ...(original ? [{ label: m.constructionFacts.originalSource, value: original }] : []),
      { label: m.constructionFacts.thrown, value: timing },
    ],
    evidence: [
      { type: 'exception', id: first.id, label: m.thrownWhileConstructing({ message: early.group.message }) },
      ...(auth ? [authEvidence(ctx, auth)] : []),
    ],
    count: 1,
    firstTime: first.time,
    basis: first.source === 'page' || first.source === 'har' ? first.source : 'cdp',
  };
}

function socketFindings(rec: Recording, ctx: RuleContext, auth: HttpRequest | undefined): Finding[] {
  const m = ctx.msg.rulesRealtime.socketBeforeAuth;
  const channels = [...rec.channels.values()].sort((a, b) => a.createdTime - b.createdTime);
  const { earlier, later: laterOf } = credentialedNeighbours(channels);
  let rejected: ReturnType<typeof authRejections> | undefined;
  const dropped = new Map<string, { before: Channel; channels: Channel[] }>();
  const findings: Finding[] = [];
  for (const [i, channel] of channels.entries()) {
    const withCredentials = hasCredentials(channel);
    const before = withCredentials ? undefined : earlier[i];
    if (before) {
      rejected ??= authRejections(rec);
      if (rejected.has(channel)) continue;
      const group = dropped.get(pathOf(channel));
      if (group) group.channels.push(channel);
      else dropped.set(pathOf(channel), { before, channels: [channel] });
      continue;
    }
    const early = auth?.endTime !== undefined && channel.createdTime < auth.endTime;
    const later = laterOf[i];
    const bare = !withCredentials && later !== undefined;
    if (!early && !bare) continue;
    const created = relativeTime(rec, channel.createdTime, ctx.locale);
    const why = early
      ? m.whyEarly({ created, authTime: relativeTime(rec, auth?.endTime ?? 0, ctx.locale) })
      : m.whyBare;
    const evidence: Evidence[] = [
      { type: 'channel', id: channel.id, label: `${channel.transport} ${channel.url}` },
    ];
    if (early && auth) evidence.push(authEvidence(ctx, auth));
    if (later)
      evidence.push({ type: 'channel', id: later.id, label: m.laterWithCredentials({ url: later.url }) });
    findings.push({
      ruleId: SOCKET_BEFORE_AUTH_RULE_ID,
      key: `${SOCKET_BEFORE_AUTH_RULE_ID}:channel:${channel.id}`,
      severity: 'warning',
      title: m.socketTitle({ kind: channel.transport === 'sse' ? 'EventSource' : 'WebSocket' }),
      explanation: m.socketExplanation({ url: channel.url, why }),
      fix: m.socketFix,
      fixSnippets: [],
      facts: [
        { label: m.socketFacts.channel, value: channel.url },
        { label: m.socketFacts.created, value: created },
        {
          label: m.socketFacts.credentials,
          value: hasCredentials(channel) ? m.credentialsInUrl : m.credentialsNone,
        },
      ],
      evidence,
      count: 1,
      firstTime: channel.createdTime,
      basis: channel.source === 'page' || channel.source === 'har' ? channel.source : 'cdp',
    });
  }
  for (const { before, channels: group } of dropped.values())
    findings.push(droppedFinding(rec, ctx, before, group));
  return findings;
}

/**
 * For each channel (sorted by creation), the first earlier and the first later channel to the
 * same endpoint that carried credentials in its URL: one pass each way, not a search per channel.
 */
/** Evidence listed for a group of connections; `count` says how many there were. */
const EVIDENCE_LIMIT = 100;

function credentialedNeighbours(channels: Channel[]): {
  earlier: Array<Channel | undefined>;
  later: Array<Channel | undefined>;
} {
  const earlier: Array<Channel | undefined> = [];
  const later: Array<Channel | undefined> = new Array<Channel | undefined>(channels.length);
  const first = new Map<string, Channel>();
  for (const c of channels) {
    earlier.push(first.get(pathOf(c)));
    if (!first.has(pathOf(c)) && hasCredentials(c)) first.set(pathOf(c), c);
  }
  const next = new Map<string, Channel>();
  for (let i = channels.length - 1; i >= 0; i--) {
    const c = channels[i];
    later[i] = next.get(pathOf(c));
    if (hasCredentials(c)) next.set(pathOf(c), c);
  }
  return { earlier, later };
}

/**
 * The connections to one endpoint without the credentials an earlier one carried: one finding,
 * the first of them and the credentialed one before it as the lead evidence.
 */
function droppedFinding(rec: Recording, ctx: RuleContext, before: Channel, channels: Channel[]): Finding {
  const m = ctx.msg.rulesRealtime.socketBeforeAuth;
  const channel = channels[0];
  const created = relativeTime(rec, channel.createdTime, ctx.locale);
  const kind = channel.transport === 'sse' ? 'EventSource' : 'WebSocket';
  const evidence: Evidence[] = [
    { type: 'channel', id: channel.id, label: `${channel.transport} ${channel.url}` },
    { type: 'channel', id: before.id, label: m.earlierWithCredentials({ url: before.url }) },
  ];
  for (const c of channels.slice(1, EVIDENCE_LIMIT))
    evidence.push({ type: 'channel', id: c.id, label: `${c.transport} ${c.url}` });
  const explanation = m.droppedExplanation({
    url: channel.url,
    created,
    earlier: relativeTime(rec, before.createdTime, ctx.locale),
  });
  return {
    ruleId: SOCKET_BEFORE_AUTH_RULE_ID,
    key: `${SOCKET_BEFORE_AUTH_RULE_ID}:dropped:${pathOf(channel)}`,
    severity: 'warning',
    title: m.droppedTitle({ kind }),
    explanation:
      channels.length > 1 ? `${explanation} ${m.droppedCount({ count: channels.length })}` : explanation,
    fix: m.droppedFix,
    fixSnippets: [],
    facts: [
      { label: m.socketFacts.channel, value: channel.url },
      { label: m.socketFacts.created, value: created },
      { label: m.socketFacts.credentials, value: m.credentialsNone },
    ],
    evidence,
    count: channels.length,
    firstTime: channel.createdTime,
    basis: channel.source === 'page' || channel.source === 'har' ? channel.source : 'cdp',
  };
}

function authEvidence(ctx: RuleContext, auth: HttpRequest): Evidence {
  return {
    type: 'request',
    id: auth.id,
    label: ctx.msg.rulesRealtime.socketBeforeAuth.authEvidence({
      method: auth.method,
      url: auth.url,
      status: auth.status !== undefined ? String(auth.status) : '?',
    }),
  };
}

function hasCredentials(channel: Channel): boolean {
  try {
    return [...new URL(channel.url).searchParams.keys()].some((k) => CREDENTIAL_PARAM.test(k));
  } catch {
    return false;
  }
}

function pathOf(c: Channel): string {
  return c.url.split('?')[0];
}
