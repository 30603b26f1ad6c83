/**
 * Turns Chrome DevTools Protocol events into recording events. One method per CDP event, as in
 * devtools-frontend's NetworkManager: the recorder feeds `handle(method, params)` and appends
 * what comes back. Pure: it knows nothing of `chrome.debugger`.
 */
import type Protocol from 'devtools-protocol';
import { clip, describe, lowerHeaders, toStack } from './cdp-values';
import type { EventBody } from './events';

export interface TimedBody {
  time: number;
  body: EventBody;
}

/** The CDP domains the recorder enables, in order. */
export const CDP_DOMAINS = ['Network', 'Runtime', 'Log', 'Audits'] as const;

const TEXT_MIME = /^(text\/|application\/(json|[\w.+-]*\+json|javascript|xml|x-www-form-urlencoded))/i;

export class CdpNormalizer {
  /**
   * @param now the clock for events that carry no timestamp of their own (extra info,
   *   WebSocket creation, audits): arrival time when live, the replay's clock in tests.
   */
  constructor(private readonly now: () => number = Date.now) {}

  /** wall-clock seconds minus CDP monotonic seconds, learned from events that carry both. */
  private clockOffset: number | undefined;
  private readonly resourceTypes = new Map<string, string>();
  private readonly eventSources = new Set<string>();
  private readonly mimeTypes = new Map<string, string>();

  /** Epoch ms for a CDP monotonic timestamp (seconds). */
  private wall(monotonic: number | undefined): number {
    if (monotonic === undefined || this.clockOffset === undefined) return this.now();
    return Math.round((monotonic + this.clockOffset) * 1000);
  }

  /** Normalises one CDP event; unknown methods give nothing. */
  handle(method: string, params: unknown): TimedBody[] {
    switch (method) {
      case 'Network.requestWillBeSent':
        return this.requestWillBeSent(params as Protocol.Network.RequestWillBeSentEvent);
      case 'Network.requestWillBeSentExtraInfo':
        return this.requestExtraInfo(params as Protocol.Network.RequestWillBeSentExtraInfoEvent);
      case 'Network.responseReceived':
        return this.responseReceived(params as Protocol.Network.ResponseReceivedEvent);
      case 'Network.loadingFinished':
        return this.loadingFinished(params as Protocol.Network.LoadingFinishedEvent);
      case 'Network.loadingFailed':
        return this.loadingFailed(params as Protocol.Network.LoadingFailedEvent);
      case 'Network.eventSourceMessageReceived':
        return this.eventSourceMessage(params as Protocol.Network.EventSourceMessageReceivedEvent);
      case 'Network.webSocketCreated':
        return this.webSocketCreated(params as Protocol.Network.WebSocketCreatedEvent);
      case 'Network.webSocketHandshakeResponseReceived':
        return this.webSocketHandshake(params as Protocol.Network.WebSocketHandshakeResponseReceivedEvent);
      case 'Network.webSocketFrameSent':
        return this.webSocketFrame(params as Protocol.Network.WebSocketFrameSentEvent, 'send');
      case 'Network.webSocketFrameReceived':
        return this.webSocketFrame(params as Protocol.Network.WebSocketFrameReceivedEvent, 'receive');
      case 'Network.webSocketFrameError':
        return this.webSocketFrameError(params as Protocol.Network.WebSocketFrameErrorEvent);
      case 'Network.webSocketClosed':
        return this.webSocketClosed(params as Protocol.Network.WebSocketClosedEvent);
      case 'Runtime.exceptionThrown':
        return this.exceptionThrown(params as Protocol.Runtime.ExceptionThrownEvent);
      case 'Runtime.exceptionRevoked':
        return this.exceptionRevoked(params as Protocol.Runtime.ExceptionRevokedEvent);
      case 'Runtime.consoleAPICalled':
        return this.consoleApiCalled(params as Protocol.Runtime.ConsoleAPICalledEvent);
      case 'Log.entryAdded':
        return this.logEntry(params as Protocol.Log.EntryAddedEvent);
      case 'Audits.issueAdded':
        return this.issueAdded(params as Protocol.Audits.IssueAddedEvent);
      default:
        return [];
    }
  }

  /** Whether the response body of a finished request is worth fetching (text from fetch/XHR). */
  wantsBody(requestId: string): boolean {
    const type = this.resourceTypes.get(requestId);
    const mime = this.mimeTypes.get(requestId) ?? '';
    return (type === 'fetch' || type === 'xhr' || type === 'document') && TEXT_MIME.test(mime);
  }

