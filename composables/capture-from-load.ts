/**
 * "Capture from page load" for the inspected tab's site, seen from a panel (issue 15). The list of
 * opted-in origins is the recorder's (`storage.local[CAPTURE_FROM_LOAD_KEY]`, written only by
 * `recorder/injection.ts`); the panel reads it, follows its changes and asks the recorder to change
 * it with a `captureFromLoad` command. Where the manifest lists the probe (Firefox) it runs in every
 * page from its first script: the switch shows as always on there.
 */
import { computed, onBeforeUnmount, ref, watch, type ComputedRef, type Ref } from 'vue';
import { browser } from 'wxt/browser';
import { CAPTURE_FROM_LOAD_KEY, captureOrigin, captureOrigins } from '~/core/capture-from-load';
import type { PanelToRecorder } from '~/core/protocol';

/** What the switch can be: unknown yet, on an http(s) site, on another page, or always on. */
export type CaptureFromLoadState =
  | { kind: 'unknown' }
  | { kind: 'site'; origin: string; on: boolean }
  | { kind: 'unsupported'; url: string }
  | { kind: 'always' };

export interface CaptureFromLoad {
  state: ComputedRef<CaptureFromLoadState>;
  /** A change sent and not answered yet (the switch is disabled meanwhile). */
  busy: Ref<boolean>;
  /** The recorder's refusal of the last change, if any. */
  error: Ref<string | undefined>;
  /** Grows after every change sent: a key that redraws the switch from the stored state. */
  revision: Ref<number>;
  set(on: boolean): Promise<void>;
}

/** Whether the manifest lists the content scripts (then they run in every page anyway). */
function manifestScripts(): boolean {
  try {
    return (browser.runtime.getManifest().content_scripts?.length ?? 0) > 0;
  } catch {
    return false;
  }
}

/** The switch for the tab `tabId()` (undefined or null: no tab, nothing shown). */
export function useCaptureFromLoad(tabId: () => number | null | undefined): CaptureFromLoad {
  const always = manifestScripts();
  const url = ref<string | undefined>(undefined);
  const sites = ref<string[]>([]);
  const busy = ref(false);
  const error = ref<string | undefined>(undefined);
  const revision = ref(0);

  watch(
    tabId,
    (id) => {
      url.value = undefined;
      if (typeof id !== 'number') return;
      browser.tabs
        .get(id)
        .then((tab) => {
          if (tabId() === id) url.value = tab.url ?? '';
        })
        .catch(() => undefined);
    },
    { immediate: true },
  );
  const onUpdated = (id: number, info: { url?: string }) => {
    if (id === tabId() && info.url !== undefined) url.value = info.url;
  };
  browser.tabs.onUpdated.addListener(onUpdated);

  browser.storage.local
    .get(CAPTURE_FROM_LOAD_KEY)
    .then((got) => (sites.value = captureOrigins(got[CAPTURE_FROM_LOAD_KEY])))
    .catch(() => undefined);
  const follow = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && CAPTURE_FROM_LOAD_KEY in changes)
      sites.value = captureOrigins(changes[CAPTURE_FROM_LOAD_KEY].newValue);
  };
  browser.storage.onChanged.addListener(follow);
  onBeforeUnmount(() => {
    browser.storage.onChanged.removeListener(follow);
    browser.tabs.onUpdated.removeListener(onUpdated);
  });

  const state = computed<CaptureFromLoadState>(() => {
    if (always) return { kind: 'always' };
    if (url.value === undefined) return { kind: 'unknown' };
    const origin = captureOrigin(url.value);
    if (origin === undefined) return { kind: 'unsupported', url: url.value };
    return { kind: 'site', origin, on: sites.value.includes(origin) };
  });

  async function set(on: boolean): Promise<void> {
    const id = tabId();
    const current = state.value;
    if (typeof id !== 'number' || current.kind !== 'site' || busy.value) return;
    const message: PanelToRecorder = { type: 'captureFromLoad', tabId: id, origin: current.origin, on };
    busy.value = true;
    error.value = undefined;
    try {
      const reply = (await browser.runtime.sendMessage(message)) as
        { ok?: boolean; message?: string } | undefined;
      if (reply?.ok !== true) error.value = reply?.message ?? 'no answer';
    } catch (err) {
      error.value = err instanceof Error ? err.message : String(err);
    } finally {
      busy.value = false;
      // The stored list decides what the switch shows; a refused change leaves it as it was.
      revision.value++;
    }
  }

  return { state, busy, error, revision, set };
}
