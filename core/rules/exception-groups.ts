/**
 * Groups exceptions by root cause: the error's own message plus its top frame. One throw
 * reaches the log on several surfaces and from several observers; the reducer already merges
 * CDP's and the probe's report of the same rejection. What is left here:
 *
 * - a console line that prints the error (`Router error: Error: …`): the app caught it
 *   somewhere and logged it — a distinct occurrence, because that path is a separate consumer
 *   of the failure (the seed's router and its layout both imported the broken module);
 * - a console line printed by the app's own global handler (`Unhandled promise rejection: …`)
 *   next to the rejection it echoes: the same occurrence, not a new one. Which prefixes mean
 *   "echo" is per-site config (`rejectionEchoPatterns`).
 */
import { messagesFor, type Locale } from '../i18n';
import type { Exception } from '../model';
import { formatFrame } from '../stack';

/** How far apart (ms) an app's echo of a rejection may be logged from the rejection itself. */
const ECHO_WINDOW_MS = 1000;
/** A console line without a stack joins a group whose error it names within this time (ms). */
const CONSOLE_JOIN_WINDOW_MS = 5000;

/** One way the root cause surfaced: a throw that went unhandled, or a catch that logged it. */
export interface ExceptionOccurrence {
  time: number;
  /** The same in every language: an unhandled rejection, an uncaught error, a catch that logged it. */
  kind: 'unhandledrejection' | 'error' | 'logged';
  /** `Unhandled rejection`, `Uncaught error`, `Caught and logged` (in the locale asked for). */
  label: string;
  /** The reports of this occurrence: the thrown record first, then the app's echoes. */
  reports: Exception[];
}

export interface ExceptionGroup {
  /** `<error message>|<top frame url:line:col>`. */
  key: string;
  /** The error's own message (`Error: Auth context not provided`), without console prefixes. */
  message: string;
  /** Every report, in time order. */
  reports: Exception[];
  occurrences: ExceptionOccurrence[];
  /** Some report was thrown (unhandled rejection or uncaught error), not only logged. */
  thrown: boolean;
}

/**
 * Groups the recording's exceptions by root cause (message + top frame) and splits each group
 * into distinct occurrences. `echoPatterns` recognise console prefixes of an app's global
 * rejection handler. Groups are in order of their first report; occurrence labels are in `locale`.
 */
export function groupExceptions(
  exceptions: Iterable<Exception>,
  echoPatterns: RegExp[],
  locale: Locale = 'en',
): ExceptionGroup[] {
  const sorted = [...exceptions].sort((a, b) => a.time - b.time || a.firstSeq - b.firstSeq);
  const groups = new Map<string, ExceptionGroup>();
  const stackless: Exception[] = [];
  for (const record of sorted) {
    const message = rootMessage(record);
    if (record.surface === 'console' && record.stack.length === 0) {
      stackless.push(record);
      continue;
    }
    const key = `${message}|${topFrameOf(record)}`;
    const group = groups.get(key) ?? { key, message, reports: [], occurrences: [], thrown: false };
    group.reports.push(record);
    groups.set(key, group);
  }
  for (const record of stackless) {
    const home = nearestNaming([...groups.values()], record);
    if (home) home.reports.push(record);
    else {
      const key = `${record.message}|unknown`;
      const group = groups.get(key) ?? {
        key,
        message: record.message,
        reports: [],
        occurrences: [],
        thrown: false,
      };
      group.reports.push(record);
      groups.set(key, group);
    }
  }
  for (const group of groups.values()) {
    group.reports.sort((a, b) => a.time - b.time || a.firstSeq - b.firstSeq);
    group.thrown = group.reports.some((r) => r.surface !== 'console');
    group.occurrences = occurrencesOf(group, echoPatterns, locale);
  }
  return [...groups.values()].sort((a, b) => a.reports[0].time - b.reports[0].time);
}

/**
 * The error's own message. A console line carries the app's prefix (`Router error: `) before
 * the error; its stack text starts with the error's `Name: message` line, which is the root.
 */
export function rootMessage(record: Exception): string {
  const header = record.stackText?.split(/\r?\n\s+at\s/)[0].trim();
  if (header && record.message.endsWith(header)) return header;
  return record.message.replace(/^Uncaught(?: \(in promise\))?:?\s*/, '').trim();
}

/** `url:line:col` of the top frame (or of the reported location), for the key. */
export function topFrameOf(record: Exception): string {
  const top = record.stack[0];
  if (top) return `${top.url}:${top.line}:${top.column}`;
  // A console line's own location is where console.error was called, not where it was thrown.
  if (record.url && record.surface !== 'console')
    return `${record.url}:${record.line ?? 0}:${record.column ?? 0}`;
  return 'unknown';
}

/** The thrown location as people read it: `new o (…/websocketService-X.js:1:534)`. */
export function thrownAtOf(record: Exception, locale: Locale = 'en'): string {
  const top = record.stack[0];
  if (top) return formatFrame(top);
  return topFrameOf(record) === 'unknown'
    ? messagesFor(locale).rulesAuth.thrownAtUnknown
    : topFrameOf(record);
}

function nearestNaming(groups: ExceptionGroup[], record: Exception): ExceptionGroup | undefined {
  let best: ExceptionGroup | undefined;
  let bestGap = Number.POSITIVE_INFINITY;
  for (const group of groups) {
    if (!record.message.endsWith(group.message)) continue;
    const gap = group.reports.reduce((g, r) => Math.min(g, Math.abs(r.time - record.time)), Infinity);
    if (gap <= CONSOLE_JOIN_WINDOW_MS && gap < bestGap) {
      best = group;
      bestGap = gap;
    }
  }
  return best;
}

function occurrencesOf(group: ExceptionGroup, echoPatterns: RegExp[], locale: Locale): ExceptionOccurrence[] {
  const labels = messagesFor(locale).rulesAuth.occurrence;
  const thrown = group.reports.filter((r) => r.surface !== 'console');
  const occurrences: ExceptionOccurrence[] = thrown.map((r) => {
    const kind = r.surface === 'unhandledrejection' ? 'unhandledrejection' : 'error';
    return { time: r.time, kind, label: labels[kind], reports: [r] };
  });
  for (const record of group.reports) {
    if (record.surface !== 'console') continue;
    const echoed = isEcho(record, group.message, echoPatterns)
      ? nearest(occurrences, record.time)
      : undefined;
    if (echoed) echoed.reports.push(record);
    else occurrences.push({ time: record.time, kind: 'logged', label: labels.logged, reports: [record] });
  }
  return occurrences.sort((a, b) => a.time - b.time || a.reports[0].firstSeq - b.reports[0].firstSeq);
}

/** The console line's prefix (before the error) names a global rejection/error handler. */
function isEcho(record: Exception, message: string, echoPatterns: RegExp[]): boolean {
  const prefix = record.message.endsWith(message)
    ? record.message.slice(0, record.message.length - message.length)
    : record.message;
  return echoPatterns.some((p) => p.test(prefix));
}

function nearest(occurrences: ExceptionOccurrence[], time: number): ExceptionOccurrence | undefined {
  let best: ExceptionOccurrence | undefined;
  for (const o of occurrences) {
    if (o.kind === 'logged' || Math.abs(o.time - time) > ECHO_WINDOW_MS) continue;
    if (!best || Math.abs(o.time - time) < Math.abs(best.time - time)) best = o;
  }
  return best;
}
