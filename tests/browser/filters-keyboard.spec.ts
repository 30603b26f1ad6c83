/**
 * Filters, keyboard and the row context menu (issue 8) in the built extension: the filter
 * language narrows the timeline and is kept per site, the row menu copies a redacted cURL
 * command, and the shortcuts record, stop, clear, search and step through findings.
 */
import { expect, test } from './support/fixtures';

test('filters, row context menu and shortcuts on the buggy demo', async ({
  context,
  demo,
  serviceWorker,
  openPanel,
}) => {
  const page = await context.newPage();
  await page.goto(demo.url('buggy'));
  const panel = await openPanel(page);
  const p = panel.page;
  await p.bringToFront();
  await panel.recordAndReload();
  const refresh = panel.timelineRows('request').filter({ hasText: 'token/refresh' });
  await expect(refresh.first()).toBeVisible();
  await expect(panel.finding('cors/header-not-allowed')).toBeVisible();

  // Ctrl+F focuses the filter; properties narrow the timeline to the failed refresh.
  const filter = p.getByTestId('timeline-filter');
  await p.getByRole('listbox', { name: 'Timeline' }).focus();
  await p.keyboard.press('Control+f');
  await expect(filter).toBeFocused();
  await filter.fill('finding:cors/header-not-allowed method:POST');
  await expect(refresh.first()).toBeVisible();
  await expect
    .poll(async () =>
      (await panel.timelineRows().allTextContents()).every((t) => t.includes('token/refresh')),
    )
    .toBe(true);
  await filter.fill('-domain:*.invalid status-code:abc');
  await expect(p.getByTestId('filter-problems')).toContainText('status-code:abc');
  await expect(panel.timelineRows('channel').or(panel.timelineRows('request')).first()).toBeVisible();

  // The filter is kept for the site: it is back after the panel reloads.
  await filter.fill('method:POST');
  await expect
    .poll(async () =>
      serviceWorker.evaluate(async () => {
        const all = await chrome.storage.local.get(null);
        return Object.entries(all).find(([k]) => k.endsWith(':filters'))?.[1] as
          { timeline?: string } | undefined;
      }),
    )
    .toMatchObject({ timeline: 'method:POST' });
  await p.reload();
  await expect(filter).toHaveValue('method:POST');
  await expect(refresh.first()).toBeVisible();

  // Right click: the row menu; "Copy as cURL" copies a command with the token redacted.
  // Headless Chromium cannot grant clipboard permissions to an extension origin, so the copy is
  // captured at `navigator.clipboard.writeText`.
  await p.evaluate(() => {
    const copied: string[] = [];
    Object.assign(window, { copied });
    Object.defineProperty(navigator.clipboard, 'writeText', {
      value: async (text: string) => void copied.push(text),
    });
  });
  await refresh.first().click({ button: 'right' });
  const menu = p.getByRole('menu', { name: 'Row actions' });
  await expect(menu).toBeVisible();
  await expect(menu.getByRole('menuitem').first()).toBeFocused();
  await menu.getByRole('menuitem', { name: 'Copy as cURL', exact: true }).click();
  await expect(menu).toHaveCount(0);
  await expect(p.getByTestId('row-menu-notice')).toHaveText('Copied the cURL command.');
  const curl = await p.evaluate(() => (window as unknown as { copied: string[] }).copied.join('\n'));
  expect(curl).toMatch(/^curl '.*token\/refresh\/'/);
  expect(curl).toContain("-H 'authorization: Token [redacted:authorization#1]'");

  // From the keyboard: Shift+F10 opens it on the selected row, arrows move, Escape closes.
  const list = p.getByRole('listbox', { name: 'Timeline' });
  await list.focus();
  await p.keyboard.press('Shift+F10');
  await expect(menu).toBeVisible();
  await p.keyboard.press('ArrowDown');
  await expect(menu.getByRole('menuitem', { name: 'Copy URL (with secrets)' })).toBeFocused();
  await p.keyboard.press('Escape');
  await expect(menu).toHaveCount(0);
  await expect(list).toBeFocused();

  // F8: the next finding opens, focused, with its evidence selected.
  await p.keyboard.press('F8');
  await expect(p.locator('.finding-summary[aria-expanded="true"]')).toHaveCount(1);
  await expect(p.locator('.finding-summary[aria-expanded="true"]')).toBeFocused();

  // Ctrl+E stops and starts recording; Ctrl+L clears.
  const state = p.getByTestId('recording-state');
  await p.keyboard.press('Control+e');
  await expect(state).toHaveText('Not recording');
  await p.keyboard.press('Control+e');
  await expect(state).toHaveText('Recording');
  await filter.fill('');
  await p.keyboard.press('Control+l');
  await expect(panel.timelineRows()).toHaveCount(0);
});

test('frames filter on the fixed demo: text and direction, kept per site', async ({
  context,
  demo,
  serviceWorker,
  openPanel,
}) => {
  const page = await context.newPage();
  await page.goto(demo.url('fixed'));
  const panel = await openPanel(page);
  await panel.recordAndReload();
  await panel.timelineRows('channel').first().click();
  const rows = panel.details.getByTestId('frame-row');
  await expect(rows.first()).toBeVisible();

  await panel.details.getByTestId('frames-text').fill('widget.update');
  await expect(panel.details.getByTestId('frames-count')).toContainText(/^\d+ of \d+ frames$/);
  await expect
    .poll(async () => (await rows.allTextContents()).every((t) => t.includes('widget.update')))
    .toBe(true);

  await panel.details.getByTestId('frames-direction').selectOption('send');
  // The demo's server pushes updates; none of them is sent by the page.
  await expect(panel.details.getByTestId('frames-empty')).toContainText('set the direction to All');

  await expect
    .poll(async () =>
      serviceWorker.evaluate(async () => {
        const all = await chrome.storage.local.get(null);
        return Object.entries(all).find(([k]) => k.endsWith(':filters'))?.[1] as
          { frames?: unknown } | undefined;
      }),
    )
    .toMatchObject({ frames: { direction: 'send', text: 'widget.update' } });
  await panel.page.reload();
  await panel.timelineRows('channel').first().click();
  await expect(panel.details.getByTestId('frames-direction')).toHaveValue('send');
  await expect(panel.details.getByTestId('frames-text')).toHaveValue('widget.update');
});
