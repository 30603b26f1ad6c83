// The probe's wiring: MAIN world, before the page's first script, in every page.
// All behaviour lives in probe/ (which imports nothing from the extension).
import { installProbe } from '../probe';

export default defineContentScript({
  matches: ['<all_urls>'],
  world: 'MAIN',
  runAt: 'document_start',
  // WXT otherwise emits `var probe = (function(){…})()`: in the MAIN world that is a
  // non-deletable `window.probe` the page could see. `false` makes the IIFE anonymous.
  globalName: false,
  main() {
    installProbe(window);
  },
});
