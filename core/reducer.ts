/**
 * Folds the event log into the model (`core/model.ts`). The log is append-only, so the
 * reducer is incremental: `apply` mutates the maps and the timeline with each new batch.
 *
 * Two observers may report the same thing: CDP (browser-authored) and the probe in the page.
 * The reducer merges their reports (see `Pairing`) so the user sees one row per request,
 * channel and throw, built from browser evidence where there is some, with the page's view
 * kept as fallback and as the page-only facts (`pageError`, a close code).
 */
import type { ChannelOpen, ExceptionEvent, RecordedEvent, ReplayResult } from './events';
import type { CaptureSummary, Channel, Exception, HttpRequest, RefusedChannel, TimelineItem } from './model';
import { Pairing } from './pairing';
import { frameLinesOf, guardedEvent } from './event-guard';
import { FrameTwins } from './frame-twins';
import {
  absorbPageRequest,
  closeChannel,
  countRefusal,
  exceptionKey,
  forgetAnswer,
  newRequest,
} from './reducer-builders';
import { parseStack } from './stack';
import { TimelineOrder } from './timeline-order';

type Of<K extends RecordedEvent['kind']> = Extract<RecordedEvent, { kind: K }>;

/** A probe report and a CDP report of one fetch/XHR/socket start at most this far apart. */
const MERGE_WINDOW_MS = 3000;
/** CDP's `exceptionThrown` and the page's `unhandledrejection` for one throw. */
const EXCEPTION_WINDOW_MS = 2000;
/**
 * Browser-reported types the probe never reports (it wraps fetch, XHR, WebSocket, EventSource
 * only): a page fetch must not pair with the document or a script that has the same URL.
 */
const NOT_PROBED = new Set(['document', 'script', 'stylesheet', 'image', 'font', 'media', 'manifest']);
/** The derived state of one recording. Views read it; only `apply` writes. */
export class Recording {
  readonly requests = new Map<string, HttpRequest>();
  readonly channels = new Map<string, Channel>();
  readonly exceptions = new Map<string, Exception>();
  readonly logs: Array<RecordedEvent & { kind: 'log' }> = [];
  readonly timeline: TimelineItem[] = [];
  readonly capture: CaptureSummary = { cdp: 'never', rejected: 0, overflow: 0, clamped: 0, payloads: 0 };
  /** Channels refused by Handshake's real-time switch, keyed by `<transport> <url>`. */
  readonly refused = new Map<string, RefusedChannel>();
  /** Total refusals (a reconnect loop makes this grow). */
  refusedCount = 0;
  /** Replays the user confirmed, by replay id, with their outcome. */
  readonly replays = new Map<string, RecordedEvent & ReplayResult>();
  eventCount = 0;

  /** Page ids whose report was merged into a browser-reported record: page id -> record id. */
  private readonly requestAlias = new Map<string, string>();
  private readonly channelAlias = new Map<string, string>();
  private readonly exceptionAlias = new Map<string, string>();
  /** Merged requests whose answer / failure so far is only the page's word (the browser's replaces it). */
  private readonly pageAnswers = new Set<string>();
  private readonly pageFailures = new Set<string>();
  private readonly requestPairing = new Pairing(MERGE_WINDOW_MS);
  private readonly channelPairing = new Pairing(MERGE_WINDOW_MS);
  private readonly frameTwins = new FrameTwins();
  private readonly exceptionPairing = new Pairing(EXCEPTION_WINDOW_MS);
  /** Preflights seen before the request they were sent for: actual id -> preflight id. */
  private readonly orphanPreflights = new Map<string, string>();
  /** `<source>:<exceptionId>` -> exception record id, for `exception.handled`. */
  private readonly exceptionIds = new Map<string, string>();
  private lastSeq = Number.NEGATIVE_INFINITY;
  /** The last event's time, for an event whose time is not a number. */
  private lastTime = 0;
  private readonly order = new TimelineOrder(this.timeline);

