/**
 * The Firefox driver: Debian's Firefox ESR driven by puppeteer-core over WebDriver BiDi, with the
 * Firefox build (.output/firefox-mv2) installed as a temporary add-on. Never downloads a browser
 * (`FIREFOX_PATH` overrides the binary).
 *
 * - `--remote-allow-system-access` lets BiDi open moz-extension:// pages and evaluate in the
 *   browser's own (chrome) context, used for the two things no web page can do: restarting the
 *   add-on's background and running code in its content script world.
 * - `extensions.webextensions.uuids` fixes the add-on's moz-extension:// host, so its pages have
 *   a known URL.
 * - Request interception answers https://www.linkedin.com/… with the fixture pages (the same
 *   routes as the Chromium suite); any other request goes on, to loopback only:
 *   `MOZ_DISABLE_NONLOCAL_CONNECTIONS=1` keeps Firefox from reaching anything off the machine.
 * - Firefox 153's BiDi sends no load event for extension pages, so those are opened without
 *   waiting for one, and the driver waits for the document instead.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import puppeteer, {
  type Browser,
  type HTTPRequest,
  type KeyInput,
  type Page,
} from 'puppeteer-core';
import { FIXTURE_ORIGIN, resolveFixture } from '../fixtures/routes';
import type { ExtensionDriver, Tab } from './driver';
import { FIREFOX_EXTENSION_DIR } from './paths';

/** The add-on's id (wxt.config.ts) and the moz-extension:// host the tests give it. */
export const FIREFOX_ADDON_ID = 'reactbar@reactbar.dev';
export const FIREFOX_ADDON_UUID = '5c0f1d2e-7a3b-4c8d-9e6f-0a1b2c3d4e5f';

const FIREFOX_CANDIDATES = [
  '/usr/bin/firefox-esr',
  '/usr/bin/firefox',
  '/usr/lib/firefox-esr/firefox-esr',
];

export function firefoxPath(): string {
  const override = process.env.FIREFOX_PATH;
  if (override) return override;
  const found = FIREFOX_CANDIDATES.find((candidate) => existsSync(candidate));
  if (!found) {
    throw new Error(
      'Firefox not found: install it (apt-get install -y firefox-esr) or set FIREFOX_PATH',
    );
  }
  return found;
}

interface BidiConnection {
  send(
    method: string,
    params: Record<string, unknown>,
  ): Promise<{ result: Record<string, unknown> & { type?: string } }>;
}

interface BidiRemoteValue {
  type: string;
  value?: unknown;
}

interface BidiEvaluateResult {
  type: 'success' | 'exception';
  result?: BidiRemoteValue;
  exceptionDetails?: { text?: string; exception?: BidiRemoteValue };
}

const DOCUMENT_TIMEOUT = 15_000;

