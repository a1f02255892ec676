/**
 * Notes on the bars follow the accounts: a "key refused" note goes once the key is fixed.
 */
import { EXPECTED, type ExpectedTarget } from '../fixtures/expected';
import { FIXTURE_URLS } from '../fixtures/routes';
import { expect, test } from './fixtures';

const [FIRST] = EXPECTED.messaging.initial as [ExpectedTarget];

test('a "key refused" note goes away once the key is re-checked in Accounts', async ({
  context,
  addKey,
  control,
  openPopup,
}) => {
  await addKey();
  await control.failNext('cs.react', 401, 1);
  const page = await context.newPage();
  await page.goto(FIXTURE_URLS.messaging);
  const host = page.locator(`reactbar-host[data-reactbar-urn="${FIRST.urn}"]`);
  await page.locator(`[data-event-urn="${FIRST.urn}"]`).hover();
  await host.getByRole('button', { name: 'React with 👍', exact: true }).click();
  const note = host.getByRole('status');
  await expect(note).toContainText('ConnectSafely refused your key');

  // The key works again (the 401 was a one-off); the user re-checks it.
  const popup = await openPopup();
  await popup.getByRole('tab', { name: 'Accounts' }).click();
  await expect(popup.getByText(/Refused/)).toBeVisible();
  await popup.getByRole('button', { name: 'Re-check' }).click();
  await expect(popup.getByText(/Refused/)).toHaveCount(0);

  await expect(note).toHaveCount(0);
  // The bar works again.
  await page.bringToFront();
  await page.locator(`[data-event-urn="${FIRST.urn}"]`).hover();
  await host.getByRole('button', { name: 'React with 👍', exact: true }).click();
  await expect
    .poll(() => control.messageReactions(FIRST.conversationUrn ?? '', FIRST.urn))
    .toEqual(['👍']);
});
