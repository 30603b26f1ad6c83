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
 * knows; that registration (`SCRIPT_IDS`) lasts until the browser closes.
 *
 * "Capture from page load" (`core/capture-from-load.ts`): the origins the user opted in, kept in
 * `storage.local`, have a registration of their own (`SITE_SCRIPT_IDS`, `persistAcrossSessions`),
 * so their pages carry the probe from their first script, recorded or not, across browser
 * restarts. An origin is in one registration at most: the recording one leaves out opted-in
 * origins, and takes an origin back when the user opts out while a tab still records it.
 * Builds that list the scripts in their manifest (Firefox, MV2: docs/firefox.md) skip all of it.
 */
import { browser } from 'wxt/browser';
import {
  CAPTURE_FROM_LOAD_KEY,
  MAX_CAPTURE_ORIGINS,
  captureOrigin,
  captureOrigins,
} from '../core/capture-from-load';

export const PROBE_FILE = 'content-scripts/probe.js';
export const BRIDGE_FILE = 'content-scripts/bridge.js';
/** Ids of the scripts registered for recorded tabs (one pair, matching every origin they need). */
export const SCRIPT_IDS = ['handshake-probe', 'handshake-bridge'];
/** Ids of the scripts registered for the opted-in origins ("Capture from page load"). */
export const SITE_SCRIPT_IDS = ['handshake-probe-site', 'handshake-bridge-site'];
const KEY = 'inject:tabs';

type TabOrigins = Record<string, string[]>;
type Scripting = typeof chrome.scripting;
type Registered = chrome.scripting.RegisteredContentScript;

/** The match pattern of a page's origin (`http://127.0.0.1:8080/*`); undefined for other schemes. */
export function originPattern(url: string | undefined): string | undefined {
  const origin = captureOrigin(url);
  return origin === undefined ? undefined : `${origin}/*`;
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

async function loadSites(): Promise<string[]> {
  const got = await browser.storage.local.get(CAPTURE_FROM_LOAD_KEY);
  return captureOrigins(got[CAPTURE_FROM_LOAD_KEY]);
}

interface Pair {
  ids: string[];
  matches: string[];
  persist: boolean;
}

/** Makes one pair of scripts match exactly `matches` (none: unregistered); unchanged: untouched. */
async function registerPair(pair: Pair, existing: Registered[]): Promise<void> {
  const scripting = chrome.scripting;
  const { ids, matches, persist } = pair;
  if (matches.length === 0) {
    if (existing.length > 0) await scripting.unregisterContentScripts({ ids: existing.map((s) => s.id) });
    return;
  }
  const same = (s: Registered) =>
    s.persistAcrossSessions === persist && (s.matches ?? []).join(' ') === matches.join(' ');
  if (existing.length === ids.length && existing.every(same)) return;
  const common = {
    matches,
    runAt: 'document_start',
    allFrames: false,
    persistAcrossSessions: persist,
  } as const;
  const scripts: Registered[] = [
    { ...common, id: ids[0], js: [PROBE_FILE], world: 'MAIN' },
    { ...common, id: ids[1], js: [BRIDGE_FILE] },
  ];
  if (existing.length === ids.length) await scripting.updateContentScripts(scripts);
  else {
    if (existing.length > 0) await scripting.unregisterContentScripts({ ids: existing.map((s) => s.id) });
    await scripting.registerContentScripts(scripts);
  }
}

/**
 * Makes both registrations match what is needed: the opted-in origins (persistent) and the origins
 * recorded tabs need that are not opted in. The registration that gains an origin is updated
 * first, so an origin moving from one to the other is never matched by neither.
 */
async function register(tabs: TabOrigins, sites: string[]): Promise<void> {
  const sitePatterns = sites.map((origin) => `${origin}/*`);
  const recorded = [...new Set(Object.values(tabs).flat())].filter((p) => !sitePatterns.includes(p)).sort();
  const pairs: Pair[] = [
    { ids: SITE_SCRIPT_IDS, matches: sitePatterns, persist: true },
    { ids: SCRIPT_IDS, matches: recorded, persist: false },
  ];
  const existing = await chrome.scripting.getRegisteredContentScripts({
    ids: SCRIPT_IDS.concat(SITE_SCRIPT_IDS),
  });
  const mine = (pair: Pair) => existing.filter((s) => pair.ids.includes(s.id));
  const gains = (pair: Pair) => {
    const had = mine(pair)[0]?.matches ?? [];
    return pair.matches.some((p) => !had.includes(p));
  };
  if (!gains(pairs[0]) && gains(pairs[1])) pairs.reverse();
  for (const pair of pairs) await registerPair(pair, mine(pair));
}

async function change(edit: (tabs: TabOrigins) => boolean): Promise<void> {
  const tabs = await loadTabs();
  if (!edit(tabs)) return;
  await browser.storage.session.set({ [KEY]: tabs });
  await register(tabs, await loadSites());
}

/**
 * "Capture from page load" on `origin` (an exact http(s) origin) on or off, from a panel's command:
 * stored, then registered. A registration the browser refuses puts the stored list back. Where the
 * manifest lists the scripts (Firefox) they run everywhere anyway: only the list is kept.
 */
export function setCaptureFromLoad(origin: string, on: boolean): Promise<void> {
  if (captureOrigin(origin) !== origin) return Promise.reject(new Error(`Not an http(s) origin: ${origin}`));
  return serial(async () => {
    const before = await loadSites();
    const after = on ? [...new Set(before.concat(origin))].sort() : before.filter((o) => o !== origin);
    if (after.length > MAX_CAPTURE_ORIGINS)
      throw new Error(`At most ${MAX_CAPTURE_ORIGINS} sites capture from page load`);
    if (after.length !== before.length) await browser.storage.local.set({ [CAPTURE_FROM_LOAD_KEY]: after });
    if (!dynamicInjection()) return;
    try {
      await register(await loadTabs(), after);
    } catch (err) {
      await browser.storage.local.set({ [CAPTURE_FROM_LOAD_KEY]: before });
      await register(await loadTabs(), before).catch(() => undefined);
      throw err;
    }
  });
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
  void serial(async () => register(await loadTabs(), await loadSites())).catch((err: unknown) =>
    console.warn('Handshake: could not restore the probe registration', err),
  );
}
