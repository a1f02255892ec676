/**
 * Launching Debian's Chromium with the built extension, shared by the browser tests, the demo
 * and the benchmarks. Never downloads a browser.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type BrowserContext, chromium, type Page, type Worker } from '@playwright/test';
import { FIXTURE_ORIGIN, fixtureContentType, resolveFixture } from '../fixtures/routes';
import { EXTENSION_DIR } from './paths';

export { EXTENSION_DIR, PROJECT_ROOT } from './paths';

const CHROMIUM_CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/lib/chromium/chromium',
  '/usr/bin/chromium-browser',
];

export function chromiumPath(): string {
  const override = process.env.CHROMIUM_PATH;
  if (override) return override;
  const found = CHROMIUM_CANDIDATES.find((candidate) => existsSync(candidate));
  if (!found) {
    throw new Error(
      'Chromium not found: install it (apt-get install -y chromium) or set CHROMIUM_PATH',
    );
  }
  return found;
}

export interface LaunchOptions {
  headless?: boolean;
  /** Another extension build to load, e.g. a benchmark variant. */
  extensionDir?: string | null;
  userDataDir?: string;
  /** The browser's language (e.g. 'de'): its UI's, so the extension's catalogue's too. */
  lang?: string;
}

export interface ExtensionBrowser {
  context: BrowserContext;
  /** Null when launched without the extension. */
  extensionId: string | null;
  userDataDir: string;
}

export async function launchBrowser(options: LaunchOptions = {}): Promise<ExtensionBrowser> {
  const extensionDir = options.extensionDir === undefined ? EXTENSION_DIR : options.extensionDir;
  if (extensionDir && !existsSync(path.join(extensionDir, 'manifest.json'))) {
    throw new Error(`No built extension in ${extensionDir}: run "npm run build" first`);
  }
  const userDataDir =
    options.userDataDir ?? (await mkdtemp(path.join(tmpdir(), 'reactbar-profile-')));
  const args = [
    // This machine has no network but loopback: keep Chromium from calling home.
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-quic',
    '--no-first-run',
    '--no-default-browser-check',
  ];
  if (process.getuid?.() === 0) args.push('--no-sandbox');
  if (options.lang) args.push(`--lang=${options.lang}`);
  if (extensionDir)
    args.push(`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`);
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    headless: options.headless ?? true,
    args,
    viewport: { width: 1280, height: 900 },
    // Chromium on Linux takes its UI language from the environment, not from --lang alone.
    ...(options.lang && {
      locale: options.lang,
      env: { ...process.env, LANGUAGE: options.lang, LANG: `${options.lang}_DE.UTF-8` },
    }),
  });
  const extensionId = extensionDir ? new URL((await backgroundWorker(context)).url()).host : null;
  return { context, extensionId, userDataDir };
}

/** The extension's service worker, waiting for it to start if needed. */
export async function backgroundWorker(context: BrowserContext, timeout = 10_000): Promise<Worker> {
  const running = context
    .serviceWorkers()
    .find((worker) => worker.url().startsWith('chrome-extension://'));
  return running ?? context.waitForEvent('serviceworker', { timeout });
}

/**
 * Kills the extension's service worker, as Chrome does after 30 s idle, and resolves once
 * Chrome reports it stopped. The next event (a message, an alarm) starts a new one.
 */
export async function stopBackgroundWorker(context: BrowserContext): Promise<void> {
  const page = await context.newPage();
  const session = await context.newCDPSession(page);
  const status = new Map<string, string>();
  session.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
    for (const version of versions) status.set(version.versionId, version.runningStatus);
  });
  await session.send('ServiceWorker.enable');
  await session.send('ServiceWorker.stopAllWorkers');
  const deadline = Date.now() + 10_000;
  while ([...status.values()].some((state) => state !== 'stopped')) {
    if (Date.now() > deadline) throw new Error('The service worker did not stop');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await session.detach();
  await page.close();
}

/**
 * Serves the fixture pages (and their shared stylesheet) as https://www.linkedin.com/… to the
 * real content script.
 */
