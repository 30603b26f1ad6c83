/**
 * The recorder's "Keep everything" setting, seen from a panel: `storage.local[KEEP_EVERYTHING_KEY]`
 * (`true` lifts the per-tab memory bound of `recorder/memory-bound.ts`; the recorder follows the
 * key). Global, not per site: the bound protects the browser, whatever the page. Undefined until
 * read, so the settings menu shows the switch only once its state is known.
 */
import { onBeforeUnmount, ref, type Ref } from 'vue';
import { browser } from 'wxt/browser';
import { KEEP_EVERYTHING_KEY } from '~/core/protocol';

export interface KeepEverything {
  /** The stored value; undefined until read, or when storage cannot be read. */
  on: Ref<boolean | undefined>;
  /** Stores a new value (the recorder follows it); a refused write puts the switch back. */
  set(on: boolean): Promise<void>;
}

/** Reads the setting, follows changes made in another panel, and writes the user's choice. */
export function useKeepEverything(): KeepEverything {
  const on = ref<boolean | undefined>(undefined);
  browser.storage.local
    .get(KEEP_EVERYTHING_KEY)
    .then((got) => (on.value = got[KEEP_EVERYTHING_KEY] === true))
    .catch(() => undefined);
  const follow = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && KEEP_EVERYTHING_KEY in changes)
      on.value = changes[KEEP_EVERYTHING_KEY].newValue === true;
  };
  browser.storage.onChanged.addListener(follow);
  onBeforeUnmount(() => browser.storage.onChanged.removeListener(follow));
  return {
    on,
    async set(value) {
      const before = on.value;
      on.value = value;
      try {
        await browser.storage.local.set({ [KEEP_EVERYTHING_KEY]: value });
      } catch {
        on.value = before;
      }
    },
  };
}
