/**
 * The toggles of the panel (issue 5): the inspected tab's real-time policy as the recorder last
 * reported it, and the commands that switch channels off and on. The policy lives in the
 * recorder (it must outlive the panel); this store only reads its status and sends commands.
 */
import { defineStore } from 'pinia';
import { computed, ref, watch } from 'vue';
import type { HttpRequest } from '~/core/model';
import type { RealtimePolicy, ReplayRequest } from '~/core/protocol';
import {
  DEFAULT_REFRESH_PATTERNS,
  defaultRefreshSettings,
  isRefreshRequest,
  parseRefreshPatterns,
  withRefreshMark,
  type RefreshSettings,
} from '~/core/refresh-detect';
import {
  loadRefreshSettings,
  loadReplayConfirmations,
  saveRefreshSettings,
  saveReplayConfirmations,
  type ReplayConfirmation,
} from '~/composables/site-settings';
import { httpOrigin, replayPageOrigin } from '~/components/replay/page-origin';
import { useMessages } from '~/composables/i18n';
import { useRecordingStore } from './recording';

function siteOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
}

const ALL_ON: RealtimePolicy = { allOff: false, blocked: [] };

export const useTogglesStore = defineStore('toggles', () => {
  const recording = useRecordingStore();

  const policy = computed<RealtimePolicy>(() => recording.status?.realtime ?? ALL_ON);
  /** Something is switched off in this tab: the panel header says so. */
  const restricted = computed(() => policy.value.allOff || policy.value.blocked.length > 0);

  function setPolicy(next: RealtimePolicy): void {
    if (recording.tabId === null) return;
    recording.send({ type: 'realtime', tabId: recording.tabId, policy: next });
  }

  /** Switches every WebSocket and EventSource of the tab off (true) or back on (false). */
  function setAllOff(off: boolean): void {
    setPolicy({ allOff: off, blocked: off ? policy.value.blocked : [] });
  }

  /** Switches the channels whose URL contains `pattern` off or on. */
  function setChannelOff(pattern: string, off: boolean): void {
    const others = policy.value.blocked.filter((p) => p !== pattern);
    setPolicy({ allOff: policy.value.allOff, blocked: off ? [...others, pattern] : others });
  }

  // ---- replay ------------------------------------------------------------------------------

  /** (Request origin, page origin) pairs whose replay warning is off; until loaded, it shows. */
  const confirmations = ref<ReplayConfirmation[]>([]);
  const samePair = (a: ReplayConfirmation, b: ReplayConfirmation) =>
    a.requestOrigin === b.requestOrigin && a.pageOrigin === b.pageOrigin;
  void loadReplayConfirmations().then(
    (loaded) =>
      (confirmations.value = [
        ...loaded,
        ...confirmations.value.filter((p) => !loaded.some((q) => samePair(p, q))),
      ]),
    () => {
      // Storage unavailable: the warning keeps showing, which is the safe side.
    },
  );

  // ---- refresh recognition, per site ---------------------------------------------------------

  /** The inspected site: the origin of the newest page load in the recording. */
  const site = computed(() => {
    void recording.version;
    const timeline = recording.recording.timeline;
    for (let i = timeline.length - 1; i >= 0; i--) {
      const item = timeline[i];
      if (item.type === 'page') return siteOf(item.url);
    }
    return null;
  });
  const refreshSettings = ref<RefreshSettings>(defaultRefreshSettings());
  const m = useMessages();
  /** What failed with the site's settings and the browser's reason; worded by `refreshError`. */
  const refreshProblem = ref<{ what: 'readFailed' | 'saveFailed'; reason: string } | null>(null);
  const refreshError = computed(() =>
    refreshProblem.value
      ? m.value.replay.settings[refreshProblem.value.what]({ error: refreshProblem.value.reason })
      : null,
  );

  watch(
    site,
    async (next) => {
      refreshSettings.value = defaultRefreshSettings();
      if (!next) return;
      try {
        const loaded = await loadRefreshSettings(next);
        if (site.value === next) refreshSettings.value = loaded;
      } catch (err) {
        refreshProblem.value = { what: 'readFailed', reason: String(err) };
      }
    },
    { immediate: true },
  );

  async function updateRefreshSettings(next: RefreshSettings): Promise<void> {
    refreshSettings.value = next;
    if (!site.value) return;
    try {
      await saveRefreshSettings(site.value, next);
      refreshProblem.value = null;
    } catch (err) {
      refreshProblem.value = { what: 'saveFailed', reason: String(err) };
    }
  }

  /** Replaces the site's refresh patterns with the edited list (one per line). */
  function setRefreshPatterns(text: string): Promise<void> {
    return updateRefreshSettings({ ...refreshSettings.value, patterns: parseRefreshPatterns(text) });
  }

  function resetRefreshPatterns(): Promise<void> {
    return updateRefreshSettings({ ...refreshSettings.value, patterns: DEFAULT_REFRESH_PATTERNS });
  }

  /** The page a replay of `request` would be sent from (`replayPageOrigin`), null when unknown. */
  function pageOriginFor(request: HttpRequest): string | null {
    return replayPageOrigin(request, site.value);
  }

  /** The page origin of the selected request's replay. */
  function selectedPageOrigin(): string | null {
    const selection = recording.selection;
    const request =
      selection?.type === 'request' ? recording.recording.requests.get(selection.id) : undefined;
    return request ? pageOriginFor(request) : null;
  }

  function pairOf(url: string, pageOrigin: string | null): ReplayConfirmation | null {
    const requestOrigin = httpOrigin(url);
    return requestOrigin && pageOrigin ? { requestOrigin, pageOrigin } : null;
  }

  /**
   * Whether the replay warning was confirmed for good for requests to this URL's origin sent
   * from a page of `pageOrigin`. Never for an unknown page.
   */
  function replayConfirmed(url: string, pageOrigin: string | null): boolean {
    const pair = pairOf(url, pageOrigin);
    return pair !== null && confirmations.value.some((p) => samePair(p, pair));
  }

  /**
   * "Don't ask again" for requests to this URL's origin from `pageOrigin` (by default the page
   * the selected request's replay goes from, the one its confirmation showed).
   */
  function rememberConfirmation(url: string, pageOrigin: string | null = selectedPageOrigin()): void {
    const pair = pairOf(url, pageOrigin);
    if (!pair || confirmations.value.some((p) => samePair(p, pair))) return;
    confirmations.value = [...confirmations.value, pair];
    saveReplayConfirmations(confirmations.value).catch(() => {
      // Storage unavailable: remembered for this panel only.
    });
  }

  function isRefresh(request: HttpRequest): boolean {
    return isRefreshRequest(request, refreshSettings.value);
  }

  /** Marks (true) or unmarks (false) a request as a token refresh, for this site from now on. */
  function markRefresh(request: HttpRequest, refresh: boolean): Promise<void> {
    return updateRefreshSettings(withRefreshMark(refreshSettings.value, request, refresh));
  }

  /** The newest `Authorization` value a request sent after `after` (a rotated token), if any. */
  function newestAuthorization(after: HttpRequest): string | undefined {
    let newest: HttpRequest | undefined;
    for (const r of recording.recording.requests.values()) {
      const value = r.requestHeaders.authorization ?? r.requestHeaders.Authorization;
      if (value && r.startTime > after.startTime && (!newest || r.startTime > newest.startTime)) newest = r;
    }
    return newest && (newest.requestHeaders.authorization ?? newest.requestHeaders.Authorization);
  }

  /** Sends a replay the user confirmed. Never called but from a user's click. */
  function replay(request: ReplayRequest): void {
    if (recording.tabId === null) return;
    recording.send({ type: 'replay', tabId: recording.tabId, request });
  }

  return {
    policy,
    restricted,
    setAllOff,
    setChannelOff,
    replayConfirmed,
    rememberConfirmation,
    pageOriginFor,
    site,
    refreshSettings,
    refreshError,
    setRefreshPatterns,
    resetRefreshPatterns,
    isRefresh,
    markRefresh,
    newestAuthorization,
    replay,
  };
});