  /**
   * Folds new events (in seq order) into the model. Incremental: call it with each new batch.
   * An event whose `seq` is not above the last one applied is skipped, so a snapshot that
   * overlaps a live batch does not double anything.
   */
  apply(events: readonly RecordedEvent[]): void {
    try {
      for (const ev of events) {
        if (ev.seq <= this.lastSeq) continue;
        this.lastSeq = ev.seq;
        this.eventCount++;
        // A page's ids never name a browser record; every time fits a Date (`core/event-guard.ts`).
        const guarded = guardedEvent(ev, this.lastTime);
        this.lastTime = guarded.time;
        this.applyOne(guarded);
      }
    } finally {
      this.order.flush();
    }
  }

  private applyOne(ev: RecordedEvent): void {
    switch (ev.kind) {
      case 'request.start':
        return this.startRequest(ev);
      case 'request.wire-headers':
        return this.onRequest(ev, (r) => {
          r.wireHeaders = ev.headers;
        });
      case 'request.response':
        return this.onRequest(ev, (r, fallback) => {
          if (fallback && r.status !== undefined) return;
          if (fallback) this.pageAnswers.add(r.id);
          else this.pageAnswers.delete(r.id);
          r.status = ev.status;
          r.statusText = ev.statusText;
          r.responseHeaders = ev.headers;
          r.mimeType = ev.mimeType ?? r.mimeType;
          if (ev.body !== undefined) {
            r.responseBody = ev.body;
            r.responseBodyTruncated = ev.bodyTruncated ?? false;
          }
        });
      case 'request.body':
        return this.onRequest(ev, (r, fallback) => {
          if (fallback && r.responseBody !== undefined) return;
          r.responseBody = ev.body;
          r.responseBodyTruncated = ev.truncated;
          r.responseBodyBase64 = ev.base64;
        });
      case 'request.finished':
        return this.onRequest(ev, (r, fallback) => {
          if (fallback && r.state !== 'pending') return;
          if (!fallback && this.pageFailures.delete(r.id)) r.failure = undefined;
          r.state = 'done';
          r.endTime = ev.time;
        });
      case 'request.failed':
        return this.onRequest(ev, (r, fallback) => {
          if (fallback) r.pageError = ev.errorText;
          if (fallback && r.state !== 'pending') return;
          if (fallback) this.pageFailures.add(r.id);
          else {
            this.pageFailures.delete(r.id);
            // The browser says it failed: an answer only the page reported never came.
            if (this.pageAnswers.delete(r.id)) forgetAnswer(r);
          }
          r.state = 'failed';
          r.endTime = ev.time;
          r.failure = {
            errorText: ev.errorText,
            cors: ev.cors,
            blockedReason: ev.blockedReason,
            canceled: ev.canceled,
          };
        });
      case 'channel.created':
        return this.createChannel(ev);
      case 'channel.open':
        return this.onChannel(ev, (c) => {
          if (c.state === 'connecting') c.state = 'open';
          if (ev.status !== undefined) c.handshakeStatus ??= ev.status;
        });
      case 'channel.frame':
        // Both observers report a merged socket's frames: each is kept once (`core/frame-twins.ts`).
        return this.onChannel(ev, (c) => this.frameTwins.add(c, ev));
      case 'channel.error':
        return this.onChannel(ev, (c, fallback) => {
          c.errorMessage = fallback ? (c.errorMessage ?? ev.message) : ev.message;
          if (c.state !== 'closed') c.state = 'error';
        });
      case 'channel.closed':
        return this.onChannel(ev, (c, fallback) => closeChannel(c, ev, fallback));
      case 'channel.refused':
        this.refusedCount++;
        return countRefusal(this.refused, ev);
      case 'exception':
        return this.addException(ev);
      case 'exception.handled': {
        const id = this.exceptionIds.get(`${ev.source}:${ev.exceptionId}`);
        const record = id === undefined ? undefined : this.exceptions.get(this.exceptionAlias.get(id) ?? id);
        if (record) record.handledLater = true;
        return;
      }
      case 'log':
        this.logs.push(ev);
        return;
      case 'page.load':
        return this.order.insert({
          type: 'page',
          id: `p${ev.seq}`,
          time: ev.time,
          seq: ev.seq,
          url: ev.url,
        });
      case 'user.action':
        return this.order.insert({
          type: 'action',
          id: `a${ev.seq}`,
          time: ev.time,
          seq: ev.seq,
          action: ev.action,
          detail: ev.detail,
        });
      case 'replay.result':
        this.replays.set(ev.replayId, ev);
        return this.order.insert({
          type: 'action',
          id: `a${ev.seq}`,
          time: ev.time,
          seq: ev.seq,
          action: 'replay result',
          detail: `${ev.method} ${ev.url}: ${ev.status ?? ev.error ?? 'no answer'}`,
          note: { kind: 'replay', method: ev.method, url: ev.url, status: ev.status, error: ev.error },
        });
      case 'capture.gap':
        // Shown in the timeline: a reader must know nothing was captured in between.
        return this.order.insert({
          type: 'action',
          id: `a${ev.seq}`,
          time: ev.time,
          seq: ev.seq,
          action: 'capture gap',
          detail: `nothing captured for ${((ev.to - ev.from) / 1000).toFixed(1)} s (${ev.reason})`,
          note: { kind: 'gap', seconds: (ev.to - ev.from) / 1000, reason: ev.reason },
        });
      case 'capture.state':
        this.capture.cdp = ev.cdp;
        this.capture.cdpReason = ev.reason;
        return;
      case 'capture.dropped':
        this.capture.rejected += ev.rejected;
        this.capture.overflow += ev.overflow;
        this.capture.clamped += ev.clamped ?? 0;
        this.capture.payloads += ev.payloads ?? 0;
        return;
    }
  }

