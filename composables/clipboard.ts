/**
 * Writes text to the clipboard. DevTools panels may deny the async Clipboard API (no focus,
 * or a permissions policy); then a selected textarea and execCommand, which extension pages
 * still allow. Used by the fix snippets' Copy button and the rows' context menu.
 */
/**
 * Both ways of copying were refused. Its message is English for logs; the UI says it in its
 * own words (`m.menu.copyRefused`) when it sees this class.
 */
export class CopyRefusedError extends Error {
  override name = 'CopyRefusedError';
  constructor() {
    // i18n: not UI (the error's developer message; the panel shows m.menu.copyRefused)
    super('The browser refused to copy.');
  }
}

export async function copyText(text: string): Promise<void> {
  try {
    if (navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text);
      return;
    }
  } catch {
    // Fall through to the textarea.
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.append(area);
  area.select();
  const ok = document.execCommand('copy');
  area.remove();
  if (!ok) throw new CopyRefusedError();
}
