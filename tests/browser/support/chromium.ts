/**
 * How the tests find and start Chromium: scripts/browsers.mjs, shared with `npm start` —
 * `CHROMIUM_PATH`, the usual places on Linux, macOS and Windows, then Playwright's own browser.
 * `npm run test:browser` installs one first when there is none (`node scripts/browsers.mjs chromium`).
 */
import { findChromium } from '../../../scripts/browsers.mjs';

export function chromiumPath(): string | undefined {
  return findChromium();
}

/** Flags that keep Chromium quiet on a closed network (ENGINEERING.md). */
export const QUIET_FLAGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-default-apps',
];

export function extensionFlags(extensionDir: string): string[] {
  // Without --disable-extensions-except no service worker appears: Playwright adds --disable-extensions.
  return [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`];
}
