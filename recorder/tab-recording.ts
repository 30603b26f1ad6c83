/**
 * One tab's recording in the background: the append-only log (seq, time, source), the CDP
 * session while recording, the bridge port of the tab's current document, and the panels
 * watching it. Survives a worker restart through `event-store.ts`.
 */
import type { Browser } from 'wxt/browser';
import type { EventBody, EventSource, RecordedEvent } from '../core/events';
import { LiveHarEntries } from '../core/har/live-entries';
import type {
  RealtimePolicy,
  RecorderStatus,
  RecorderToBridge,
  RecorderToPanel,
  ReplayRequest,
} from '../core/protocol';
import { CdpCapture } from './cdp-capture';
import { cdpAvailable } from './cdp-session';
import * as store from './event-store';
import { LogWriter, restartGaps } from './log-writer';
import { MemoryBound, type MemoryBoundOptions } from './memory-bound';
import { CHUNK, PanelFanout } from './panel-fanout';
import * as realtime from './realtime-policy';
import { appendPageEvents } from './page-intake';
import { sendReplay } from './replay';

type Port = Browser.runtime.Port;

/**
 * A restored log is read from IndexedDB in pages of this many events (the first page: one
 * CHUNK, so that a panel waiting for it shows rows soon); panels get each page as it comes.
 */
const PAGE = 20_000;

/** A restored log still being read from IndexedDB (see `loadStored`). */
interface StoredLoad {
  /** The last stored seq already in `events`. */
  after: number;
  /** The last stored seq: the load ends there (later seqs are this worker's own events). */
  upTo: number;
  /** Events appended meanwhile (seqs above `upTo`): added to `events` when the load ends. */
  live: RecordedEvent[];
  /** Panels subscribed meanwhile, with the seq each holds already (0: none). */
  panels: Map<Port, number>;
}

export interface TabRecordingDeps {
  reloadTab(tabId: number): Promise<void>;
  /** The per-tab memory bound's settings (tests); the default is `MEMORY_BOUND_BYTES`. */
  memory?: MemoryBoundOptions;
}

export class TabRecording {
  private events: RecordedEvent[] = [];
  private state: store.TabState = { recording: false, nextSeq: 1, userCanceled: false };
  private readonly cdp: CdpCapture;
  /** DevTools network entries, on browsers without `chrome.debugger` (docs/firefox.md). */
  private har = new LiveHarEntries();
  /** What the user switched off in this tab (issue 5); undefined: never switched. */
  private realtime: RealtimePolicy | undefined;
  private readonly panels: PanelFanout;
  private bridge: Port | undefined;
  /** Saves appended events in batches, then sends them to the panels. */
  private readonly writer: LogWriter;
  /** Beyond it, new frames are kept without their payload, counted (`memory-bound.ts`). */
  private readonly memory: MemoryBound;
  /**
   * Set while the stored log is read in pages after a worker restart: `events` holds the pages
   * read so far, new events wait in `loading.live` and reach panels after the stored ones.
   */
  private loading: StoredLoad | undefined;

  private constructor(
    readonly tabId: number,
    private readonly deps: TabRecordingDeps,
  ) {
    this.panels = new PanelFanout(tabId, (port) => this.loading?.panels.delete(port));
    this.memory = new MemoryBound((body) => this.append('user', Date.now(), body), deps.memory);
    this.cdp = new CdpCapture({
      tabId: this.tabId,
      isRecording: () => this.state.recording,
      append: (time, body) => this.append('cdp', time, body),
      rememberUserCanceled: async () => {
        this.state.userCanceled = true;
        await this.saveState();
      },
      stateChanged: () => this.broadcastStatus(),
      debuggerChanged: () => this.tellBridge(),
    });
    this.writer = new LogWriter({
      tabId,
      saveState: (unsaved, pendingFrom) => {
        if (unsaved) this.state.unsaved = unsaved;
        else delete this.state.unsaved;
        this.state.pendingFrom = pendingFrom;
        return this.saveState();
      },
      saved: (batch) => {
        // Panels get it after the stored events, when the load ends (`endLoad`).
        if (!this.loading) this.panels.live(batch);
      },
      failed: (reason) => this.panels.error('saveFailed', `Could not save the recording: ${reason}`, reason),
      lost: (lost, gap) => {
        const gone = new Set(lost);
        const keep = (list: RecordedEvent[]) => list.filter((e) => !gone.has(e));
        this.events = keep(this.events);
        if (this.loading) this.loading.live = keep(this.loading.live);
        this.append('user', Date.now(), gap);
      },
    });
  }

