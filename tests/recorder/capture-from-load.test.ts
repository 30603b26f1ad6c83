/**
 * "Capture from page load" (issue 15): the opted-in origins in `storage.local` and the two
 * content-script registrations of `recorder/injection.ts`, with a fake `chrome.scripting` that
 * behaves like the browser's (ids unique, persistent scripts survive a browser restart, the rest
 * do not). WXT's fake browser gives storage and tabs.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { CAPTURE_FROM_LOAD_KEY, captureOrigins } from '../../core/capture-from-load';
import { parseBridgeToRecorder, parsePanelToRecorder } from '../../core/guards';
import {
  SCRIPT_IDS,
  SITE_SCRIPT_IDS,
  includeTab,
  releaseTab,
  setCaptureFromLoad,
  startInjection,
} from '../../recorder/injection';

type Script = chrome.scripting.RegisteredContentScript;

function fakeScripting() {
  let scripts: Script[] = [];
  let refuse = false;
  const executed: number[] = [];
  const check = () => {
    if (refuse) {
      refuse = false;
      throw new Error('refused');
    }
  };
  const api = {
    getRegisteredContentScripts: async ({ ids }: { ids?: string[] } = {}) =>
      scripts.filter((s) => !ids || ids.includes(s.id)).map((s) => ({ ...s })),
    registerContentScripts: async (add: Script[]) => {
      check();
      if (add.some((a) => scripts.some((s) => s.id === a.id))) throw new Error('Duplicate script ID');
      scripts = scripts.concat(add.map((s) => ({ ...s })));
    },
    updateContentScripts: async (update: Script[]) => {
      check();
      for (const u of update) {
        const i = scripts.findIndex((s) => s.id === u.id);
        if (i < 0) throw new Error(`No script with ID '${u.id}'`);
        scripts[i] = { ...scripts[i], ...u };
      }
    },
    unregisterContentScripts: async ({ ids }: { ids: string[] }) => {
      scripts = scripts.filter((s) => !ids.includes(s.id));
    },
    executeScript: async ({ target }: { target: { tabId: number } }) => {
      executed.push(target.tabId);
      return [];
    },
  };
  return {
    api,
    executed,
    refuseNext: () => (refuse = true),
    /** The origins a pair of ids matches (its probe and bridge must agree). */
    matches(ids: string[]): string[] {
      const pair = scripts.filter((s) => ids.includes(s.id));
      if (pair.length === 0) return [];
      expect(pair.map((s) => s.id).sort()).toEqual([...ids].sort());
      expect(pair[0].matches).toEqual(pair[1].matches);
      return pair[0].matches ?? [];
    },
    persistent: (id: string) => scripts.find((s) => s.id === id)?.persistAcrossSessions,
    /** What a browser restart keeps: persistent scripts only. */
    restartBrowser: () => (scripts = scripts.filter((s) => s.persistAcrossSessions)),
  };
}

const A = 'https://a.test';
const B = 'http://127.0.0.1:8080';
const stored = async () =>
  captureOrigins((await fakeBrowser.storage.local.get(CAPTURE_FROM_LOAD_KEY))[CAPTURE_FROM_LOAD_KEY]);
/** A new worker: the same storage and registrations, listeners wired again, then the restore. */
async function restartWorker(expectSites: string[], expectRecorded: string[]): Promise<void> {
  startInjection();
  await vi.waitFor(() => {
    expect(scripting.matches(SITE_SCRIPT_IDS)).toEqual(expectSites);
    expect(scripting.matches(SCRIPT_IDS)).toEqual(expectRecorded);
  });
}

