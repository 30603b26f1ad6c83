/**
 * Builds the findings of one `cors/*` family from its occurrences: grouped by (failed
 * parameter, URL without query), with the request and its preflight as evidence, Chromium's
 * verdict next to ours, and the family's own words for title, explanation and fix.
 */
import { howWeKnow, type RequestCorsVerdict } from '../cors/from-recording';
import { messagesFor, type Messages } from '../i18n';
import type { Evidence, Fact, Finding, FixSnippet, HttpRequest } from '../model';
import type { CorsOccurrence } from './cors-occurrences';

/** What the `cors/*` rules need of the rule context: the catalog their findings are written in. */
export interface CorsRuleContext {
  msg: Messages;
}

/** English, for callers that pass no context. */
export const ENGLISH: CorsRuleContext = { msg: messagesFor('en') };

/** A family's words, in the language of `m`. */
export interface CorsFamilyText {
  ruleId: string;
  title(o: CorsOccurrence, m: Messages): string;
  explanation(o: CorsOccurrence, m: Messages): string;
  fix(o: CorsOccurrence, m: Messages): string;
  snippets(o: CorsOccurrence, m: Messages): FixSnippet[];
  /** Extra facts for this family (what the server allowed, …). */
  facts?(o: CorsOccurrence, m: Messages): Fact[];
}

/** The URL without its query and fragment (keys and labels never carry secrets from a query). */
export function withoutQuery(url: string): string {
  return url.split(/[?#]/)[0];
}

/** The URL's path, or the URL without its query when it does not parse. */
export function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return withoutQuery(url);
  }
}

/** The page origin, or the catalog's stand-in for it ("this origin") when it was not recorded. */
export function originOrThis(o: { origin?: string }, m: Messages): string {
  return o.origin ?? m.rulesCors.values.thisOrigin;
}

/** `OPTIONS /x → 404`, or what is known. */
export function describeAnswer(r: HttpRequest | undefined, m: Messages = ENGLISH.msg): string {
  const v = m.rulesCors.values;
  if (!r) return v.notCaptured;
  const head = `${r.method} ${r.url}`;
  if (r.status !== undefined && r.status > 0) return `${head} → ${r.status}`;
  return v.answerFailed({ head, error: r.failure?.errorText ?? v.failed });
}

/** Chromium's verdict next to ours, and which one decided. */
export function verdictFacts(verdict: RequestCorsVerdict, m: Messages = ENGLISH.msg): Fact[] {
  const { browser, ours, basis } = verdict;
  const w = m.cors.verdict;
  const facts: Fact[] = [];
  if (browser) facts.push({ label: w.browser, value: `${browser.corsError} (${browser.failedParameter})` });
  if (ours?.outcome === 'blocked')
    facts.push({ label: w.ours, value: `${ours.corsError} (${ours.failedParameter ?? ''})` });
  else if (ours) facts.push({ label: w.ours, value: ours.outcome === 'allowed' ? w.allowed : w.none });
  facts.push({ label: w.decidedBy, value: basis === 'cdp' ? w.byBrowser : w.byHeaders });
  const how = howWeKnow(verdict, m);
  if (how) facts.push({ label: w.howWeKnow, value: how });
  if (verdict.disagree) facts.push({ label: w.disagreement, value: w.differs });
  return facts;
}

/** The evidence label of a request's preflight: `OPTIONS /x → 404 (preflight)`. */
export function preflightEvidenceLabel(path: string, preflight: HttpRequest, m: Messages): string {
  return m.rulesCors.evidence.preflight({ path, status: preflight.status ?? m.rulesCors.values.noAnswer });
}

function evidenceOf(o: CorsOccurrence, m: Messages): Evidence[] {
  const path = pathOf(o.request.url);
  const items: Evidence[] = [
    { type: 'request', id: o.request.id, label: `${o.request.method} ${path} — ${o.corsError}` },
  ];
  // A lone preflight stands for its never-sent request: one item, not the same one twice.
  if (o.preflight && o.preflight.id !== o.request.id)
    items.push({ type: 'request', id: o.preflight.id, label: preflightEvidenceLabel(path, o.preflight, m) });
  return items;
}

/** One finding per (rule, failed parameter, URL without query), written in `ctx.msg`'s language. */
export function corsFindings(
  family: CorsFamilyText,
  occurrences: CorsOccurrence[],
  ctx: CorsRuleContext = ENGLISH,
): Finding[] {
  const m = ctx.msg;
  const f = m.rulesCors.facts;
  const v = m.rulesCors.values;
  const groups = new Map<string, CorsOccurrence[]>();
  for (const o of occurrences) {
    const key = `${family.ruleId}:${o.failedParameter}:${withoutQuery(o.request.url)}`;
    groups.set(key, [...(groups.get(key) ?? []), o]);
  }
  return [...groups].map(([key, group]) => {
    const main = group.find((o) => o.preflight?.status !== undefined) ?? group[0];
    const facts: Fact[] = [
      { label: f.request, value: `${main.request.method} ${main.request.url}` },
      { label: f.preflight, value: main.preflight ? describeAnswer(main.preflight, m) : v.noneSent },
      { label: f.requestOrigin, value: main.origin ?? v.unknown },
      ...(family.facts?.(main, m) ?? []),
      ...verdictFacts(main.verdict, m),
    ];
    return {
      ruleId: family.ruleId,
      key,
      severity: 'error',
      title: family.title(main, m),
      explanation: family.explanation(main, m),
      fix: family.fix(main, m),
      fixSnippets: family.snippets(main, m),
      facts,
      evidence: group.flatMap((o) => evidenceOf(o, m)),
      count: group.length,
      firstTime: group.reduce((first, o) => Math.min(first, o.request.startTime), Infinity),
      basis: group.some((o) => o.basis === 'cdp') ? 'cdp' : main.basis,
    };
  });
}
