/**
 * The emoji picker reacts for people only. Its shadow root is open, so a page script can reach
 * its buttons and search field; what it sends them is untrusted and must react to nothing.
 *
 * Each test: the user opens the picker (a trusted click), a page script picks an emoji one way,
 * then the user reacts with 👍 (trusted), which is the condition the test waits for. The page
 * script's pick, had it been taken, would have shown at once (optimistic) and reached the
 * emulator before the user's 👍: only 👍 may show and only 👍 may be sent.
 */
import type { Locator, Page } from '@playwright/test';
import { EXPECTED, type ExpectedTarget } from '../fixtures/expected';
import { FIXTURE_URLS } from '../fixtures/routes';
import { expect, test } from './fixtures';

const [FIRST] = EXPECTED.messaging.initial as [ExpectedTarget];

function host(page: Page): Locator {
  return page.locator(`reactbar-host[data-reactbar-urn="${FIRST.urn}"]`);
}

async function openPickerAsUser(page: Page): Promise<Locator> {
  await page.goto(FIXTURE_URLS.messaging);
  await page.locator(`[data-event-urn="${FIRST.urn}"]`).hover();
  await host(page).getByRole('button', { name: 'More reactions' }).click();
  const picker = host(page).getByRole('dialog', { name: 'Choose an emoji' });
  // The grid shows once the emoji data has loaded.
  await expect(picker.locator('[data-cell="0"]')).toBeVisible();
  return picker;
}

/** Runs in the page's own world, as LinkedIn's scripts (or an injected ad) would. */
type PageScript = (urn: string) => void;

const pageScripts: Record<string, PageScript> = {
  'clicks an emoji in the grid': (urn) => {
    const root = document.querySelector(
      `reactbar-host[data-reactbar-urn="${CSS.escape(urn)}"]`,
    )?.shadowRoot;
    root?.querySelector<HTMLButtonElement>('[data-cell="0"]')?.click();
  },
  'presses Enter on an emoji in the grid': (urn) => {
    const root = document.querySelector(
      `reactbar-host[data-reactbar-urn="${CSS.escape(urn)}"]`,
    )?.shadowRoot;
    const cell = root?.querySelector<HTMLButtonElement>('[data-cell="0"]');
    cell?.focus();
    cell?.dispatchEvent(
      new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }),
    );
  },
  'types a search and presses Enter': (urn) => {
    const root = document.querySelector(
      `reactbar-host[data-reactbar-urn="${CSS.escape(urn)}"]`,
    )?.shadowRoot;
    const input = root?.querySelector<HTMLInputElement>('input[type="search"]');
    if (!input) return;
    // The native setter, as React tracks `value` on the element itself.
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(input, 'tada');
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    input.dispatchEvent(
      new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }),
    );
  },
};

for (const [what, script] of Object.entries(pageScripts)) {
  test(`a page script that ${what} in the open picker reacts to nothing`, async ({
    context,
    addKey,
    control,
  }) => {
    await addKey();
    const page = await context.newPage();
    const picker = await openPickerAsUser(page);

    await page.evaluate(script, FIRST.urn);

    // The user carries on: closes the picker if it is still open, and reacts with 👍.
    if (await picker.isVisible()) await page.keyboard.press('Escape');
    await expect(picker).toHaveCount(0);
    await page.locator(`[data-event-urn="${FIRST.urn}"]`).hover();
    await host(page).getByRole('button', { name: 'React with 👍', exact: true }).click();
    const thumbsUp = host(page).getByRole('button', {
      name: 'Remove your 👍 reaction',
      exact: true,
    });
    await expect(thumbsUp).toHaveAttribute('aria-pressed', 'true');
    await expect(thumbsUp).not.toHaveAttribute('data-pending');
    await control.waitForRequests({ route: 'cs.react' }, 1);

    await page.mouse.move(5, 5);
    await expect(host(page).locator('.rb-chips')).toHaveText('👍');
    const sent = await control.requests({ route: 'cs.react' });
    expect(sent.map((request) => request.body)).toEqual([{ emoji: '👍', react: true }]);
    expect(await control.messageReactions(FIRST.conversationUrn ?? '', FIRST.urn)).toEqual(['👍']);
  });
}

test("the person's own picks react: a click in the grid, Enter in the search field", async ({
  context,
  addKey,
  control,
}) => {
  await addKey();
  const page = await context.newPage();
  const picker = await openPickerAsUser(page);
  await picker.locator('[data-cell="0"]').click();
  await expect(picker).toHaveCount(0);
  await host(page).getByRole('button', { name: 'More reactions' }).click();
  await picker.getByRole('searchbox', { name: 'Search emoji' }).fill('tada');
  await page.keyboard.press('Enter');
  await expect(picker).toHaveCount(0);
  await expect
    .poll(() => control.messageReactions(FIRST.conversationUrn ?? '', FIRST.urn))
    .toEqual(expect.arrayContaining(['😀', '🎉']));
});
