/**
 * The store archives that `npm run zip` makes load and start in both browsers: the Chrome zip,
 * unpacked, in Chromium (as "Load unpacked" would take it; the Web Store unpacks it the same
 * way), and the Firefox zip as it is, as a temporary add-on (Firefox reads the archive itself).
 * Started means: the options page renders, the popup shows the background's answer, and on a
 * LinkedIn page the content script loads the bars' UI.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { EXPECTED } from '../fixtures/expected';
import { FIXTURE_URLS } from '../fixtures/routes';
import { click, hover, waitFor } from '../scenarios/ui';
import type { ExtensionDriver } from '../support/driver';
import { ChromiumDriver } from '../support/driver-chromium';
import { FirefoxDriver } from '../support/driver-firefox';
import { OUTPUT_DIR, PROJECT_ROOT } from '../support/paths';

const run = promisify(execFile);
const { version } = JSON.parse(await readFile(path.join(PROJECT_ROOT, 'package.json'), 'utf8'));
const CHROME_ZIP = path.join(OUTPUT_DIR, `reactbar-${version}-chrome.zip`);
const FIREFOX_ZIP = path.join(OUTPUT_DIR, `reactbar-${version}-firefox.zip`);
const SOURCES_ZIP = path.join(OUTPUT_DIR, `reactbar-${version}-sources.zip`);

let unpacked: string;

beforeAll(async () => {
  for (const zip of [CHROME_ZIP, FIREFOX_ZIP, SOURCES_ZIP]) await rm(zip, { force: true });
  // As from a shell: Vitest sets NODE_ENV=test, which would make Vite build React's development
  // JSX (jsxDEV) against its production runtime, and the bars would fail to render.
  const env = { ...process.env };
  delete env.NODE_ENV;
  await run('npm', ['run', 'zip'], { cwd: PROJECT_ROOT, env, maxBuffer: 16 * 1024 * 1024 });
  unpacked = await mkdtemp(path.join(tmpdir(), 'reactbar-zip-'));
  // python3's zipfile: on every machine this project runs on, unlike unzip.
  await run('python3', ['-m', 'zipfile', '-e', CHROME_ZIP, unpacked]);
}, 240_000);

afterAll(async () => {
  if (unpacked) await rm(unpacked, { recursive: true, force: true });
});

test('npm run zip makes the Chrome, Firefox and sources archives', () => {
  for (const zip of [CHROME_ZIP, FIREFOX_ZIP, SOURCES_ZIP]) expect(existsSync(zip), zip).toBe(true);
});

const [FIRST_MESSAGE] = EXPECTED.messaging.initial;

async function expectStarted(driver: ExtensionDriver): Promise<void> {
  const options = await driver.openExtensionPage('options.html');
  await waitFor(options, { role: 'heading', name: 'Reactbar options' });
  const popup = await driver.openExtensionPage('popup.html');
  await click(popup, { css: 'summary', text: 'Connection' });
  // The background answered with its settings: the real services, out of the box.
  await waitFor(
    popup,
    { css: '[data-testid="status-connectsafely"]' },
    (found) => found.text === 'https://api.connectsafely.ai/linkedin',
  );
  // The content script runs on LinkedIn and loads the bars' UI: without a key, the bar says so.
  const messaging = await driver.newTab();
  await messaging.goto(FIXTURE_URLS.messaging);
  await hover(messaging, { css: `[data-event-urn="${FIRST_MESSAGE?.urn}"]` });
  await waitFor(messaging, {
    host: FIRST_MESSAGE?.urn,
    role: 'button',
    name: 'Add your ConnectSafely key',
  });
}

test('the Chrome archive, unpacked, loads and starts in Chromium', async () => {
  const manifest = JSON.parse(await readFile(path.join(unpacked, 'manifest.json'), 'utf8'));
  // The name comes from the catalogue: the browser reads it from _locales (default_locale).
  expect(manifest).toMatchObject({
    manifest_version: 3,
    name: '__MSG_extName__',
    default_locale: 'en',
    version,
  });
  const en = JSON.parse(await readFile(path.join(unpacked, '_locales/en/messages.json'), 'utf8'));
  expect(en.extName.message).toBe('Reactbar');
  const driver = await ChromiumDriver.launch(unpacked);
  try {
    await expectStarted(driver);
  } finally {
    await driver.close();
  }
});

test('the Firefox archive loads and starts in Firefox as it is', async () => {
  const driver = await FirefoxDriver.launch(FIREFOX_ZIP);
  try {
    await expectStarted(driver);
  } finally {
    await driver.close();
  }
});
