/**
 * Feed posts without a LinkedIn connection: every post of both generations gets LinkedIn's six
 * reactions, quiet (dimmed); a click says to connect LinkedIn and links to Accounts; the row
 * starts in the state LinkedIn's page shows, also where the page is in German or French; the
 * options page's switch hides the rows live; a page script cannot click them.
 */
import type { Page } from '@playwright/test';
import { EXPECTED, PAGE_STATES } from '../fixtures/expected';
import { FIXTURE_URLS } from '../fixtures/routes';
import { expect, test } from './fixtures';

const GEN_A = 'urn:li:activity:7402115930461724672';
const GEN_A_CELEBRATED = 'urn:li:activity:7402098811520303104';
const GEN_B = 'urn:li:activity:7402128840027357184';
const GEN_B_LIKED = 'urn:li:activity:7402101170852921344';

const NAMES: Record<string, string> = {
  LIKE: 'Like',
  PRAISE: 'Celebrate',
  APPRECIATION: 'Support',
  EMPATHY: 'Love',
  INTEREST: 'Insightful',
  ENTERTAINMENT: 'Funny',
};

const host = (page: Page, urn: string) => page.locator(`reactbar-host[data-reactbar-urn="${urn}"]`);
const row = (page: Page, urn: string) => host(page, urn).getByRole('toolbar');

/** Scrolls the post's own element into view (its row renders near the viewport). */
async function reveal(page: Page, urn: string): Promise<void> {
  await host(page, urn).evaluate((element) =>
    element.parentElement?.scrollIntoView({ block: 'center' }),
  );
}

/** The labels of a row, and which one is pressed. */
async function expectRow(page: Page, urn: string, pressed: string | null): Promise<void> {
  const buttons = row(page, urn).getByRole('button');
  await expect(buttons).toHaveCount(6);
  for (const [type, name] of Object.entries(NAMES)) {
    const label =
      pressed === type
        ? `Remove your ${name} reaction`
        : pressed
          ? `Switch to ${name}`
          : `React ${name}`;
    await expect(row(page, urn).getByRole('button', { name: label, exact: true })).toHaveAttribute(
      'aria-pressed',
      String(pressed === type),
    );
  }
}

