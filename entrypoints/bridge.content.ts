import { browser } from 'wxt/browser';
import { startBridge } from '../bridge/relay';
import { BRIDGE_PORT } from '../core/protocol';

/** Set in this extension's isolated world (the page cannot see it): one bridge per document. */
const STARTED = Symbol.for('handshake.bridge');

// ISOLATED world, before the page's first script, like the probe, so no early event is missed.
// Registered and injected with the probe (see probe.content.ts, recorder/injection.ts).
export default defineContentScript({
  matches: ['<all_urls>'],
  runAt: 'document_start',
  registration: { chrome: 'runtime', firefox: 'manifest' },
  // WXT would otherwise post a "content script started" window message the page can read.
  noScriptStartedPostMessage: true,
  main() {
    const world = globalThis as unknown as Record<symbol, boolean | undefined>;
    // Injected again into a document that has one (Record after a registered copy ran): one port only.
    if (world[STARTED]) return;
    world[STARTED] = true;
    startBridge(window, () => browser.runtime.connect({ name: BRIDGE_PORT }));
  },
});
