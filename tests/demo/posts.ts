/**
 * The demo's second half: LinkedIn connected the way a user does it (the emulator's demo member
 * token pasted in the popup's Accounts tab), then a post and one of its comments reacted in one
 * feed tab, the other feed tab following, and the emulator holding both reactions.
 */
import type { BrowserContext, Locator, Page } from '@playwright/test';
import { EmulatorControl } from '../emulator/client';
import type { Emulator } from '../emulator/types';
import { FIXTURE_URLS } from '../fixtures/routes';
import { connectLinkedInInPopup, extensionPageUrl } from '../support/browser';

/** A generation-A post of feed.html with two comments rendered inside it. */
const POST = 'urn:li:activity:7402076102945107968';
/** Its first comment (Sofía Martínez). */
const COMMENT = 'urn:li:comment:(urn:li:activity:7402076102945107968,7402079934101643264)';
const POST_REACTION = { name: 'Celebrate', type: 'PRAISE' } as const;
const COMMENT_REACTION = { name: 'Insightful', type: 'INTEREST' } as const;
const WAIT_MS = 15_000;

export interface PostsDemoOptions {
  context: BrowserContext;
  extensionId: string;
  emulator: Emulator;
  /** Saves a screenshot of `page` under `name`. */
  shoot(page: Page, name: string): Promise<void>;
}

const host = (page: Page, urn: string) => page.locator(`reactbar-host[data-reactbar-urn="${urn}"]`);
const button = (page: Page, urn: string, label: string): Locator =>
  host(page, urn).getByRole('toolbar').getByRole('button', { name: label, exact: true });

/** Resolves once the row shows `name` pressed and confirmed by the background (nothing pending). */
async function waitReacted(page: Page, urn: string, name: string): Promise<void> {
  const pressed = button(page, urn, `Remove your ${name} reaction`);
  await pressed.waitFor({ state: 'attached', timeout: WAIT_MS });
  await page.waitForFunction(
    ([selector, label]) => {
      const root = document.querySelector(selector)?.shadowRoot;
      const target = root?.querySelector(`button[aria-label="${label}"]`);
      return (
        target?.getAttribute('aria-pressed') === 'true' && !root?.querySelector('[data-pending]')
      );
    },
    [`reactbar-host[data-reactbar-urn="${urn}"]`, `Remove your ${name} reaction`] as const,
    { timeout: WAIT_MS },
  );
}

async function openFeed(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.goto(FIXTURE_URLS.feed);
  const post = host(page, POST);
  await post.waitFor({ state: 'attached', timeout: WAIT_MS });
  // The post's action bar near the top, its comments below it: the row and the comment in view.
  await post.evaluate((element) => element.parentElement?.scrollIntoView({ block: 'start' }));
  await page.evaluate(() => window.scrollBy(0, -120));
  // Connected: the row is live, not quiet.
  await page.waitForFunction(
    (selector) => {
      const anchor = document.querySelector(selector)?.shadowRoot?.querySelector('.rb-anchor');
      return anchor != null && !anchor.hasAttribute('data-quiet');
    },
    `reactbar-host[data-reactbar-urn="${POST}"]`,
    { timeout: WAIT_MS },
  );
  return page;
}

/** What the emulator holds on `urn`, polled until it is `type` by the demo member. */
async function waitHeld(
  control: EmulatorControl,
  urn: string,
  type: string,
  actor: string,
): Promise<void> {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const held = await control.postReactions(urn);
    const mine = held.filter((reaction) => reaction.created.actor === actor);
    if (mine.length === 1 && mine[0]?.reactionType === type) return;
    if (Date.now() > deadline)
      throw new Error(`The emulator holds ${JSON.stringify(mine)} on ${urn}, not ${type}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export async function demoPostsAndComments(options: PostsDemoOptions): Promise<void> {
  const { context, extensionId, emulator, shoot } = options;
  const { actor, linkedinToken } = emulator.credentials;

  // 1. Connect LinkedIn in the popup's Accounts tab, by pasting the demo member's token.
  const popup = await context.newPage();
  await popup.setViewportSize({ width: 380, height: 600 });
  await popup.goto(`${extensionPageUrl(extensionId, 'popup.html')}#accounts`);
  await connectLinkedInInPopup(popup, linkedinToken);
  const section = popup.getByRole('region', { name: 'LinkedIn', exact: true });
  const heading =
    (await section.getByRole('heading', { name: /^Connected as / }).textContent()) ?? '';
  await section.evaluate((element) => element.scrollIntoView({ block: 'start' }));
  await shoot(popup, 'popup-linkedin-connected');
  await popup.close();
  console.log(`LinkedIn: ${heading} (the demo member token pasted in Accounts).`);

  // 2. The feed in two tabs; react in tab A to the post and to its first comment.
  const tabA = await openFeed(context);
  const tabB = await openFeed(context);
  await tabA.bringToFront();
  await button(tabA, POST, `React ${POST_REACTION.name}`).click();
  await waitReacted(tabA, POST, POST_REACTION.name);
  await host(tabA, COMMENT)
    .locator('xpath=..')
    .hover({ position: { x: 60, y: 10 } });
  await button(tabA, COMMENT, `React ${COMMENT_REACTION.name}`).click();
  await waitReacted(tabA, COMMENT, COMMENT_REACTION.name);

  // 3. Tab B shows both, through the background's fan-out; the emulator holds both.
  await waitReacted(tabB, POST, POST_REACTION.name);
  await waitReacted(tabB, COMMENT, COMMENT_REACTION.name);
  const control = new EmulatorControl(emulator.urls.controlUrl);
  await waitHeld(control, POST, POST_REACTION.type, actor);
  await waitHeld(control, COMMENT, COMMENT_REACTION.type, actor);
  console.log(
    `Reacted ${POST_REACTION.name} to a post and ${COMMENT_REACTION.name} to its comment in feed tab A; tab B shows both, and the emulator holds ${POST_REACTION.type} and ${COMMENT_REACTION.type} by ${actor}.`,
  );

  // 4. Both tabs: the post's row with Celebrate highlighted; the comment's reaction as its chip
  // in tab B, and its row (hovered) in tab A.
  await shoot(tabA, 'feed-tab-a-post-and-comment-reacted');
  await shoot(tabB, 'feed-tab-b-synced');
  await tabA.close();
  await tabB.close();
}