test('posts of both generations show the six reactions without hovering, quiet without LinkedIn', async ({
  context,
}) => {
  const page = await context.newPage();
  await page.goto(FIXTURE_URLS.feed);
  for (const urn of [GEN_A, GEN_B]) {
    await reveal(page, urn);
    await expectRow(page, urn, null);
    await expect(host(page, urn).locator('.rb-anchor')).toHaveAttribute('data-quiet', '');
    // Seen without any hover: the bar is fully opaque.
    await expect
      .poll(() => row(page, urn).evaluate((bar) => getComputedStyle(bar).opacity))
      .toBe('1');
  }
  // No banner on every post: nothing but the rows.
  await expect(page.locator('reactbar-host').locator('.rb-notice')).toHaveCount(0);

  // A click says to connect LinkedIn, and the link opens Accounts.
  await reveal(page, GEN_B);
  await row(page, GEN_B).getByRole('button', { name: 'React Love' }).click();
  const notice = host(page, GEN_B).getByRole('status');
  await expect(notice).toContainText('Connect LinkedIn to react to posts and comments');
  const opened = context.waitForEvent('page');
  await notice.getByRole('button', { name: 'Connect LinkedIn' }).click();
  expect((await opened).url()).toMatch(/\/popup\.html#accounts$/);
  // Nothing was reacted meanwhile.
  await expectRow(page, GEN_B, null);
});

test('the row never moves LinkedIn’s layout', async ({ context }) => {
  const page = await context.newPage();
  await page.goto(FIXTURE_URLS.feed);
  const bar = page.locator(
    `div.feed-shared-update-v2[data-urn="${GEN_A}"] .feed-shared-social-action-bar`,
  );
  await reveal(page, GEN_A);
  await expectRow(page, GEN_A, null);
  const withRow = await bar.boundingBox();
  const height = await host(page, GEN_A).evaluate(
    (element) => element.getBoundingClientRect().height,
  );
  expect(height).toBe(0);
  // Without the host, LinkedIn's bar is where it was.
  const moved = await host(page, GEN_A).evaluate((element) => {
    const before = element.nextElementSibling?.getBoundingClientRect().top;
    (element as HTMLElement).style.display = 'none';
    const after = element.nextElementSibling?.getBoundingClientRect().top;
    (element as HTMLElement).style.display = 'block';
    return (after ?? 0) - (before ?? 0);
  });
  expect(moved).toBe(0);
  expect(withRow).not.toBeNull();
});

test('a post starts in the state LinkedIn’s page shows, on both generations', async ({
  context,
}) => {
  const page = await context.newPage();
  await page.goto(FIXTURE_URLS.feed);
  await reveal(page, GEN_A_CELEBRATED);
  await expectRow(page, GEN_A_CELEBRATED, 'PRAISE');
  await reveal(page, GEN_B_LIKED);
  await expectRow(page, GEN_B_LIKED, 'LIKE');
});

for (const name of ['feedDe', 'postFr'] as const) {
  test(`${name}: posts found in another language, each starting as the page shows`, async ({
    context,
  }) => {
    const page = await context.newPage();
    await page.goto(EXPECTED[name].url);
    const posts = EXPECTED[name].initial.filter((target) => target.kind === 'post');
    await expect(page.locator('reactbar-host[data-reactbar-kind="post"]')).toHaveCount(
      posts.length,
    );
    for (const { urn } of posts) {
      const state = PAGE_STATES[urn];
      await reveal(page, urn);
      // Unknown is shown as no reaction: never a state the page does not show.
      await expectRow(page, urn, state === 'unknown' || state === undefined ? null : state);
    }
  });
}

test('the options switch hides post and comment controls at once, and brings them back', async ({
  context,
  openOptions,
}) => {
  const page = await context.newPage();
  await page.goto(FIXTURE_URLS.feed);
  await reveal(page, GEN_A);
  await expectRow(page, GEN_A, null);
  const comment = page.locator('reactbar-host[data-reactbar-kind="comment"]').first();
  await expect(comment).toHaveAttribute('tabindex', '0');

  const options = await openOptions();
  const toggle = options.getByRole('switch', { name: /Show reactions on posts and comments/ });
  await expect(toggle).toBeChecked();
  await toggle.uncheck();
  await expect(page.locator('reactbar-host').getByRole('toolbar')).toHaveCount(0);
  await expect(comment).not.toHaveAttribute('tabindex');
  // Hovering a comment shows nothing either.
  await comment.evaluate((element) => element.parentElement?.scrollIntoView({ block: 'center' }));
  await page.locator('article.comments-comment-entity').first().hover();
  await expect(comment.getByRole('toolbar')).toHaveCount(0);

  await toggle.check();
  await reveal(page, GEN_A);
  await expectRow(page, GEN_A, null);
  await expect(comment).toHaveAttribute('tabindex', '0');
  // The switch stays as set.
  await options.reload();
  await expect(options.getByRole('switch', { name: /Show reactions/ })).toBeChecked();
});

test('a page script cannot react through the row', async ({ context }) => {
  const page = await context.newPage();
  await page.goto(FIXTURE_URLS.feed);
  await reveal(page, GEN_A);
  await expectRow(page, GEN_A, null);
  // The page's own JavaScript reaches into the open shadow root and clicks and presses keys.
  await page.evaluate((urn) => {
    const root = document.querySelector(`reactbar-host[data-reactbar-urn="${urn}"]`)?.shadowRoot;
    for (const button of root?.querySelectorAll('button') ?? []) {
      button.click();
      button.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
      button.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    }
  }, GEN_A);
  // A person's click on another post is answered (with the connect notice)…
  await reveal(page, GEN_B);
  await row(page, GEN_B).getByRole('button', { name: 'React Like' }).click();
  await expect(host(page, GEN_B).getByRole('status')).toBeVisible();
  // …the script's clicks were not.
  await reveal(page, GEN_A);
  await expectRow(page, GEN_A, null);
  await expect(host(page, GEN_A).getByRole('status')).toHaveCount(0);
});

test('keyboard: Tab reaches a row, arrows move, Enter acts', async ({ context }) => {
  const page = await context.newPage();
  await page.goto(FIXTURE_URLS.feed);
  await reveal(page, GEN_A);
  await expectRow(page, GEN_A, null);
  await row(page, GEN_A).getByRole('button', { name: 'React Like' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(row(page, GEN_A).getByRole('button', { name: 'React Celebrate' })).toBeFocused();
  await page.keyboard.press('End');
  await expect(row(page, GEN_A).getByRole('button', { name: 'React Funny' })).toBeFocused();
  // One tab stop: Shift+Tab leaves the row, Tab comes back to the one last focused.
  await page.keyboard.press('Shift+Tab');
  await expect(row(page, GEN_A).getByRole('button', { name: 'React Funny' })).not.toBeFocused();
  await page.keyboard.press('Tab');
  await expect(row(page, GEN_A).getByRole('button', { name: 'React Funny' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(host(page, GEN_A).getByRole('status')).toContainText('Connect LinkedIn');
});

test('messages keep working without LinkedIn, and posts stay quiet with a ConnectSafely key', async ({
  context,
  addKey,
}) => {
  await addKey();
  const feed = await context.newPage();
  await feed.goto(FIXTURE_URLS.feed);
  await reveal(feed, GEN_A);
  await expectRow(feed, GEN_A, null);
  await expect(host(feed, GEN_A).locator('.rb-anchor')).toHaveAttribute('data-quiet', '');

  const messaging = await context.newPage();
  await messaging.goto(FIXTURE_URLS.messaging);
  const message = messaging.locator('[data-event-urn]').nth(1);
  await message.hover();
  const bar = message.locator('reactbar-host').getByRole('toolbar', { name: 'Quick reactions' });
  await bar.getByRole('button', { name: 'React with 👍' }).click();
  await expect(bar.getByRole('button', { name: 'Remove your 👍 reaction' })).toBeVisible();
});
