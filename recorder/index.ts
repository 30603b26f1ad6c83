/**
 * The recorder in the background: a registry of tab recordings and the two port hops into it.
 * Privileged actions (attach, reload) start only from panel messages — pages reach us only
 * through the bridge, whose messages can add events to a recording and nothing else.
 */
import { browser, type Browser } from 'wxt/browser';
import {
  BRIDGE_PORT,
  DEVTOOLS_PORT,
  PANEL_PORT,
  type BridgeToRecorder,
  type PanelToRecorder,
  type RecorderToPanel,
} from '../core/protocol';
import { parseBridgeToRecorder, parseDevtoolsToRecorder, parsePanelToRecorder } from '../core/guards';
import { includeTab, releaseTab, setCaptureFromLoad, startInjection } from './injection';
import { watchKeepEverything } from './memory-bound';
import { RealtimeRuleError, isRestricted } from './realtime-policy';
import { forgetClosedTab, removeStaleLogs } from './stale-logs';
import { TabRecording } from './tab-recording';

const recordings = new Map<number, Promise<TabRecording>>();
/** Start-up cleaning (`stale-logs.ts`): every restore waits for it, so none reads a stale row. */
let cleaned: Promise<void> = Promise.resolve();

function recordingFor(tabId: number): Promise<TabRecording> {
  let rec = recordings.get(tabId);
  if (!rec) {
    rec = cleaned.then(() => TabRecording.restore(tabId, { reloadTab: (id) => browser.tabs.reload(id) }));
    recordings.set(tabId, rec);
  }
  return rec;
}

function onBridge(port: Browser.runtime.Port): void {
  const tabId = port.sender?.tab?.id;
  // Only top-level documents of real tabs have a bridge.
  if (tabId === undefined || port.sender?.frameId !== 0) return port.disconnect();
  const ready = recordingFor(tabId).then((rec) => {
    rec.setBridge(port);
    return rec;
  });
  port.onMessage.addListener(async (raw: unknown) => {
    const msg: BridgeToRecorder | undefined = parseBridgeToRecorder(raw);
    if (!msg) return; // the bridge is ours; a shape we don't know is a bug, not page input
    const rec = await ready;
    if (msg.type === 'events') rec.addPageEvents(msg.events, msg.overflow);
    else rec.addRejected(msg.count, msg.reason);
  });
}

function onPanel(port: Browser.runtime.Port): void {
  // Panels are extension pages; a content script (page-reachable) must never drive the recorder.
  if (port.sender?.tab !== undefined && !port.sender.url?.startsWith(browser.runtime.getURL('/'))) {
    return port.disconnect();
  }
  port.onMessage.addListener(async (raw: unknown) => {
    const msg: PanelToRecorder | undefined = parsePanelToRecorder(raw);
    if (!msg) return;
    try {
      const rec = await recordingFor(msg.tabId);
      switch (msg.type) {
        case 'subscribe':
          return rec.addPanel(port, msg.fromSeq);
        case 'start':
          // The probe and bridge first: "Record and reload" must find them registered.
          await includeTab(msg.tabId, !msg.reload);
          return await rec.start(msg.reload);
        case 'stop':
          await rec.stop();
          return await probeStays(rec);
        case 'clear':
          return await rec.clear();
        case 'realtime':
          await rec.setRealtime(msg.policy);
          return await probeStays(rec);
        case 'replay':
          return await rec.replay(msg.request);
        case 'captureFromLoad':
          return await setCaptureFromLoad(msg.origin, msg.on);
      }
    } catch (err) {
      const reply: RecorderToPanel = {
        type: 'error',
        tabId: msg.tabId,
        message: err instanceof Error ? err.message : String(err),
        // The panel words a refused rule update in its own language.
        ...(err instanceof RealtimeRuleError ? { code: err.code, reason: err.reason } : {}),
      };
      port.postMessage(reply);
    }
  });
}

/**
 * The probe stays in a tab's pages while the tab records, or keeps real-time switched off (the
 * probe enforces the page half); otherwise its origins may be unregistered (`injection.ts`).
 */
function probeStays(rec: TabRecording): Promise<void> {
  if (rec.recording) return Promise.resolve();
  return isRestricted(rec.status().realtime) ? includeTab(rec.tabId, true) : releaseTab(rec.tabId);
}

/** Whether a port comes from one of our extension pages (panel, devtools page), not a content script. */
function fromExtensionPage(port: Browser.runtime.Port): boolean {
  return (
    port.sender?.tab === undefined || (port.sender.url?.startsWith(browser.runtime.getURL('/')) ?? false)
  );
}

/** The devtools page's feed of HAR entries (browsers without `chrome.debugger`: docs/firefox.md). */
function onDevtools(port: Browser.runtime.Port): void {
  if (!fromExtensionPage(port)) return port.disconnect();
  port.onMessage.addListener(async (raw: unknown) => {
    const msg = parseDevtoolsToRecorder(raw);
    if (msg) (await recordingFor(msg.tabId)).addHarEntries(msg.entries);
  });
}

/**
 * A panel's one-off command with an answer (`runtime.sendMessage`): "Capture from page load" for an
 * origin. Content scripts can send such messages too, so only our extension pages are heard.
 */
function onPanelRequest(raw: unknown, sender: Browser.runtime.MessageSender): Promise<unknown> | undefined {
  if (sender.id !== browser.runtime.id) return undefined;
  if (sender.tab !== undefined && !sender.url?.startsWith(browser.runtime.getURL('/'))) return undefined;
  const msg = parsePanelToRecorder(raw);
  if (msg?.type !== 'captureFromLoad') return undefined;
  return setCaptureFromLoad(msg.origin, msg.on).then(
    () => ({ ok: true }),
    (err: unknown) => ({ ok: false, message: err instanceof Error ? err.message : String(err) }),
  );
}

/** Wires the recorder's listeners. Call synchronously at the top of the background's main(). */
export function startRecorder(): void {
  // A failed cleaning leaves stale rows, as before it existed: the recorder must still start.
  cleaned = removeStaleLogs().catch((err: unknown) =>
    console.warn('Handshake: start-up cleaning failed', err),
  );
  watchKeepEverything();
  startInjection();
  browser.runtime.onConnect.addListener((port) => {
    if (port.name === BRIDGE_PORT) onBridge(port);
    else if (port.name === PANEL_PORT) onPanel(port);
    else if (port.name === DEVTOOLS_PORT) onDevtools(port);
  });
  browser.runtime.onMessage.addListener(onPanelRequest);
  browser.tabs.onRemoved.addListener((tabId) => {
    const rec = recordings.get(tabId);
    recordings.delete(tabId);
    if (rec) void rec.then((r) => r.dispose());
    else void cleaned.then(() => forgetClosedTab(tabId));
  });
}
