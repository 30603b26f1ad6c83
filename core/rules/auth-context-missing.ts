/**
 * `auth/context-missing`: code that needs the auth context ran before it existed. The seed's
 * first symptom: `Error: Auth context not provided` thrown `at new X (websocketService-*.js)`,
 * a WebSocket service constructed at import time, before login.
 */
import type { Evidence, Exception, Fact, Finding, FixSnippet } from '../model';
import type { Recording } from '../reducer';
import { scriptName } from '../stack';
import { lastAuthSuccessBefore, realtimeFrameOf, relativeTime } from './auth-timing';
import type { RuleContext } from './config';
import { groupExceptions, thrownAtOf, type ExceptionGroup } from './exception-groups';
import { earlyConstructionOf, SOCKET_BEFORE_AUTH_RULE_ID } from './realtime-socket-before-auth';

export const AUTH_CONTEXT_RULE_ID = 'auth/context-missing';

/**
 * One finding per root cause (message + top frame) among thrown errors whose message matches
 * a pattern. Console lines that print the same error join it: the app's own echo of the
 * rejection counts as the same occurrence, a catch that logged it (a router) as another.
 * A console line alone does not fire the rule: it may be the app's own handled log line.
 */
export function findAuthContextMissing(rec: Recording, ctx: RuleContext): Finding[] {
  if (ctx.authContextPatterns.length === 0) return [];
  return groupExceptions(rec.exceptions.values(), ctx.rejectionEchoes, ctx.locale)
    .filter((g) => g.thrown && ctx.authContextPatterns.some((p) => p.test(g.message)))
    .map((group) => toFinding(rec, ctx, group));
}

function toFinding(rec: Recording, ctx: RuleContext, group: ExceptionGroup): Finding {
  const records = group.reports;
  const thrown = records.filter((r) => r.surface !== 'console');
  const first = thrown[0];
  const top = first.stack[0];
  const script = top ? scriptName(top.url) : first.url ? scriptName(first.url) : undefined;
  const original = top ? ctx.originalFrame(top) : undefined;
  const unhandled = thrown.filter((r) => !r.handledLater).length;
  const before = lastAuthSuccessBefore(rec, ctx, first.time);
  const realtime = realtimeFrameOf(first, ctx);
  const cause = earlyConstructionOf(rec, ctx, group);
  const occurrences = group.occurrences.map((o) => ({
    time: o.time,
    label: o.label,
    evidenceIds: o.reports.map((r) => r.id),
  }));

  const m = ctx.msg.rulesAuth.contextMissing;
  const facts: Fact[] = [
    { label: m.facts.message, value: group.message },
    { label: m.facts.thrownAt, value: thrownAtOf(first, ctx.locale) },
    ...(original
      ? [{ label: m.facts.originalSource, value: `${original.source}:${original.line}:${original.column}` }]
      : []),
    { label: m.facts.script, value: script ?? ctx.msg.rulesAuth.unknown },
    {
      label: m.facts.occurrences,
      value: `${occurrences.length}: ${occurrences.map((o) => `${o.label} (${relativeTime(rec, o.time, ctx.locale)})`).join(', ')}`,
    },
    {
      label: m.facts.unhandled,
      value:
        unhandled === thrown.length
          ? m.unhandledAll
          : unhandled === 0
            ? m.unhandledNone
            : m.unhandledSome({ handled: thrown.length - unhandled, total: thrown.length }),
    },
    {
      label: m.facts.before,
      value: before ? m.beforeAfter({ method: before.method, url: before.url }) : m.beforeNone,
    },
  ];
  if (cause) {
    facts.push({
      label: m.facts.cause,
      value: m.cause({ module: cause.where.module, ruleId: SOCKET_BEFORE_AUTH_RULE_ID }),
    });
  }
  const module = realtime?.module ?? script;
  const who = cause
    ? m.whoCause({ module: module ?? cause.where.module })
    : realtime
      ? m.whoRealtime({ module: realtime.module })
      : module
        ? m.whoScript({ module })
        : m.whoUnknown;
  const logged = occurrences.length - thrown.length;
  return {
    ruleId: AUTH_CONTEXT_RULE_ID,
    key: `${AUTH_CONTEXT_RULE_ID}:${group.key.replace('|', ':')}`,
    severity: 'error',
    title: m.title({ message: group.message }),
    explanation: m.explanation({
      who,
      when: before ? m.whenAfterAuth({ method: before.method, url: before.url }) : m.whenNoAuth,
      outcome:
        (unhandled > 0 ? m.outcomeUnhandled : m.outcomeHandled) +
        (logged > 0 ? m.alsoLogged({ count: logged }) : ''),
    }),
    fix: m.fix,
    fixSnippets: fixSnippetsOf(ctx),
    facts,
    evidence: records.map((r) => evidenceOf(r, ctx)),
    count: occurrences.length,
    occurrences,
    causedBy: cause ? [cause.key] : undefined,
    firstTime: records[0].time,
    basis: first.source === 'har' || first.source === 'page' ? first.source : 'cdp',
  };
}

function evidenceOf(record: Exception, ctx: RuleContext): Evidence {
  const surface = ctx.msg.rulesAuth.contextMissing.evidence[record.surface];
  const top = record.stack[0];
  const where = top ? ` — ${scriptName(top.url)}:${top.line}:${top.column}` : '';
  return { type: 'exception', id: record.id, label: `${surface}: ${record.message}${where}` };
}

function fixSnippetsOf(ctx: RuleContext): FixSnippet[] {
  const m = ctx.msg.rulesAuth.contextMissing;
  return [
    { label: m.snippetFactoryLabel, code: m.snippetFactoryCode },
    {
      label: m.snippetVueLabel,
      code:
        '// App.vue <script setup>\n' +
        'const auth = useAuth();\n' +
        'watch(() => auth.isAuthenticated, (ready) => {\n' +
        '  if (!ready) return;\n' +
        '  createWebSocketService(auth).connect().catch((err) => console.error("WebSocket init failed", err));\n' +
        '}, { immediate: true });',
    },
  ];
}
