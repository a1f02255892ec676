/** The popup's Accounts tab, against the emulator's ConnectSafely API. */
import { FIXTURE_URLS } from '../fixtures/routes';
import { expect, test } from './fixtures';

test('add a valid key: its accounts are listed and the first becomes the default', async ({
  openPopup,
  emulator,
}) => {
  const popup = await openPopup();
  await popup.getByRole('tab', { name: 'Accounts' }).click();
  const input = popup.getByLabel('API key', { exact: true });
  await expect(input).toHaveAttribute('type', 'password');
  await input.fill(emulator.credentials.connectSafelyKey);
  await popup.getByLabel('Name').fill('Work');
  await popup.getByRole('button', { name: 'Add key' }).click();

  const card = popup.getByRole('listitem', { name: 'Work' });
  await expect(card).toBeVisible();
  await expect(card.getByText('Valid')).toBeVisible();
  await expect(card.getByRole('radio', { name: 'Maya Lindqvist' })).toBeChecked();
  await expect(card.getByRole('radio', { name: 'Tomás Herrera' })).not.toBeChecked();
  await expect(card.getByText('Live updates: connected')).toBeVisible();
  await expect(input).toHaveValue('');

  // Choosing the other account is remembered by the background.
  await card.getByRole('radio', { name: 'Tomás Herrera' }).click();
  await expect(card.getByRole('radio', { name: 'Tomás Herrera' })).toBeChecked();
  await popup.reload();
  await popup.getByRole('tab', { name: 'Accounts' }).click();
  await expect(popup.getByRole('radio', { name: 'Tomás Herrera' })).toBeChecked();
});

test('an invalid key gets a clear error and is not stored', async ({ openPopup, control }) => {
  const popup = await openPopup();
  await popup.getByRole('tab', { name: 'Accounts' }).click();
  await popup.getByLabel('API key', { exact: true }).fill('cs_wrong_0000000000000000');
  await popup.getByRole('button', { name: 'Add key' }).click();
  await expect(popup.getByRole('alert')).toContainText('ConnectSafely refused this key (401)');
  await expect(popup.getByLabel('API key', { exact: true })).toHaveValue(
    'cs_wrong_0000000000000000',
  );
  await expect(popup.getByRole('heading', { name: 'Your keys' })).toHaveCount(0);
  const checks = await control.requests({ route: 'cs.accounts' });
  expect(checks.at(-1)?.status).toBe(401);
});

test('remove a key: it is forgotten and the bar asks for a key again', async ({
  context,
  addKey,
  openPopup,
}) => {
  await addKey();
  const popup = await openPopup();
  await popup.getByRole('tab', { name: 'Accounts' }).click();
  await popup.getByRole('button', { name: /^Remove/ }).click();
  await popup.getByRole('button', { name: 'Remove key' }).click();
  await expect(popup.getByRole('heading', { name: 'Your keys' })).toHaveCount(0);

  const page = await context.newPage();
  await page.goto(FIXTURE_URLS.messaging);
  await page.locator('[data-event-urn]').first().hover();
  await expect(
    page.getByRole('button', { name: 'Add your ConnectSafely key' }).first(),
  ).toBeVisible();
});
