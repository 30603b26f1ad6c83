/**
 * Virtual scrolling for fixed-height rows: only the rows in view (plus a few either side) are in
 * the DOM, so a list of 1,000,000 rows costs what a list of 60 does. The scroller keeps its
 * full height through padding, so the scrollbar and keyboard paging behave as for a real list.
 */
import { computed, onBeforeUnmount, ref, watch, type Ref } from 'vue';

export interface RowRange {
  /** First rendered index. */
  start: number;
  /** One past the last rendered index. */
  end: number;
}

/** Used when the scroller has no layout (tests in happy-dom, a hidden panel). */
export const FALLBACK_VIEWPORT = 600;
const OVERSCAN = 8;

/** The rows to render for a scroll position. Pure: the component and tests share it. */
export function visibleRange(
  scrollTop: number,
  viewport: number,
  rowHeight: number,
  count: number,
): RowRange {
  const height = viewport > 0 ? viewport : FALLBACK_VIEWPORT;
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight);
  const start = Math.max(0, Math.min(count, first - OVERSCAN));
  const end = Math.min(count, first + Math.ceil(height / rowHeight) + OVERSCAN);
  return { start, end: Math.max(start, end) };
}

/** The scrollTop that brings row `index` into view, or undefined when it already is. */
export function scrollTopFor(
  index: number,
  scrollTop: number,
  viewport: number,
  rowHeight: number,
  headerHeight = 0,
): number | undefined {
  const top = index * rowHeight;
  const height = (viewport > 0 ? viewport : FALLBACK_VIEWPORT) - headerHeight;
  if (top < scrollTop) return top;
  if (top + rowHeight > scrollTop + height) return top + rowHeight - height;
  return undefined;
}

/**
 * Tracks a scroller's position and size; `range` follows them and `count`.
 * @param scroller The element with `overflow: auto`.
 * @param count How many rows the list has.
 * @param rowHeight Every row's height in px (set the same in CSS).
 */
export function useVirtualWindow(scroller: Ref<HTMLElement | null>, count: Ref<number>, rowHeight: number) {
  const scrollTop = ref(0);
  const viewport = ref(0);
  let observer: ResizeObserver | undefined;
  let frame = 0;

  const measure = () => {
    frame = 0;
    const el = scroller.value;
    if (!el) return;
    scrollTop.value = el.scrollTop;
    viewport.value = el.clientHeight;
  };
  // One update per animation frame: scroll events can fire faster than frames.
  const onScroll = () => {
    if (frame === 0) frame = typeof requestAnimationFrame === 'function' ? requestAnimationFrame(measure) : 0;
    if (frame === 0) measure();
  };

  // The scroller may appear later (v-if), or change: follow the ref.
  watch(
    scroller,
    (el, old) => {
      old?.removeEventListener('scroll', onScroll);
      observer?.disconnect();
      if (!el) return;
      measure();
      el.addEventListener('scroll', onScroll, { passive: true });
      if (typeof ResizeObserver === 'function') {
        observer = new ResizeObserver(measure);
        observer.observe(el);
      }
    },
    { immediate: true, flush: 'post' },
  );
  onBeforeUnmount(() => {
    scroller.value?.removeEventListener('scroll', onScroll);
    observer?.disconnect();
    if (frame !== 0) cancelAnimationFrame(frame);
  });

  const range = computed(() => visibleRange(scrollTop.value, viewport.value, rowHeight, count.value));

  /** Scrolls so that row `index` is visible (keyboard selection, evidence links). */
  function reveal(index: number, headerHeight = 0): void {
    const el = scroller.value;
    if (!el || index < 0) return;
    const next = scrollTopFor(index, el.scrollTop, el.clientHeight, rowHeight, headerHeight);
    if (next !== undefined) {
      el.scrollTop = next;
      measure();
    }
  }

  return { range, reveal, scrollTop, viewport };
}
