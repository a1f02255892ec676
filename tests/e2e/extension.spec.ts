import { expect, test } from './fixtures';

test('the extension loads with its background, popup and options page', async ({
  context,
  extensionId,
  openPopup,
  openOptions,
}) => {
  expect(extensionId).toMatch(/^[a-p]{32}$/);
  const [worker] = context.serviceWorkers();
  const manifest = await worker?.evaluate(() => chrome.runtime.getManifest());
  expect(manifest?.name).toBe('Reactbar');
  expect(manifest?.manifest_version).toBe(3);

  const popup = await openPopup();
  await expect(popup.getByRole('heading', { name: 'Reactbar' })).toBeVisible();
  await expect(popup.getByRole('tab', { name: 'Accounts' })).toBeVisible();
  await popup.getByText('Connection').click();
  await expect(popup.getByTestId('status-connectsafely')).toBeVisible();

  const options = await openOptions();
  await expect(options.getByRole('heading', { name: 'Connection' })).toBeVisible();
  await expect(options.getByLabel('LinkedIn API version')).toHaveValue(/^\d{6}$/);
});

test('connection settings are validated, saved, and read by a restarted background', async ({
  emulator,
  openOptions,
  openPopup,
  stopWorker,
}) => {
  const options = await openOptions();
  await options.getByLabel('Realtime socket URL').fill('http://127.0.0.1:1/not-a-socket');
  await options.getByLabel('LinkedIn API version').fill('2026-11');
  await options.getByRole('button', { name: 'Save' }).click();
  await expect(options.getByText('The URL must start with ws:// or wss://')).toBeVisible();
  await expect(
    options.getByText('The version is a month, written YYYYMM (for example 202611)'),
  ).toBeVisible();

  // Plain http is for this machine only: a key must not travel unencrypted.
  await options.getByLabel('ConnectSafely API URL').fill('http://api.example.com/linkedin');
  await options.getByRole('button', { name: 'Save' }).click();
  await expect(options.getByText(/Only local addresses .* may use http:\/\//)).toBeVisible();
  await options.getByLabel('ConnectSafely API URL').fill(emulator.urls.connectSafelyUrl);

  await options.getByLabel('Realtime socket URL').fill(emulator.urls.socketUrl);
  await options.getByLabel('LinkedIn API version').fill('202609');
  await options.getByRole('button', { name: 'Save' }).click();
  await expect(options.getByText('Saved.')).toBeVisible();

  const before = await openPopup();
  await before.getByText('Connection').click();
  await expect(before.getByTestId('status-linkedin')).toContainText('(version 202609)');
  const firstStart = await before.getByLabel('Connection').getAttribute('data-background-started');
  await before.close();

  await stopWorker();

  // Opening the popup wakes a new worker, which reads the saved settings from storage.
  const after = await openPopup();
  await after.getByText('Connection').click();
  await expect(after.getByTestId('status-connectsafely')).toHaveText(
    emulator.urls.connectSafelyUrl,
  );
  await expect(after.getByTestId('status-socket')).toHaveText(emulator.urls.socketUrl);
  await expect(after.getByTestId('status-linkedin')).toHaveText(
    `${emulator.urls.linkedinUrl} (version 202609)`,
  );
  // A new worker answered, not the old one.
  const secondStart = await after.getByLabel('Connection').getAttribute('data-background-started');
  expect(Number(secondStart)).toBeGreaterThan(Number(firstStart));

  await options.reload();
  await expect(options.getByLabel('LinkedIn API version')).toHaveValue('202609');
});
