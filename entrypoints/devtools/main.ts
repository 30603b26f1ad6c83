// The DevTools page: registers the Handshake panel for the inspected tab (the panel reads the
// tab id from devtools.inspectedWindow itself). Without chrome.debugger (Firefox) it also feeds
// finished requests' HAR entries to the recorder: docs/firefox.md.
import { DEVTOOLS_PORT } from '~/core/protocol';
import { startNetworkFeed } from '~/devtools/network-feed';

void browser.devtools.panels.create('Handshake', '/icon/32.png', '/panel.html');

// Chrome records the same requests, with more evidence, through chrome.debugger.
if (import.meta.env.FIREFOX) {
  const { network, inspectedWindow } = browser.devtools;
  startNetworkFeed({
    tabId: inspectedWindow.tabId,
    onRequestFinished(listener) {
      network.onRequestFinished.addListener(listener);
      return () => network.onRequestFinished.removeListener(listener);
    },
    connect: () => browser.runtime.connect({ name: DEVTOOLS_PORT }),
  });
}
