import { browser } from 'wxt/browser';
import { startBridge } from '../bridge/relay';
import { BRIDGE_PORT } from '../core/protocol';

// ISOLATED world, before the page's first script, like the probe, so no early event is missed.
export default defineContentScript({
  matches: ['<all_urls>'],
  runAt: 'document_start',
  main() {
    startBridge(window, () => browser.runtime.connect({ name: BRIDGE_PORT }));
  },
});
