/**
 * The content script marks exactly the expected targets on every fixture page, with the right
 * kind and URNs, including targets added later and inside the /preload/ iframe.
 */
import type { Frame, Page } from '@playwright/test';
import {
  EXPECTED,
  type ExpectedTarget,
  FEED_NON_TARGET_SELECTORS,
  type PageExpectation,
  TARGET_ELEMENT_SELECTORS,
} from '../fixtures/expected';
import { expect, test } from './fixtures';

interface Marked {
  kind: string | null;
  urn: string | null;
  conversationUrn?: string;
  frame: 'top' | 'preload';
}

function frameName(frame: Frame): 'top' | 'preload' {
  return new URL(frame.url()).pathname.startsWith('/preload/') && frame.parentFrame()
    ? 'preload'
    : 'top';
}

async function markedTargets(page: Page): Promise<Marked[]> {
  const all: Marked[] = [];
  for (const frame of page.frames()) {
    const marked = await frame.$$eval('[data-reactbar-kind]', (hosts) =>
      hosts.map((host) => ({
        kind: host.getAttribute('data-reactbar-kind'),
        urn: host.getAttribute('data-reactbar-urn'),
        conversationUrn: host.getAttribute('data-reactbar-conversation') ?? undefined,
      })),
    );
    all.push(...marked.map((target) => ({ ...target, frame: frameName(frame) })));
  }
  return all;
}

function key(target: Marked | ExpectedTarget): string {
  return [target.frame, target.kind, target.urn, target.conversationUrn ?? ''].join(' ');
}

async function expectExactly(page: Page, expected: readonly ExpectedTarget[]): Promise<void> {
  const wanted = expected.map(key).sort();
  await expect
    .poll(async () => (await markedTargets(page)).map(key).sort(), { timeout: 10_000 })
    .toEqual(wanted);
}

function frameFor(page: Page, name: 'top' | 'preload'): Frame {
  const frame = page.frames().find((candidate) => frameName(candidate) === name);
  if (!frame) throw new Error(`No ${name} frame`);
  return frame;
}

async function walk(page: Page, expectation: PageExpectation): Promise<void> {
  await page.goto(expectation.url);
  await expectExactly(page, expectation.initial);
  for (const step of expectation.steps) {
    await frameFor(page, step.frame).evaluate(
      ({ call, args }) =>
        (window as unknown as Record<string, Record<string, (...a: number[]) => void>>).__fixture?.[
          call
        ]?.(...args),
      { call: step.call, args: [...step.args] },
    );
    await expect(page).toHaveURL(step.url);
    await expectExactly(page, step.targets);
  }
}

test('feed: posts of both generations and their comments, then two infinite-scroll batches', async ({
  context,
}) => {
  const page = await context.newPage();
  await walk(page, EXPECTED.feed);
  // The marked node is the right one (the expanded post, not its hidden copy; the card, not a comment).
  for (const [urn, selector] of Object.entries(TARGET_ELEMENT_SELECTORS)) {
    const hosts = page.locator(selector).locator(`reactbar-host[data-reactbar-urn="${urn}"]`);
    if ((await page.locator(selector).count()) === 0) continue; // Selector of another page.
    expect(await hosts.count(), urn).toBeGreaterThanOrEqual(1);
  }
  for (const selectors of Object.values(FEED_NON_TARGET_SELECTORS)) {
    for (const selector of selectors) {
      await expect(page.locator(selector).first()).toBeAttached();
      const postHosts = page.locator(selector).locator('reactbar-host[data-reactbar-kind="post"]');
      await expect(postHosts, selector).toHaveCount(0);
    }
  }
});

test('post page: comments and replies of both generations, normalized, then more comments', async ({
  context,
}) => {
  await walk(await context.newPage(), EXPECTED.post);
});

test('messaging page: messages with derived conversations, new messages and SPA thread switches', async ({
  context,
}) => {
  await walk(await context.newPage(), EXPECTED.messaging);
});

test('overlay chat windows, including the /preload/ iframe, and newly opened chats', async ({
  context,
}) => {
  await walk(await context.newPage(), EXPECTED.overlay);
});

test('a page with unknown markup gets no targets and keeps working', async ({ context }) => {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.route('https://www.linkedin.com/jobs/', (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><main><div data-event-urn="urn:li:msg_message:(garbage)"></div>
        <article class="comments-comment-entity" data-id="urn:li:comment:(nonsense)"></article>
        <div class="feed-shared-update-v2" data-urn="urn:li:aggregate:1"></div>
        <button id="b" onclick="this.textContent='clicked'">page button</button></main>`,
    }),
  );
  await page.goto('https://www.linkedin.com/jobs/');
  await page.click('#b');
  await expect(page.locator('#b')).toHaveText('clicked');
  expect(await markedTargets(page)).toEqual([]);
  expect(errors).toEqual([]);
});
