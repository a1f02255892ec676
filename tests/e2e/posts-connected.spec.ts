/**
 * Posts and comments with LinkedIn connected (the emulator's demo member token pasted in the
 * popup's Accounts): exactly the documented requests on both generations, the highlight
 * following, a switch ending in the last type under both create behaviours, comments and
 * replies by their full comment URN, failures in plain words, two tabs in sync, the keyboard.
 */
import type { Page } from '@playwright/test';
import type { EmulatorControl } from '../emulator/client';
import { FIXTURE_URLS } from '../fixtures/routes';
import { connectLinkedInThroughPopup } from '../support/browser';
import { expect, test } from './fixtures';

const GEN_A = 'urn:li:activity:7402115930461724672';
const GEN_B = 'urn:li:activity:7402128840027357184';
const GEN_A_REPLY = 'urn:li:comment:(urn:li:activity:7402140017720651776,7402144311157010432)';
const GEN_B_COMMENT = 'urn:li:comment:(urn:li:ugcPost:7402133870268698624,7402136121842376704)';

/** Rest.li 2.0 key encoding: every reserved character, parentheses and commas included. */
const restli = (value: string) =>
  encodeURIComponent(value).replace(/\(/g, '%28').replace(/\)/g, '%29');

const host = (page: Page, urn: string) => page.locator(`reactbar-host[data-reactbar-urn="${urn}"]`);
const row = (page: Page, urn: string) => host(page, urn).getByRole('toolbar');
const button = (page: Page, urn: string, name: string) =>
  row(page, urn).getByRole('button', { name, exact: true });

async function reveal(page: Page, urn: string): Promise<void> {
  await host(page, urn).evaluate((element) =>
    element.parentElement?.scrollIntoView({ block: 'center' }),
  );
}

/** Waits until the row shows `name` pressed and confirmed (no click pending). */
async function expectReacted(page: Page, urn: string, name: string): Promise<void> {
  const pressed = button(page, urn, `Remove your ${name} reaction`);
  await expect(pressed).toHaveAttribute('aria-pressed', 'true');
  await expect(row(page, urn).locator('[data-pending]')).toHaveCount(0);
}

async function expectNone(page: Page, urn: string): Promise<void> {
  await expect(button(page, urn, 'React Like')).toHaveAttribute('aria-pressed', 'false');
  await expect(row(page, urn).locator('[aria-pressed="true"]')).toHaveCount(0);
}

async function typesOn(control: EmulatorControl, urn: string): Promise<string[]> {
  return (await control.postReactions(urn)).map((reaction) => reaction.reactionType);
}

test.beforeEach(async ({ context, extensionId, emulator }) => {
  await connectLinkedInThroughPopup(context, extensionId, emulator.credentials.linkedinToken);
});

for (const [generation, urn] of [
  ['A', GEN_A],
  ['B', GEN_B],
] as const) {
  test(`gen ${generation}: a click sends exactly the documented create, a second the delete`, async ({
    context,
    control,
    emulator,
  }) => {
    const page = await context.newPage();
    await page.goto(FIXTURE_URLS.feed);
    await reveal(page, urn);
    await expect(host(page, urn).locator('.rb-anchor')).not.toHaveAttribute('data-quiet');
    await button(page, urn, 'React Like').click();
    await expectReacted(page, urn, 'Like');
    const [create] = await control.waitForRequests({ route: 'li.create' });
    expect(create?.method).toBe('POST');
    expect(create?.path).toBe('/rest/reactions');
    expect(create?.rawQuery).toBe(`actor=${restli(emulator.credentials.actor)}`);
    expect(create?.body).toEqual({ root: urn, reactionType: 'LIKE' });
    expect(create?.headers).toMatchObject({ 'x-restli-protocol-version': '2.0.0' });
    expect(await typesOn(control, urn)).toEqual(['LIKE']);

    await button(page, urn, 'Remove your Like reaction').click();
    await expectNone(page, urn);
    const [remove] = await control.waitForRequests({ route: 'li.delete' });
    expect(remove?.method).toBe('DELETE');
    expect(remove?.path).toBe(
      `/rest/reactions/(actor:${restli(emulator.credentials.actor)},entity:${restli(urn)})`,
    );
    await expect.poll(() => typesOn(control, urn)).toEqual([]);
    expect(await control.requests({ route: 'li.create' })).toHaveLength(1);
  });
}

