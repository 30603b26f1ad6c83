#!/usr/bin/env node
// Finds the browsers `npm start` and the tests drive, and gets one when none is found, so that
// `npm install && npm start` / `npm test` are the whole set-up. Used by scripts/start.mjs, the
// test support (tests/browser/support/chromium.ts, tests/firefox/) and, as a command, by the
// npm scripts before the browser suites:
//
//   node scripts/browsers.mjs chromium firefox    find each, install what is missing
//
// Chromium only, never branded Google Chrome: Chrome 137+ ignores `--load-extension` (seen here:
// /work/shared/ENGINEERING.md, "Facts seen 2026-12-05"), so the extension would silently not load.
// Chromium and Chrome for Testing still take the flag.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from '@playwright/test';

/** Where each browser usually lives, per platform; `env` gives the Windows folders. */
function chromiumCandidates(platform, env) {
  const home = homedir();
  const cft = cftCandidates(platform, home);
  if (platform === 'darwin')
    return [
      '/Applications/Chromium.app/Contents/MacOS/Chromium',
      join(home, 'Applications/Chromium.app/Contents/MacOS/Chromium'),
      '/Applications/Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing',
      join(home, 'Applications/Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing'),
      ...cft,
    ];
  if (platform === 'win32')
    return [
      ...[env.LOCALAPPDATA, env.PROGRAMFILES, env['PROGRAMFILES(X86)']]
        .filter(Boolean)
        .map((dir) => join(dir, 'Chromium', 'Application', 'chrome.exe')),
      ...cft,
    ];
  return [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/lib/chromium/chromium',
    '/snap/bin/chromium',
    '/var/lib/flatpak/exports/bin/org.chromium.Chromium',
    ...cft,
  ];
}

/** Chrome for Testing as `npx @puppeteer/browsers install chrome@stable` leaves it. */
function cftCandidates(platform, home) {
  const root = join(home, '.cache', 'puppeteer', 'chrome');
  if (!existsSync(root)) return [];
  const inner = {
    darwin: ['chrome-mac-arm64', 'chrome-mac-x64'].map((d) =>
      join(d, 'Google Chrome for Testing.app', 'Contents', 'MacOS', 'Google Chrome for Testing'),
    ),
    win32: [join('chrome-win64', 'chrome.exe'), join('chrome-win32', 'chrome.exe')],
  }[platform] ?? [join('chrome-linux64', 'chrome')];
  const out = [];
  for (const version of readdirSync(root).sort().reverse())
    for (const i of inner) out.push(join(root, version, i));
  return out;
}

function firefoxCandidates(platform, env) {
  if (platform === 'darwin') return ['/Applications/Firefox.app/Contents/MacOS/firefox'];
  if (platform === 'win32')
    return [env.PROGRAMFILES, env['PROGRAMFILES(X86)']]
      .filter(Boolean)
      .map((dir) => join(dir, 'Mozilla Firefox', 'firefox.exe'));
  return [
    '/usr/bin/firefox-esr',
    '/usr/bin/firefox',
    '/usr/lib/firefox-esr/firefox-esr',
    '/snap/bin/firefox',
  ];
}

