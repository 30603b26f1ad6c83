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

// See docs/architecture.md for what each context does and why each permission is asked for.
export default defineConfig({
  modules: ['@wxt-dev/module-vue', '@wxt-dev/webextension-polyfill'],
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
      'declarativeNetRequest',
      'scripting',
    ],
    // The toolbar badge says when real-time is switched off in a tab (issue 5).
    action: {},
    host_permissions: ['<all_urls>'],
    ...(browser === 'firefox' ? { browser_specific_settings: FIREFOX_SETTINGS } : {}),
  }),
});