let scripting: ReturnType<typeof fakeScripting>;
beforeEach(() => {
  fakeBrowser.reset();
  scripting = fakeScripting();
  vi.stubGlobal('chrome', { scripting: scripting.api });
  vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({
    manifest_version: 3,
    name: 'Handshake',
    version: '1',
  });
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('capture from page load', () => {
  it('registers the opted-in origins persistently, apart from the recording registration', async () => {
    await setCaptureFromLoad(A, true);
    await setCaptureFromLoad(B, true);
    expect(await stored()).toEqual([B, A].sort());
    expect(scripting.matches(SITE_SCRIPT_IDS)).toEqual([`${B}/*`, `${A}/*`].sort());
    expect(SITE_SCRIPT_IDS.map((id) => scripting.persistent(id))).toEqual([true, true]);
    expect(scripting.matches(SCRIPT_IDS)).toEqual([]);

    await setCaptureFromLoad(A, false);
    expect(await stored()).toEqual([B]);
    expect(scripting.matches(SITE_SCRIPT_IDS)).toEqual([`${B}/*`]);
    await setCaptureFromLoad(B, false);
    expect(await stored()).toEqual([]);
    expect(await scripting.api.getRegisteredContentScripts()).toEqual([]);
  });

  it('an origin is in one registration at most, and opting out keeps it while a tab records it', async () => {
    const tab = await fakeBrowser.tabs.create({ url: `${A}/app` });
    await includeTab(tab.id!, false);
    expect(scripting.matches(SCRIPT_IDS)).toEqual([`${A}/*`]);

    await setCaptureFromLoad(A, true);
    expect(scripting.matches(SITE_SCRIPT_IDS)).toEqual([`${A}/*`]);
    expect(scripting.matches(SCRIPT_IDS)).toEqual([]);

    // Opted out while still recorded: the recording registration takes it back.
    await setCaptureFromLoad(A, false);
    expect(scripting.matches(SITE_SCRIPT_IDS)).toEqual([]);
    expect(scripting.matches(SCRIPT_IDS)).toEqual([`${A}/*`]);

    // Opted in, then the recording stops: the site registration stays.
    await setCaptureFromLoad(A, true);
    await releaseTab(tab.id!);
    expect(scripting.matches(SITE_SCRIPT_IDS)).toEqual([`${A}/*`]);
    expect(scripting.matches(SCRIPT_IDS)).toEqual([]);
  });

  it('survives a worker restart and a browser restart; a lost registration is put back', async () => {
    const tab = await fakeBrowser.tabs.create({ url: `${B}/` });
    await includeTab(tab.id!, false);
    await setCaptureFromLoad(A, true);

    await scripting.api.unregisterContentScripts({ ids: SITE_SCRIPT_IDS }); // e.g. an update lost it
    await restartWorker([`${A}/*`], [`${B}/*`]);

    // The browser closes: session storage and the recording registration go, the site stays.
    scripting.restartBrowser();
    await fakeBrowser.storage.session.clear();
    await restartWorker([`${A}/*`], []);
    expect(await stored()).toEqual([A]);
  });

  it('a refused registration leaves the stored list as it was', async () => {
    await setCaptureFromLoad(A, true);
    scripting.refuseNext();
    await expect(setCaptureFromLoad(B, true)).rejects.toThrow('refused');
    expect(await stored()).toEqual([A]);
    expect(scripting.matches(SITE_SCRIPT_IDS)).toEqual([`${A}/*`]);
  });

  it('takes exact http(s) origins only', async () => {
    for (const bad of [`${A}/path`, 'file:///tmp', 'chrome://extensions', `${A}/*`])
      await expect(setCaptureFromLoad(bad, true)).rejects.toThrow('Not an http(s) origin');
    expect(await stored()).toEqual([]);
    // A stored list written by hand is cleaned when read.
    await fakeBrowser.storage.local.set({ [CAPTURE_FROM_LOAD_KEY]: [A, A, 'file:///x', 3, `${B}/`] });
    expect(await stored()).toEqual([A]);
  });

  it('only a panel command carries it: the bridge hop has no such message', () => {
    const command = { type: 'captureFromLoad', tabId: 3, origin: A, on: true };
    expect(parsePanelToRecorder(command)).toEqual(command);
    expect(parseBridgeToRecorder(command)).toBeUndefined();
  });

  it('where the manifest lists the scripts (Firefox), only the list is kept', async () => {
    vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({
      manifest_version: 2,
      name: 'Handshake',
      version: '1',
      content_scripts: [{ matches: ['<all_urls>'], js: ['content-scripts/probe.js'] }],
    });
    await setCaptureFromLoad(A, true);
    expect(await stored()).toEqual([A]);
    expect(await scripting.api.getRegisteredContentScripts()).toEqual([]);
  });
});