  private requestWillBeSent(p: Protocol.Network.RequestWillBeSentEvent): TimedBody[] {
    this.clockOffset = p.wallTime - p.timestamp;
    const time = Math.round(p.wallTime * 1000);
    const type = (p.type ?? 'Other').toLowerCase();
    if (type === 'eventsource') {
      this.eventSources.add(p.requestId);
      return [
        {
          time,
          body: {
            kind: 'channel.created',
            channelId: p.requestId,
            transport: 'sse',
            url: p.request.url,
            initiatorStack: toStack(p.initiator.stack),
          },
        },
      ];
    }
    const out: TimedBody[] = [];
    // A redirect reuses the request id: close the hop that was redirected first.
    if (p.redirectResponse) for (const e of this.response(p.requestId, p.redirectResponse, time)) out.push(e);
    const preflightFor = p.initiator.type === 'preflight' ? p.initiator.requestId : undefined;
    const resourceType = preflightFor ? 'preflight' : type;
    this.resourceTypes.set(p.requestId, resourceType);
    out.push({
      time,
      body: {
        kind: 'request.start',
        requestId: p.requestId,
        url: p.request.url + (p.request.urlFragment ?? ''),
        method: p.request.method,
        headers: lowerHeaders(p.request.headers),
        postData: p.request.postData,
        resourceType,
        preflightFor,
        documentUrl: p.documentURL,
        initiatorStack: toStack(p.initiator.stack),
      },
    });
    return out;
  }

  private requestExtraInfo(p: Protocol.Network.RequestWillBeSentExtraInfoEvent): TimedBody[] {
    return [
      {
        time: this.now(),
        body: { kind: 'request.wire-headers', requestId: p.requestId, headers: lowerHeaders(p.headers) },
      },
    ];
  }

  private response(requestId: string, r: Protocol.Network.Response, time: number): TimedBody[] {
    this.mimeTypes.set(requestId, r.mimeType);
    return [
      {
        time,
        body: {
          kind: 'request.response',
          requestId,
          status: r.status,
          statusText: r.statusText,
          headers: lowerHeaders(r.headers),
          mimeType: r.mimeType,
        },
      },
    ];
  }

  private responseReceived(p: Protocol.Network.ResponseReceivedEvent): TimedBody[] {
    const time = this.wall(p.timestamp);
    if (this.eventSources.has(p.requestId)) {
      return [
        {
          time,
          body: {
            kind: 'channel.open',
            channelId: p.requestId,
            status: p.response.status,
            headers: lowerHeaders(p.response.headers),
          },
        },
      ];
    }
    return this.response(p.requestId, p.response, time);
  }

  private loadingFinished(p: Protocol.Network.LoadingFinishedEvent): TimedBody[] {
    const time = this.wall(p.timestamp);
    if (this.eventSources.delete(p.requestId)) {
      return [{ time, body: { kind: 'channel.closed', channelId: p.requestId } }];
    }
    return [
      {
        time,
        body: { kind: 'request.finished', requestId: p.requestId, encodedDataLength: p.encodedDataLength },
      },
    ];
  }

  private loadingFailed(p: Protocol.Network.LoadingFailedEvent): TimedBody[] {
    const time = this.wall(p.timestamp);
    if (this.eventSources.delete(p.requestId)) {
      return [
        { time, body: { kind: 'channel.error', channelId: p.requestId, message: p.errorText } },
        { time, body: { kind: 'channel.closed', channelId: p.requestId } },
      ];
    }
    return [
      {
        time,
        body: {
          kind: 'request.failed',
          requestId: p.requestId,
          errorText: p.errorText,
          canceled: p.canceled,
          blockedReason: p.blockedReason,
          cors: p.corsErrorStatus
            ? { corsError: p.corsErrorStatus.corsError, failedParameter: p.corsErrorStatus.failedParameter }
            : undefined,
        },
      },
    ];
  }

  private eventSourceMessage(p: Protocol.Network.EventSourceMessageReceivedEvent): TimedBody[] {
    const { data, truncated } = clip(p.data);
    return [
      {
        time: this.wall(p.timestamp),
        body: {
          kind: 'channel.frame',
          channelId: p.requestId,
          direction: 'receive',
          opcode: 1,
          data,
          size: p.data.length,
          truncated,
          eventName: p.eventName || 'message',
          lastEventId: p.eventId || undefined,
        },
      },
    ];
  }

  private webSocketCreated(p: Protocol.Network.WebSocketCreatedEvent): TimedBody[] {
    return [
      {
        time: this.now(),
        body: {
          kind: 'channel.created',
          channelId: p.requestId,
          transport: 'websocket',
          url: p.url,
          initiatorStack: toStack(p.initiator?.stack),
        },
      },
    ];
  }

