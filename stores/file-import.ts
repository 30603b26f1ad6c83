/**
 * Opening a file (picked, dropped, or from the library) in the panel, read-only: the import's
 * progress and its failure message live here; the events go to the recording store.
 */
import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { HarImportProgress } from '~/core/har';
import { readHarFile } from '~/composables/har-file';
import { useLibraryStore, type SavedRecording } from './library';
import { useRecordingStore } from './recording';

export const useFileImportStore = defineStore('file-import', () => {
  const recording = useRecordingStore();
  const library = useLibraryStore();
  const progress = ref<HarImportProgress | null>(null);
  const busy = ref(false);
  /** Why the last file could not be opened, in plain words. */
  const error = ref<string | null>(null);

  async function importFile(file: File): Promise<void> {
    busy.value = true;
    error.value = null;
    progress.value = null;
    try {
      const result = await readHarFile(file, (p) => (progress.value = p));
      recording.openFile(
        {
          name: file.name,
          skipped: result.skipped,
          warnings: result.warnings,
          creator: [result.creator.name, result.creator.version].filter(Boolean).join(' '),
        },
        result.events,
      );
    } catch (err) {
      error.value = `${file.name}: ${err instanceof Error ? err.message : String(err)}`;
    } finally {
      busy.value = false;
      progress.value = null;
    }
  }

  async function openSaved(item: SavedRecording): Promise<void> {
    const events = await library.load(item.id);
    if (!events) return;
    recording.openFile({ name: item.name, skipped: [], warnings: [], creator: 'Handshake library' }, events);
  }

  function dismissError(): void {
    error.value = null;
  }

  return { progress, busy, error, importFile, openSaved, dismissError };
});
