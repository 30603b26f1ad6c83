/**
 * Opening a file (picked, dropped, or from the library) in the panel, read-only: the import's
 * progress and its failure message live here; the events go to the recording store.
 */
import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import { HarImportError, type HarImportProgress } from '~/core/har';
import { readHarFile } from '~/composables/har-file';
import { locale } from '~/composables/i18n';
import { useLibraryStore, type SavedRecording } from './library';
import { useRecordingStore } from './recording';

/**
 * The writer recorded for a recording opened from the library: data, which the import report
 * shows in the panel's language.
 */
// i18n: not UI (a stored value compared by the import report)
export const LIBRARY_CREATOR = 'Handshake library';

export const useFileImportStore = defineStore('file-import', () => {
  const recording = useRecordingStore();
  const library = useLibraryStore();
  const progress = ref<HarImportProgress | null>(null);
  const busy = ref(false);
  /** Why the last file could not be opened: the file's name and the failure, worded when read. */
  const failure = shallowRef<{ name: string; error: unknown } | null>(null);
  /** Why the last file could not be opened, in plain words, in the panel's language. */
  const error = computed(() => {
    const f = failure.value;
    if (!f) return null;
    const { error: err } = f;
    const message =
      err instanceof HarImportError
        ? err.localized(locale.value)
        : err instanceof Error
          ? err.message
          : String(err);
    return `${f.name}: ${message}`;
  });

  async function importFile(file: File): Promise<void> {
    busy.value = true;
    failure.value = null;
    progress.value = null;
    try {
      const result = await readHarFile(file, (p) => (progress.value = p), { locale: locale.value });
      recording.openFile(
        {
          name: file.name,
          skipped: result.skipped,
          warnings: result.warnings,
          notices: result.notices,
          creator: [result.creator.name, result.creator.version].filter(Boolean).join(' '),
        },
        result.events,
      );
    } catch (err) {
      failure.value = { name: file.name, error: err };
    } finally {
      busy.value = false;
      progress.value = null;
    }
  }

  async function openSaved(item: SavedRecording): Promise<void> {
    const events = await library.load(item.id);
    if (!events) return;
    recording.openFile({ name: item.name, skipped: [], warnings: [], creator: LIBRARY_CREATOR }, events);
  }

  function dismissError(): void {
    failure.value = null;
  }

  return { progress, busy, error, importFile, openSaved, dismissError };
});