  private webSocketHandshake(p: Protocol.Network.WebSocketHandshakeResponseReceivedEvent): TimedBody[] {
    return [
      {
        time: this.wall(p.timestamp),
        body: {
          kind: 'channel.open',
          channelId: p.requestId,
          status: p.response.status,
          headers: lowerHeaders(p.response.headers),
        },
      },
    ];
  }

  private webSocketFrame(
    p: Protocol.Network.WebSocketFrameSentEvent,
    direction: 'send' | 'receive',
  ): TimedBody[] {
    const payload = p.response.payloadData;
    const { data, truncated } = clip(payload);
    // Binary payloads arrive base64-encoded: 4 characters carry 3 bytes.
    const size = p.response.opcode === 2 ? Math.floor((payload.length * 3) / 4) : payload.length;
    return [
      {
        time: this.wall(p.timestamp),
        body: {
          kind: 'channel.frame',
          channelId: p.requestId,
          direction,
          opcode: p.response.opcode,
          data,
          size,
          truncated,
        },
      },
    ];
  }

  private webSocketFrameError(p: Protocol.Network.WebSocketFrameErrorEvent): TimedBody[] {
    return [
      {
        time: this.wall(p.timestamp),
        body: { kind: 'channel.error', channelId: p.requestId, message: p.errorMessage },
      },
    ];
  }

  private webSocketClosed(p: Protocol.Network.WebSocketClosedEvent): TimedBody[] {
    // CDP does not report the close code; the probe does, and the reducer merges both.
    return [{ time: this.wall(p.timestamp), body: { kind: 'channel.closed', channelId: p.requestId } }];
  }

  private exceptionThrown(p: Protocol.Runtime.ExceptionThrownEvent): TimedBody[] {
    const d = p.exceptionDetails;
    const description = d.exception?.description;
    const isError = d.exception?.subtype === 'error' && description !== undefined;
    const message = isError ? description.split('\n')[0] : describe(d.exception) || d.text;
    const stack = toStack(d.stackTrace);
    const top = stack?.[0];
    return [
      {
        time: Math.round(p.timestamp),
        body: {
          kind: 'exception',
          // Chromium prefixes rejections with "Uncaught (in promise)" and throws with "Uncaught".
          surface: d.text.startsWith('Uncaught (in promise)') ? 'unhandledrejection' : 'error',
          message,
          errorName: d.exception?.className,
          stack,
          stackText: isError ? description : undefined,
          url: top?.url ?? d.url,
          line: top?.line ?? d.lineNumber + 1,
          column: top?.column ?? d.columnNumber + 1,
          exceptionId: `cdp:x${d.exceptionId}`,
        },
      },
    ];
  }

  private exceptionRevoked(p: Protocol.Runtime.ExceptionRevokedEvent): TimedBody[] {
    return [{ time: this.now(), body: { kind: 'exception.handled', exceptionId: `cdp:x${p.exceptionId}` } }];
  }

  private consoleApiCalled(p: Protocol.Runtime.ConsoleAPICalledEvent): TimedBody[] {
    if (p.type !== 'error' && p.type !== 'assert') return [];
    const message = p.args.map(describe).join(' ');
    const errorArg = p.args.find((a) => a.subtype === 'error' && a.description);
    const stack = toStack(p.stackTrace);
    const top = stack?.[0];
    return [
      {
        time: Math.round(p.timestamp),
        body: {
          kind: 'exception',
          surface: 'console',
          message,
          errorName: errorArg?.className,
          // The logged Error's own stack says where it was thrown; the call's stack where it was logged.
          stackText: errorArg?.description,
          stack: errorArg ? undefined : stack,
          url: top?.url,
          line: top?.line,
          column: top?.column,
        },
      },
    ];
  }

  private logEntry(p: Protocol.Log.EntryAddedEvent): TimedBody[] {
    const e = p.entry;
    return [
      {
        time: Math.round(e.timestamp),
        body: {
          kind: 'log',
          level: e.level,
          category: e.source,
          text: clip(e.text).data,
          url: e.url,
          requestId: e.networkRequestId,
        },
      },
    ];
  }

  private issueAdded(p: Protocol.Audits.IssueAddedEvent): TimedBody[] {
    const issue = p.issue;
    const cors = issue.details.corsIssueDetails;
    const text = cors
      ? `${issue.code}: ${cors.corsErrorStatus.corsError} (${cors.corsErrorStatus.failedParameter}) for ${cors.request.url ?? cors.request.requestId}`
      : issue.code;
    return [
      {
        time: this.now(),
        body: {
          kind: 'log',
          level: 'warning',
          category: 'issue',
          text,
          requestId: cors?.request.requestId,
        },
      },
    ];
  }
}
