// The DevTools page: registers the Handshake panel for the inspected tab. The panel reads the
// tab id from chrome.devtools.inspectedWindow itself.
browser.devtools.panels.create('Handshake', '/icon/32.png', '/panel.html');
