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
import { frameFilterFromStored, type FrameFilter } from '~/core/filter/frames';

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

// ---- filters (issue 8) -------------------------------------------------------------------------

/** The filters the panel had on a site, restored when the panel opens on it again. */
export interface SiteFilters {
  /** The timeline's filter text (`core/filter/parse.ts`). */
  timeline: string;
  /** The channel details' frames filter (`core/filter/frames.ts`). */
  frames: FrameFilter;
}

const filtersKeyOf = (site: string) => `site:${site}:filters`;

/** The site's saved filters; anything unreadable in storage counts as "no filter". */
export async function loadSiteFilters(site: string): Promise<SiteFilters> {
  const key = filtersKeyOf(site);
  const stored: unknown = (await browser.storage.local.get(key))[key];
  const { timeline, frames } = (stored ?? {}) as { timeline?: unknown; frames?: unknown };
  return {
    timeline: typeof timeline === 'string' ? timeline.slice(0, 2000) : '',
    frames: frameFilterFromStored(frames),
  };
}

/** Saves the site's filters. */
export async function saveSiteFilters(site: string, filters: SiteFilters): Promise<void> {
  await browser.storage.local.set({ [filtersKeyOf(site)]: filters });
}
