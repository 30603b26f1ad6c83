/**
 * The README's pictures: the built extension records the demo (buggy and fixed variants) and
 * the panel is photographed at 1280×800. `npm run screenshots` writes them into docs/images/ (what
 * the README shows); a plain test run writes them under test-results/ so that running the
 * tests never leaves the work tree changed. Times are masked and `npm run screenshots` fixes the
 * demo's ports, so re-running only changes the findings pictures when the panel's look does (the
 * frames table's live payloads and the time axis's positions still vary a little).
 * Each picture is taken only once the panel shows what the caption promises.
 */
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import type { PanelPage } from './support/panel-page';

const IMAGES = resolve(process.env.SCREENSHOTS_DIR ?? 'test-results/screenshots');
const VIEWPORT = { width: 1280, height: 800 };

async function useTheme(panel: PanelPage, theme: 'Light' | 'Dark'): Promise<void> {
  await panel.page.getByRole('button', { name: 'Settings' }).click();
  await panel.page.getByRole('radio', { name: theme }).check();
  await panel.page.keyboard.press('Escape');
  await expect(panel.page.locator('html')).toHaveAttribute('data-theme', theme.toLowerCase());
}

/** Writes <IMAGES>/<name>.png with times masked, and checks it is a real picture. */
async function picture(page: Page, name: string): Promise<void> {
  const dark = (await page.locator('html').getAttribute('data-theme')) === 'dark';
  const path = `${IMAGES}/${name}.png`;
  // The focus ring and caret would otherwise land in the picture wherever the last click was.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.mouse.move(VIEWPORT.width - 1, VIEWPORT.height - 1);
  await page.screenshot({
    path,
    animations: 'disabled',
    caret: 'hide',
    mask: [page.locator('.timeline-row .time'), page.locator('[data-testid="frame-row"] td:nth-child(2)')],
    maskColor: dark ? '#454545' : '#e8eaed',
  });
  expect(statSync(path).size).toBeGreaterThan(20_000);
}

async function recordBuggy(panel: PanelPage): Promise<void> {
  await panel.recordAndReload();
  await expect(panel.finding('cors/header-not-allowed')).toBeVisible();
  await expect(panel.finding('auth/context-missing')).toBeVisible();
  await expect(panel.timelineRows('request').filter({ hasText: 'token/refresh' }).first()).toBeVisible();
}

test.describe('screenshots for the README', () => {
  test('buggy variant: the findings expanded, light and dark; the time axis', async ({
    context,
    demo,
    openPanel,
  }) => {
    const page = await context.newPage();
    await page.goto(demo.url('buggy'));
    const panel = await openPanel(page);
    await panel.page.setViewportSize(VIEWPORT);
    await useTheme(panel, 'Light');
    await recordBuggy(panel);

    const cors = panel.finding('cors/header-not-allowed');
    await cors.getByRole('button').first().click();
    await expect(cors).toContainText(/Access-Control-Allow-Headers/);
    await panel.timelineRows('request').filter({ hasText: 'token/refresh' }).first().click();
    await expect(panel.details).toContainText('HeaderDisallowedByPreflightResponse');
    await picture(panel.page, 'panel-light');

    await useTheme(panel, 'Dark');
    await expect(cors).toContainText(/Access-Control-Allow-Headers/);
    await picture(panel.page, 'panel-dark');

    await useTheme(panel, 'Light');
    await cors.getByRole('button').first().click(); // collapsed: the axis gets the room
    await panel.page.getByRole('button', { name: 'Time axis' }).click();
    await expect(panel.page.getByRole('region', { name: 'Time axis' })).toBeVisible();
    await expect(panel.finding('auth/context-missing')).toBeVisible();
    await picture(panel.page, 'time-axis');

    // The same panel in Russian: controls and the findings' own words.
    await panel.page.getByRole('button', { name: 'List', exact: true }).click();
    await panel.page.getByRole('button', { name: 'Settings' }).click();
    await panel.page.getByRole('radio', { name: 'Русский' }).check();
    await panel.page.keyboard.press('Escape');
    await expect(panel.page.locator('html')).toHaveAttribute('lang', 'ru');
    await cors.getByRole('button').first().click();
    await expect(cors).toContainText(/Access-Control-Allow-Headers/);
    await expect(cors).toContainText(/заголов/i);
    await picture(panel.page, 'panel-ru');
  });

  test('fixed variant: no findings, the channel and its frames', async ({ context, demo, openPanel }) => {
    const page = await context.newPage();
    await page.goto(demo.url('fixed'));
    const panel = await openPanel(page);
    await panel.page.setViewportSize(VIEWPORT);
    await useTheme(panel, 'Light');
    await panel.recordAndReload();

    const channel = panel.timelineRows('channel').first();
    await expect(channel).toBeVisible();
    await channel.click();
    await expect.poll(() => panel.details.getByTestId('frame-row').count()).toBeGreaterThan(3);
    await expect(panel.details).toContainText('widget.update');
    await expect(panel.page.getByTestId('finding')).toHaveCount(0);
    await picture(panel.page, 'channel-frames');
  });
});
