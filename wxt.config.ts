import { defineConfig } from 'wxt';

// See docs/architecture.md for what each context does and why each permission is asked for.
export default defineConfig({
  modules: ['@wxt-dev/module-vue', '@wxt-dev/webextension-polyfill'],
  // Writes .wxt/eslint-auto-imports.mjs so ESLint knows WXT's auto-imported globals.
  imports: { eslintrc: { enabled: 9 } },
  manifest: {
    name: 'Handshake',
    description:
      'Records auth and real-time traffic (HTTP, CORS preflights, WebSocket, SSE) and explains why it broke.',
    permissions: ['debugger', 'storage', 'unlimitedStorage', 'declarativeNetRequest', 'scripting'],
    // The toolbar badge says when real-time is switched off in a tab (issue 5).
    action: {},
    host_permissions: ['<all_urls>'],
  },
});
