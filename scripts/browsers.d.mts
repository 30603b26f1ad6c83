/** Types of scripts/browsers.mjs: finding the browsers `npm start` and the tests drive. */
interface Where {
  env?: Record<string, string | undefined>;
  platform?: NodeJS.Platform;
}
/** `CHROMIUM_PATH`, the usual places on Linux, macOS and Windows, Playwright's download. */
export function findChromium(where?: Where): string | undefined;
/** `FIREFOX_PATH`, then the usual places. */
export function findFirefox(where?: Where): string | undefined;
/** Finds Chromium or installs it (apt-get as root on Debian, else Playwright's download); throws a sentence saying what to do. */
export function ensureChromium(): Promise<string>;
/** Finds Firefox or installs it (apt-get as root on Debian); throws a sentence saying what to do. */
export function ensureFirefox(): Promise<string>;