for (const mode of ['upsert', 'conflict'] as const) {
  test(`switching Like → Love ends in Love on LinkedIn (create when one exists: ${mode})`, async ({
    context,
    control,
  }) => {
    await control.setCreateWhenExists(mode);
    const page = await context.newPage();
    await page.goto(FIXTURE_URLS.feed);
    await reveal(page, GEN_A);
    await button(page, GEN_A, 'React Like').click();
    await expectReacted(page, GEN_A, 'Like');
    await button(page, GEN_A, 'Switch to Love').click();
    await expectReacted(page, GEN_A, 'Love');
    await expect.poll(() => typesOn(control, GEN_A)).toEqual(['EMPATHY']);
  });
  test(`a worker killed mid-switch ends in Love (create when one exists: ${mode})`, async ({
    context,
    control,
    emulator,
    stopWorker,
  }) => {
    await control.setCreateWhenExists(mode);
    const page = await context.newPage();
    await page.goto(FIXTURE_URLS.feed);
    await reveal(page, GEN_A);
    await button(page, GEN_A, 'React Like').click();
    await expectReacted(page, GEN_A, 'Like');

    // Hold the switch's create at the emulator. Under 'conflict' the switch is create (409),
    // delete, create again: hold the second create, when LinkedIn has no reaction at all.
    await control.setLatency(3000, 'li.create');
    await button(page, GEN_A, 'Switch to Love').click();
    if (mode === 'conflict') await control.waitForRequests({ route: 'li.delete' }, 1, 15_000);
    await control.waitForHeld('li.create', 1, 15_000);
    // The held create is lost (dropped, never applied): only a resend can end in Love.
    await control.failNext('li.create', 0, 1);
    await stopWorker();
    await control.setLatency(0, 'li.create');
    await expect
      .poll(() => control.state().then((state) => state.held['li.create'] ?? 0), {
        timeout: 10_000,
      })
      .toBe(0);
    expect(await typesOn(control, GEN_A)).toEqual(mode === 'conflict' ? [] : ['LIKE']);

    // Any LinkedIn page wakes the worker, which resends the latest intent once the lost
    // request's time is up.
    await page.reload();
    await reveal(page, GEN_A);
    await expect(button(page, GEN_A, 'Remove your Love reaction')).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    await expect(row(page, GEN_A).locator('[data-pending]')).toHaveCount(0, { timeout: 30_000 });
    await expect(row(page, GEN_A).locator('[aria-pressed="true"]')).toHaveCount(1);
    const reactions = await control.postReactions(GEN_A);
    expect(reactions.map((reaction) => [reaction.created.actor, reaction.reactionType])).toEqual([
      [emulator.credentials.actor, 'EMPATHY'],
    ]);
  });
}

test('comments and replies of both generations react by their full comment URN', async ({
  context,
  control,
}) => {
  const page = await context.newPage();
  await page.goto(FIXTURE_URLS.post);
  for (const urn of [GEN_A_REPLY, GEN_B_COMMENT]) {
    await host(page, urn)
      .locator('xpath=..')
      .hover({ position: { x: 60, y: 10 } });
    await button(page, urn, 'React Insightful').click();
    await expectReacted(page, urn, 'Insightful');
    // Kept visible (a chip) once the pointer and the focus leave.
    await page.mouse.move(2, 2);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await expect(host(page, urn).locator('.rb-chips')).toBeVisible();
  }
  const creates = await control.waitForRequests({ route: 'li.create' }, 2);
  expect(creates.map((request) => request.body)).toEqual([
    { root: GEN_A_REPLY, reactionType: 'INTEREST' },
    { root: GEN_B_COMMENT, reactionType: 'INTEREST' },
  ]);
});