  // ---- requests ---------------------------------------------------------------------------

  private startRequest(ev: Of<'request.start'>): void {
    if (this.requestAlias.has(ev.requestId)) return;
    const known = this.requests.get(ev.requestId);
    if (known) {
      // CDP reuses the id across redirects: the row follows the request to its last URL.
      known.url = ev.url;
      known.method = ev.method;
      known.requestHeaders = ev.headers;
      return;
    }
    const req = newRequest(ev);
    if (ev.preflightFor !== undefined) {
      // Preflights are shown inside their request, not as rows.
      const actual = this.requests.get(ev.preflightFor);
      if (actual) actual.preflightId = req.id;
      else this.orphanPreflights.set(ev.preflightFor, req.id);
      this.requests.set(req.id, req);
      return;
    }
    req.preflightId = this.orphanPreflights.get(req.id);
    this.orphanPreflights.delete(req.id);

    const fromPage = ev.source === 'page';
    const partnerId =
      !fromPage && NOT_PROBED.has(ev.resourceType)
        ? undefined
        : this.requestPairing.pair(`${ev.method} ${ev.url}`, req.id, ev.time, fromPage);
    const partner = partnerId === undefined ? undefined : this.requests.get(partnerId);
    if (partner && fromPage) {
      this.requestAlias.set(req.id, partner.id);
      partner.initiatorStack ??= req.initiatorStack;
      return;
    }
    if (partner) {
      // The page reported it first: the browser's record replaces the page's row.
      this.requests.delete(partner.id);
      this.order.remove('request', partner.id, partner.startTime, partner.firstSeq);
      this.requestAlias.set(partner.id, req.id);
      absorbPageRequest(req, partner);
      if (partner.status !== undefined) this.pageAnswers.add(req.id);
      if (partner.state === 'failed') this.pageFailures.add(req.id);
    }
    this.requests.set(req.id, req);
    this.order.insert({ type: 'request', id: req.id, time: req.startTime, seq: req.firstSeq });
  }

  /** Applies an event to its request; `fallback` when it is the page's copy of a merged one. */
  private onRequest(ev: { requestId: string }, update: (r: HttpRequest, fallback: boolean) => void): void {
    const aliased = this.requestAlias.get(ev.requestId);
    const req = this.requests.get(aliased ?? ev.requestId);
    if (req) update(req, aliased !== undefined);
  }

  // ---- channels ---------------------------------------------------------------------------

