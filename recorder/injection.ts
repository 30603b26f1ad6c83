/**
 * Where the probe and the bridge run (issue 15). They are not in every page: a page the user does
 * not record runs without them. While a tab records (or keeps real-time switched off, whose page
 * half the probe enforces), the origins it showed are registered with
 * `chrome.scripting.registerContentScripts` — probe in the MAIN world, bridge in the ISOLATED
 * world, `document_start`, top frame, like the manifest entries they replace — so "Record and
 * reload" registers first and then reloads, and the new document has both before its first
 * script. "Record" without a reload injects both into the tab's current document right away
 * (`executeScript`, `injectImmediately`); the probe and the bridge each refuse a second install.
 * When no tab of an origin needs them any more, the origin is unregistered.
 *
 * Which tabs need which origins lives in `storage.session` (`inject:tabs`), so a restarted worker
 * knows; the registration lasts until the browser closes (`persistAcrossSessions: false`).
 * Builds that list the scripts in their manifest (Firefox, MV2: docs/firefox.md) skip all of it.
 */
import { browser } from 'wxt/browser';

export const PROBE_FILE = 'content-scripts/probe.js';
export const BRIDGE_FILE = 'content-scripts/bridge.js';
/** Ids of the registered scripts (one pair, matching every origin that needs them). */
export const SCRIPT_IDS = ['handshake-probe', 'handshake-bridge'];
const KEY = 'inject:tabs';

type TabOrigins = Record<string, string[]>;
type Scripting = typeof chrome.scripting;

/** The match pattern of a page's origin (`http://127.0.0.1:8080/*`); undefined for other schemes. */
export function originPattern(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const { protocol, origin } = new URL(url);
    return protocol === 'http:' || protocol === 'https:' ? `${origin}/*` : undefined;
  } catch {
    return undefined;
  }
}

/** True when the scripts are registered at run time (not listed in the manifest) and can be. */
export function dynamicInjection(): boolean {
  const scripting = globalThis.chrome?.scripting as Scripting | undefined;
  if (typeof scripting?.registerContentScripts !== 'function') return false;
  try {
    return !(browser.runtime.getManifest().content_scripts?.length ?? 0);
  } catch {
    return false; // no manifest to read (unit tests' fake browser): nothing to register
  }
}

/** Updates are read-modify-write of one stored map and one registration: one at a time. */
let queue: Promise<unknown> = Promise.resolve();
function serial<T>(run: () => Promise<T>): Promise<T> {
  const next = queue.then(run);
  queue = next.catch(() => undefined);
  return next;
}

async function loadTabs(): Promise<TabOrigins> {
  const got = await browser.storage.session.get(KEY);
  return (got[KEY] as TabOrigins | undefined) ?? {};
}

/** Makes the registration match exactly the origins some tab needs (none: unregistered). */
async function register(tabs: TabOrigins): Promise<void> {
  const matches = [...new Set(Object.values(tabs).flat())].sort();
  const scripting = chrome.scripting;
  const existing = await scripting.getRegisteredContentScripts({ ids: SCRIPT_IDS });
  if (matches.length === 0) {
    if (existing.length > 0) await scripting.unregisterContentScripts({ ids: existing.map((s) => s.id) });
    return;
  }
  const common = {
    matches,
    runAt: 'document_start',
    allFrames: false,
    persistAcrossSessions: false,
  } as const;
  const scripts: chrome.scripting.RegisteredContentScript[] = [
    { ...common, id: SCRIPT_IDS[0], js: [PROBE_FILE], world: 'MAIN' },
    { ...common, id: SCRIPT_IDS[1], js: [BRIDGE_FILE] },
  ];
  if (existing.length === SCRIPT_IDS.length) await scripting.updateContentScripts(scripts);
  else {
    if (existing.length > 0) await scripting.unregisterContentScripts({ ids: existing.map((s) => s.id) });
    await scripting.registerContentScripts(scripts);
  }
}

async function change(edit: (tabs: TabOrigins) => boolean): Promise<void> {
  const tabs = await loadTabs();
  if (!edit(tabs)) return;
  await browser.storage.session.set({ [KEY]: tabs });
  await register(tabs);
}

/**
 * Installs the probe, then the bridge, in the tab's current top document now. Each refuses a
 * second copy, so this is safe where they already run. A page we may not script (the web store,
 * a browser page) is left alone: CDP still records it.
 */
export async function injectNow(tabId: number): Promise<void> {
  const target = { tabId, frameIds: [0] };
  try {
    await chrome.scripting.executeScript({
      target,
      files: [PROBE_FILE],
      world: 'MAIN',
      injectImmediately: true,
    });
    await chrome.scripting.executeScript({ target, files: [BRIDGE_FILE], injectImmediately: true });
  } catch (err) {
    console.warn(`Handshake: could not install the probe in tab ${tabId}`, err);
  }
}

/**
 * The tab is about to record (or to switch real-time off): its origin gets the scripts from its
 * next document on; `now` also installs them in the current document (Record without reload).
 */
export function includeTab(tabId: number, now: boolean): Promise<void> {
  if (!dynamicInjection()) return Promise.resolve();
  return serial(async () => {
    const tab = await browser.tabs.get(tabId).catch(() => undefined);
    const pattern = originPattern(tab?.url);
    if (pattern)
      await change((tabs) => {
        const list = (tabs[tabId] ??= []);
        if (list.includes(pattern)) return false;
        list.push(pattern);
        return true;
      });
    if (now && pattern) await injectNow(tabId);
  });
}

/** The tab no longer records (and has real-time on, or is closed): its origins may go. */
export function releaseTab(tabId: number): Promise<void> {
  if (!dynamicInjection()) return Promise.resolve();
  return serial(() =>
    change((tabs) => {
      if (!(tabId in tabs)) return false;
      delete tabs[tabId];
      return true;
    }),
  );
}

/**
 * A tab that needs the scripts showed a new URL. A new origin is added for its later documents,
 * and this document gets them now (best effort: it has started already, CDP covers the gap).
 */
function followTab(tabId: number, url: string): Promise<void> {
  return serial(async () => {
    const pattern = originPattern(url);
    let added = false;
    await change((tabs) => {
      const list = tabs[tabId];
      if (!list || !pattern || list.includes(pattern)) return false;
      list.push(pattern);
      return (added = true);
    });
    if (added) await injectNow(tabId);
  });
}

/**
 * Wires the listeners (synchronously, from `startRecorder`) and puts the registration back in
 * line with the stored map, in case a worker died between the two.
 */
export function startInjection(): void {
  if (!dynamicInjection()) return;
  browser.tabs.onRemoved.addListener((tabId) => void releaseTab(tabId));
  browser.tabs.onUpdated.addListener((tabId, info) => {
    if (info.url) void followTab(tabId, info.url);
  });
  void serial(async () => register(await loadTabs())).catch((err: unknown) =>
    console.warn('Handshake: could not restore the probe registration', err),
  );
}
