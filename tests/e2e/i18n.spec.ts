/**
 * The extension speaks the browser's language: Chromium in German shows the options page from
 * the German catalogue (locales/de.yml), and in English from the English one.
 */
import { rm } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { extensionPageUrl, launchBrowser } from '../support/browser';

for (const { lang, title, sections, button } of [
  {
    lang: 'de',
    title: 'Reactbar-Einstellungen',
    sections: [
      'Schnellreaktionen',
      'Beiträge und Kommentare',
      'Tastenkürzel',
      'Verlauf',
      'Verbindung',
    ],
    button: 'Emoji hinzufügen',
  },
  {
    lang: 'en',
    title: 'Reactbar options',
    sections: [
      'Quick reactions',
      'Posts and comments',
      'Keyboard shortcuts',
      'History',
      'Connection',
    ],
    button: 'Add emoji',
  },
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
      await expect(page.getByRole('heading', { level: 2 })).toHaveText(sections);
      await expect(page.getByRole('button', { name: button, exact: true })).toBeVisible();
      // The shortcut list's descriptions are the catalogue's too (the manifest's __MSG_…__).
      await expect(page.getByRole('row').nth(1)).toContainText(
        lang === 'de' ? 'Mit der ersten Schnellreaktion' : 'React with the first quick reaction',
      );
    } finally {
      await context.close();
      await rm(userDataDir, { recursive: true, force: true });
    }
  });
}
