/**
 * Per-site settings kept in the extension's own storage (never in the page's): the token-refresh
 * patterns and the user's marks, the filters (keyed by the inspected site's origin), and the
 * (request origin, page origin) pairs whose replay warning the user turned off. Only choices
 * the first paint needs at once (theme, language, pane sizes) live in localStorage instead.
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

// ---- replay confirmations (issue 5, issue 14) ---------------------------------------------------

/**
 * "Don't ask again" for replays of requests to one origin sent from a page of another (or the
 * same) origin. Both count: the replay runs in the page the tab shows, with that page's cookies.
 */
export interface ReplayConfirmation {
  /** Origin of the requests replayed without asking. */
  requestOrigin: string;
  /** Origin of the page they are sent from. */
  pageOrigin: string;
}

const REPLAY_CONFIRMED_KEY = 'replay:confirmed-pairs';
/**
 * Where earlier versions kept confirmations keyed by the request's origin alone: in extension
 * storage, and before that in the panel's localStorage. Such an entry says nothing about the
 * page, so it is dropped (the user is asked again once), never read as a pair.
 */
const OLD_REPLAY_CONFIRMED_KEY = 'replay:confirmed-origins';
const LEGACY_REPLAY_CONFIRMED_KEY = 'handshake:replay-confirmed-sites';

function confirmationList(value: unknown): ReplayConfirmation[] {
  if (!Array.isArray(value)) return [];
  const out: ReplayConfirmation[] = [];
  for (const item of value.slice(0, 1000)) {
    const { requestOrigin, pageOrigin } = (item ?? {}) as Record<string, unknown>;
    if (typeof requestOrigin === 'string' && typeof pageOrigin === 'string')
      out.push({ requestOrigin, pageOrigin });
  }
  return out;
}

/** The (request origin, page origin) pairs whose replay warning the user turned off. */
export async function loadReplayConfirmations(): Promise<ReplayConfirmation[]> {
  const got = await browser.storage.local.get([REPLAY_CONFIRMED_KEY, OLD_REPLAY_CONFIRMED_KEY]);
  if (got[OLD_REPLAY_CONFIRMED_KEY] !== undefined)
    await browser.storage.local.remove(OLD_REPLAY_CONFIRMED_KEY);
  try {
    globalThis.localStorage?.removeItem(LEGACY_REPLAY_CONFIRMED_KEY);
  } catch {
    // Blocked: whatever is left there is never read.
  }
  return confirmationList(got[REPLAY_CONFIRMED_KEY]);
}

/** Saves the pairs whose replay warning is off. */
export async function saveReplayConfirmations(pairs: readonly ReplayConfirmation[]): Promise<void> {
  await browser.storage.local.set({ [REPLAY_CONFIRMED_KEY]: pairs.map((p) => ({ ...p })) });
}
