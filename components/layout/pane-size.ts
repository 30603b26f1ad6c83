/**
 * A pane's size in percent of its container, kept in the extension origin's localStorage so a
 * resized layout survives closing DevTools. Values outside [min, max] or unreadable storage fall
 * back to the default: a broken value must never hide a pane.
 */
import { ref, watch, type Ref } from 'vue';

const PREFIX = 'handshake.pane.';

export interface PaneBounds {
  min: number;
  max: number;
}

/** Keeps `value` within the bounds, rounded to a tenth of a percent. */
export function clampSize(value: number, bounds: PaneBounds): number {
  const clamped = Math.min(bounds.max, Math.max(bounds.min, value));
  return Math.round(clamped * 10) / 10;
}

function storageOf(): Pick<Storage, 'getItem' | 'setItem'> | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}

/** A persisted pane size: reads `handshake.pane.<name>` once, writes it on every change. */
export function usePaneSize(
  name: string,
  fallback: number,
  bounds: PaneBounds,
  storage = storageOf(),
): Ref<number> {
  let initial = fallback;
  try {
    const stored = Number(storage?.getItem(PREFIX + name) ?? Number.NaN);
    if (Number.isFinite(stored) && stored >= bounds.min && stored <= bounds.max) initial = stored;
  } catch {
    // Storage blocked: the default layout.
  }
  const size = ref(initial);
  watch(size, (value) => {
    try {
      storage?.setItem(PREFIX + name, String(value));
    } catch {
      // Not persisted; the size still holds until the panel closes.
    }
  });
  return size;
}
