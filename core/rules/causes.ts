/**
 * Cause and consequence between findings of different rules. A token refresh refused by CORS
 * is one problem: the CORS finding says why, the refresh finding says what it broke. The rules
 * run independently, so the link is made here, from the evidence they share (the same request),
 * and the list is ordered so a consequence follows its cause.
 */
import type { Finding } from '../model';

/** Findings that can be the consequence of a failed request's own finding. */
const CONSEQUENCES = new Set(['auth/refresh-failed']);

/** Findings that explain a failed request, in order of preference: a CORS verdict, then the network's. */
function causeRank(f: Finding): number {
  if (f.ruleId.startsWith('cors/')) return 0;
  if (f.ruleId.startsWith('network/')) return 1;
  return -1;
}

/**
 * The failed requests that CORS findings name as evidence, by request id (each with the finding
 * that explains it): other rules leave these to CORS or name it as the cause.
 * @param findings The findings of the rules that run first.
 */
export function explainedRequests(findings: readonly Finding[]): Map<string, Finding> {
  const explained = new Map<string, Finding>();
  for (const f of findings) {
    if (causeRank(f) !== 0) continue;
    for (const e of f.evidence) if (e.type === 'request' && !explained.has(e.id)) explained.set(e.id, f);
  }
  return explained;
}

/**
 * Sets `causedBy` on a consequence (a failed token refresh) whose request is evidence of a CORS
 * or network finding: that finding is its cause. A `causedBy` a rule set itself is kept.
 * @param findings Every rule's findings, in any order; changed in place and returned.
 */
export function linkCauses(findings: Finding[]): Finding[] {
  const causeOf = new Map<string, Finding>();
  for (const f of findings) {
    const rank = causeRank(f);
    if (rank < 0) continue;
    for (const e of f.evidence) {
      if (e.type !== 'request') continue;
      const known = causeOf.get(e.id);
      if (!known || causeRank(known) > rank) causeOf.set(e.id, f);
    }
  }
  for (const f of findings) {
    if (!CONSEQUENCES.has(f.ruleId) || f.causedBy !== undefined) continue;
    for (const e of f.evidence) {
      const cause = e.type === 'request' ? causeOf.get(e.id) : undefined;
      if (cause && cause !== f) {
        f.causedBy = [cause.key];
        break;
      }
    }
  }
  return findings;
}

/**
 * The sorted findings with each consequence moved right after its cause (and its own
 * consequences after it, depth first). A consequence whose cause is not in the list keeps its
 * place; a loop of causes is cut where it closes.
 * @param sorted Findings in display order (severity, then time).
 */
export function causesFirst(sorted: Finding[]): Finding[] {
  const byKey = new Map<string, Finding>();
  for (const f of sorted) if (!byKey.has(f.key)) byKey.set(f.key, f);
  const children = new Map<Finding, Finding[]>();
  const hasParent = new Set<Finding>();
  for (const f of sorted) {
    const parent = (f.causedBy ?? []).map((k) => byKey.get(k)).find((p) => p !== undefined && p !== f);
    if (!parent || leadsTo(parent, f, byKey)) continue;
    const list = children.get(parent);
    if (list) list.push(f);
    else children.set(parent, [f]);
    hasParent.add(f);
  }
  const out: Finding[] = [];
  const placed = new Set<Finding>();
  const place = (f: Finding) => {
    if (placed.has(f)) return;
    placed.add(f);
    out.push(f);
    for (const child of children.get(f) ?? []) place(child);
  };
  for (const f of sorted) if (!hasParent.has(f)) place(f);
  // Members of a loop the cut above missed would otherwise vanish: keep every finding.
  for (const f of sorted) place(f);
  return out;
}

/** Whether `from`'s chain of causes reaches `to` (linking them would close a loop). */
function leadsTo(from: Finding, to: Finding, byKey: Map<string, Finding>): boolean {
  const seen = new Set<Finding>();
  let current: Finding | undefined = from;
  while (current && !seen.has(current)) {
    if (current === to) return true;
    seen.add(current);
    const next: Finding | undefined = (current.causedBy ?? [])
      .map((k) => byKey.get(k))
      .find((p) => p !== undefined && p !== current);
    current = next;
  }
  return false;
}
