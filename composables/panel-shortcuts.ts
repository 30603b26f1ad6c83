/**
 * What the panel's shortcuts (`keyboard.ts`) do: record or stop, clear, focus the filter, and
 * step through the findings (F8 / Shift+F8), each finding expanded, its first evidence
 * selected and its summary focused, as DevTools' "next error" does.
 */
import { nextTick } from 'vue';
import { useRecordingStore } from '~/stores/recording';
import { usePanelShortcuts } from './keyboard';

/**
 * @param options.focusFilter Focuses the timeline filter box.
 * @param options.readOnly True while a file is shown: record and clear do nothing then.
 */
export function usePanelKeyboard(options: { focusFilter: () => void; readOnly: () => boolean }): void {
  const store = useRecordingStore();

  function stepFinding(step: 1 | -1): boolean {
    const list = store.findings;
    if (list.length === 0) return false;
    const at = list.findIndex((f) => f.key === store.expandedFinding);
    const index = at < 0 ? (step === 1 ? 0 : list.length - 1) : (at + step + list.length) % list.length;
    const finding = list[index];
    if (store.expandedFinding !== finding.key) store.toggleFinding(finding.key);
    const evidence = finding.evidence.find((e) => e.type !== 'log');
    if (evidence) store.selectEvidence(evidence);
    void nextTick(() => document.querySelectorAll<HTMLElement>('.finding-summary')[index]?.focus());
    return true;
  }

  usePanelShortcuts({
    record: () => {
      if (options.readOnly() || !store.canAct) return false;
      if (store.isRecording) store.stop();
      else store.record();
    },
    clear: () => {
      if (options.readOnly() || store.tabId === null) return false;
      store.clear();
    },
    filter: () => options.focusFilter(),
    'next-finding': () => stepFinding(1),
    'previous-finding': () => stepFinding(-1),
  });
}
