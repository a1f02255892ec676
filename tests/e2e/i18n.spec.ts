/**
 * The extension speaks the browser's language: Chromium in German shows the options page from
 * the German catalogue (locales/de.yml), and in English from the English one; so are the
 * popup's frame and its Accounts tab, the history page (with a line written to its IndexedDB),
 * the privacy page (PRIVACY.de.md in German), and the bars on LinkedIn's pages.
 */
import { rm } from 'node:fs/promises';
import { expect, type Page, test } from '@playwright/test';
import { EXPECTED, PAGE_STATES } from '../fixtures/expected';
import { FIXTURE_URLS } from '../fixtures/routes';
import { extensionPageUrl, launchBrowser, serveFixtures } from '../support/browser';
import { seed } from '../support/history-seed';

for (const { lang, title, sections, button, tabs, accounts, history, privacy } of [
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
    history: {
      title: 'Reactbar-Verlauf',
      heading: 'Reaktionsverlauf',
      kind: 'Art',
      empty: 'Noch keine Reaktionen.',
      summary: '1 Reaktion, neueste zuerst',
      line: 'Mit „Applaus“ auf einen Beitrag reagiert',
      outcome: 'Ausgeführt',
      actor: 'als Sie auf LinkedIn',
      today: 'Heute',
      yesterday: 'Gestern',
    },
    privacy: { title: 'Reactbar-Datenschutzerklärung', section: 'Was gespeichert wird und wo' },
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
    history: {
      title: 'Reactbar history',
      heading: 'Reaction history',
      kind: 'Kind',
      empty: 'No reactions yet.',
      summary: '1 reaction, newest first',
      line: 'Reacted Celebrate on a post',
      outcome: 'Applied',
      actor: 'as You on LinkedIn',
      today: 'Today',
      yesterday: 'Yesterday',
    },
    privacy: { title: 'Reactbar privacy policy', section: 'What is stored, and where' },
  },
]) {
  test(`the options page, the popup, the history and the privacy page in a browser set to ${lang}`, async () => {
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

      // The history page: empty, then with one line.
      const historyPage = await context.newPage();
      await historyPage.goto(`chrome-extension://${extensionId}/history.html`);
      await expect(historyPage.getByRole('heading', { level: 1 })).toHaveText(history.heading);
      await expect(historyPage).toHaveTitle(history.title);
      await expect(historyPage.locator('html')).toHaveAttribute('lang', lang);
      await expect(historyPage.getByLabel(history.kind, { exact: true })).toBeVisible();
      await expect(historyPage.getByText(history.empty)).toBeVisible();
      const at = Date.now() - 60_000;
      await seed(historyPage, [
        {
          at,
          service: 'linkedin',
          kind: 'post',
          urn: 'urn:li:activity:7402115930461724672',
          value: 'PRAISE',
          react: true,
          actor: 'urn:li:person:demo',
          source: 'own',
          outcome: 'applied',
          link: 'https://www.linkedin.com/feed/update/urn:li:activity:7402115930461724672/',
        },
      ]);
      await historyPage.reload();
      await expect(historyPage.getByTestId('history-summary')).toHaveText(history.summary);
      const line = historyPage.getByTestId('history-list').locator('li:has([data-status])');
      await expect(line.getByTestId('history-what')).toHaveText(history.line);
      await expect(line).toContainText(history.outcome);
      await expect(line).toContainText(history.actor);
      // A minute ago is yesterday just after midnight.
      const today = new Date(at).toDateString() === new Date().toDateString();
      await expect(historyPage.getByTestId('history-list').locator('h3')).toHaveText(
        today ? history.today : history.yesterday,
      );

      // The privacy page: the policy in the catalogue's language.
      const policy = await context.newPage();
      await policy.goto(`chrome-extension://${extensionId}/privacy.html`);
      await expect(policy.getByRole('heading', { level: 1 })).toHaveText(privacy.title);
      await expect(policy).toHaveTitle(privacy.title);
      await expect(policy.locator('html')).toHaveAttribute('lang', lang);
      await expect(policy.getByRole('heading', { level: 2 }).first()).toHaveText(privacy.section);
    } finally {
      await context.close();
      await rm(userDataDir, { recursive: true, force: true });
    }
  });
}

