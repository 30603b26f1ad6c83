/**
 * Per-site settings kept in the extension's own storage (never in the page's): for now the
 * token-refresh patterns and the user's marks. Keyed by the inspected site's origin.
 */
import { browser } from 'wxt/browser';
import {
  refreshSettingsFromStored,
  refreshSettingsToStored,
  type RefreshSettings,
} from '~/core/refresh-detect';

const refreshKeyOf = (site: string) => `site:${site}:refresh`;

/** The site's refresh settings, or the defaults for a site nobody edited. */
export async function loadRefreshSettings(site: string): Promise<RefreshSettings> {
  const key = refreshKeyOf(site);
  const got = await browser.storage.local.get(key);
  return refreshSettingsFromStored(got[key]);
}

/** Saves the site's refresh settings. */
export async function saveRefreshSettings(site: string, settings: RefreshSettings): Promise<void> {
  await browser.storage.local.set({ [refreshKeyOf(site)]: refreshSettingsToStored(settings) });
}
