/**
 * The export dialog's state: the redaction preview, the rules the user added, the one-time
 * "include secrets" opt-in, the format and the progress. Exports what the panel shows (the live
 * recording or an opened file), from the recording store's event log.
 */
import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import type { RecordedEvent } from '~/core/events';
import { previewRedaction, type HarExportProgress } from '~/core/har';
import type { RedactionManifest, UserRedactionRule } from '~/core/redact';
import { downloadBlob, exportBlob, exportFileName, type ExportFormat } from '~/composables/file-download';
import { saveReport as downloadReport } from '~/composables/report-file';
import { ruleProblem } from '~/components/export/rule-problem';
import { locale, useMessages } from '~/composables/i18n';
import { recordingSite } from './library';
import { useRecordingStore } from './recording';

export const useExportStore = defineStore('export', () => {
  const recording = useRecordingStore();
  const open = ref(false);
  /** Added by the user; kept for the panel's life (they describe the site, not one export). */
  const rules = ref<UserRedactionRule[]>([]);
  /** Never remembered: every export starts redacted, the opt-in is asked for each time. */
  const includeSecrets = ref(false);
  const keepJwtTimes = ref(false);
  /**
   * Suspects (removed for their looks alone) the user keeps in this export, by placeholder.
   * Cleared on every open and whenever the rules change (placeholders may be numbered anew).
   */
  const kept = ref<string[]>([]);
  const format = ref<ExportFormat>('har');
  const preview = shallowRef<RedactionManifest | null>(null);
  const progress = ref<HarExportProgress | null>(null);
  const busy = ref(false);
  const m = useMessages();
  /** Why the last export failed, as the browser said it; worded by `error`. */
  const failure = ref<string | null>(null);
  const error = computed(() =>
    failure.value === null ? null : m.value.exportDialog.failed({ error: failure.value }),
  );

  const events = (): readonly RecordedEvent[] => recording.events();
  const redaction = () => ({
    rules: [...rules.value],
    keepJwtTimes: keepJwtTimes.value,
    includeSecrets: includeSecrets.value,
    keep: [...kept.value],
  });

  function refreshPreview(): void {
    preview.value = previewRedaction(events(), {
      rules: [...rules.value],
      keepJwtTimes: keepJwtTimes.value,
      keep: [...kept.value],
    });
  }

  function show(): void {
    includeSecrets.value = false;
    failure.value = null;
    progress.value = null;
    kept.value = [];
    open.value = true;
    refreshPreview();
  }

  function close(): void {
    if (busy.value) return;
    open.value = false;
    includeSecrets.value = false;
  }

  /** Adds a rule; returns why it was refused, or null. */
  function addRule(rule: UserRedactionRule): string | null {
    const problem = ruleProblem(rule, locale.value);
    if (problem) return problem;
    rules.value = [...rules.value, rule];
    kept.value = [];
    refreshPreview();
    return null;
  }

  function removeRule(index: number): void {
    rules.value = rules.value.filter((_, i) => i !== index);
    kept.value = [];
    refreshPreview();
  }

  function setKeepJwtTimes(keep: boolean): void {
    keepJwtTimes.value = keep;
    kept.value = [];
    refreshPreview();
  }

  /** Keeps a suspect as captured in this export (or redacts it again), by its placeholder. */
  function keepSuspect(placeholder: string, keep: boolean): void {
    const others = kept.value.filter((p) => p !== placeholder);
    kept.value = keep ? [...others, placeholder] : others;
    refreshPreview();
  }

  /** Writes the file and offers it as a download. */
  async function run(): Promise<void> {
    if (busy.value) return;
    busy.value = true;
    failure.value = null;
    const list = events();
    try {
      const blob = await exportBlob(list, format.value, {
        redaction: redaction(),
        onProgress: (p) => (progress.value = p),
        // `_findings` in the file are written in the panel's language.
        locale: locale.value,
      });
      const site = recordingSite(list);
      downloadBlob(blob, exportFileName(site, list[0]?.time ?? Date.now(), format.value));
      open.value = false;
    } catch (err) {
      failure.value = err instanceof Error ? err.message : String(err);
    } finally {
      busy.value = false;
      includeSecrets.value = false;
    }
  }

  /**
   * "Save report": the HTML report of what is shown, redacted with the rules the user gave the
   * export (never with secrets: the opt-in is for one HAR export only).
   */
  function saveReport(): void {
    const list = events();
    const file = recording.openedFile;
    try {
      downloadReport(
        {
          recording: recording.recording,
          findings: recording.findings,
          file: {
            name: file?.name ?? recordingSite(list),
            creator: file?.creator,
            skipped: file?.skipped ?? [],
            warnings: file?.warnings ?? [],
          },
          locale: locale.value,
          writtenAt: Date.now(),
          redaction: { rules: [...rules.value], keepJwtTimes: keepJwtTimes.value },
        },
        recordingSite(list),
        list[0]?.time ?? Date.now(),
      );
    } catch (err) {
      failure.value = err instanceof Error ? err.message : String(err);
    }
  }

  return {
    saveReport,
    open,
    rules,
    includeSecrets,
    keepJwtTimes,
    format,
    preview,
    progress,
    busy,
    error,
    show,
    close,
    addRule,
    removeRule,
    setKeepJwtTimes,
    kept,
    keepSuspect,
    run,
  };
});