async function waitForDocument(page: Page, url: string): Promise<void> {
  const deadline = Date.now() + DOCUMENT_TIMEOUT;
  for (;;) {
    const ready = await page
      .evaluate(
        (expected: string) => location.href === expected && document.readyState === 'complete',
        url,
      )
      .catch(() => false);
    if (ready) return;
    if (Date.now() > deadline) throw new Error(`${url} did not load`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

class FirefoxTab implements Tab {
  constructor(readonly page: Page) {}

  async goto(url: string): Promise<void> {
    await this.page.goto(url, { waitUntil: 'load' });
  }

  async reload(): Promise<void> {
    await this.page.reload({ waitUntil: 'load' });
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
    await this.page.keyboard.press(key as KeyInput);
  }

  async close(): Promise<void> {
    await this.page.close();
  }
}

async function serveFixture(request: HTTPRequest): Promise<void> {
  if (!request.url().startsWith(`${FIXTURE_ORIGIN}/`)) {
    await request.continue();
    return;
  }
  const file = resolveFixture(request.url());
  await request.respond(
    file
      ? {
          status: 200,
          contentType: 'text/html; charset=utf-8',
          body: await readFile(file, 'utf8'),
        }
      : { status: 404, contentType: 'text/html', body: '<!doctype html><title>Not found</title>' },
  );
}

export class FirefoxDriver implements ExtensionDriver {
  readonly browser = 'firefox' as const;

  private constructor(private readonly firefox: Browser) {}

  /**
   * Starts Firefox with a fresh profile and installs the add-on, as about:debugging's "Load
   * Temporary Add-on" does, from a build folder or from a store archive (`npm run zip`).
   */
  static async launch(extensionDir = FIREFOX_EXTENSION_DIR): Promise<FirefoxDriver> {
    const archive = extensionDir.endsWith('.zip') || extensionDir.endsWith('.xpi');
    if (!existsSync(archive ? extensionDir : `${extensionDir}/manifest.json`)) {
      throw new Error(`No built add-on in ${extensionDir}: run "npm run build:firefox" first`);
    }
    const firefox = await puppeteer.launch({
      browser: 'firefox',
      executablePath: firefoxPath(),
      headless: true,
      args: ['--remote-allow-system-access'],
      extraPrefsFirefox: {
        'extensions.webextensions.uuids': JSON.stringify({
          [FIREFOX_ADDON_ID]: FIREFOX_ADDON_UUID,
        }),
      },
      env: { ...process.env, MOZ_DISABLE_NONLOCAL_CONNECTIONS: '1' },
    });
    try {
      const id = await firefox.installExtension(extensionDir);
      if (id !== FIREFOX_ADDON_ID) throw new Error(`Installed ${id}, not ${FIREFOX_ADDON_ID}`);
    } catch (error) {
      await firefox.close();
      throw error;
    }
    return new FirefoxDriver(firefox);
  }

  private get bidi(): BidiConnection {
    return (this.firefox as unknown as { connection: BidiConnection }).connection;
  }

  private async page(): Promise<Page> {
    const page = await this.firefox.newPage();
    await page.setViewport({ width: 1280, height: 900 });
    return page;
  }

  async newTab(): Promise<FirefoxTab> {
    const page = await this.page();
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      serveFixture(request).catch(() => {
        // The page went away meanwhile: nothing to answer.
      });
    });
    return new FirefoxTab(page);
  }

  async openExtensionPage(path: string): Promise<FirefoxTab> {
    const page = await this.page();
    const url = `moz-extension://${FIREFOX_ADDON_UUID}/${path}`;
    // No load event comes for extension pages: start the navigation, wait for the document.
    page.goto(url, { timeout: 0 }).catch(() => {
      // Ends with the page.
    });
    await waitForDocument(page, url);
    return new FirefoxTab(page);
  }

  /** Evaluates in the browser's parent-process (chrome) context: privileged, as about:debugging. */
  private async evaluateInChrome<T>(expression: string): Promise<T> {
    const tree = await this.bidi.send('browsingContext.getTree', { 'moz:scope': 'chrome' });
    const contexts = tree.result.contexts as Array<{ context: string }>;
    const context = contexts[0]?.context;
    if (!context) throw new Error('No chrome context: is --remote-allow-system-access set?');
    const { result } = await this.bidi.send('script.evaluate', {
      expression,
      target: { context },
      awaitPromise: true,
      resultOwnership: 'none',
    });
    const evaluated = result as unknown as BidiEvaluateResult;
    if (evaluated.type === 'exception') {
      throw new Error(`Chrome context: ${JSON.stringify(evaluated.exceptionDetails?.exception)}`);
    }
    return evaluated.result?.value as T;
  }

  /**
   * Disables and enables the add-on through the AddonManager, as about:addons does: Firefox
   * unloads the background page (and with it every timer, socket and in-memory queue) and loads
   * a new one; the add-on's storage and IndexedDB stay. Resolves once the new background answers.
   */
  async restartBackground(): Promise<void> {
    const state = await this.evaluateInChrome<string>(`(async () => {
      const id = ${JSON.stringify(FIREFOX_ADDON_ID)};
      const { AddonManager } = ChromeUtils.importESModule('resource://gre/modules/AddonManager.sys.mjs');
      const addon = await AddonManager.getAddonByID(id);
      await addon.disable();
      await addon.enable();
      const deadline = Date.now() + 15000;
      const state = () => WebExtensionPolicy.getByID(id)?.extension?.backgroundState;
      while (state() !== 'running' && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      return String(state());
    })()`);
    if (state !== 'running') throw new Error(`The background did not start again (${state})`);
  }

  /**
   * Runs code in the add-on's content script world of the tab's top frame, the way
   * tabs.executeScript does it (the parent asks the frame's process to inject into the add-on's
   * content script sandbox), without giving the add-on the host permission that API would need.
   */
  async evaluateInContentScript<T>(tab: Tab, expression: string): Promise<T> {
    const page = (tab as FirefoxTab).page;
    const contextId = (page.mainFrame() as unknown as { _id: string })._id;
    const code = `(${expression})`;
    const json = await this.evaluateInChrome<string>(`(async () => {
      const { NavigableManager } = ChromeUtils.importESModule('chrome://remote/content/shared/NavigableManager.sys.mjs');
      const win = NavigableManager.getBrowsingContextById(${JSON.stringify(contextId)}).currentWindowGlobal;
      const results = await win.domProcess.getActor('ExtensionContent').sendQuery('Execute', {
        windows: [win.innerWindowId],
        options: {
          extensionId: ${JSON.stringify(FIREFOX_ADDON_ID)},
          jsExecuteScriptSources: [{ code: ${JSON.stringify(code)} }],
          cssPaths: [],
          removeCSS: false,
          matches: ['https://www.linkedin.com/*'],
          hasActiveTabPermission: true,
          runAt: 'document_idle',
          cssOrigin: 'author',
          wantReturnValue: true,
        },
      });
      return JSON.stringify(results[0] ?? null);
    })()`);
    return JSON.parse(json) as T;
  }

  async close(): Promise<void> {
    await this.firefox.close();
  }
}
