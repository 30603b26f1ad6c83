/**
 * Whether one item passes one term of a parsed filter (`parse.ts`). Terms are ANDed by the
 * caller; a negated term passes when its property does not match.
 */
import type { Finding } from '../model';
import type { FilterTerm } from './parse';
import { hostOf, type ItemFacts } from './item-facts';

/** Keys `type:id` of every item a finding's evidence names, per rule id. */
export type FindingEvidence = ReadonlyMap<string, ReadonlySet<string>>;

/**
 * Indexes findings for `finding:` terms.
 * @param findings The recording's findings.
 */
export function findingEvidence(findings: readonly Finding[]): FindingEvidence {
  const out = new Map<string, Set<string>>();
  for (const f of findings) {
    const keys = out.get(f.ruleId.toLowerCase()) ?? new Set<string>();
    for (const e of f.evidence) keys.add(`${e.type}:${e.id}`);
    out.set(f.ruleId.toLowerCase(), keys);
  }
  return out;
}

/**
 * True when the item passes `term`.
 * @param term One parsed term.
 * @param facts The item's facts (`itemFacts`).
 * @param key The item's `type:id`, for `finding:`.
 * @param evidence Findings indexed by rule (`findingEvidence`).
 */
export function passesTerm(
  term: FilterTerm,
  facts: ItemFacts,
  key: string,
  evidence: FindingEvidence,
): boolean {
  return matchesTerm(term, facts, key, evidence) !== term.negated;
}

function matchesTerm(term: FilterTerm, facts: ItemFacts, key: string, evidence: FindingEvidence): boolean {
  switch (term.kind) {
    case 'text':
      return facts.text.includes(term.word);
    case 'regex':
      return term.regex.test(facts.text);
    case 'method':
      return facts.method === term.method;
    case 'status-code':
      return facts.status !== undefined && term.matches(facts.status);
    case 'domain':
      return term.host.test(hostOf(facts.url));
    case 'type':
      return facts.types.includes(term.type);
    case 'is':
      return term.what === 'failed' ? facts.failed : facts.cors;
    case 'finding':
      // `finding:cors` matches every `cors/…` rule; a full id matches that rule only.
      for (const [ruleId, keys] of evidence)
        if ((ruleId === term.ruleId || ruleId.startsWith(`${term.ruleId}/`)) && keys.has(key)) return true;
      return false;
    case 'larger-than':
      return facts.size > term.bytes;
  }
}
