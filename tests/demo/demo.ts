/**
 * `npm run demo`: the built extension against the local emulator, on the fixture pages.
 * With a display it opens Chromium for clicking around; without one it runs headless,
 * saves screenshots and prints where they are.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { startEmulator } from '../emulator/server';
import { FIXTURE_URLS } from '../fixtures/routes';
import { configureConnection, launchBrowser, PROJECT_ROOT, serveFixtures } from '../support/browser';

const headless = !process.env.DISPLAY || process.argv.includes('--headless');
const outputDir = path.join(PROJECT_ROOT, 'demo-output');

const emulator = await startEmulator({ port: Number(process.env.EMULATOR_PORT ?? 0) });
console.log(`Emulator listening: ${emulator.urls.connectSafelyUrl} (socket ${emulator.urls.socketUrl})`);

const { context, extensionId } = await launchBrowser({ headless });
if (!extensionId) throw new Error('The extension did not load');
await serveFixtures(context);
await configureConnection(context, extensionId, emulator.urls);

const pages = [
  { name: 'feed', url: FIXTURE_URLS.feed },
  { name: 'post', url: FIXTURE_URLS.post },
  { name: 'messaging', url: FIXTURE_URLS.messaging },
  { name: 'overlay', url: FIXTURE_URLS.overlay },
];

if (headless) {
  await mkdir(outputDir, { recursive: true });
  for (const { name, url } of pages) {
    const page = await context.newPage();
    await page.goto(url);
    await page.locator('[data-reactbar-kind]').first().waitFor({ state: 'attached', timeout: 10_000 });
    const file = path.join(outputDir, `${name}.png`);
    await page.screenshot({ path: file, fullPage: false });
    const count = await page.locator('[data-reactbar-kind]').count();
    console.log(`${name}: ${count} reaction targets in the top frame, screenshot ${file}`);
    await page.close();
  }
  console.log(`Screenshots saved in ${outputDir}`);
  await context.close();
  await emulator.close();
} else {
  for (const { url } of pages) await (await context.newPage()).goto(url);
  console.log('Chromium is open with Reactbar. Close the browser window to stop the demo.');
  await new Promise<void>((resolve) => context.on('close', () => resolve()));
  await emulator.close();
}
