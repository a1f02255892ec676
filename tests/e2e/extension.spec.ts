import type { FrameLocator, Locator, Page } from '@playwright/test';
import { EXPECTED, type ExpectedTarget } from '../fixtures/expected';
import { FIXTURE_URLS } from '../fixtures/routes';
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

test.describe('fan-out, with no host access to LinkedIn', () => {
  const [MESSAGE] = EXPECTED.messaging.initial as [ExpectedTarget];
  const IN_IFRAME = EXPECTED.overlay.initial.find(
    (target) => target.frame === 'preload',
  ) as ExpectedTarget;

  function button(scope: Page | FrameLocator, target: ExpectedTarget, name: string): Locator {
    return scope
      .locator(`reactbar-host[data-reactbar-urn="${target.urn}"]`)
      .getByRole('button', { name, exact: true });
  }

  /** Shows the target's bar, once the background has answered the frame's first request. */
  async function showBar(scope: Page | FrameLocator, target: ExpectedTarget): Promise<void> {
    await scope.locator(`[data-event-urn="${target.urn}"]`).hover();
    await expect(button(scope, target, 'React with 👍')).toBeAttached();
  }

  test.beforeEach(async ({ addKey }) => {
    await addKey();
  });

  test('a restarted worker still reaches a tab that has not talked to it since', async ({
    context,
    stopWorker,
  }) => {
    const [a, b] = [await context.newPage(), await context.newPage()];
    for (const page of [a, b]) {
      await page.goto(FIXTURE_URLS.messaging);
      await showBar(page, MESSAGE);
    }
    await stopWorker();

    // Only tab A talks to the new worker; tab B is reached from what the old one stored.
    await showBar(a, MESSAGE);
    await button(a, MESSAGE, 'React with 👍').click();
    await expect(button(b, MESSAGE, 'Remove your 👍 reaction')).toHaveAttribute(
      'aria-pressed',
      'true',
    );
  });

  test("a reaction in one tab's iframe reaches the same iframe in another tab", async ({
    context,
  }) => {
    const [a, b] = [await context.newPage(), await context.newPage()];
    const iframe = (page: Page) => page.frameLocator('iframe[data-testid="interop-iframe"]');
    for (const page of [a, b]) {
      await page.goto(FIXTURE_URLS.overlay);
      await showBar(iframe(page), IN_IFRAME);
    }
    await button(iframe(a), IN_IFRAME, 'React with 👍').click();
    await expect(button(iframe(b), IN_IFRAME, 'Remove your 👍 reaction')).toHaveAttribute(
      'aria-pressed',
      'true',
    );
  });
});