  private get savedSeq(): number {
    return this.writer.savedSeq;
  }

  /** Restores the tab's recording after a worker restart, or starts an empty one. */
  static async restore(tabId: number, deps: TabRecordingDeps): Promise<TabRecording> {
    const rec = new TabRecording(tabId, deps);
    rec.realtime = await realtime.loadRealtimePolicy(tabId);
    const saved = await store.loadTabState(tabId);
    if (saved) {
      rec.state = saved;
      // The last stored event first: new events get seqs after it, and its time ends the gap.
      const last = await store.lastEvent(tabId);
      if (last && last.seq >= rec.state.nextSeq) rec.state.nextSeq = last.seq + 1;
      rec.writer.savedSeq = last?.seq ?? 0;
      rec.writer.unsaved = saved.unsaved;
      if (last) {
        // The first page before anything is sent; the rest streams in behind it.
        rec.loading = { after: 0, upTo: last.seq, live: [], panels: new Map() };
        if (await rec.loadPage(CHUNK)) void rec.loadStored();
      }
      const now = Date.now();
      for (const gap of restartGaps(saved, last, now)) rec.append('user', now, gap);
      if (saved.recording) {
        // The worker died mid-recording: take the debugger back unless the user refused it.
        rec.cdp.markRestarted();
        if (!saved.userCanceled) await rec.cdp.attach();
      }
    }
    return rec;
  }

  get recording(): boolean {
    return this.state.recording;
  }

  status(): RecorderStatus {
    return {
      tabId: this.tabId,
      recording: this.state.recording,
      // Firefox has no debugger at all: say so before the first recording, not only after it.
      cdp: cdpAvailable() ? this.cdp.state : 'unavailable',
      cdpReason: cdpAvailable() ? this.cdp.reason : 'this browser has no chrome.debugger',
      ...(this.realtime ? { realtime: this.realtime } : {}),
    };
  }

  // ---- ports --------------------------------------------------------------------------------

  /**
   * A panel subscribed: send the saved log (or, for a reconnect that holds up to `fromSeq`, what
   * follows it), then keep it updated. Unsaved events reach it with their batch once saved.
   */
  addPanel(port: Port, fromSeq?: number): void {
    this.panels.add(port);
    // After a clear the panel's older events are gone here: it must start over.
    const since = fromSeq !== undefined && fromSeq >= (this.state.firstSeq ?? 1) ? fromSeq : undefined;
    // A long catch-up: the panel reads the saved events from IndexedDB itself (`stored`), far
    // faster than a port carries them; later ones reach it as usual.
    const stored = this.savedSeq - (since ?? 0) > CHUNK ? this.savedSeq : undefined;
    // Still loading: what is read so far now, the rest as it comes (`loadPage`, `endLoad`).
    if (stored === undefined) this.loading?.panels.set(port, since ?? 0);
    const events = stored ? [] : this.events.filter((e) => e.seq > (since ?? 0) && e.seq <= this.savedSeq);
    const first = events.slice(0, CHUNK);
    const snapshot: RecorderToPanel = { type: 'snapshot', status: this.status(), events: first, stored };
    this.panels.post(port, since === undefined ? snapshot : { ...snapshot, fromSeq: since });
    this.panels.sendEvents([port], events.slice(CHUNK));
  }

