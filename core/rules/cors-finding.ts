/**
 * Builds the findings of one `cors/*` family from its occurrences: grouped by (failed
 * parameter, URL without query), with the request and its preflight as evidence, Chromium's
 * verdict next to ours, and the family's own words for title, explanation and fix.
 */
import type { Evidence, Fact, Finding, FixSnippet, HttpRequest } from '../model';
import type { RequestCorsVerdict } from '../cors/from-recording';
import type { CorsOccurrence } from './cors-occurrences';

export interface CorsFamilyText {
  ruleId: string;
  title(o: CorsOccurrence): string;
  explanation(o: CorsOccurrence): string;
  fix(o: CorsOccurrence): string;
  snippets(o: CorsOccurrence): FixSnippet[];
  /** Extra facts for this family (what the server allowed, …). */
  facts?(o: CorsOccurrence): Fact[];
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

/** `OPTIONS /x → 404`, or what is known. */
export function describeAnswer(r: HttpRequest | undefined): string {
  if (!r) return 'not captured';
  const head = `${r.method} ${r.url}`;
  if (r.status !== undefined && r.status > 0) return `${head} → ${r.status}`;
  return `${head} → no answer (${r.failure?.errorText ?? 'failed'})`;
}

/** Chromium's verdict next to ours, and which one decided. */
export function verdictFacts(verdict: RequestCorsVerdict): Fact[] {
  const { browser, ours, basis } = verdict;
  const facts: Fact[] = [];
  if (browser)
    facts.push({ label: "Chromium's verdict", value: `${browser.corsError} (${browser.failedParameter})` });
  if (ours?.outcome === 'blocked')
    facts.push({
      label: 'Our verdict (from headers)',
      value: `${ours.corsError} (${ours.failedParameter ?? ''})`,
    });
  else if (ours)
    facts.push({
      label: 'Our verdict (from headers)',
      value: ours.outcome === 'allowed' ? 'allowed' : 'none: an answer it depends on was not captured',
    });
  facts.push({ label: 'Decided by', value: basis === 'cdp' ? 'the browser (CDP)' : 'the recorded headers' });
  if (verdict.disagree)
    facts.push({
      label: 'Disagreement',
      value: "Chromium's verdict differs from ours; Chromium's is shown.",
    });
  return facts;
}

function evidenceOf(o: CorsOccurrence): Evidence[] {
  const path = pathOf(o.request.url);
  const items: Evidence[] = [
    { type: 'request', id: o.request.id, label: `${o.request.method} ${path} — ${o.corsError}` },
  ];
  if (o.preflight)
    items.push({
      type: 'request',
      id: o.preflight.id,
      label: `OPTIONS ${path} → ${o.preflight.status ?? 'no answer'} (preflight)`,
    });
  return items;
}

/** One finding per (rule, failed parameter, URL without query). */
export function corsFindings(family: CorsFamilyText, occurrences: CorsOccurrence[]): Finding[] {
  const groups = new Map<string, CorsOccurrence[]>();
  for (const o of occurrences) {
    const key = `${family.ruleId}:${o.failedParameter}:${withoutQuery(o.request.url)}`;
    groups.set(key, [...(groups.get(key) ?? []), o]);
  }
  return [...groups].map(([key, group]) => {
    const main = group.find((o) => o.preflight?.status !== undefined) ?? group[0];
    const facts: Fact[] = [
      { label: 'Request', value: `${main.request.method} ${main.request.url}` },
      { label: 'Preflight', value: main.preflight ? describeAnswer(main.preflight) : 'none sent' },
      { label: 'Request origin', value: main.origin ?? 'unknown' },
      ...(family.facts?.(main) ?? []),
      ...verdictFacts(main.verdict),
    ];
    return {
      ruleId: family.ruleId,
      key,
      severity: 'error',
      title: family.title(main),
      explanation: family.explanation(main),
      fix: family.fix(main),
      fixSnippets: family.snippets(main),
      facts,
      evidence: group.flatMap(evidenceOf),
      count: group.length,
      firstTime: Math.min(...group.map((o) => o.request.startTime)),
      basis: group.some((o) => o.basis === 'cdp') ? 'cdp' : main.basis,
    };
  });
}
