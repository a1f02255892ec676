/**
 * Playwright fixtures: one emulator per worker (reset between tests), one fresh Chromium
 * profile with the extension per test, pointed at the emulator through the options page.
 */
import { rm } from 'node:fs/promises';
import { type BrowserContext, test as base, expect, type Page } from '@playwright/test';
import { EmulatorControl } from '../emulator/client';
import { type Emulator, startEmulator } from '../emulator/server';
import {
  addKeyThroughPopup,
  configureConnection,
  extensionPageUrl,
  launchBrowser,
  serveFixtures,
  stopBackgroundWorker,
} from '../support/browser';

interface TestFixtures {
  context: BrowserContext;
  extensionId: string;
  control: EmulatorControl;
  /** Opens the popup in a tab of its own. */
  openPopup(): Promise<Page>;
  openOptions(): Promise<Page>;
  stopWorker(): Promise<void>;
  /** Adds a ConnectSafely key through the popup's Accounts tab, as a user does. */
  addKey(apiKey?: string): Promise<void>;
}

interface WorkerFixtures {
  emulator: Emulator;
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  emulator: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright needs the destructuring form.
    async ({}, use) => {
      const emulator = await startEmulator({ port: 0 });
      await use(emulator);
      await emulator.close();
    },
    { scope: 'worker' },
  ],

  control: async ({ emulator }, use) => {
    const control = new EmulatorControl(emulator.urls.controlUrl);
    await control.reset();
    await use(control);
    // Runs after the browser closed (context depends on control). A request the closing browser
    // had sent can still be read after the next test's reset (the emulator reads connections in
    // any order); resetting here as well clears it before the next test starts.
    await control.reset();
  },

  context: async ({ emulator, control: _control }, use) => {
    const launched = await launchBrowser();
    const { context, userDataDir } = launched;
    if (!launched.extensionId) throw new Error('The extension did not load');
    await serveFixtures(context);
    await configureConnection(context, launched.extensionId, emulator.urls);
    await use(context);
    await context.close();
    await rm(userDataDir, { recursive: true, force: true });
  },

  extensionId: async ({ context }, use) => {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    await use(new URL(worker.url()).host);
  },

  openPopup: async ({ context, extensionId }, use) => {
    await use(async () => {
      const page = await context.newPage();
      await page.goto(extensionPageUrl(extensionId, 'popup.html'));
      return page;
    });
  },

  openOptions: async ({ context, extensionId }, use) => {
    await use(async () => {
      const page = await context.newPage();
      await page.goto(extensionPageUrl(extensionId, 'options.html'));
      return page;
    });
  },

  stopWorker: async ({ context }, use) => {
    await use(() => stopBackgroundWorker(context));
  },

  addKey: async ({ context, extensionId, emulator }, use) => {
    await use((apiKey = emulator.credentials.connectSafelyKey) =>
      addKeyThroughPopup(context, extensionId, apiKey),
    );
  },
});

export { expect };
