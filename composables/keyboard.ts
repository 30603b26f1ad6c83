/**
 * The panel's keyboard shortcuts, as in DevTools: Ctrl/Cmd+E records or stops, Ctrl/Cmd+L
 * clears, Ctrl/Cmd+F focuses the filter, F8 / Shift+F8 go to the next / previous finding.
 * Listened for on the panel's window, so they work wherever focus is in the panel.
 */
import { onBeforeUnmount, onMounted } from 'vue';

export type PanelShortcut = 'record' | 'clear' | 'filter' | 'next-finding' | 'previous-finding';

/**
 * The shortcut `event` stands for, if any. Cmd on macOS and Ctrl elsewhere both count, as
 * DevTools accepts either; Alt or an extra Shift means another shortcut, so those are left alone.
 */
export function shortcutOf(
  event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>,
): PanelShortcut | null {
  if (event.key === 'F8' && !event.ctrlKey && !event.metaKey && !event.altKey)
    return event.shiftKey ? 'previous-finding' : 'next-finding';
  if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return null;
  switch (event.key.toLowerCase()) {
    case 'e':
      return 'record';
    case 'l':
      return 'clear';
    case 'f':
      return 'filter';
    default:
      return null;
  }
}

/**
 * Calls `handlers[shortcut]` for each shortcut pressed while the component is mounted. A
 * handler returning `false` lets the browser have the key (e.g. nothing to record).
 */
export function usePanelShortcuts(handlers: Record<PanelShortcut, () => boolean | void>): void {
  function onKeydown(event: KeyboardEvent): void {
    const shortcut = shortcutOf(event);
    if (!shortcut || event.defaultPrevented) return;
    if (handlers[shortcut]() !== false) event.preventDefault();
  }
  onMounted(() => window.addEventListener('keydown', onKeydown));
  onBeforeUnmount(() => window.removeEventListener('keydown', onKeydown));
}
