/**
 * Which tab the panel shows. Inside DevTools it is the inspected tab; opened as an ordinary
 * extension page (pop-out, browser tests) it comes from `?tabId=<id>`. There, `chrome.devtools`
 * is undefined, so nothing here assumes it.
 */

/** The slice of `chrome.devtools` the panel reads (tab id and theme). */
export interface DevtoolsLike {
  inspectedWindow?: { tabId?: number };
  panels?: { themeName?: string };
}

/** `chrome.devtools` when the panel runs inside DevTools, else undefined. */
export function getDevtools(): DevtoolsLike | undefined {
  // `chrome` itself is undefined in Firefox pages without the polyfill and in unit tests.
  const chromeGlobal = (globalThis as { chrome?: { devtools?: DevtoolsLike } }).chrome;
  return chromeGlobal?.devtools;
}

/**
 * Resolves the tab id, preferring DevTools' inspected tab over the `tabId` query parameter.
 * Returns null when neither gives a non-negative integer.
 */
export function resolveTabId(search: string, devtools: DevtoolsLike | undefined): number | null {
  const inspected = devtools?.inspectedWindow?.tabId;
  if (typeof inspected === 'number' && Number.isInteger(inspected) && inspected >= 0) {
    return inspected;
  }
  const raw = new URLSearchParams(search).get('tabId');
  if (raw === null || !/^\d{1,10}$/.test(raw)) return null;
  return Number(raw);
}
