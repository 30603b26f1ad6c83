/**
 * Free-text filtering of the timeline: a query matches an item when every word of it occurs
 * (case-insensitively) in the item's searchable text — URL and method for requests and channels,
 * the message for exceptions, the action for user actions. A richer DevTools-style filter
 * language can grow here (issue 8); the panel only calls `filter`.
 *
 * Indexed: each item's searchable text is built once and cached per item, because URLs,
 * methods and messages never change after an item appears. A keystroke over 100,000 items is
 * then one `includes` per item per word, with no URL parsing and no allocation per item.
 */
import type { Channel, Exception, HttpRequest, TimelineItem } from './model';

/** The part of a `Recording` the filter reads. */
export interface SearchableRecording {
  readonly requests: ReadonlyMap<string, HttpRequest>;
  readonly channels: ReadonlyMap<string, Channel>;
  readonly exceptions: ReadonlyMap<string, Exception>;
}

/** Splits a query into lower-case words; an empty result means "no filter". */
export function queryWords(query: string): string[] {
  return query.toLowerCase().split(/\s+/).filter(Boolean);
}

/**
 * The text a query is matched against, lower-cased.
 * @param item A timeline item.
 * @param recording Where the item's request, channel or exception lives.
 */
export function searchableText(item: TimelineItem, recording: SearchableRecording): string {
  switch (item.type) {
    case 'request': {
      const r = recording.requests.get(item.id);
      return r ? `${r.method} ${r.url} ${r.resourceType}`.toLowerCase() : '';
    }
    case 'channel': {
      const c = recording.channels.get(item.id);
      return c
        ? `${c.transport === 'websocket' ? 'ws websocket' : 'sse eventsource'} ${c.url}`.toLowerCase()
        : '';
    }
    case 'exception': {
      const x = recording.exceptions.get(item.id);
      return x ? `${x.surface} ${x.errorName ?? ''} ${x.message}`.toLowerCase() : '';
    }
    case 'page':
      return `page load ${item.url}`.toLowerCase();
    case 'action':
      return `user ${item.action} ${item.detail ?? ''}`.toLowerCase();
  }
}

/** A cache of searchable texts for one recording; make a new one when the recording is replaced. */
export class TimelineSearchIndex {
  /** Keyed by the item object itself: the reducer keeps one object per row, and no key string is built per keystroke. */
  private readonly texts = new WeakMap<TimelineItem, string>();

  constructor(private readonly recording: SearchableRecording) {}

  /**
   * The items matching `query`, in their order; `items` itself when the query is empty.
   * @param items The timeline (or any list of its items).
   * @param query Free text: every word must occur.
   */
  filter(items: readonly TimelineItem[], query: string): readonly TimelineItem[] {
    const words = queryWords(query);
    if (words.length === 0) return items;
    const out: TimelineItem[] = [];
    for (const item of items) {
      const text = this.textOf(item);
      let ok = true;
      for (const w of words) {
        if (!text.includes(w)) {
          ok = false;
          break;
        }
      }
      if (ok) out.push(item);
    }
    return out;
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
}
