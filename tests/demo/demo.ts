/**
 * `npm run demo`: the built extension against the local emulator, on the fixture pages, with
 * the demo ConnectSafely key added and the demo member's LinkedIn token connected. With a display
 * it opens Chromium for clicking around; without one it runs headless: reacts to a message in one
 * messaging tab and checks the other follows, then connects LinkedIn in the popup, reacts to a
 * post and a comment in one feed tab and checks the other follows and the emulator holds them,
 * saves screenshots and prints where they are.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { startEmulator } from '../emulator/server';
import { EXPECTED } from '../fixtures/expected';
import { FIXTURE_URLS } from '../fixtures/routes';
import {
  addKeyThroughPopup,
  configureConnection,
  connectLinkedInThroughPopup,
  extensionPageUrl,
  launchBrowser,
  PROJECT_ROOT,
  serveFixtures,
} from '../support/browser';
import { demoPostsAndComments } from './posts';

const headless = !process.env.DISPLAY || process.argv.includes('--headless');
const outputDir = path.join(PROJECT_ROOT, 'demo-output');

const emulator = await startEmulator({ port: Number(process.env.EMULATOR_PORT ?? 0) });
console.log(`Emulator: ${emulator.urls.connectSafelyUrl} (socket ${emulator.urls.socketUrl})`);
console.log(`Demo ConnectSafely key: ${emulator.credentials.connectSafelyKey}`);
console.log(`Demo LinkedIn token: ${emulator.credentials.linkedinToken}`);

const { context, extensionId } = await launchBrowser({ headless });
if (!extensionId) throw new Error('The extension did not load');
await serveFixtures(context);
await configureConnection(context, extensionId, emulator.urls);
await addKeyThroughPopup(context, extensionId, emulator.credentials.connectSafelyKey);

async function open(url: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(url);
  await page.locator('reactbar-host').first().waitFor({ state: 'attached', timeout: 15_000 });
  return page;
}

const feed = await open(FIXTURE_URLS.feed);
const overlay = await open(FIXTURE_URLS.overlay);
const tabA = await open(FIXTURE_URLS.messaging);
const tabB = await open(FIXTURE_URLS.messaging);

if (!headless) {
  await connectLinkedInThroughPopup(context, extensionId, emulator.credentials.linkedinToken);
  await open(FIXTURE_URLS.feed);
  console.log(
    'Chromium is open with Reactbar: hover a message in either messaging tab and click an emoji;',
  );
  console.log('the other tab follows. LinkedIn is connected: the feed is open in two tabs, so a');
  console.log("post's or a comment's reaction in one shows in the other.");
  console.log('Close the browser window to stop the demo.');
  await new Promise<void>((resolve) => context.on('close', () => resolve()));
  await emulator.close();
  process.exit(0);
}

await mkdir(outputDir, { recursive: true });
const STORE_SCREENSHOT = { width: 1280, height: 800 };
const shots: string[] = [];
async function shoot(page: Page, name: string): Promise<void> {
  const file = path.join(outputDir, `${name}.png`);
  await page.bringToFront();
  // 1280×800, the size both stores ask of listing screenshots, so these serve as them; the
  // popup keeps its own size.
  const size = page.viewportSize();
  if (!size || size.width >= STORE_SCREENSHOT.width) await page.setViewportSize(STORE_SCREENSHOT);
  await page.screenshot({ path: file });
  shots.push(file);
}

// React in tab A; the same reaction shows in tab B through the background's fan-out.
const target = EXPECTED.messaging.initial[1];
if (!target) throw new Error('The messaging fixture has no messages');
const message = (page: Page) => page.locator(`[data-event-urn="${target.urn}"]`);
const bar = (page: Page) => page.locator(`reactbar-host[data-reactbar-urn="${target.urn}"]`);
await message(tabA).hover();
await bar(tabA).getByRole('button', { name: 'React with 👍' }).click();
await bar(tabB)
  .getByRole('button', { name: 'Remove your 👍 reaction' })
  .waitFor({ state: 'attached' });
await shoot(tabA, 'messaging-tab-a-after-click');
await message(tabB).hover();
await shoot(tabB, 'messaging-tab-b-synced');
console.log('Reacted 👍 in tab A; tab B shows it too.');

await overlay.locator('[data-event-urn]').first().hover();
await shoot(overlay, 'overlay-chat-windows');
await shoot(feed, 'feed');
const popup = await context.newPage();
await popup.setViewportSize({ width: 380, height: 600 });
await popup.goto(extensionPageUrl(extensionId, 'popup.html'));
await popup.getByRole('tab', { name: 'History' }).click();
await shoot(popup, 'popup-history');
await popup.close();

// Posts and comments: LinkedIn connected in the popup, two feed tabs in sync, the emulator checked.
await demoPostsAndComments({ context, extensionId, emulator, shoot });

// The history: everything reacted above, a filter, and the chart, in the history page.
const history = await context.newPage();
await history.goto(`chrome-extension://${extensionId}/history.html`);
await history.getByRole('heading', { name: 'Today' }).waitFor();
await history.getByLabel('Kind', { exact: true }).selectOption('post');
await history
  .getByTestId('history-list')
  .getByText('Reacted Celebrate on a post', { exact: true })
  .first()
  .waitFor();
await shoot(history, 'history-filtered-posts');
await history.getByLabel('Kind', { exact: true }).selectOption('');
await history.getByRole('button', { name: 'Chart' }).click();
await history.getByTestId('history-chart').locator('canvas').waitFor();
await shoot(history, 'history-chart');
console.log('The history page shows the reactions, filtered to posts, and the chart.');

for (const [name, page] of Object.entries({ feed, overlay, messaging: tabA })) {
  console.log(
    `${name}: ${await page.locator('reactbar-host').count()} reaction targets in the top frame`,
  );
}
console.log(`Screenshots saved in ${outputDir}:`);
for (const file of shots) console.log(`  ${file}`);
await context.close();
await emulator.close();