  private createChannel(ev: RecordedEvent & ChannelOpen): void {
    if (this.channels.has(ev.channelId) || this.channelAlias.has(ev.channelId)) return;
    const channel: Channel = {
      id: ev.channelId,
      source: ev.source,
      transport: ev.transport,
      url: ev.url,
      createdTime: ev.time,
      firstSeq: ev.seq,
      state: 'connecting',
      frames: [],
      framesIn: 0,
      framesOut: 0,
      lastActivity: ev.time,
      initiatorStack: ev.initiatorStack,
    };
    const fromPage = ev.source === 'page';
    const partnerId = this.channelPairing.pair(`${ev.transport} ${ev.url}`, channel.id, ev.time, fromPage);
    const partner = partnerId === undefined ? undefined : this.channels.get(partnerId);
    if (partner && fromPage) {
      this.channelAlias.set(channel.id, partner.id);
      partner.initiatorStack ??= channel.initiatorStack;
      return;
    }
    if (partner) {
      this.channels.delete(partner.id);
      this.order.remove('channel', partner.id, partner.createdTime, partner.firstSeq);
      this.channelAlias.set(partner.id, channel.id);
      // Frames the page reported first stay, in order; their browser twins are matched later.
      channel.frames = partner.frames;
      channel.framesIn = partner.framesIn;
      channel.framesOut = partner.framesOut;
      this.frameTwins.rename(partner.id, channel.id);
      channel.state = partner.state;
      channel.closeCode = partner.closeCode;
      channel.closeReason = partner.closeReason;
      channel.errorMessage = partner.errorMessage;
      channel.initiatorStack ??= partner.initiatorStack;
    }
    this.channels.set(channel.id, channel);
    this.order.insert({
      type: 'channel',
      id: channel.id,
      time: channel.createdTime,
      seq: channel.firstSeq,
    });
  }

  private onChannel(
    ev: RecordedEvent & { channelId: string },
    update: (c: Channel, fallback: boolean) => void,
  ): void {
    const aliased = this.channelAlias.get(ev.channelId);
    const channel = this.channels.get(aliased ?? ev.channelId);
    if (!channel) return;
    update(channel, aliased !== undefined);
    channel.lastActivity = Math.max(channel.lastActivity, ev.time);
  }

  // ---- exceptions -------------------------------------------------------------------------

  private addException(ev: RecordedEvent & ExceptionEvent): void {
    const id = `x${ev.seq}`;
    const stack = ev.stack ?? (ev.stackText ? parseStack(frameLinesOf(ev.stackText)) : []);
    const top = stack[0];
    const record: Exception = {
      id,
      source: ev.source,
      time: ev.time,
      firstSeq: ev.seq,
      surface: ev.surface,
      message: ev.message,
      errorName: ev.errorName,
      stack,
      stackText: ev.stackText,
      url: ev.url ?? top?.url,
      line: ev.line ?? top?.line,
      column: ev.column ?? top?.column,
      handledLater: false,
      alsoReportedAs: [],
    };
    if (ev.exceptionId !== undefined) this.exceptionIds.set(`${ev.source}:${ev.exceptionId}`, id);

    const fromPage = ev.source === 'page';
    const partnerId = this.exceptionPairing.pair(exceptionKey(ev), id, ev.time, fromPage);
    const partner = partnerId === undefined ? undefined : this.exceptions.get(partnerId);
    if (partner && fromPage) {
      // One throw reported twice: keep CDP's record, remember the page's report.
      partner.alsoReportedAs.push(id);
      this.exceptionAlias.set(id, partner.id);
      if (partner.stack.length === 0) partner.stack = stack;
      return;
    }
    if (partner) {
      this.exceptions.delete(partner.id);
      this.order.remove('exception', partner.id, partner.time, partner.firstSeq);
      this.exceptionAlias.set(partner.id, id);
      for (const alias of [partner.id, ...partner.alsoReportedAs]) record.alsoReportedAs.push(alias);
      record.handledLater = partner.handledLater;
      if (record.stack.length === 0) record.stack = partner.stack;
    }
    this.exceptions.set(id, record);
    this.order.insert({ type: 'exception', id, time: record.time, seq: record.firstSeq });
  }
}
