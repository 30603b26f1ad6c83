import { defineConfig } from 'wxt';

/**
 * Firefox only: the add-on id (required to sign and for storage to persist), and what the add-on
 * collects: nothing leaves the browser. `data_collection_permissions` needs Firefox 140 (the
 * 2025 ESR; 142 on Android), which also has the MAIN-world content scripts the probe needs (128+).
 */
const FIREFOX_SETTINGS = {
  gecko: {
    id: 'handshake@handshake.dev',
    strict_min_version: '140.0',
    data_collection_permissions: { required: ['none'] },
  },
  gecko_android: { strict_min_version: '142.0' },
};

/**
 * `HANDSHAKE_FIREFOX_TEST=1` builds the variant `npm run test:firefox` loads, into
 * `.output/firefox-mv2-test/` so neither `npm run zip` nor `.output/firefox-mv2` ever holds it: the same add-on
 * plus `panel.html` as a web-accessible resource, because WebDriver BiDi will not navigate a tab to
 * a `moz-extension://` page and the test page has to link there itself (docs/firefox.md).
 */
const FIREFOX_TEST_BUILD = process.env.HANDSHAKE_FIREFOX_TEST === '1';

// See docs/architecture.md for what each context does and why each permission is asked for.
export default defineConfig({
  ...(FIREFOX_TEST_BUILD ? { outDirTemplate: '{{browser}}-mv{{manifestVersion}}-test' } : {}),
  modules: ['@wxt-dev/module-vue', '@wxt-dev/webextension-polyfill'],
  // `npm run zip`: the store packages, named from package.json (name and version), and for
  // addons.mozilla.org the sources a reviewer rebuilds them from (`npm ci && npm run
  // build:firefox`, README "Packaging"): WXT leaves out node_modules, hidden files and test files;
  // the demo, tests, benchmarks and docs are not part of the build either.
  zip: {
    excludeSources: [
      'tests/**',
      'demo/**',
      'bench/**',
      'docs/**',
      'recordings/**',
      'test-results/**',
      'playwright-report/**',
    ],
  },
  // Writes .wxt/eslint-auto-imports.mjs so ESLint knows WXT's auto-imported globals.
  imports: { eslintrc: { enabled: 9 } },
  // A function of the target browser: Firefox gets its add-on id and no `debugger` (docs/firefox.md).
  manifest: ({ browser }) => ({
    // English and Russian from public/_locales (the panel's own catalogs are core/i18n).
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: [
      ...(browser === 'firefox' ? [] : ['debugger']),
      'storage',
      'unlimitedStorage',
      // Chromium routes every request of every page through its web-request proxy while an
      // extension holds declarativeNetRequest, rules or not (issue 15): Chrome enforces "real-time
      // off" in the page (probe/realtime-policy.ts). Firefox keeps the network rules.
      ...(browser === 'firefox' ? ['declarativeNetRequest'] : []),
      'scripting',
    ],
    // The toolbar badge says when real-time is switched off in a tab (issue 5).
    action: {},
    host_permissions: ['<all_urls>'],
    ...(browser === 'firefox' ? { browser_specific_settings: FIREFOX_SETTINGS } : {}),
    ...(FIREFOX_TEST_BUILD ? { web_accessible_resources: ['panel.html'] } : {}),
  }),
});
