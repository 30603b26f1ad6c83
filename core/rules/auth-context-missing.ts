/**
 * `auth/context-missing`: code that needs the auth context ran before it existed. The seed's
 * first symptom: `Error: Auth context not provided` thrown `at new X (websocketService-*.js)`,
 * a WebSocket service constructed at import time, before login.
 */
import type { Evidence, Exception, Fact, Finding, FixSnippet, HttpRequest } from '../model';
import type { Recording } from '../reducer';
import { formatFrame, scriptName } from '../stack';

export const AUTH_CONTEXT_RULE_ID = 'auth/context-missing';

/** Requests whose success means auth is (probably) ready. */
const AUTH_URL = /auth|login|token|session/i;
/** Script names that say the thrower is a real-time service. */
const REALTIME_SCRIPT = /socket|realtime|real-time|sse|eventsource|channel/i;

interface Group {
  key: string;
  /** The part of the message the pattern matched, lower case: links console reports to throws. */
  matched: string;
  records: Exception[];
}

/**
 * One finding per (message, top frame) among unhandled rejections and uncaught errors that
 * match a pattern; console errors with the same matched text join the nearest such group.
 */
export function findAuthContextMissing(rec: Recording, patterns: RegExp[]): Finding[] {
  if (patterns.length === 0) return [];
  const all = [...rec.exceptions.values()].sort((a, b) => a.time - b.time || a.firstSeq - b.firstSeq);
  const groups = new Map<string, Group>();
  const consoleReports: Array<{ record: Exception; matched: string }> = [];
  for (const record of all) {
    const matched = matchedText(record.message, patterns);
    if (matched === undefined) continue;
    if (record.surface === 'console') {
      consoleReports.push({ record, matched });
      continue;
    }
    const key = `${AUTH_CONTEXT_RULE_ID}:${record.message}:${topFrameOf(record)}`;
    const group = groups.get(key) ?? { key, matched, records: [] };
    group.records.push(record);
    groups.set(key, group);
  }
  // A console report alone does not fire the rule: it may be the app's own handled log line.
  for (const { record, matched } of consoleReports) {
    const group = nearest(
      [...groups.values()].filter((g) => g.matched === matched),
      record.time,
    );
    group?.records.push(record);
  }
  return [...groups.values()].map((group) => toFinding(rec, group));
}

function matchedText(message: string, patterns: RegExp[]): string | undefined {
  for (const pattern of patterns) {
    const match = pattern.exec(message);
    if (match) return match[0].toLowerCase();
  }
  return undefined;
}

function nearest(groups: Group[], time: number): Group | undefined {
  const distance = (g: Group) => Math.min(...g.records.map((r) => Math.abs(r.time - time)));
  return groups.sort((a, b) => distance(a) - distance(b))[0];
}

/** `url:line:col` of the top frame (or of the reported location), for the key. */
function topFrameOf(record: Exception): string {
  const top = record.stack[0];
  if (top) return `${top.url}:${top.line}:${top.column}`;
  if (record.url) return `${record.url}:${record.line ?? 0}:${record.column ?? 0}`;
  return 'unknown';
}

function toFinding(rec: Recording, group: Group): Finding {
  const records = [...group.records].sort((a, b) => a.time - b.time || a.firstSeq - b.firstSeq);
  const thrown = records.filter((r) => r.surface !== 'console');
  const first = thrown[0];
  const top = first.stack[0];
  const script = top ? scriptName(top.url) : first.url ? scriptName(first.url) : undefined;
  const thrownAt = top ? formatFrame(top) : first.url ? topFrameOf(first) : 'unknown (no stack captured)';
  const unhandled = thrown.filter((r) => !r.handledLater).length;
  const before = lastAuthResponseBefore(rec, first.time);
  const realtime = script !== undefined && REALTIME_SCRIPT.test(script);

  const facts: Fact[] = [
    { label: 'Message', value: first.message },
    { label: 'Thrown at', value: thrownAt },
    { label: 'Script', value: script ?? 'unknown' },
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
  const who = realtime
    ? `The throw comes from ${script}, a real-time (WebSocket) service: it was most likely constructed at import time`
    : `The throw comes from ${script ?? 'a script'}: typically a service (a WebSocket service, say) constructed at import time`;
  return {
    ruleId: AUTH_CONTEXT_RULE_ID,
    key: group.key,
    severity: 'error',
    title: `Code needed the auth context before it existed: "${first.message}"`,
    explanation:
      `Code that needs the auth context ran before the context existed. ${who}, ` +
      (before
        ? `before the auth context was provided, although ${before.method} ${before.url} had completed. `
        : 'before any auth, login or token response had completed. ') +
      `The error was ${unhandled > 0 ? 'not handled: it surfaced as an unhandled rejection / uncaught error' : 'handled later by the page'}` +
      `${records.length > thrown.length ? ', and the app also logged it to the console' : ''}.`,
    fix:
      'Create the service after auth is ready, not at import time: construct it in the app root once ' +
      'login has completed (or in an auth-ready hook), pass the auth context in instead of reading a ' +
      'global, and handle the promise rejection so a missing context is reported instead of crashing.',
    fixSnippets: FIX_SNIPPETS,
    facts,
    evidence: records.map(evidenceOf),
    count: records.length,
    firstTime: records[0].time,
    basis: first.source === 'har' || first.source === 'page' ? first.source : 'cdp',
  };
}

/** The last successful auth-looking response that completed before `time`. */
function lastAuthResponseBefore(rec: Recording, time: number): HttpRequest | undefined {
  let best: HttpRequest | undefined;
  for (const r of rec.requests.values()) {
    if (r.preflightFor !== undefined || r.state !== 'done' || r.endTime === undefined) continue;
    if (r.endTime > time || !AUTH_URL.test(r.url)) continue;
    if (r.status === undefined || r.status < 200 || r.status >= 300) continue;
    if (!best || r.endTime > (best.endTime ?? 0)) best = r;
  }
  return best;
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
