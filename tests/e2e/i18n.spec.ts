/**
 * The extension speaks the browser's language: Chromium in German shows the options page from
 * the German catalogue (locales/de.yml), and in English from the English one.
 */
import { rm } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { extensionPageUrl, launchBrowser } from '../support/browser';

for (const { lang, title, shortcuts } of [
  { lang: 'de', title: 'Reactbar-Einstellungen', shortcuts: 'Tastenkürzel' },
  { lang: 'en', title: 'Reactbar options', shortcuts: 'Keyboard shortcuts' },
]) {
  test(`the options page in a browser set to ${lang}`, async () => {
    const { context, extensionId, userDataDir } = await launchBrowser({ lang });
    try {
      if (!extensionId) throw new Error('The extension did not load');
      const page = await context.newPage();
      await page.goto(extensionPageUrl(extensionId, 'options.html'));
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
      await expect(page).toHaveTitle(title);
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      await expect(page.getByRole('heading', { level: 2, name: shortcuts })).toBeVisible();
    } finally {
      await context.close();
      await rm(userDataDir, { recursive: true, force: true });
    }
  });
}
