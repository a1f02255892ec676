/**
 * Chrome's own checks of the manifest: what chrome://extensions reports for the built extension
 * in developer mode (install warnings, manifest errors, runtime errors), read through the page's
 * chrome.developerPrivate API. A copy of the build with an unknown manifest key shows that the
 * check does see warnings.
 */
import { cp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type BrowserContext, expect, test } from '@playwright/test';
import { EXTENSION_DIR, launchBrowser } from '../support/browser';

interface ExtensionInfo {
  id: string;
  name: string;
  installWarnings: string[];
  manifestErrors: Array<{ message: string }>;
  runtimeErrors: Array<{ message: string }>;
}

/**
 * What chrome://extensions says of the extension. Manifest warnings (unknown keys and the like)
 * are kept only in developer mode: it is switched on, and the extension loaded again, first.
 */
async function reportFor(context: BrowserContext, extensionId: string): Promise<ExtensionInfo> {
  const page = await context.newPage();
  await page.goto('chrome://extensions/');
  const id = JSON.stringify(extensionId);
  await page.evaluate(
    `new Promise((resolve) => chrome.developerPrivate.updateProfileConfiguration({ inDeveloperMode: true }, resolve))`,
  );
  await page.evaluate(
    `new Promise((resolve, reject) => chrome.developerPrivate.reload(${id}, { failQuietly: false }, (error) => error ? reject(new Error(error.error)) : resolve()))`,
  );
  const read = async () =>
    (await page.evaluate(
      `new Promise((resolve) => chrome.developerPrivate.getExtensionInfo(${id}, resolve))`,
    )) as ExtensionInfo & { state: string };
  // The reload's callback can come before the extension is enabled again (a busy machine saw
  // DISABLED): wait for it.
  await expect.poll(async () => (await read()).state, { timeout: 10_000 }).toBe('ENABLED');
  return read();
}

async function check(extensionDir: string): Promise<ExtensionInfo> {
  const { context, extensionId, userDataDir } = await launchBrowser({ extensionDir });
  try {
    if (!extensionId) throw new Error('The extension did not load');
    return await reportFor(context, extensionId);
  } finally {
    await context.close();
    await rm(userDataDir, { recursive: true, force: true });
  }
}

test('Chrome reports no warning or error for the manifest', async () => {
  const info = await check(EXTENSION_DIR);
  expect(info.name).toBe('Reactbar');
  expect(info.installWarnings).toEqual([]);
  expect(info.manifestErrors).toEqual([]);
  expect(info.runtimeErrors).toEqual([]);
});

test('the check sees a manifest warning when there is one', async () => {
  const copy = path.join(tmpdir(), `reactbar-manifest-check-${process.pid}`);
  await cp(EXTENSION_DIR, copy, { recursive: true });
  try {
    const manifestPath = path.join(copy, 'manifest.json');
    const manifest = JSON.parse(await readFile(manifestPath, 'utf8'));
    await writeFile(manifestPath, JSON.stringify({ ...manifest, not_a_manifest_key: true }));
    const info = await check(copy);
    expect(info.manifestErrors.map((error) => error.message)).toEqual([
      "Unrecognized manifest key 'not_a_manifest_key'.",
    ]);
  } finally {
    await rm(copy, { recursive: true, force: true });
  }
});
