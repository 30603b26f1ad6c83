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
  return groupExceptions(rec.exceptions.values(), ctx.rejectionEchoes)
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

  const facts: Fact[] = [
    { label: 'Message', value: group.message },
    { label: 'Thrown at', value: thrownAtOf(first) },
    ...(original
      ? [{ label: 'Original source', value: `${original.source}:${original.line}:${original.column}` }]
      : []),
    { label: 'Script', value: script ?? 'unknown' },
    {
      label: 'Occurrences',
      value: `${occurrences.length}: ${occurrences.map((o) => `${o.label} (${relativeTime(rec, o.time)})`).join(', ')}`,
    },
    {
      label: 'Unhandled',
      value:
        unhandled === thrown.length
          ? 'yes'
          : unhandled === 0
            ? 'handled later'
            : `yes (${thrown.length - unhandled} of ${thrown.length} handled later)`,
    },
    {
      label: 'What happened before',
      value: before
        ? `after ${before.method} ${before.url} completed`
        : 'no auth/login/token response had completed yet',
    },
  ];
  if (cause) {
    facts.push({
      label: 'Cause',
      value: `the real-time service in ${cause.where.module} was constructed before auth (${SOCKET_BEFORE_AUTH_RULE_ID})`,
    });
  }
  const module = realtime?.module ?? script;
  const who = cause
    ? `The throw comes from ${module}, a real-time (WebSocket) service constructed while its module was imported`
    : realtime
      ? `The throw comes from ${module}, a real-time (WebSocket) service: it was most likely constructed at import time`
      : `The throw comes from ${module ?? 'a script'}: typically a service (a WebSocket service, say) constructed at import time`;
  const logged = occurrences.length - thrown.length;
  return {
    ruleId: AUTH_CONTEXT_RULE_ID,
    key: `${AUTH_CONTEXT_RULE_ID}:${group.key.replace('|', ':')}`,
    severity: 'error',
    title: `Code needed the auth context before it existed: "${group.message}"`,
    explanation:
      `Code that needs the auth context ran before the context existed. ${who}, ` +
      (before
        ? `before the auth context was provided, although ${before.method} ${before.url} had completed. `
        : 'before any auth, login or token response had completed. ') +
      `The error was ${unhandled > 0 ? 'not handled: it surfaced as an unhandled rejection / uncaught error' : 'handled later by the page'}` +
      (logged > 0
        ? `, and ${logged} other caller${logged > 1 ? 's' : ''} caught and logged the same error`
        : '') +
      '.',
    fix:
      'Create the service after auth is ready, not at import time: construct it in the app root once ' +
      'login has completed (or in an auth-ready hook), pass the auth context in instead of reading a ' +
      'global, and handle the promise rejection so a missing context is reported instead of crashing.',
    fixSnippets: FIX_SNIPPETS,
    facts,
    evidence: records.map(evidenceOf),
    count: occurrences.length,
    occurrences,
    causedBy: cause ? [cause.key] : undefined,
    firstTime: records[0].time,
    basis: first.source === 'har' || first.source === 'page' ? first.source : 'cdp',
  };
}

function evidenceOf(record: Exception): Evidence {
  const surface = { unhandledrejection: 'Unhandled rejection', error: 'Uncaught error', console: 'Console' }[
    record.surface
  ];
  const top = record.stack[0];
  const where = top ? ` — ${scriptName(top.url)}:${top.line}:${top.column}` : '';
  return { type: 'exception', id: record.id, label: `${surface}: ${record.message}${where}` };
}

const FIX_SNIPPETS: FixSnippet[] = [
  {
    label: 'Service: export a factory, not an instance',
    code:
      '// services/websocketService.ts\n' +
      '// before: export const websocketService = new WebSocketService(); // runs at import time\n' +
      'export function createWebSocketService(auth: AuthContext): WebSocketService {\n' +
      '  return new WebSocketService(auth);\n' +
      '}',
  },
  {
    label: 'Vue: create it in the app root once auth is ready',
    code:
      '// App.vue <script setup>\n' +
      'const auth = useAuth();\n' +
      'watch(() => auth.isAuthenticated, (ready) => {\n' +
      '  if (!ready) return;\n' +
      '  createWebSocketService(auth).connect().catch((err) => console.error("WebSocket init failed", err));\n' +
      '}, { immediate: true });',
  },
];
