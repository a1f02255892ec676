/**
 * The extension speaks the browser's language: Chromium in German shows the options page from
 * the German catalogue (locales/de.yml), and in English from the English one; so do the
 * popup's frame and its Accounts tab.
 */
import { rm } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { extensionPageUrl, launchBrowser } from '../support/browser';

for (const { lang, title, sections, button, tabs, accounts } of [
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
    accounts: {
      forms: ['ConnectSafely-API-Schlüssel hinzufügen', 'Mit LinkedIn anmelden'],
      keyField: 'API-Schlüssel',
      addKey: 'Schlüssel hinzufügen',
      empty: 'Fügen Sie zuerst Ihren ConnectSafely-API-Schlüssel ein.',
      linkedIn: 'Verbinden Sie LinkedIn auf einem von zwei Wegen',
    },
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
    accounts: {
      forms: ['Add a ConnectSafely API key', 'Sign in with LinkedIn'],
      keyField: 'API key',
      addKey: 'Add key',
      empty: 'Paste your ConnectSafely API key first.',
      linkedIn: 'Connect LinkedIn one of two ways',
    },
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
      // The Accounts tab: its forms, a field, a problem said on submit, the LinkedIn section.
      await popup.getByRole('tab', { name: tabs[1], exact: true }).click();
      for (const form of accounts.forms) {
        await expect(popup.getByRole('form', { name: form, exact: true })).toBeVisible();
      }
      await expect(popup.getByLabel(accounts.keyField, { exact: true })).toBeVisible();
      await popup
        .getByRole('form', { name: accounts.forms[0], exact: true })
        .getByRole('button', { name: accounts.addKey, exact: true })
        .click();
      await expect(popup.getByRole('alert')).toHaveText(accounts.empty);
      await expect(popup.getByText(accounts.linkedIn)).toBeVisible();
    } finally {
      await context.close();
      await rm(userDataDir, { recursive: true, force: true });
    }
  });
}
