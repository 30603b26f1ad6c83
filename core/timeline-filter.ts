/**
 * Filtering of the timeline with the DevTools-style language of `filter/parse.ts`: free words
 * and `/regex/` against an item's URL, method or message, plus `method:`, `status-code:`,
 * `domain:`, `type:`, `is:failed|cors`, `finding:`, `larger-than:`, `-` to negate.
 *
 * Indexed: each item's searchable text is built once and cached per item, because URLs,
 * methods and messages never change after an item appears. A keystroke of free words over
 * 100,000 items is then one `includes` per item per word. Properties that change (status,
 * size) are cached only once the item is settled (a finished request, a closed channel).
 */
import type { Finding, TimelineItem } from './model';
import { itemFacts, type ItemFacts, type SearchableRecording } from './filter/item-facts';
import { findingEvidence, passesTerm, type FindingEvidence } from './filter/match';
import { parseFilter, type FilterTerm } from './filter/parse';

export type { SearchableRecording } from './filter/item-facts';

/** Splits a query into lower-case words; an empty result means "no filter". */
export function queryWords(query: string): string[] {
  return query.toLowerCase().split(/\s+/).filter(Boolean);
}

/**
 * The text free words are matched against, lower-cased.
 * @param item A timeline item.
 * @param recording Where the item's request, channel or exception lives.
 */
export function searchableText(item: TimelineItem, recording: SearchableRecording): string {
  return itemFacts(item, recording).text;
}

const NO_EVIDENCE: FindingEvidence = new Map();

/** A cache of item facts for one recording; make a new one when the recording is replaced. */
export class TimelineSearchIndex {
  /** Keyed by the item object itself: the reducer keeps one object per row, and no key string is built per keystroke. */
  private readonly texts = new WeakMap<TimelineItem, string>();
  private readonly facts = new WeakMap<TimelineItem, ItemFacts>();

  constructor(private readonly recording: SearchableRecording) {}

  /**
   * The items passing `query`, in their order; `items` itself when the query has no valid term.
   * @param items The timeline (or any list of its items).
   * @param query The filter, e.g. `method:POST -domain:*.cdn.test refresh`.
   * @param findings The recording's findings, for `finding:<rule id>`.
   */
  filter(
    items: readonly TimelineItem[],
    query: string,
    findings: readonly Finding[] = [],
  ): readonly TimelineItem[] {
    const { terms } = parseFilter(query);
    if (terms.length === 0) return items;
    const words = terms.every((t) => t.kind === 'text' && !t.negated)
      ? terms.map((t) => (t as FilterTerm & { kind: 'text' }).word)
      : undefined;
    const evidence = terms.some((t) => t.kind === 'finding') ? findingEvidence(findings) : NO_EVIDENCE;
    const out: TimelineItem[] = [];
    for (const item of items) {
      if (words ? this.hasWords(item, words) : this.passes(item, terms, evidence)) out.push(item);
    }
    return out;
  }

  /** The fast path: plain words only, against the cached text. */
  private hasWords(item: TimelineItem, words: readonly string[]): boolean {
    const text = this.textOf(item);
    for (const w of words) if (!text.includes(w)) return false;
    return true;
  }

  private passes(item: TimelineItem, terms: readonly FilterTerm[], evidence: FindingEvidence): boolean {
    const facts = this.factsOf(item);
    const key = `${item.type}:${item.id}`;
    for (const term of terms) if (!passesTerm(term, facts, key, evidence)) return false;
    return true;
  }

  private textOf(item: TimelineItem): string {
    let text = this.texts.get(item);
    if (text === undefined) {
      text = searchableText(item, this.recording);
      // An item whose entity has not arrived yet is not cached, so it becomes searchable later.
      if (text !== '') this.texts.set(item, text);
    }
    return text;
  }

  private factsOf(item: TimelineItem): ItemFacts {
    let facts = this.facts.get(item);
    if (facts === undefined) {
      facts = itemFacts(item, this.recording);
      if (facts.settled) this.facts.set(item, facts);
    }
    return facts;
  }
}
