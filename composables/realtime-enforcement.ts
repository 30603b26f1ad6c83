/**
 * Where this build enforces "real-time off" (issue 15). Chrome's build holds no
 * declarativeNetRequest — while an extension holds it, Chromium routes every request of every page
 * through its web-request proxy — so only the probe refuses channels, in the page's own window;
 * Firefox's build keeps network rules as well (`recorder/network-block.ts`).
 */
import { browser } from 'wxt/browser';

/** True when only the page-side probe enforces the switch (no network rules in this build). */
export function realtimeEnforcedInPageOnly(): boolean {
  try {
    return !(browser.runtime.getManifest().permissions ?? []).includes('declarativeNetRequest');
  } catch {
    return false; // no manifest to read (component tests): nothing to say
  }
}
