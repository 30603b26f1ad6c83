/**
 * The panel's one store: the recorder's status, the link state, the derived model of the
 * inspected tab's recording, its findings, and what the user has selected.
 *
 * Bulk data stays out of Vue's reactivity: the `Recording` (up to 100,000 events) sits raw in
 * a shallowRef and the store bumps `version` (and triggers the ref) once per animation frame
 * after applying batches. Views derive what they show from `version`.
 */
import { defineStore } from 'pinia';
import { computed, markRaw, ref, shallowRef, triggerRef, watch } from 'vue';
import type { RecordedEvent } from '~/core/events';
import type { HarNotice, HarSkipCode } from '~/core/har';
import type { Evidence, Finding, TimelineItem } from '~/core/model';
import type { PanelToRecorder, RecorderStatus, RecorderToPanel } from '~/core/protocol';
import { Recording } from '~/core/reducer';
import { findFindings } from '~/core/rules';
import { locale, useMessages } from '~/composables/i18n';
import type { LinkState, RecorderLink } from '~/composables/recorder-port';
import { createSourceMapLoader, scriptsToMap, type SourceMapLoader } from '~/composables/source-maps';
import type { StackFrame } from '~/core/events';
import type { OriginalFrame } from '~/core/model';
import { animationFrame, createFrameThrottle, type FrameScheduler } from './frame-throttle';
import { readStoredEvents, readStoredLog, type StoredRead, type StoredReader } from './stored-log';

/**
 * Findings run every rule over the whole model: at 1,000,000 events that takes seconds. While
 * events only stream in, a derivation slower than FINDINGS_SLOW_MS waits until FINDINGS_SPACING
 * times its cost has passed since the last one ended (a timer then derives the latest), so it
 * takes about a fifth of the panel's time at most instead of running every frame. Once the
 * stream goes quiet for FINDINGS_QUIET times that cost (longer than the gaps between the
 * recorder's pages), the latest findings are derived without waiting for the spacing. Anything
 * else (a new model, a clear, a file, the language, a source map) derives at once.
 */
const FINDINGS_SLOW_MS = 50;
const FINDINGS_SPACING = 4;
const FINDINGS_QUIET = 2;

/** What the details pane shows: one timeline item, by type and id. */
export interface Selection {
  type: TimelineItem['type'];
  id: string;
}

/** A file opened read-only in the view (import, library): where it came from and what was skipped. */
export interface OpenedFile {
  name: string;
  /** Entries of the file left out, with the reason (the import report); `code` words it anew in any language. */
  skipped: Array<{ index: number; reason: string; code?: HarSkipCode }>;
  warnings: string[];
  /** The same warnings as codes, when the importer gave them: the report words them in the panel's language. */
  notices?: HarNotice[];
  /** The tool that wrote the file (`Handshake`, `WebInspector`, `Firefox`, …). */
  creator: string;
}

export interface AttachOptions {
  /** How view updates are paced; tests pass a manual scheduler. */
  scheduleFrame?: FrameScheduler;
  /** Where source maps come from; tests pass a loader over fixtures, or null for none. */
  sourceMaps?: SourceMapLoader | null;
  /** Where saved events are read from when a snapshot says `stored`; tests pass a fake. */
  readStored?: StoredReader;
}