/** Playwright's own Chromium, when `npx playwright install chromium` has put it there. */
function playwrightChromium() {
  try {
    const path = chromium.executablePath();
    return existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The Chromium to drive: `CHROMIUM_PATH` first, then the usual places on Linux, macOS and
 * Windows, then Playwright's download. Undefined when there is none.
 */
export function findChromium({ env = process.env, platform = process.platform } = {}) {
  if (env.CHROMIUM_PATH) return existsSync(env.CHROMIUM_PATH) ? env.CHROMIUM_PATH : undefined;
  return chromiumCandidates(platform, env).find((p) => existsSync(p)) ?? playwrightChromium();
}

/** The Firefox to drive: `FIREFOX_PATH` first, then the usual places. Undefined when none. */
export function findFirefox({ env = process.env, platform = process.platform } = {}) {
  if (env.FIREFOX_PATH) return existsSync(env.FIREFOX_PATH) ? env.FIREFOX_PATH : undefined;
  return firefoxCandidates(platform, env).find((p) => existsSync(p));
}

/** Root on Debian or Ubuntu with apt-get: the distribution's own package is the one to use. */
function canUseApt() {
  return (
    process.platform === 'linux' &&
    process.getuid?.() === 0 &&
    existsSync('/etc/debian_version') &&
    spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status === 0
  );
}

function say(text) {
  process.stderr.write(`\u001b[2m›\u001b[0m ${text}\n`);
}

/** Runs a command with its output shown (apt-get and Playwright print their own progress). */
function run(command, args, env = process.env) {
  say(`${command} ${args.join(' ')}`);
  return spawnSync(command, args, { stdio: 'inherit', env }).status === 0;
}

let aptUpdated = false;
function aptInstall(pkg) {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  if (!aptUpdated) aptUpdated = run('apt-get', ['update'], env);
  return aptUpdated && run('apt-get', ['install', '-y', pkg], env);
}

/**
 * Chromium's path, installed first when none is found: Debian's `chromium` when running as root
 * on Debian or Ubuntu, otherwise Playwright's own download (`npx playwright install chromium`).
 * Throws with a sentence saying what to do when neither worked.
 */
export async function ensureChromium() {
  const found = findChromium();
  if (found) return found;
  if (process.env.CHROMIUM_PATH)
    throw new Error(`CHROMIUM_PATH is set to ${process.env.CHROMIUM_PATH}, which does not exist.`);
  if (canUseApt()) {
    say('No Chromium found: installing Debian’s chromium package…');
    if (aptInstall('chromium')) return findChromium() ?? fail('chromium');
  }
  say('No Chromium found: downloading Playwright’s Chromium (about 170 MB)…');
  if (run(process.platform === 'win32' ? 'npx.cmd' : 'npx', ['playwright', 'install', 'chromium']))
    return findChromium() ?? fail('chromium');
  return fail('chromium');
}

/**
 * Firefox's path, installed first when none is found (Debian's `firefox-esr` as root on Debian
 * or Ubuntu). Elsewhere there is no download that fits: Playwright's Firefox is a patched build
 * without the add-on support the tests need. Throws with a sentence saying what to do.
 */
export async function ensureFirefox() {
  const found = findFirefox();
  if (found) return found;
  if (process.env.FIREFOX_PATH)
    throw new Error(`FIREFOX_PATH is set to ${process.env.FIREFOX_PATH}, which does not exist.`);
  if (canUseApt()) {
    say('No Firefox found: installing Debian’s firefox-esr package…');
    if (aptInstall('firefox-esr')) return findFirefox() ?? fail('firefox');
  }
  return fail('firefox');
}

function fail(browser) {
  const how =
    browser === 'chromium'
      ? 'Install Chromium (Debian/Ubuntu: sudo apt-get install chromium; macOS: brew install --cask chromium) ' +
        'or run `npx playwright install chromium` with internet access, or set CHROMIUM_PATH to a Chromium ' +
        'or Chrome for Testing binary (branded Google Chrome cannot load the extension from the command line).'
      : 'Install Firefox 140 or later (Debian/Ubuntu: sudo apt-get install firefox-esr) or set FIREFOX_PATH ' +
        'to its binary.';
  throw new Error(
    `No ${browser === 'chromium' ? 'Chromium' : 'Firefox'} could be found or installed. ${how}`,
  );
}

// As a command: `node scripts/browsers.mjs chromium firefox` finds or installs each one.
if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  try {
    for (const name of process.argv.slice(2)) {
      const path = name === 'firefox' ? await ensureFirefox() : await ensureChromium();
      say(`${name === 'firefox' ? 'Firefox' : 'Chromium'}: ${path}`);
    }
  } catch (err) {
    process.stderr.write(`${err.message}\n`);
    process.exit(1);
  }
}