  /** The bridge of a (new) document in this tab connected: tell it whether to stream. */
  setBridge(port: Port): void {
    this.bridge = port;
    port.onDisconnect.addListener(() => {
      if (this.bridge === port) this.bridge = undefined;
    });
    this.tellBridge();
    // A new document: its probe starts with everything on until told otherwise.
    if (realtime.isRestricted(this.realtime)) this.tellBridgePolicy();
    void realtime.showBadge(this.tabId, this.realtime);
  }

  // ---- user actions (from the panel only) -----------------------------------------------------

  async start(reload: boolean): Promise<void> {
    if (reload) this.cdp.ignoreBefore = Date.now();
    if (!this.state.recording) {
      this.state.recording = true;
      this.state.userCanceled = false;
      this.appendUser('record', reload ? 'record and reload' : undefined);
      await this.saveState();
      await this.cdp.attach();
      this.tellBridge();
      this.broadcastStatus();
    }
    if (reload) {
      this.appendUser('reload');
      await this.deps.reloadTab(this.tabId);
    }
  }

  /** Switches real-time channels off or on (from the panel only). Every switch is recorded. */
  async setRealtime(policy: RealtimePolicy): Promise<void> {
    const before = this.realtime ?? realtime.REALTIME_ON;
    try {
      // On failure it puts the stored policy, the rules and the badge back itself.
      await realtime.enforceRealtimePolicy(this.tabId, policy);
    } catch (err) {
      this.broadcastStatus(); // the switches show the policy still in force
      throw err; // index.ts sends it to the panel
    }
    for (const [action, detail] of realtime.describeSwitches(before, policy)) this.appendUser(action, detail);
    this.realtime = policy;
    this.tellBridgePolicy();
    this.broadcastStatus();
  }

  /** Replays a request the user confirmed in the panel; the action and its outcome are recorded. */
  async replay(request: ReplayRequest): Promise<void> {
    const replayId = `replay:${this.state.nextSeq}`;
    this.appendUser('replay', `${request.method} ${request.url}`);
    const startTime = Date.now();
    const outcome = await sendReplay(this.tabId, request);
    this.append('user', Date.now(), {
      kind: 'replay.result',
      replayId,
      sourceRequestId: request.sourceRequestId,
      url: request.url,
      method: request.method,
      startTime,
      ...outcome,
    });
  }

  async stop(): Promise<void> {
    if (!this.state.recording) return;
    this.state.recording = false;
    for (const { time, body } of this.har.drain()) this.append('har', time, body);
    this.memory.flushReport();
    this.appendUser('stop');
    await this.saveState();
    this.tellBridge();
    await this.cdp.stop();
    this.broadcastStatus();
  }

  async clear(): Promise<void> {
    await this.writer.clear();
    // Stored events still being read are deleted below: stop reading them.
    this.loading = undefined;
    this.events = [];
    this.memory.reset();
    this.state.firstSeq = this.state.nextSeq;
    delete this.state.unsaved;
    await store.deleteEvents(this.tabId);
    // Keep seq strictly increasing across clears so late batches can't collide.
    await this.saveState();
    for (const port of this.panels)
      this.panels.post(port, { type: 'snapshot', status: this.status(), events: [] });
  }

  /** The tab was closed: forget everything about it. */
  async dispose(): Promise<void> {
    this.loading = undefined;
    // No write may land after the delete below: stop writing, wait for the one in flight.
    await this.writer.dispose();
    this.memory.dispose();
    await this.cdp.dispose();
    await store.deleteEvents(this.tabId);
    await store.deleteTabState(this.tabId);
    await realtime.forgetRealtimePolicy(this.tabId);
  }

  // ---- capture -----------------------------------------------------------------------------

  /** Events validated by the bridge: same machine, same clock, times clamped (`page-intake.ts`). */
  addPageEvents(events: ReadonlyArray<{ time: number } & EventBody>, overflow: number): void {
    if (!this.state.recording) return;
    appendPageEvents(events, overflow, Date.now(), (time, body) => this.append('page', time, body));
  }

