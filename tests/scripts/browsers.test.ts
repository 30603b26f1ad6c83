/**
 * scripts/browsers.mjs, the one place `npm start` and the tests find their browsers: the
 * environment variable first, the usual install folders per platform, Chrome for Testing where
 * `npx @puppeteer/browsers` leaves it, never branded Chrome; and a sentence, not a stack, when
 * nothing can be found or installed.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findChromium, findFirefox } from '../../scripts/browsers.mjs';

const HOME = process.env.HOME;
afterEach(() => {
  process.env.HOME = HOME;
});

/** Creates an empty file at `path` (and its folders); returns the path. */
function touch(path: string): string {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, '');
  return path;
}

describe('finding browsers', () => {
  it('takes CHROMIUM_PATH / FIREFOX_PATH first, and only when the file exists', () => {
    const dir = mkdtempSync(join(tmpdir(), 'handshake-browsers-'));
    const chromium = touch(join(dir, 'my-chromium'));
    expect(findChromium({ env: { CHROMIUM_PATH: chromium } })).toBe(chromium);
    expect(findChromium({ env: { CHROMIUM_PATH: join(dir, 'missing') } })).toBeUndefined();
    const firefox = touch(join(dir, 'my-firefox'));
    expect(findFirefox({ env: { FIREFOX_PATH: firefox } })).toBe(firefox);
    expect(findFirefox({ env: { FIREFOX_PATH: join(dir, 'missing') } })).toBeUndefined();
  });

  it('looks in the Windows install folders, and never at branded Chrome', () => {
    const local = mkdtempSync(join(tmpdir(), 'handshake-localappdata-'));
    touch(join(local, 'Google', 'Chrome', 'Application', 'chrome.exe'));
    process.env.HOME = local;
    expect(String(findChromium({ env: { LOCALAPPDATA: local }, platform: 'win32' }))).not.toContain('Google');
    const chromium = touch(join(local, 'Chromium', 'Application', 'chrome.exe'));
    expect(findChromium({ env: { LOCALAPPDATA: local }, platform: 'win32' })).toBe(chromium);
    const programs = mkdtempSync(join(tmpdir(), 'handshake-programfiles-'));
    const firefox = touch(join(programs, 'Mozilla Firefox', 'firefox.exe'));
    expect(findFirefox({ env: { PROGRAMFILES: programs }, platform: 'win32' })).toBe(firefox);
  });

  it('finds Chrome for Testing where @puppeteer/browsers installs it, newest first', () => {
    const home = mkdtempSync(join(tmpdir(), 'handshake-home-'));
    process.env.HOME = home;
    const root = join(home, '.cache', 'puppeteer', 'chrome');
    touch(join(root, 'win64-138.0.7204.0', 'chrome-win64', 'chrome.exe'));
    const newest = touch(join(root, 'win64-139.0.7258.154', 'chrome-win64', 'chrome.exe'));
    expect(findChromium({ env: {}, platform: 'win32' })).toBe(newest);
  });

  it('says what to do when a browser cannot be found or installed', () => {
    const run = spawnSync('node', ['scripts/browsers.mjs', 'chromium'], {
      encoding: 'utf8',
      env: { ...process.env, CHROMIUM_PATH: '/nonexistent/chromium' },
    });
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toBe('CHROMIUM_PATH is set to /nonexistent/chromium, which does not exist.');
    const found = spawnSync('node', ['scripts/browsers.mjs', 'firefox'], { encoding: 'utf8' });
    expect(found.status, found.stderr).toBe(0);
    expect(found.stderr).toMatch(/Firefox: .*firefox/);
  });
});
