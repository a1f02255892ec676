/**
 * Keyboard shortcuts as the browser delivers them: the worker's own `commands.onCommand`
 * listener is dispatched (a browser shortcut cannot be pressed through a page), and the content
 * script of the tab does the rest, against the emulator.
 */
import type { BrowserContext, Locator, Page } from '@playwright/test';
import { EXPECTED, type ExpectedTarget } from '../fixtures/expected';
import { FIXTURE_URLS } from '../fixtures/routes';
import { connectLinkedInThroughPopup, extensionPageUrl } from '../support/browser';
import { expect, test } from './fixtures';

const THREAD = EXPECTED.messaging.initial;
const [FIRST, SECOND] = THREAD as [ExpectedTarget, ExpectedTarget];
const LATEST = THREAD[THREAD.length - 1] as ExpectedTarget;

const host = (page: Page, target: ExpectedTarget): Locator =>
  page.locator(`reactbar-host[data-reactbar-urn="${target.urn}"]`);
const active = (page: Page, target: ExpectedTarget, emoji: string): Locator =>
  host(page, target).getByRole('button', { name: `Remove your ${emoji} reaction`, exact: true });

/** The browser heard `command` in `page`'s tab. */
async function shortcut(context: BrowserContext, page: Page, command: string): Promise<void> {
  await page.bringToFront();
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  await worker.evaluate(async (name) => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    // Chrome's event objects can be dispatched in the worker: exactly what a key press does.
    (chrome.commands.onCommand as unknown as { dispatch(...args: unknown[]): void }).dispatch(
      name,
      tab,
    );
  }, command);
}

/**
 * What the page's top frame did with `command`, once it has handled it: the message the
 * background sends for a shortcut, sent to that frame alone, with its answer.
 */
async function topFrameActs(
  context: BrowserContext,
  page: Page,
  command: string,
): Promise<boolean> {
  await page.bringToFront();
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  return worker.evaluate(async (name) => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    const message = { id: 1, type: 'shortcut', data: { command: name }, timestamp: Date.now() };
    const answer = await chrome.tabs.sendMessage(tab?.id ?? -1, message, { frameId: 0 });
    return (answer as { res?: boolean }).res === true;
  }, command);
}

async function openMessaging(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.goto(FIXTURE_URLS.messaging);
  await expect(host(page, FIRST)).toBeAttached();
  await page.locator(`[data-event-urn="${FIRST.urn}"]`).hover();
  await expect(
    host(page, FIRST).getByRole('button', { name: 'React with 👍', exact: true }),
  ).toBeAttached();
  return page;
}

test.beforeEach(async ({ addKey }) => {
  await addKey();
});

test('the n-th shortcut reacts to the hovered message, and again takes it back', async ({
  context,
  control,
}) => {
  const page = await openMessaging(context);
  await page.locator(`[data-event-urn="${SECOND.urn}"]`).hover();
  await shortcut(context, page, 'react-2');
  await expect(active(page, SECOND, '❤️')).toBeAttached();
  const [request] = await control.waitForRequests({ route: 'cs.react' }, 1);
  expect(request?.body).toMatchObject({ emoji: '❤️', react: true });

  await shortcut(context, page, 'react-2');
  await expect(active(page, SECOND, '❤️')).toHaveCount(0);
  const requests = await control.waitForRequests({ route: 'cs.react' }, 2);
  expect(requests[1]?.body).toMatchObject({ emoji: '❤️', react: false });
  // The first message, not hovered, was never touched.
  expect(requests.every((entry) => entry.path.includes(encodeURIComponent(SECOND.urn)))).toBe(true);
});

test('the latest message of the open thread, and nothing while typing', async ({
  context,
  control,
}) => {
  const page = await openMessaging(context);
  // Typing in LinkedIn's message field: the keys are the text's.
  await page.getByRole('textbox', { name: 'Write a message…' }).click();
  await page.keyboard.type('Thanks');
  expect(await topFrameActs(context, page, 'react-latest')).toBe(false);
  await page.locator(`[data-event-urn="${SECOND.urn}"]`).hover();
  expect(await topFrameActs(context, page, 'react-1')).toBe(false);
  // Out of the field (the page itself has focus), the latest message gets the first emoji.
  await page.locator('body').click({ position: { x: 2, y: 2 } });
  await shortcut(context, page, 'react-latest');
  await expect(active(page, LATEST, '👍')).toBeAttached();
  const requests = await control.waitForRequests({ route: 'cs.react' }, 1);
  expect(requests).toHaveLength(1);
  expect(requests[0]?.path).toContain(encodeURIComponent(LATEST.urn));
});

test('on a post, the n-th shortcut is LinkedIn’s n-th reaction, the picker one focuses its row', async ({
  context,
  extensionId,
  emulator,
  control,
}) => {
  const post = 'urn:li:activity:7402115930461724672';
  await connectLinkedInThroughPopup(context, extensionId, emulator.credentials.linkedinToken);
  const page = await context.newPage();
  await page.goto(FIXTURE_URLS.feed);
  const postHost = page.locator(`reactbar-host[data-reactbar-urn="${post}"]`);
  await postHost.evaluate((element) => element.parentElement?.scrollIntoView({ block: 'center' }));
  const row = postHost.getByRole('toolbar');
  await expect(row.getByRole('button', { name: 'React Celebrate', exact: true })).toBeVisible();
  await row.hover();
  await shortcut(context, page, 'react-2');
  await expect(
    row.getByRole('button', { name: 'Remove your Celebrate reaction', exact: true }),
  ).toHaveAttribute('aria-pressed', 'true');
  await expect
    .poll(async () => (await control.postReactions(post)).map((reaction) => reaction.reactionType))
    .toEqual(['PRAISE']);

  await shortcut(context, page, 'open-picker');
  await expect(row.getByRole('button').first()).toBeFocused();
});

test('the picker shortcut opens the emoji picker of the hovered message', async ({ context }) => {
  const page = await openMessaging(context);
  await shortcut(context, page, 'open-picker');
  await expect(host(page, FIRST).getByRole('dialog')).toBeVisible();
});

test('the options page lists every shortcut with its keys', async ({ context, extensionId }) => {
  const options = await context.newPage();
  await options.goto(extensionPageUrl(extensionId, 'options.html'));
  const section = options.getByRole('region', { name: 'Keyboard shortcuts' });
  await expect(section.getByRole('row')).toHaveCount(9);
  await expect(
    section.getByRole('row', { name: /first quick reaction to the hovered/ }),
  ).toContainText('Alt+Shift+1');
  await expect(section.getByRole('row', { name: /third quick reaction/ })).toContainText('Not set');
});
