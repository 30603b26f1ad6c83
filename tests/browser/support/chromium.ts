/**
 * How the tests find and start Chromium here: `CHROMIUM_PATH`, else Debian's /usr/bin/chromium,
 * else Playwright's own browser when one is installed (a developer laptop).
 */
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

export function chromiumPath(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  for (const c of candidates) if (c && existsSync(c)) return c;
  try {
    const own = chromium.executablePath();
    if (existsSync(own)) return own;
  } catch {
    // no bundled browser
  }
  return undefined;
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
