/**
 * DevTools look and feel in the built panel: the manual theme override (settings menu) changes
 * the palette and survives a reload; the timeline | details splitter resizes by keyboard and
 * keeps its size.
 */
import { expect, test } from './support/fixtures';

test('the settings menu switches the theme and the panel repaints', async ({ context, demo, openPanel }) => {
  const page = await context.newPage();
  await page.goto(demo.url('buggy'));
  const panel = await openPanel(page);
  const root = panel.page.locator('html');
  const background = () => panel.page.evaluate(() => getComputedStyle(document.body).backgroundColor);

  // Headless Chromium prefers light; Auto follows it outside DevTools.
  await expect(root).toHaveAttribute('data-theme', 'light');
  await expect.poll(background).toBe('rgb(255, 255, 255)');

  await panel.page.getByRole('button', { name: 'Settings' }).click();
  await panel.page.getByRole('radio', { name: 'Dark' }).check();
  await expect(root).toHaveAttribute('data-theme', 'dark');
  await expect.poll(background).toBe('rgb(40, 40, 40)');
  await panel.page.keyboard.press('Escape');
  await expect(panel.page.getByRole('dialog', { name: 'Settings' })).toBeHidden();
  await expect(panel.page.getByRole('button', { name: 'Settings' })).toBeFocused();

  // The choice is kept: a new panel opens dark.
  await panel.page.reload();
  await expect(root).toHaveAttribute('data-theme', 'dark');
  await expect.poll(background).toBe('rgb(40, 40, 40)');

  await panel.page.getByRole('button', { name: 'Settings' }).click();
  await panel.page.getByRole('radio', { name: 'Auto (follow DevTools)' }).check();
  await expect(root).toHaveAttribute('data-theme', 'light');
  await expect.poll(background).toBe('rgb(255, 255, 255)');
});

test('the timeline | details splitter resizes by keyboard and keeps its size', async ({
  context,
  demo,
  openPanel,
}) => {
  const page = await context.newPage();
  await page.goto(demo.url('buggy'));
  const panel = await openPanel(page);
  await panel.page.setViewportSize({ width: 1000, height: 700 });
  const splitter = panel.page.getByRole('separator', { name: 'Resize timeline and details' });
  const timelineWidth = () => panel.page.locator('.split > .timeline').evaluate((el) => el.clientWidth);

  await expect(splitter).toHaveAttribute('aria-valuenow', '50');
  const before = await timelineWidth();
  await splitter.focus();
  await panel.page.keyboard.press('Shift+ArrowRight');
  await expect(splitter).toHaveAttribute('aria-valuenow', '60');
  await expect.poll(timelineWidth).toBeGreaterThan(before + 50);

  await panel.page.reload();
  await expect(splitter).toHaveAttribute('aria-valuenow', '60');

  // Dragging: the pane ends where the pointer is (30% of the 1000px-wide split).
  const box = await splitter.boundingBox();
  if (!box) throw new Error('the splitter is not laid out');
  await panel.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await panel.page.mouse.down();
  await panel.page.mouse.move(300, box.y + box.height / 2, { steps: 4 });
  await panel.page.mouse.up();
  await expect(splitter).toHaveAttribute('aria-valuenow', '30');
  await expect.poll(timelineWidth).toBe(300);
});
