/**
 * `network/request-failed`: requests that failed outright, without an HTTP answer (status 0 or
 * -1, an error text: refused, DNS, timeout, reset, blocked, canceled …), grouped by error text
 * and host, with the browser's or the file's own words and plain ones next to them. Failures a
 * CORS rule explains are left to it (`corsOccurrences`), so each failure is said once.
 */
import type { Evidence, Fact, Finding, HttpRequest } from '../model';
import type { Recording } from '../reducer';
import { relativeTime } from './auth-timing';
import type { RuleContext } from './config';
import { corsOccurrences } from './cors-occurrences';
import { failureKindOf, failureSeverity, type FailureKind } from './network-errors';

export const REQUEST_FAILED_RULE_ID = 'network/request-failed';

/** Evidence listed per finding; `count` and a fact say how many more failed the same way. */
const EVIDENCE_LIMIT = 100;

/** The host (with port) of a URL, or the URL without its query when it does not parse. */
function hostOf(url: string): string {
  try {
    return new URL(url).host || url.split(/[?#]/)[0];
  } catch {
    return url.split(/[?#]/)[0];
  }
}

/**
 * Whether a request could have gone to the network: `http(s)`/`ws(s)` (or a URL that does not
 * parse, to be safe). `about:blank`, `data:`, `blob:` and extension pages are listed with status
 * 0 in DevTools' HAR, yet no server was asked.
 */
export function isNetworkUrl(url: string): boolean {
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1].toLowerCase();
  return (
    scheme === undefined || scheme === 'http' || scheme === 'https' || scheme === 'ws' || scheme === 'wss'
  );
}

/**
 * The failed requests this rule speaks for: not preflights, not CORS failures, not `about:`,
 * `data:`, `blob:` or extension URLs.
 * @param explained Requests a CORS finding already names (from the console's words, say).
 */
export function networkFailures(
  rec: Recording,
  explained: ReadonlyMap<string, unknown> = new Map(),
): HttpRequest[] {
  const cors = new Set<string>(explained.keys());
  for (const o of corsOccurrences(rec)) cors.add(o.request.id);
  const failed: HttpRequest[] = [];
  for (const r of rec.requests.values()) {
    if (r.state !== 'failed' || r.failure === undefined) continue;
    // A preflight's failure is told on the request it was sent for; a CORS verdict by cors/*.
    if (r.preflightFor !== undefined || r.failure.cors !== undefined || cors.has(r.id)) continue;
    if (!isNetworkUrl(r.url)) continue;
    failed.push(r);
  }
  return failed;
}

/**
 * One finding per (error text, host) of the requests that failed without an answer.
 * @param explained Failed requests a CORS finding already explains, by request id: left out.
 */
export function findRequestFailed(
  rec: Recording,
  ctx: RuleContext,
  explained: ReadonlyMap<string, Finding> = new Map(),
): Finding[] {
  const groups = new Map<string, HttpRequest[]>();
  for (const r of networkFailures(rec, explained)) {
    const key = `${REQUEST_FAILED_RULE_ID}:${hostOf(r.url)}:${r.failure?.errorText ?? ''}`;
    const group = groups.get(key);
    if (group) group.push(r);
    else groups.set(key, [r]);
  }
  const findings: Finding[] = [];
  for (const [key, group] of groups) findings.push(toFinding(rec, ctx, key, group));
  return findings;
}

function toFinding(rec: Recording, ctx: RuleContext, key: string, group: HttpRequest[]): Finding {
  group.sort((a, b) => a.startTime - b.startTime);
  const first = group[0];
  const m = ctx.msg.rulesNetwork.requestFailed;
  const kind: FailureKind = failureKindOf(first);
  const host = hostOf(first.url);
  const error = first.failure?.errorText ?? '';
  const blockedReason = first.failure?.blockedReason;
  const time = relativeTime(rec, first.startTime, ctx.locale);
  const label = (r: HttpRequest) => `${r.method} ${r.url.split(/[?#]/)[0]}`;
  const evidence: Evidence[] = [];
  for (const r of group.slice(0, EVIDENCE_LIMIT))
    evidence.push({ type: 'request', id: r.id, label: `${label(r)} — ${r.failure?.errorText ?? error}` });
  const facts: Fact[] = [
    { label: m.facts.error, value: error },
    { label: m.facts.host, value: host },
    { label: m.facts.requests, value: String(group.length) },
    { label: m.facts.first, value: `${time} — ${label(first)}` },
  ];
  if (blockedReason) facts.push({ label: m.facts.blockedReason, value: blockedReason });
  if (group.length > EVIDENCE_LIMIT)
    facts.push({ label: m.facts.listed, value: m.listed({ shown: EVIDENCE_LIMIT, count: group.length }) });
  // Our importer's "No response (status 0)" would repeat the headline: the status says it all.
  const status = kind === 'noResponse' ? /status (-?\d+)/.exec(error)?.[1] : undefined;
  const titleError = status !== undefined ? m.statusOnly({ status }) : error;
  const explanation = m.explanation({
    meaning: m.meaning[kind],
    count: group.length,
    host,
    time,
    first: label(first),
    error,
  });
  return {
    ruleId: REQUEST_FAILED_RULE_ID,
    key,
    severity: failureSeverity(kind),
    title: m.title({ headline: m.headline[kind]({ host }), error: titleError, count: group.length }),
    explanation: blockedReason ? `${explanation} ${m.blockedBy({ reason: blockedReason })}` : explanation,
    fix: m.fix[kind],
    fixSnippets: [],
    facts,
    evidence,
    count: group.length,
    firstTime: first.startTime,
    basis: first.source === 'page' || first.source === 'har' ? first.source : 'cdp',
  };
}
