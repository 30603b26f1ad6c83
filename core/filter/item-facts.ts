/**
 * What the filter reads of one timeline item, built once per item: free text, host, method,
 * status, type words, size and flags. URLs and methods never change after an item appears,
 * but a request's status and size do, so `settled` says whether the facts may be cached.
 */
import { hasHeader } from '../headers';
import type { Channel, Exception, HttpRequest, TimelineItem } from '../model';

/** The part of a `Recording` the filter reads. */
export interface SearchableRecording {
  readonly requests: ReadonlyMap<string, HttpRequest>;
  readonly channels: ReadonlyMap<string, Channel>;
  readonly exceptions: ReadonlyMap<string, Exception>;
}

export interface ItemFacts {
  /** Lower-cased text free words and regexes are matched against. */
  text: string;
  url?: string;
  method?: string;
  status?: number;
  /** Words `type:` matches: `fetch`, `doc`/`document`, `ws`/`websocket`, `sse`/`eventsource`… */
  types: readonly string[];
  /** Bytes of the response body, or of all a channel's frames. */
  size: number;
  failed: boolean;
  cors: boolean;
  /** False while the item can still change (a pending request, an open channel). */
  settled: boolean;
}

const EMPTY: ItemFacts = { text: '', types: [], size: 0, failed: false, cors: false, settled: false };

/** DevTools' short names, so `type:doc` and `type:document` both work. */
const TYPE_ALIASES: Record<string, string[]> = {
  document: ['doc'],
  stylesheet: ['css'],
  image: ['img'],
  preflight: ['cors'],
};

/**
 * The facts of `item`, or empty facts when its entity has not arrived yet.
 * @param item A timeline item.
 * @param recording Where the item's request, channel or exception lives.
 */
export function itemFacts(item: TimelineItem, recording: SearchableRecording): ItemFacts {
  switch (item.type) {
    case 'request': {
      const r = recording.requests.get(item.id);
      return r ? requestFacts(r) : EMPTY;
    }
    case 'channel': {
      const c = recording.channels.get(item.id);
      return c ? channelFacts(c) : EMPTY;
    }
    case 'exception': {
      const x = recording.exceptions.get(item.id);
      if (!x) return EMPTY;
      const text = `${x.surface} ${x.errorName ?? ''} ${x.message}`.toLowerCase();
      return {
        text,
        url: x.url,
        types: ['exception', x.surface],
        size: 0,
        failed: true,
        cors: false,
        settled: true,
      };
    }
    case 'page':
      return {
        ...EMPTY,
        text: `page load ${item.url}`.toLowerCase(),
        url: item.url,
        types: ['page'],
        settled: true,
      };
    case 'action':
      return {
        ...EMPTY,
        text: `user ${item.action} ${item.detail ?? ''}`.toLowerCase(),
        types: ['action'],
        settled: true,
      };
  }
}

function requestFacts(r: HttpRequest): ItemFacts {
  const type = r.resourceType.toLowerCase();
  const body = r.responseBody ?? '';
  return {
    text: `${r.method} ${r.url} ${r.resourceType}`.toLowerCase(),
    url: r.url,
    method: r.method.toUpperCase(),
    status: r.status,
    types: [type, ...(TYPE_ALIASES[type] ?? [])],
    // Base64 holds 3 bytes in 4 characters.
    size: r.responseBodyBase64 ? Math.floor((body.length * 3) / 4) : body.length,
    failed: r.state === 'failed' || (r.status !== undefined && r.status >= 400),
    cors:
      r.failure?.cors !== undefined ||
      r.preflightId !== undefined ||
      r.preflightFor !== undefined ||
      hasHeader(r.responseHeaders, 'access-control-allow-origin'),
    settled: r.state !== 'pending',
  };
}

function channelFacts(c: Channel): ItemFacts {
  const ws = c.transport === 'websocket';
  let size = 0;
  for (const f of c.frames) size += f.size;
  return {
    text: `${ws ? 'ws websocket' : 'sse eventsource'} ${c.url}`.toLowerCase(),
    url: c.url,
    method: 'GET',
    status: c.handshakeStatus,
    types: ws ? ['ws', 'websocket'] : ['sse', 'eventsource'],
    size,
    failed:
      c.state === 'error' || (c.closeCode !== undefined && c.closeCode !== 1000 && c.closeCode !== 1001),
    cors: false,
    settled: c.state === 'closed' || c.state === 'error',
  };
}

/** The host of `url`, lower-cased, or '' when it does not parse. */
export function hostOf(url: string | undefined): string {
  if (!url) return '';
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return '';
  }
}
