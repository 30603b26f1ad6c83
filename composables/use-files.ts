/**
 * What the panel's file features need from the stores, in one place, so the panel app only
 * wires them: export, import (picker and drop), the library, and the read-only view of a file.
 */
import { computed, ref } from 'vue';
import { useExportStore } from '~/stores/export';
import { useFileImportStore } from '~/stores/file-import';
import { useLibraryStore, type SavedRecording } from '~/stores/library';
import { useRecordingStore } from '~/stores/recording';
import { locale, useMessages } from './i18n';

export function useFiles() {
  const recording = useRecordingStore();
  const exporter = useExportStore();
  const importer = useFileImportStore();
  const library = useLibraryStore();
  /** The viewer (no tab) starts on the library; the DevTools panel opens it on demand. */
  const m = useMessages();
  const libraryOpen = ref(recording.tabId === null);
  const dragging = ref(false);
  const readOnly = computed(() => recording.openedFile !== null);
  const canExport = computed(() => (recording.version, recording.events().length > 0));

  if (libraryOpen.value) void library.refresh();

  function toggleLibrary(): void {
    libraryOpen.value = !libraryOpen.value;
    if (libraryOpen.value) void library.refresh();
  }

  function onDragOver(event: DragEvent): void {
    if (!event.dataTransfer?.types.includes('Files')) return;
    event.preventDefault();
    dragging.value = true;
  }

  function onDrop(event: DragEvent): void {
    dragging.value = false;
    const file = event.dataTransfer?.files[0];
    if (!file) return;
    event.preventDefault();
    void importer.importFile(file);
  }

  async function save(): Promise<void> {
    const date = new Date().toLocaleString(locale.value === 'en' ? undefined : locale.value);
    const name = recording.openedFile?.name ?? m.value.files.library.defaultName({ date });
    await library.save(name, recording.events());
    libraryOpen.value = true;
  }

  async function openSaved(item: SavedRecording): Promise<void> {
    await importer.openSaved(item);
  }

  async function exportSaved(item: SavedRecording): Promise<void> {
    await importer.openSaved(item);
    exporter.show();
  }

  return {
    recording,
    exporter,
    importer,
    library,
    libraryOpen,
    dragging,
    readOnly,
    canExport,
    toggleLibrary,
    onDragOver,
    onDrop,
    save,
    openSaved,
    exportSaved,
  };
}
