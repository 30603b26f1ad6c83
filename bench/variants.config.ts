// Variants of the extension for finding what an idle install costs a page (issue 15): the
// project's own config with one part left out, chosen by `HANDSHAKE_VARIANT`, written to
// `HANDSHAKE_BENCH_OUT`. `npm run build` never reads this file; `bench/idle-variants.mjs` does.
//
//   full             the extension as `npm run build` makes it
//   no-dnr           without the `declarativeNetRequest` permission
//   no-scripting     without the `scripting` permission
//   no-debugger      without the `debugger` permission
//   no-host          without `host_permissions: <all_urls>` (content scripts still match every page)
//   no-content       no content scripts at all (background, devtools page and panel only)
//   probe-only       the probe without the bridge
//   bridge-only      the bridge without the probe
//   static-content   the probe and bridge in every page's manifest (as `full` was before issue 15)
//   bare             no content scripts and no permissions at all
import { defineConfig } from 'wxt';
import base from '../wxt.config';

type Manifest = { permissions?: string[]; host_permissions?: string[]; content_scripts?: unknown[] };

const variant = process.env.HANDSHAKE_VARIANT ?? 'full';
const PROBE = {
  matches: ['<all_urls>'],
  run_at: 'document_start',
  world: 'MAIN',
  js: ['content-scripts/probe.js'],
};
const BRIDGE = { matches: ['<all_urls>'], run_at: 'document_start', js: ['content-scripts/bridge.js'] };
/** Every variant but `full` names its manifest content scripts itself (same files, same options). */
const contentScripts: Record<string, unknown[]> = {
  'no-content': [],
  bare: [],
  'probe-only': [PROBE],
  'bridge-only': [BRIDGE],
};
const dropPermissions: Record<string, string[]> = {
  'no-dnr': ['declarativeNetRequest'],
  'no-scripting': ['scripting'],
  'no-debugger': ['debugger'],
  bare: ['debugger', 'storage', 'unlimitedStorage', 'declarativeNetRequest', 'scripting'],
};

export default defineConfig({
  ...base,
  outDir: process.env.HANDSHAKE_BENCH_OUT ?? '.output/variants',
  hooks: {
    'build:manifestGenerated': (_wxt, generated) => {
      const manifest = generated as Manifest;
      const drop = dropPermissions[variant] ?? [];
      manifest.permissions = (manifest.permissions ?? []).filter((p) => !drop.includes(p));
      if (variant === 'no-host' || variant === 'bare') delete manifest.host_permissions;
      if (variant !== 'full') manifest.content_scripts = contentScripts[variant] ?? [PROBE, BRIDGE];
    },
  },
});
