/**
 * Writes what a page's CDP Network events saw as a HAR, the way Chrome's DevTools exports one
 * (devtools-frontend `front_end/models/har/Log.ts` over `core/sdk/NetworkManager.ts`): each
 * redirect hop is its own entry; request headers are the ones sent (`requestWillBeSentExtraInfo`,
 * else the provisional ones: a request stopped by its preflight never had an `Origin`); the
 * response is the one received (`responseReceived`, else `responseReceivedExtraInfo`'s status
 * and raw headers, a repeated header as repeated entries), status 0 and no headers when none
 * came; `response._error` is `loadingFailed`'s `errorText`; a preflight is its own OPTIONS
 * entry with `_resourceType: "preflight"`. The CORS reason is never written: DevTools does not.
 */
import type { CDPSession } from '@playwright/test';

type Headers = Record<string, string>;

interface Hop {
  requestId: string;
  url: string;
  method: string;
  resourceType: string;
  wallTime: number;
  start: number;
  end?: number;
  provisionalHeaders: Headers;
  sentHeaders?: Headers;
  postData?: string;
  status?: number;
  statusText?: string;
  responseHeaders?: Headers;
  rawStatus?: number;
  rawHeaders?: Headers;
  error?: string;
}

/** Splits CDP's header map into HAR's list: CDP joins a repeated header's lines with `\n`. */
function headerList(headers: Headers | undefined): Array<{ name: string; value: string }> {
  const list: Array<{ name: string; value: string }> = [];
  for (const [name, value] of Object.entries(headers ?? {}))
    for (const line of value.split('\n')) list.push({ name, value: line });
  return list;
}

/** CDP `Network.ResourceType` as DevTools names it in `_resourceType`. */
const resourceTypeName = (type: string | undefined) => (type ?? 'Other').toLowerCase();

/** Records the Network events of one CDP session and writes them as Chrome's HAR. */
export class ChromeHarWriter {
  private readonly hops: Hop[] = [];
  private readonly current = new Map<string, Hop>();
  /** Extra infos arrive in hop order, before or after the event that opens their hop. */
  private readonly sentInfos = new Map<string, Headers[]>();
  private readonly receivedInfos = new Map<string, Array<{ status: number; headers: Headers }>>();
  private readonly hopsOf = new Map<string, Hop[]>();

  constructor(cdp: CDPSession) {
    cdp.on('Network.requestWillBeSent', (e) => {
      const previous = this.current.get(e.requestId);
      if (previous && e.redirectResponse) {
        previous.status = e.redirectResponse.status;
        previous.statusText = e.redirectResponse.statusText;
        previous.responseHeaders = e.redirectResponse.headers as Headers;
        previous.end = e.timestamp;
      }
      const hop: Hop = {
        requestId: e.requestId,
        url: e.request.url,
        method: e.request.method,
        resourceType: e.initiator.type === 'preflight' ? 'preflight' : resourceTypeName(e.type),
        wallTime: e.wallTime,
        start: e.timestamp,
        provisionalHeaders: e.request.headers as Headers,
        postData: e.request.postData,
      };
      this.current.set(e.requestId, hop);
      this.hops.push(hop);
      const list = this.hopsOf.get(e.requestId) ?? [];
      list.push(hop);
      this.hopsOf.set(e.requestId, list);
      this.settle(e.requestId);
    });
    cdp.on('Network.requestWillBeSentExtraInfo', (e) => {
      this.sentInfos.set(e.requestId, [...(this.sentInfos.get(e.requestId) ?? []), e.headers as Headers]);
      this.settle(e.requestId);
    });
    cdp.on('Network.responseReceivedExtraInfo', (e) => {
      const infos = this.receivedInfos.get(e.requestId) ?? [];
      infos.push({ status: e.statusCode, headers: e.headers as Headers });
      this.receivedInfos.set(e.requestId, infos);
      this.settle(e.requestId);
    });
    cdp.on('Network.responseReceived', (e) => {
      const hop = this.current.get(e.requestId);
      if (!hop) return;
      hop.status = e.response.status;
      hop.statusText = e.response.statusText;
      hop.responseHeaders = e.response.headers as Headers;
      if (e.type === 'Preflight') hop.resourceType = 'preflight';
    });
    cdp.on('Network.loadingFinished', (e) => {
      const hop = this.current.get(e.requestId);
      if (hop) hop.end = e.timestamp;
    });
    cdp.on('Network.loadingFailed', (e) => {
      const hop = this.current.get(e.requestId);
      if (!hop) return;
      hop.end = e.timestamp;
      hop.error = e.errorText;
    });
  }

  /** Gives each hop of `requestId` its extra infos, the n-th info to the n-th hop. */
  private settle(requestId: string): void {
    const hops = this.hopsOf.get(requestId) ?? [];
    (this.sentInfos.get(requestId) ?? []).forEach((headers, i) => {
      if (hops[i]) hops[i].sentHeaders = headers;
    });
    // A redirect hop's raw response comes before the next hop opens; the last one after.
    (this.receivedInfos.get(requestId) ?? []).forEach((info, i) => {
      if (!hops[i]) return;
      hops[i].rawStatus = info.status;
      hops[i].rawHeaders = info.headers;
    });
  }

  /** The entries of the requests whose URL `select` accepts, as DevTools writes them. */
  entries(select: (url: string) => boolean): unknown[] {
    return this.hops
      .filter((hop) => select(hop.url))
      .map((hop) => {
        // NetworkRequest takes the raw (extra info) headers over the parsed ones when it has them.
        const headers = hop.rawHeaders ?? hop.responseHeaders;
        const status = hop.status ?? hop.rawStatus ?? 0;
        const location = Object.entries(headers ?? {}).find(([k]) => k.toLowerCase() === 'location')?.[1];
        return {
          _initiator: { type: hop.resourceType === 'preflight' ? 'preflight' : 'script' },
          _priority: 'High',
          _resourceType: hop.resourceType,
          cache: {},
          request: {
            method: hop.method,
            url: hop.url,
            httpVersion: 'HTTP/1.1',
            headers: headerList(hop.sentHeaders ?? hop.provisionalHeaders),
            queryString: [],
            cookies: [],
            headersSize: -1,
            bodySize: hop.postData ? hop.postData.length : 0,
            ...(hop.postData ? { postData: { mimeType: 'text/plain', text: hop.postData } } : {}),
          },
          response: {
            status,
            statusText: hop.statusText ?? '',
            httpVersion: status ? 'HTTP/1.1' : '',
            headers: status ? headerList(headers) : [],
            cookies: [],
            content: { size: 0, mimeType: 'x-unknown' },
            redirectURL: location ?? '',
            headersSize: -1,
            bodySize: -1,
            _transferSize: 0,
            _error: hop.error ?? null,
          },
          serverIPAddress: '127.0.0.1',
          startedDateTime: new Date(hop.wallTime * 1000).toISOString(),
          time: hop.end !== undefined ? Math.max(0, (hop.end - hop.start) * 1000) : 0,
          timings: { blocked: -1, dns: -1, ssl: -1, connect: -1, send: 0, wait: 0, receive: 0 },
        };
      });
  }

  /** A whole HAR file of the selected entries, as DevTools' "Export HAR" writes it. */
  har(select: (url: string) => boolean): string {
    return JSON.stringify({
      log: {
        version: '1.2',
        creator: { name: 'WebInspector', version: '537.36' },
        pages: [],
        entries: this.entries(select),
      },
    });
  }
}