for (const [status, words, link, rolledBack] of [
  [401, 'LinkedIn no longer accepts your connection', 'Reconnect LinkedIn', true],
  [403, 'lacks', 'Open Accounts', true],
  [404, 'This post or comment is no longer there', null, true],
  [429, 'LinkedIn is limiting requests until', null, false],
] as const) {
  test(`a ${status} ends in the right words and state`, async ({ context, control }) => {
    await control.failNext(
      'li.create',
      status,
      1,
      status === 429 ? { retryAfterSeconds: 600 } : {},
    );
    const page = await context.newPage();
    await page.goto(FIXTURE_URLS.feed);
    await reveal(page, GEN_A);
    await button(page, GEN_A, 'React Celebrate').click();
    const notice = host(page, GEN_A).getByRole('status');
    await expect(notice).toContainText(words);
    if (link) await expect(notice.getByRole('button', { name: link })).toBeVisible();
    if (rolledBack) {
      await expectNone(page, GEN_A);
      expect(await typesOn(control, GEN_A)).toEqual([]);
    } else {
      // Queued, not undone: still shown, still pending.
      await expect(button(page, GEN_A, 'Remove your Celebrate reaction')).toHaveAttribute(
        'data-pending',
        'true',
      );
    }
  });
}

test('two tabs stay in sync', async ({ context, control }) => {
  const tabA = await context.newPage();
  const tabB = await context.newPage();
  await tabA.goto(FIXTURE_URLS.feed);
  await tabB.goto(FIXTURE_URLS.feed);
  await reveal(tabA, GEN_B);
  await reveal(tabB, GEN_B);
  await button(tabA, GEN_B, 'React Funny').click();
  await expectReacted(tabB, GEN_B, 'Funny');
  await button(tabB, GEN_B, 'Switch to Support').click();
  await expectReacted(tabA, GEN_B, 'Support');
  await expect.poll(() => typesOn(control, GEN_B)).toEqual(['APPRECIATION']);
});

test("a click on LinkedIn's own Like: the row follows, here and in another tab, and no request leaves", async ({
  context,
  control,
}) => {
  const tabA = await context.newPage();
  const tabB = await context.newPage();
  await tabA.goto(FIXTURE_URLS.feed);
  await tabB.goto(FIXTURE_URLS.feed);
  await reveal(tabA, GEN_A);
  await reveal(tabB, GEN_A);
  await expectNone(tabA, GEN_A);
  const nativeLike = tabA.locator(
    `[data-urn="${GEN_A}"] .feed-shared-social-action-bar button.react-button__trigger`,
  );
  await nativeLike.click();
  await expect(nativeLike).toHaveAttribute('aria-pressed', 'true');
  await expectReacted(tabA, GEN_A, 'Like');
  await expectReacted(tabB, GEN_A, 'Like');
  // LinkedIn's page applied it itself: Reactbar sends nothing.
  expect(await control.requests({ route: 'li.create' })).toEqual([]);

  // Unreacted on LinkedIn's control: both rows follow.
  await nativeLike.click();
  await expect(nativeLike).toHaveAttribute('aria-pressed', 'false');
  await expectNone(tabA, GEN_A);
  await expectNone(tabB, GEN_A);
  // The row's next click is newer than what the page showed.
  await button(tabB, GEN_A, 'React Love').click();
  await expectReacted(tabA, GEN_A, 'Love');
  await expect.poll(() => typesOn(control, GEN_A)).toEqual(['EMPATHY']);
  expect(await control.requests({ route: 'li.delete' })).toEqual([]);
});

test('keyboard: arrows move along the row, Enter reacts', async ({ context, control }) => {
  const page = await context.newPage();
  await page.goto(FIXTURE_URLS.feed);
  await reveal(page, GEN_A);
  await button(page, GEN_A, 'React Like').focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(button(page, GEN_A, 'React Love')).toBeFocused();
  await page.keyboard.press('Enter');
  await expectReacted(page, GEN_A, 'Love');
  await expect.poll(() => typesOn(control, GEN_A)).toEqual(['EMPATHY']);
});
