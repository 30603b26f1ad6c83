/**
 * Two languages in the built panel: the settings menu switches theme and language together and
 * the panel — its controls and the findings' own words — follows at once and after a reload;
 * a browser whose language is Russian opens the panel in Russian without being asked.
 */
import { expect, test } from './support/fixtures';

const CYRILLIC = /[а-яё]/i;

test('the settings menu switches theme and language, and the panel and its findings follow', async ({
  context,
  demo,
  openPanel,
}) => {
  const page = await context.newPage();
  await page.goto(demo.url('buggy'));
  const panel = await openPanel(page);
  const ui = panel.page;
  const root = ui.locator('html');
  await panel.recordAndReload();

  const cors = panel.finding('cors/header-not-allowed');
  const auth = panel.finding('auth/context-missing');
  await expect(cors).toContainText('authorization');
  await expect(auth).toContainText('Auth context not provided');
  await expect(root).toHaveAttribute('lang', 'en');
  const englishCors = await cors.innerText();

  await ui.getByRole('button', { name: 'Settings' }).click();
  await ui.getByRole('radio', { name: 'Dark' }).check();
  await ui.getByRole('radio', { name: 'Русский' }).check();

  await expect(root).toHaveAttribute('data-theme', 'dark');
  await expect
    .poll(() => ui.evaluate(() => getComputedStyle(document.body).backgroundColor))
    .toBe('rgb(40, 40, 40)');
  await expect(root).toHaveAttribute('lang', 'ru');
  // The menu itself, then the toolbar, in Russian; no English control names left.
  await expect(ui.getByRole('dialog', { name: 'Настройки' })).toBeVisible();
  await ui.keyboard.press('Escape');
  await expect(ui.getByRole('button', { name: 'Настройки' })).toBeFocused();
  await expect(ui.getByRole('button', { name: 'Record and reload', exact: true })).toHaveCount(0);
  await expect(ui.getByRole('button', { name: /перезагруз/i })).toBeVisible();
  await expect(ui.getByTestId('recording-state')).toContainText(CYRILLIC);

  // The findings are re-derived in Russian, still naming the header and the page's own message.
  await expect(cors).toContainText(CYRILLIC);
  await expect(cors).toContainText('authorization');
  await expect.poll(() => cors.innerText()).not.toBe(englishCors);
  await expect(auth).toContainText(CYRILLIC);
  await expect(auth).toContainText('Auth context not provided');
  await auth.getByRole('button').first().click();
  await expect(auth).toContainText(/websocketService-[\w-]+\.js/);
  await expect(auth).toContainText(/авторизац/i);

  // Both choices are kept: a new panel opens dark and in Russian.
  await ui.reload();
  await expect(root).toHaveAttribute('lang', 'ru');
  await expect(root).toHaveAttribute('data-theme', 'dark');
  await expect(ui.getByRole('button', { name: 'Настройки' })).toBeVisible();

  // Auto gives English back (the browser here is English) and the light theme.
  await ui.getByRole('button', { name: 'Настройки' }).click();
  await ui.locator('input[name="handshake-language"][value="auto"]').check();
  await ui.locator('input[name="handshake-theme"][value="auto"]').check();
  await expect(root).toHaveAttribute('lang', 'en');
  await expect(root).toHaveAttribute('data-theme', 'light');
  await expect(ui.getByRole('dialog', { name: 'Settings' })).toBeVisible();
});

test.describe('a browser in Russian', () => {
  test.use({ locale: 'ru-RU' });

  test('opens the panel in Russian under Auto', async ({ context, demo, openPanel }) => {
    const page = await context.newPage();
    await page.goto(demo.url('buggy'));
    const panel = await openPanel(page);
    await expect(panel.page.locator('html')).toHaveAttribute('lang', 'ru');
    await expect(panel.page.getByRole('button', { name: 'Настройки' })).toBeVisible();
    await expect(panel.page.getByRole('button', { name: 'Record and reload', exact: true })).toHaveCount(0);
  });
});
