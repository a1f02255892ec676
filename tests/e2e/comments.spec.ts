/**
 * Comments and replies without a LinkedIn connection: the six reactions show on hover or focus
 * (both generations), the member's reaction as the page shows it is kept visible, a click says to
 * connect LinkedIn.
 */
import type { Page } from '@playwright/test';
import { FIXTURE_URLS } from '../fixtures/routes';
import { expect, test } from './fixtures';

const GEN_A_COMMENT = 'urn:li:comment:(urn:li:activity:7402140017720651776,7402142660287365120)';
const GEN_A_REPLY = 'urn:li:comment:(urn:li:activity:7402140017720651776,7402144311157010432)';
const GEN_B_COMMENT = 'urn:li:comment:(urn:li:ugcPost:7402133870268698624,7402136121842376704)';
const GEN_B_REPLY = 'urn:li:comment:(urn:li:ugcPost:7402133870268698624,7402137655040847872)';

const host = (page: Page, urn: string) => page.locator(`reactbar-host[data-reactbar-urn="${urn}"]`);
const bar = (page: Page, urn: string) => host(page, urn).getByRole('toolbar');
/** The comment's own element (the host's parent holds it, or is it). */
const comment = (page: Page, urn: string) => host(page, urn).locator('xpath=..');

async function opacity(page: Page, urn: string): Promise<string> {
  return bar(page, urn).evaluate((element) => getComputedStyle(element).opacity);
}

test('comments and replies of both generations show the six reactions on hover', async ({
  context,
}) => {
  const page = await context.newPage();
  await page.goto(FIXTURE_URLS.post);
  for (const urn of [GEN_A_COMMENT, GEN_A_REPLY, GEN_B_COMMENT, GEN_B_REPLY]) {
    await comment(page, urn).scrollIntoViewIfNeeded();
    await comment(page, urn).hover({ position: { x: 60, y: 10 } });
    await expect(host(page, urn)).toHaveAttribute('data-hover', '');
    await expect(bar(page, urn).getByRole('button')).toHaveCount(6);
    await expect(bar(page, urn)).toHaveAttribute('aria-label', 'Reactions on this comment');
    await expect(bar(page, urn).getByRole('button', { name: 'React Insightful' })).toBeVisible();
    await expect.poll(() => opacity(page, urn)).toBe('1');
  }
  // Hovering elsewhere puts the last one away.
  await page.mouse.move(5, 5);
  await expect(host(page, GEN_B_REPLY)).not.toHaveAttribute('data-hover');
  // A comment without a reaction, a click under way or a notice renders nothing at all.
  await expect(bar(page, GEN_B_REPLY)).toHaveCount(0);
});

test('a comment reached by Tab shows its bar and takes focus into it; a click says to connect', async ({
  context,
}) => {
  const page = await context.newPage();
  await page.goto(FIXTURE_URLS.post);
  await expect(host(page, GEN_A_COMMENT)).toHaveAttribute('tabindex', '0');
  await host(page, GEN_A_COMMENT).focus();
  await expect(bar(page, GEN_A_COMMENT).getByRole('button', { name: 'React Like' })).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(
    bar(page, GEN_A_COMMENT).getByRole('button', { name: 'React Support' }),
  ).toBeFocused();
  await page.keyboard.press('Enter');
  const notice = host(page, GEN_A_COMMENT).getByRole('status');
  await expect(notice).toContainText('Connect LinkedIn');
  await expect(notice.getByRole('button', { name: 'Connect LinkedIn' })).toBeVisible();
});

test('comments LinkedIn shows as reacted, in French, start in that state', async ({ context }) => {
  const page = await context.newPage();
  await page.goto(FIXTURE_URLS.postFr);
  const reacted = {
    'urn:li:comment:(urn:li:activity:7402230045183467520,7402231870729027584)': 'Celebrate',
    'urn:li:comment:(urn:li:activity:7402230045183467520,7402233096577277952)': 'Funny',
    'urn:li:comment:(urn:li:ugcPost:7402224473470287872,7402226610019385344)': 'Love',
  };
  for (const [urn, name] of Object.entries(reacted)) {
    // Shown without hovering (a chip); the bar holds it pressed.
    await expect(host(page, urn).locator('.rb-chips')).toBeVisible();
    await expect(
      bar(page, urn).getByRole('button', { name: `Remove your ${name} reaction` }),
    ).toHaveAttribute('aria-pressed', 'true');
  }
  // Not reacted, or not readable in French: no chip, nothing pressed.
  for (const urn of [
    'urn:li:comment:(urn:li:activity:7402230045183467520,7402232511052451840)',
    'urn:li:comment:(urn:li:ugcPost:7402224473470287872,7402227298103050240)',
  ]) {
    await comment(page, urn).hover({ position: { x: 60, y: 10 } });
    await expect(bar(page, urn).getByRole('button', { name: 'React Like' })).toHaveAttribute(
      'aria-pressed',
      'false',
    );
    await expect(host(page, urn).locator('.rb-chips')).toHaveCount(0);
  }
});
