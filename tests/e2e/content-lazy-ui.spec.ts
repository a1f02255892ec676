/**
 * At load a LinkedIn frame runs the small content script only; the bars' UI (content-ui.js:
 * React, the bars, the picker, the stylesheet) is loaded when the first bar is wanted.
 */
import type { CDPSession, Page } from '@playwright/test';
import { EXPECTED, type ExpectedTarget } from '../fixtures/expected';
import { FIXTURE_URLS } from '../fixtures/routes';
import { expect, test } from './fixtures';

const [FIRST, SECOND] = EXPECTED.messaging.initial as [ExpectedTarget, ExpectedTarget];

function host(page: Page, target: ExpectedTarget) {
  return page.locator(`reactbar-host[data-reactbar-urn="${target.urn}"]`);
}

/** The URLs of every script the page's frames have parsed, the content scripts' worlds included. */
async function watchScripts(page: Page): Promise<{ urls: string[]; cdp: CDPSession }> {
  const cdp = await page.context().newCDPSession(page);
  const urls: string[] = [];
  cdp.on('Debugger.scriptParsed', ({ url }) => urls.push(url));
  // Reports the scripts parsed so far too.
  await cdp.send('Debugger.enable');
  return { urls, cdp };
}

const isContentScript = (url: string) => url.endsWith('/content-scripts/linkedin.js');
const isUi = (url: string) => url.endsWith('/content-ui.js');

test('the UI is loaded on the first hover, not before', async ({ context, addKey }) => {
  await addKey();
  const page = await context.newPage();
  await page.goto(FIXTURE_URLS.messaging);
  // Every message is ready for the keyboard: its host is a tab stop.
  await expect(host(page, FIRST)).toHaveAttribute('tabindex', '0');
  await expect(host(page, SECOND)).toHaveAttribute('tabindex', '0');

  const scripts = await watchScripts(page);
  await expect.poll(() => scripts.urls.some(isContentScript)).toBe(true);
  expect(scripts.urls.filter(isUi)).toEqual([]);
  expect(
    await page.locator('reactbar-host').evaluateAll((hosts) => hosts.some((h) => h.shadowRoot)),
  ).toBe(false);

  await page.locator(`[data-event-urn="${FIRST.urn}"]`).hover();
  await expect(host(page, FIRST).getByRole('button', { name: 'React with 👍' })).toBeVisible();
  expect(scripts.urls.filter(isUi)).toHaveLength(1);
  // Its web-accessible URL is per session (use_dynamic_url): the page cannot probe for it.
  const extensionId = new URL(context.serviceWorkers()[0]?.url() ?? '').host;
  const probe = await page.evaluate(
    (url) =>
      fetch(url).then(
        (response) => response.status,
        () => 'refused',
      ),
    `chrome-extension://${extensionId}/content-ui.js`,
  );
  expect(probe).toBe('refused');
  await scripts.cdp.detach();
});

test('the keyboard loads it too: a focused message gets its bar, focus moves into it', async ({
  context,
  addKey,
}) => {
  await addKey();
  const page = await context.newPage();
  await page.goto(FIXTURE_URLS.messaging);
  await host(page, FIRST).focus();
  await expect(host(page, FIRST).getByRole('button', { name: 'React with 👍' })).toBeFocused();
  await expect(host(page, FIRST)).not.toHaveAttribute('tabindex');
});

test('a message with a reaction shows it at load, without a hover', async ({ context, addKey }) => {
  await addKey();
  const first = await context.newPage();
  await first.goto(FIXTURE_URLS.messaging);
  await first.locator(`[data-event-urn="${SECOND.urn}"]`).hover();
  await host(first, SECOND).getByRole('button', { name: 'React with 👏' }).click();
  await expect(
    host(first, SECOND).getByRole('button', { name: 'Remove your 👏 reaction' }),
  ).not.toHaveAttribute('data-pending');

  const page = await context.newPage();
  await page.goto(FIXTURE_URLS.messaging);
  await expect(host(page, SECOND).locator('.rb-chips')).toHaveText('👏');
  // Only the message that has something to show renders a bar.
  expect(
    await page
      .locator('reactbar-host')
      .evaluateAll(
        (hosts) => hosts.filter((h) => h.shadowRoot?.querySelector('.rb-anchor')).length,
      ),
  ).toBe(1);
});

test('the bars show the stored quick set, and follow its changes', async ({ context, addKey }) => {
  await addKey();
  const worker = context.serviceWorkers()[0];
  if (!worker) throw new Error('no background worker');
  const setQuickSet = (emoji: string[]) =>
    worker.evaluate((list) => chrome.storage.local.set({ 'settings.quickSet': list }), emoji);
  await setQuickSet(['🚀', '👍']);
  const page = await context.newPage();
  await page.goto(FIXTURE_URLS.messaging);
  await page.locator(`[data-event-urn="${FIRST.urn}"]`).hover();
  const emoji = host(page, FIRST).locator('button.rb-emoji');
  await expect(emoji).toHaveText(['🚀', '👍']);
  await setQuickSet(['🎉']);
  await expect(emoji).toHaveText(['🎉']);
});