test('the bars on LinkedIn pages in a browser set to de', async () => {
  const { context, extensionId, userDataDir } = await launchBrowser({ lang: 'de' });
  const host = (page: Page, urn: string) =>
    page.locator(`reactbar-host[data-reactbar-urn="${urn}"]`);
  try {
    if (!extensionId) throw new Error('The extension did not load');
    await serveFixtures(context);
    const page = await context.newPage();
    await page.goto(FIXTURE_URLS.feedDe);
    // A post LinkedIn's page shows as celebrated, and one without a reaction.
    const celebrated = 'urn:li:activity:7402201118254092288';
    const plain = 'urn:li:activity:7402184411233071104';
    expect([PAGE_STATES[celebrated], PAGE_STATES[plain]]).toEqual(['PRAISE', null]);
    await host(page, celebrated).evaluate((element) =>
      element.parentElement?.scrollIntoView({ block: 'center' }),
    );
    const row = host(page, celebrated).getByRole('toolbar', {
      name: 'Reaktionen auf diesen Beitrag',
    });
    await expect(row.getByRole('button')).toHaveText(['👍', '👏', '🫶', '❤️', '💡', '😂']);
    await expect(
      row.getByRole('button', { name: 'Ihre Reaktion „Applaus“ entfernen', exact: true }),
    ).toHaveAttribute('aria-pressed', 'true');
    await expect(
      row.getByRole('button', { name: 'Zu „Gefällt mir“ wechseln', exact: true }),
    ).toHaveAttribute('aria-pressed', 'false');

    await host(page, plain).evaluate((element) =>
      element.parentElement?.scrollIntoView({ block: 'center' }),
    );
    const plainRow = host(page, plain).getByRole('toolbar');
    const applause = plainRow.getByRole('button', {
      name: 'Mit „Applaus“ reagieren',
      exact: true,
    });
    await expect(applause).toHaveAttribute('aria-pressed', 'false');
    // Not connected: the click says so, in German, and offers the way out.
    await applause.click();
    const notice = host(page, plain).getByRole('status');
    await expect(notice).toContainText(
      'Verbinden Sie LinkedIn, um von hier aus auf Beiträge und Kommentare zu reagieren.',
    );
    await expect(notice.getByRole('button', { name: 'LinkedIn verbinden' })).toBeVisible();
    await expect(notice.getByRole('button', { name: 'Schließen' })).toBeVisible();
    // A comment's bar is not shown until pointed at: its host is the keyboard stop.
    const comment = EXPECTED.feedDe.initial.find((target) => target.kind === 'comment');
    await expect(host(page, comment?.urn ?? '')).toHaveAttribute(
      'aria-label',
      'Reaktionen auf diesen Kommentar',
    );

    // A message: no ConnectSafely key yet, so its bar says to add one.
    const [first, second] = EXPECTED.messaging.initial;
    await page.goto(FIXTURE_URLS.messaging);
    await expect(host(page, second?.urn ?? '')).toHaveAttribute(
      'aria-label',
      'Reaktionen auf diese Nachricht',
    );
    await page.locator(`[data-event-urn="${first?.urn}"]`).hover();
    await expect(host(page, first?.urn ?? '').locator('.rb-setup')).toHaveText(
      'Fügen Sie Ihren ConnectSafely-Schlüssel hinzu, um von hier aus zu reagieren.',
    );
    await expect(
      host(page, first?.urn ?? '').getByRole('button', {
        name: 'Fügen Sie Ihren ConnectSafely-Schlüssel hinzu',
      }),
    ).toBeVisible();
  } finally {
    await context.close();
    await rm(userDataDir, { recursive: true, force: true });
  }
});
