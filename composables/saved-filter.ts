/**
 * Keeps the filters per site (`site-settings.ts`): the timeline's filter text and the frames
 * filter. When the inspected site changes its saved filters are restored; edits are saved
 * (debounced, so storage is not written per keystroke). A storage failure leaves the filters
 * working for this panel only.
 */
import { ref, watch, type Ref } from 'vue';
import { DEFAULT_FRAME_FILTER, type FrameFilter } from '~/core/filter/frames';
import type { FrameFilterState } from '~/components/filter/frame-filter-state';
import { loadSiteFilters, saveSiteFilters } from './site-settings';

const SAVE_DELAY_MS = 400;

/**
 * @param site The inspected site (an origin), null before the first page load is seen.
 * @param query The timeline's filter text.
 * @returns The frames filter, to provide to channel details.
 */
export function useSavedFilters(site: Readonly<Ref<string | null>>, query: Ref<string>): FrameFilterState {
  const frames = ref<FrameFilter>({ ...DEFAULT_FRAME_FILTER });
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** The site whose filters are shown: a restore must not be saved back as an edit. */
  let loadedFor: string | null = null;

  watch(
    site,
    async (next) => {
      loadedFor = null;
      if (!next) return;
      try {
        const saved = await loadSiteFilters(next);
        if (site.value !== next) return;
        // A filter typed before the site was known wins over the stored one.
        if (query.value === '') query.value = saved.timeline;
        frames.value = saved.frames;
      } catch {
        // Storage unavailable (a page opened outside the extension): nothing to restore.
      }
      loadedFor = next;
    },
    { immediate: true },
  );

  watch([query, frames], () => {
    const target = loadedFor;
    if (!target) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      saveSiteFilters(target, { timeline: query.value, frames: { ...frames.value } }).catch(() => {
        // Kept for this panel only; a lost preference is not worth an alert.
      });
    }, SAVE_DELAY_MS);
  });

  return { filter: frames, set: (change) => (frames.value = { ...frames.value, ...change }) };
}