/** The recording store of the panel (one per panel page). Call `attach` once with a link. */
export const useRecordingStore = defineStore('recording', () => {
  const messages = useMessages();
  const tabId = ref<number | null>(null);
  const status = ref<RecorderStatus | null>(null);
  const connection = ref<LinkState | 'detached'>('detached');
  /** The recorder's `error` replies, newest last, as received. */
  const errorReplies = shallowRef<Array<Extract<RecorderToPanel, { type: 'error' }>>>([]);
  /** The same in words, in the panel's language where the recorder gave a code. */
  const errors = computed(() =>
    errorReplies.value.map((e) =>
      e.code ? messages.value.panel.recorderErrors[e.code]({ reason: e.reason ?? '' }) : e.message,
    ),
  );
  const recording = shallowRef<Recording>(markRaw(new Recording()));
  /** Bumped once per frame after the model changed. */
  const version = ref(0);
  const findings = shallowRef<readonly Finding[]>([]);
  /** True while newer events wait for their findings (a slow derivation spaced out): `aria-busy`. */
  const findingsPending = ref(false);
  const selection = ref<Selection | null>(null);
  const expandedFinding = ref<string | null>(null);
  const selectedFrameSeq = ref<number | null>(null);
  /** Set while a file is shown instead of the live recording: the view is read-only then. */
  const openedFile = ref<OpenedFile | null>(null);

  // Not reactive: the transport and bookkeeping never drive a render.
  let link: RecorderLink | null = null;
  let unsubscribe: Array<() => void> = [];
  let throttle = createFrameThrottle(publish, animationFrame);
  let sourceMaps: SourceMapLoader | null = null;
  /** Every event the view holds, in seq order: what an export writes. Not reactive. */
  let log: RecordedEvent[] = [];
  /** The live link and tab while a file is shown, to go back to them. */
  let live: { link: RecorderLink; tabId: number; options: AttachOptions } | null = null;
  /** How long the last derivation of findings took, and when it ended (performance.now). */
  let findingsCost = 0;
  let findingsDoneAt = 0;
  /** Set when findings must be derived on the next update, however slow (not only new events). */
  let deriveNow = true;
  let findingsTimer: ReturnType<typeof setTimeout> | undefined;
  let quietTimer: ReturnType<typeof setTimeout> | undefined;
  /** Set while saved events are read from IndexedDB (`readStored`): findings wait for the end. */
  let storedRead: StoredRead | undefined;
  let reader: StoredReader = readStoredEvents;

  const isRecording = computed(() => status.value?.recording === true);
  const canAct = computed(
    () => connection.value === 'open' && tabId.value !== null && openedFile.value === null,
  );
  /** The seq of the last event held (0: none); a reconnect asks only for what follows. */
  const lastSeq = (): number => log.at(-1)?.seq ?? 0;

  /** Recomputes findings (or schedules it: FINDINGS_SPACING) and tells the views the model changed. */
  function publish(): void {
    const wait =
      deriveNow || findingsCost < FINDINGS_SLOW_MS
        ? 0
        : findingsDoneAt + findingsCost * FINDINGS_SPACING - performance.now();
    if (storedRead) findingsPending.value = true;
    else if (wait <= 0) deriveFindings();
    else {
      findingsPending.value = true;
      findingsTimer ??= setTimeout(() => rederive(), Math.ceil(wait) + 1);
      clearTimeout(quietTimer);
      quietTimer = setTimeout(() => rederive(), Math.ceil(Math.max(200, findingsCost * FINDINGS_QUIET)));
    }
    // Maps load in the background; a newly loaded one re-derives findings and stacks.
    if (!storedRead)
      void sourceMaps?.load(scriptsToMap(recording.value)).then((loaded) => loaded && rederive());
    version.value += 1;
    triggerRef(recording);
  }

  function deriveFindings(): void {
    clearTimeout(findingsTimer);
    clearTimeout(quietTimer);
    findingsTimer = undefined;
    quietTimer = undefined;
    deriveNow = false;
    const start = performance.now();
    findings.value = findFindings(recording.value, undefined, { originalFrame, locale: locale.value });
    findingsDoneAt = performance.now();
    findingsCost = findingsDoneAt - start;
    findingsPending.value = false;
  }

  /** Derives findings on the next update even if slow. */
  function rederive(): void {
    clearTimeout(findingsTimer);
    clearTimeout(quietTimer);
    findingsTimer = undefined;
    quietTimer = undefined;
    deriveNow = true;
    throttle.request();
  }

  // Findings are written in the panel's language: a switch re-derives them.
  watch(locale, () => rederive());

  /** The source-mapped original of a minified frame, once its script's map has loaded. */
  function originalFrame(frame: StackFrame): OriginalFrame | undefined {
    return sourceMaps?.index.originalFrame(frame);
  }

  function replaceModel(events: readonly RecordedEvent[]): void {
    const next = markRaw(new Recording());
    next.apply(events);
    recording.value = next;
    log = [...events];
    rederive();
  }

  function applyBatch(events: readonly RecordedEvent[]): void {
    // Recording.apply skips seqs it has seen, so a batch that overlaps the snapshot sent
    // after a reconnect doubles nothing.
    if (events.length === 0) return;
    const after = lastSeq();
    for (const e of events) if (e.seq > after) log.push(e);
    recording.value.apply(events);
    throttle.request();
  }

  /**
   * Reads the saved events a snapshot left out (up to `upTo`) from IndexedDB, then applies what
   * the port brought meanwhile; findings are derived once, at the end.
   */
  function readStored(id: number, upTo: number): void {
    const read: StoredRead = { live: [] };
    storedRead = read;
    const current = () => storedRead === read;
    readStoredLog({ read: reader, tabId: id, after: lastSeq(), upTo, apply: applyBatch, current })
      .catch((err: unknown) => {
        // Worded from the code, in the panel's language (`recorderErrors.loadFailed`).
        const reason = String(err);
        if (current()) receive({ type: 'error', tabId: id, message: reason, code: 'loadFailed', reason });
      })
      .finally(() => {
        if (!current()) return;
        for (const events of read.live) applyBatch(events);
        // The whole recording on screen first; its findings (seconds at 1,000,000) a task later.
        throttle.flush();
        storedRead = undefined;
        clearTimeout(findingsTimer);
        findingsTimer = setTimeout(() => rederive(), 0);
      });
  }

  function receive(message: RecorderToPanel): void {
    switch (message.type) {
      case 'snapshot':
        if (message.status.tabId !== tabId.value) return;
        status.value = message.status;
        storedRead = undefined;
        // A reconnect's catch-up adds to what the view holds; a full snapshot replaces it.
        if (message.fromSeq !== undefined) applyBatch(message.events);
        else replaceModel(message.events);
        if (message.stored !== undefined) readStored(message.status.tabId, message.stored);
        return;
      case 'events':
        if (message.tabId !== tabId.value) return;
        if (storedRead) storedRead.live.push(message.events);
        else applyBatch(message.events);
        return;
      case 'status':
        if (message.status.tabId === tabId.value) status.value = message.status;
        return;
      case 'error':
        if (message.tabId === tabId.value) errorReplies.value = [...errorReplies.value.slice(-4), message];
        return;
    }
  }

  /** Connects the store to a link for one tab; subscribes now and after every reconnect. */
  function attach(nextLink: RecorderLink, nextTabId: number, options: AttachOptions = {}): void {
    detach();
    link = nextLink;
    live = { link: nextLink, tabId: nextTabId, options };
    tabId.value = nextTabId;
    throttle = createFrameThrottle(publish, options.scheduleFrame ?? animationFrame);
    reader = options.readStored ?? readStoredEvents;
    sourceMaps = options.sourceMaps === undefined ? createSourceMapLoader() : options.sourceMaps;
    unsubscribe = [
      nextLink.onMessage(receive),
      nextLink.onState((state) => {
        connection.value = state;
        if (state !== 'open') return;
        const fromSeq = lastSeq();
        nextLink.send({ type: 'subscribe', tabId: nextTabId, ...(fromSeq > 0 ? { fromSeq } : {}) });
      }),
    ];
  }

  /** Stops listening to the link (does not close it). */
  function detach(): void {
    for (const stop of unsubscribe) stop();
    unsubscribe = [];
    link = null;
    storedRead = undefined;
    connection.value = 'detached';
  }

  function send(message: PanelToRecorder): void {
    link?.send(message);
  }

  /** Starts recording the tab. */
  function record(): void {
    if (tabId.value !== null) send({ type: 'start', tabId: tabId.value, reload: false });
  }

  /** Starts recording and reloads the tab, so the capture begins at its first request. */
  function recordAndReload(): void {
    if (tabId.value !== null) send({ type: 'start', tabId: tabId.value, reload: true });
  }

  function stop(): void {
    if (tabId.value !== null) send({ type: 'stop', tabId: tabId.value });
  }

  /** Asks the recorder to clear, and empties the view now rather than after its snapshot. */
  function clear(): void {
    if (tabId.value === null) return;
    send({ type: 'clear', tabId: tabId.value });
    storedRead = undefined;
    replaceModel([]);
    resetSelection();
    throttle.flush();
  }

  function resetSelection(): void {
    selection.value = null;
    expandedFinding.value = null;
    selectedFrameSeq.value = null;
  }

  /** Shows a file's events read-only instead of the live recording (which keeps recording). */
  function openFile(file: OpenedFile, events: readonly RecordedEvent[]): void {
    const keep = live;
    detach();
    live = keep;
    // Source maps of a file are not fetched: the file's scripts are someone else's pages.
    sourceMaps = null;
    status.value = null;
    openedFile.value = file;
    resetSelection();
    replaceModel(events);
    throttle.flush();
  }

  /** Back to the live recording of the tab, if there is one. */
  function closeFile(): void {
    openedFile.value = null;
    resetSelection();
    replaceModel([]);
    if (live) attach(live.link, live.tabId, live.options);
    else throttle.flush();
  }

  /** The events of what is shown (live or file), in seq order: the input of an export. */
  function events(): readonly RecordedEvent[] {
    return log;
  }

  function select(next: Selection | null): void {
    const same =
      next && selection.value && next.type === selection.value.type && next.id === selection.value.id;
    if (!same) selectedFrameSeq.value = null;
    selection.value = next;
  }

  /** Selects what a finding's evidence points at; log entries have no timeline row. */
  function selectEvidence(evidence: Evidence): void {
    if (evidence.type !== 'log') select({ type: evidence.type, id: evidence.id });
  }

  function toggleFinding(key: string): void {
    expandedFinding.value = expandedFinding.value === key ? null : key;
  }

  function selectFrame(seq: number | null): void {
    selectedFrameSeq.value = seq;
  }

  function dismissErrors(): void {
    errorReplies.value = [];
  }

  /** Runs a pending view update now. */
  function flush(): void {
    throttle.flush();
  }

  return {
    tabId,
    status,
    connection,
    errors,
    recording,
    version,
    findings,
    findingsPending,
    selection,
    expandedFinding,
    selectedFrameSeq,
    isRecording,
    canAct,
    openedFile,
    openFile,
    closeFile,
    events,
    attach,
    detach,
    record,
    recordAndReload,
    stop,
    clear,
    select,
    selectEvidence,
    toggleFinding,
    selectFrame,
    dismissErrors,
    flush,
    originalFrame,
    /** Sends a command to the recorder (other panel stores build on it, e.g. stores/toggles.ts). */
    send,
  };
});
