// The probe's wiring: MAIN world, before the page's first script, in the pages being recorded.
// All behaviour lives in probe/ (which imports nothing from the extension).
import { installProbe } from '../probe';

export default defineContentScript({
  matches: ['<all_urls>'],
  world: 'MAIN',
  runAt: 'document_start',
  // Chromium: not in the manifest, so not in every page. The recorder registers it for the
  // origins of the tabs being recorded, or injects it into a tab now (recorder/injection.ts).
  // Firefox (MV2) keeps the manifest entry (docs/firefox.md).
  registration: { chrome: 'runtime', firefox: 'manifest' },
  // WXT otherwise emits `var probe = (function(){…})()`: in the MAIN world that is a
  // non-deletable `window.probe` the page could see. `false` makes the IIFE anonymous.
  globalName: false,
  main() {
    // A second copy (Record after the registered one ran) gets the first one's handle.
    installProbe(window);
  },
});
