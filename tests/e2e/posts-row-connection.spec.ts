/**
 * What a post's row says of the LinkedIn connection: as whom it reacts (the member, or the page
 * chosen in the popup, followed live), and a quiet warning from 7 days before the connection
 * ends, whose marker opens Accounts.
 */
import type { BrowserContext, Locator, Page } from '@playwright/test';
import { FIXTURE_URLS } from '../fixtures/routes';
import { extensionPageUrl } from '../support/browser';
import { expect, test } from './fixtures';

const GEN_A = 'urn:li:activity:7402115930461724672';
const DAY_S = 86_400;

async function openAccounts(context: BrowserContext, extensionId: string): Promise<Page> {
  const popup = await context.newPage();
  await popup.goto(`${extensionPageUrl(extensionId, 'popup.html')}#accounts`);
  return popup;
}

const linkedInSection = (popup: Page) =>
  popup.getByRole('region', { name: 'LinkedIn', exact: true });

async function pasteToken(popup: Page, token: string, daysLeft?: number): Promise<void> {
  const section = linkedInSection(popup);
  const tokenField = section.getByLabel('Access token', { exact: true });
  const daysField = section.getByLabel('Days until it ends');
  await tokenField.fill(token);
  if (daysLeft !== undefined) await daysField.fill(String(daysLeft));
  await expect(tokenField).toHaveValue(token);
  await expect(daysField).toHaveValue(daysLeft === undefined ? '' : String(daysLeft));
  await section.getByRole('button', { name: 'Connect token' }).click();
  await expect(section.getByRole('heading', { name: /^Connected as / })).toBeVisible();
}

const host = (page: Page, urn: string) => page.locator(`reactbar-host[data-reactbar-urn="${urn}"]`);
const row = (page: Page, urn: string): Locator => host(page, urn).getByRole('toolbar');

async function openFeed(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.goto(FIXTURE_URLS.feed);
  await host(page, GEN_A).evaluate((element) =>
    element.parentElement?.scrollIntoView({ block: 'center' }),
  );
  await expect(host(page, GEN_A).locator('.rb-anchor')).not.toHaveAttribute('data-quiet');
  return page;
}

test('the row says it reacts as you, then as the page chosen in the popup', async ({
  context,
  extensionId,
  emulator,
}) => {
  const popup = await openAccounts(context, extensionId);
  await pasteToken(popup, emulator.credentials.linkedinToken);
  const page = await openFeed(context);
  await expect(row(page, GEN_A)).toHaveAccessibleDescription('Reacts as you.');
  await expect(row(page, GEN_A).getByRole('button', { name: 'React Like' })).toHaveAttribute(
    'title',
    'React Like\nReacts as you.',
  );

  await popup.bringToFront();
  const northwind = linkedInSection(popup).getByRole('radio', { name: 'Northwind Labs' });
  await northwind.check();
  await expect(northwind).toBeChecked();
  // The open tab follows, without a reload.
  await expect(row(page, GEN_A)).toHaveAccessibleDescription('Reacts as Northwind Labs.');
  await expect(row(page, GEN_A).getByRole('button', { name: 'React Like' })).toHaveAttribute(
    'title',
    'React Like\nReacts as Northwind Labs.',
  );
  await expect(host(page, GEN_A).locator('.rb-warn')).toHaveCount(0);
});

for (const days of [5, 20]) {
  test(`a connection with ${days} days left ${days <= 7 ? 'warns on the row' : 'does not warn'}`, async ({
    context,
    extensionId,
    control,
  }) => {
    const minted = await control.mintToken({ expiresInSeconds: days * DAY_S });
    const popup = await openAccounts(context, extensionId);
    await pasteToken(popup, minted.token, days);
    await popup.close();
    const page = await openFeed(context);
    const warning = `Your LinkedIn connection ends in ${days} days: reconnect in Accounts`;
    if (days > 7) {
      await expect(row(page, GEN_A)).toHaveAccessibleDescription('Reacts as you.');
      await expect(host(page, GEN_A).locator('.rb-warn')).toHaveCount(0);
      return;
    }
    await expect(row(page, GEN_A)).toHaveAccessibleDescription(`Reacts as you. ${warning}.`);
    const marker = row(page, GEN_A).getByRole('button', { name: warning });
    await expect(marker).toBeVisible();
    await expect(marker).toHaveAttribute('title', warning);
    // The marker is the way out: Accounts, where LinkedIn is reconnected.
    const [accounts] = await Promise.all([context.waitForEvent('page'), marker.click()]);
    await expect(accounts).toHaveURL(/popup\.html#accounts$/);
  });
}
