/**
 * The extension speaks the browser's language: Chromium in German shows the options page from
 * the German catalogue (locales/de.yml), and in English from the English one; so is the
 * popup's frame.
 */
import { rm } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { extensionPageUrl, launchBrowser } from '../support/browser';

for (const { lang, title, sections, button, tabs } of [
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
    tabs: ['Verlauf', 'Konten'],
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
    tabs: ['History', 'Accounts'],
  },
]) {
  test(`the options page and the popup in a browser set to ${lang}`, async () => {
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
      // The popup's frame: its tabs, its options link and its connection details.
      const popup = await context.newPage();
      await popup.goto(extensionPageUrl(extensionId, 'popup.html'));
      await expect(popup.getByRole('tab')).toHaveText(tabs);
      await expect(popup.locator('html')).toHaveAttribute('lang', lang);
    } finally {
      await context.close();
      await rm(userDataDir, { recursive: true, force: true });
    }
  });
}