export async function serveFixtures(context: BrowserContext): Promise<void> {
  await context.route(`${FIXTURE_ORIGIN}/**`, async (route) => {
    const file = resolveFixture(route.request().url());
    if (!file) {
      await route.fulfill({
        status: 404,
        contentType: 'text/html',
        body: '<!doctype html><title>Not found</title>',
      });
      return;
    }
    await route.fulfill({
      status: 200,
      contentType: fixtureContentType(file),
      body: await readFile(file, 'utf8'),
    });
  });
}

export interface ConnectionUrls {
  connectSafelyUrl: string;
  socketUrl: string;
  linkedinUrl: string;
  linkedinVersion?: string;
}

export function extensionPageUrl(extensionId: string, page: 'popup.html' | 'options.html'): string {
  return `chrome-extension://${extensionId}/${page}`;
}

/** Fills and saves the options page's Connection section, as a user would. */
export async function configureConnection(
  context: BrowserContext,
  extensionId: string,
  urls: ConnectionUrls,
): Promise<void> {
  const page = await context.newPage();
  await page.goto(extensionPageUrl(extensionId, 'options.html'));
  await fillConnectionForm(page, urls);
  await page.close();
}

export async function fillConnectionForm(page: Page, urls: ConnectionUrls): Promise<void> {
  await page.getByLabel('ConnectSafely API URL').fill(urls.connectSafelyUrl);
  await page.getByLabel('Realtime socket URL').fill(urls.socketUrl);
  await page.getByLabel('LinkedIn API URL').fill(urls.linkedinUrl);
  if (urls.linkedinVersion)
    await page.getByLabel('LinkedIn API version').fill(urls.linkedinVersion);
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByText('Saved.').waitFor();
}

/** Adds a ConnectSafely key through the popup's Accounts tab, as a user does. */
export async function addKeyThroughPopup(
  context: BrowserContext,
  extensionId: string,
  apiKey: string,
): Promise<void> {
  const popup = await context.newPage();
  await popup.goto(`${extensionPageUrl(extensionId, 'popup.html')}#accounts`);
  await popup.getByLabel('API key', { exact: true }).fill(apiKey);
  await popup.getByRole('button', { name: 'Add key' }).click();
  await popup
    .getByRole('status')
    .filter({ hasText: /added\./ })
    .waitFor({ state: 'attached' });
  await popup.close();
}

/**
 * Connects LinkedIn in an open popup's Accounts tab (`popup.html#accounts`) as a user does: the
 * token pasted under "Or paste an access token", then *Connect token*. Resolves once the section
 * says "Connected as …" (the name LinkedIn's userinfo gives); throws with the section's words if
 * it refuses. A busy machine may render the section again between the fill and the click,
 * emptying the field: then the popup says to paste the token first, and it is pasted again.
 */
export async function connectLinkedInInPopup(popup: Page, token: string): Promise<void> {
  const section = popup.getByRole('region', { name: 'LinkedIn', exact: true });
  const connected = section.getByRole('heading', { name: /^Connected as / });
  const problem = section.getByRole('alert');
  const field = section.getByLabel('Access token', { exact: true });
  for (let attempt = 1; attempt <= 3; attempt++) {
    await field.fill(token);
    if ((await field.inputValue()) !== token) continue;
    await section.getByRole('button', { name: 'Connect token' }).click();
    await connected.or(problem).first().waitFor({ timeout: 15_000 });
    if (await connected.isVisible()) return;
    const words = (await problem.first().textContent()) ?? '';
    if (!/paste your linkedin access token first/i.test(words))
      throw new Error(`LinkedIn did not connect: ${words}`);
  }
  throw new Error('LinkedIn did not connect: the token field kept emptying');
}

/** Opens the popup's Accounts tab, connects LinkedIn with `token` and closes the popup. */
export async function connectLinkedInThroughPopup(
  context: BrowserContext,
  extensionId: string,
  token: string,
): Promise<void> {
  const popup = await context.newPage();
  await popup.goto(`${extensionPageUrl(extensionId, 'popup.html')}#accounts`);
  await connectLinkedInInPopup(popup, token);
  await popup.close();
}
