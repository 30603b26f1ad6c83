/**
 * Per-site settings kept in the extension's own storage (never in the page's): the token-refresh
 * patterns and the user's marks, the filters (keyed by the inspected site's origin), and the
 * origins whose replay warning the user turned off. Only choices the first paint needs at once
 * (theme, language, pane sizes) live in localStorage instead.
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

// ---- replay confirmations (issue 5) -------------------------------------------------------------

const REPLAY_CONFIRMED_KEY = 'replay:confirmed-origins';
/** Where earlier versions kept the list (the panel's localStorage); moved on first read. */
const LEGACY_REPLAY_CONFIRMED_KEY = 'handshake:replay-confirmed-sites';

function originList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((x): x is string => typeof x === 'string').slice(0, 1000) : [];
}

/**
 * The origins where the user said "don't ask again" before a replay. A list left in localStorage
 * by an earlier version is merged in, saved here and removed there.
 */
export async function loadReplayConfirmedOrigins(): Promise<string[]> {
  const stored = originList((await browser.storage.local.get(REPLAY_CONFIRMED_KEY))[REPLAY_CONFIRMED_KEY]);
  let legacy: string[] = [];
  try {
    legacy = originList(JSON.parse(globalThis.localStorage?.getItem(LEGACY_REPLAY_CONFIRMED_KEY) ?? '[]'));
  } catch {
    // Unreadable or blocked: nothing to move.
  }
  if (legacy.length === 0) return stored;
  const merged = [...new Set([...stored, ...legacy])];
  await saveReplayConfirmedOrigins(merged);
  try {
    globalThis.localStorage?.removeItem(LEGACY_REPLAY_CONFIRMED_KEY);
  } catch {
    // Left behind: harmless, it is merged again next time.
  }
  return merged;
}

/** Saves the origins whose replay warning is off. */
export async function saveReplayConfirmedOrigins(origins: readonly string[]): Promise<void> {
  await browser.storage.local.set({ [REPLAY_CONFIRMED_KEY]: [...origins] });
}
