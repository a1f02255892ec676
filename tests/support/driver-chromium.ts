/**
 * The Chromium driver: Debian's Chromium with the Chrome build, launched by Playwright as the
 * Chromium suite does (tests/support/browser.ts), behind the same small interface as the
 * Firefox driver, so the user scenarios (tests/scenarios/) run unchanged in both.
 */
import { rm } from 'node:fs/promises';
import type { BrowserContext, Page } from '@playwright/test';
import { extensionPageUrl, launchBrowser, serveFixtures, stopBackgroundWorker } from './browser';
import { evaluateInContentScript } from './content-world';
import type { ExtensionDriver, Tab } from './driver';

class ChromiumTab implements Tab {
  constructor(readonly page: Page) {}

  async goto(url: string): Promise<void> {
    await this.page.goto(url);
  }

  async reload(): Promise<void> {
    await this.page.reload();
  }

  async evaluate<T>(expression: string): Promise<T> {
    return (await this.page.evaluate(expression)) as T;
  }

  async hover(x: number, y: number): Promise<void> {
    await this.page.mouse.move(x, y);
  }

  async click(x: number, y: number): Promise<void> {
    await this.page.mouse.click(x, y);
  }

  async type(text: string): Promise<void> {
    await this.page.keyboard.type(text);
  }

  async press(key: string): Promise<void> {
    await this.page.keyboard.press(key);
  }

  async close(): Promise<void> {
    await this.page.close();
  }
}

export class ChromiumDriver implements ExtensionDriver {
  readonly browser = 'chromium' as const;

  private constructor(
    readonly context: BrowserContext,
    private readonly extensionId: string,
    private readonly userDataDir: string,
  ) {}

  /** Starts Chromium with a fresh profile and the Chrome build (.output/chrome-mv3). */
  static async launch(extensionDir?: string): Promise<ChromiumDriver> {
    const launched = await launchBrowser(extensionDir ? { extensionDir } : {});
    if (!launched.extensionId) throw new Error('The extension did not load');
    await serveFixtures(launched.context);
    return new ChromiumDriver(launched.context, launched.extensionId, launched.userDataDir);
  }

  async newTab(): Promise<ChromiumTab> {
    return new ChromiumTab(await this.context.newPage());
  }

  async openExtensionPage(path: string): Promise<ChromiumTab> {
    const [file, hash] = path.split('#') as [string, string | undefined];
    const page = await this.context.newPage();
    const url = extensionPageUrl(this.extensionId, file as 'popup.html' | 'options.html');
    await page.goto(hash ? `${url}#${hash}` : url);
    return new ChromiumTab(page);
  }

  /** Stops the service worker, as Chrome does after 30 s idle; the next event starts a new one. */
  async restartBackground(): Promise<void> {
    await stopBackgroundWorker(this.context);
  }

  async evaluateInContentScript<T>(tab: Tab, expression: string): Promise<T> {
    return evaluateInContentScript<T>((tab as ChromiumTab).page, expression);
  }

  async close(): Promise<void> {
    await this.context.close();
    await rm(this.userDataDir, { recursive: true, force: true });
  }
}