  /**
   * HAR entries of finished requests from the devtools page. Only where CDP is missing: with
   * CDP they would repeat, with less evidence, what the browser already reported.
   */
  addHarEntries(entries: readonly unknown[]): void {
    if (!this.state.recording || cdpAvailable()) return;
    for (const raw of entries) {
      const { events, skipped } = this.har.add(raw);
      for (const { time, body } of events) if (time >= this.cdp.ignoreBefore) this.append('har', time, body);
      if (skipped !== undefined)
        this.append('har', Date.now(), {
          kind: 'capture.dropped',
          rejected: 1,
          overflow: 0,
          reason: `DevTools network entry refused: ${skipped}`,
        });
    }
  }

  /** The bridge refused page messages (malformed, oversized, forged). Counted, never hidden. */
  addRejected(count: number, reason: string): void {
    if (!this.state.recording) return;
    this.append('page', Date.now(), { kind: 'capture.dropped', rejected: count, overflow: 0, reason });
  }

  private appendUser(action: string, detail?: string): void {
    this.append('user', Date.now(), { kind: 'user.action', action, detail });
  }

  private append(source: EventSource, time: number, body: EventBody): void {
    const event = { ...this.memory.admit(body), seq: this.state.nextSeq++, time, source } as RecordedEvent;
    // While stored events are still being read, `events` must stay their prefix, in seq order.
    (this.loading?.live ?? this.events).push(event);
    this.writer.add(event);
  }

  // ---- restoring -----------------------------------------------------------------------------

  /** Reads the rest of the stored log, page after page (started by `restore`). */
  private async loadStored(): Promise<void> {
    try {
      while (await this.loadPage(PAGE));
    } catch (err) {
      this.panels.error('loadFailed', `Could not load the saved recording: ${String(err)}`, String(err));
      if (this.loading) this.endLoad(this.loading);
    }
  }

  /**
   * Reads the next page of the stored log into `events` and sends it to the panels that
   * subscribed during the load. Returns whether more is left to read.
   */
  private async loadPage(limit: number): Promise<boolean> {
    const load = this.loading;
    if (!load) return false;
    const page = await store.loadEventsPage(this.tabId, load.after, load.upTo, limit);
    // Cleared or disposed meanwhile: this page is gone.
    if (this.loading !== load) return false;
    for (const e of page) {
      this.events.push(e);
      this.memory.count(e);
    }
    if (page.length > 0) load.after = page[page.length - 1].seq;
    for (const [port, since] of load.panels) {
      const events = page[0]?.seq > since ? page : page.filter((e) => e.seq > since);
      this.panels.sendEvents([port], events);
    }
    if (page.length === limit && load.after < load.upTo) return true;
    this.endLoad(load);
    return false;
  }

  /** All stored events are in `events`: append the newer ones and send panels those saved. */
  private endLoad(load: StoredLoad): void {
    this.loading = undefined;
    for (const e of load.live) this.events.push(e);
    // Unsaved ones reach the panels with their batch (`saveThenSend`), as usual.
    const saved = load.live.filter((e) => e.seq <= this.savedSeq);
    this.panels.sendEvents(this.panels, saved);
  }

  private saveState(): Promise<void> {
    return store.saveTabState(this.tabId, this.state);
  }

  private tellBridge(): void {
    const cdp = this.state.recording && this.cdp.state === 'attached';
    this.postBridge({ type: 'record', on: this.state.recording, ...(cdp ? { cdp } : {}) });
  }

  private tellBridgePolicy(): void {
    this.postBridge({ type: 'policy', policy: this.realtime ?? realtime.REALTIME_ON });
  }

  private postBridge(msg: RecorderToBridge): void {
    try {
      this.bridge?.postMessage(msg);
    } catch {
      this.bridge = undefined;
    }
  }

  private broadcastStatus(): void {
    this.panels.status(this.status());
  }
}
