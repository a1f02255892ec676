/**
 * Message reactions as a user makes them: the real content script on the fixture pages, the
 * real background, the emulator answering over HTTP and WebSocket.
 */
import type { FrameLocator, Locator, Page } from '@playwright/test';
import type { Emulator } from '../emulator/server';
import { EXPECTED, type ExpectedTarget } from '../fixtures/expected';
import { FIXTURE_URLS } from '../fixtures/routes';
import { expect, test } from './fixtures';

const THREAD = EXPECTED.messaging.initial;
const [FIRST, SECOND, THIRD] = THREAD as [ExpectedTarget, ExpectedTarget, ExpectedTarget];

type Scope = Page | FrameLocator;

function host(scope: Scope, target: ExpectedTarget): Locator {
  return scope.locator(`reactbar-host[data-reactbar-urn="${target.urn}"]`);
}

async function hover(scope: Scope, target: ExpectedTarget): Promise<void> {
  await scope.locator(`[data-event-urn="${target.urn}"]`).hover();
}

function reactButton(scope: Scope, target: ExpectedTarget, emoji: string): Locator {
  return host(scope, target).getByRole('button', { name: `React with ${emoji}`, exact: true });
}

function activeButton(scope: Scope, target: ExpectedTarget, emoji: string): Locator {
  return host(scope, target).getByRole('button', {
    name: `Remove your ${emoji} reaction`,
    exact: true,
  });
}

function reactPath(target: ExpectedTarget): string {
  return (
    `/linkedin/conversations/${encodeURIComponent(target.conversationUrn ?? '')}` +
    `/messages/${encodeURIComponent(target.urn)}/react`
  );
}

/** A reaction made elsewhere: straight to the API, as another browser or app would. */
async function reactElsewhere(
  emulator: Emulator,
  target: ExpectedTarget,
  emoji: string,
  react = true,
) {
  const response = await fetch(
    `${emulator.urls.connectSafelyUrl.replace('/linkedin', '')}${reactPath(target)}?accountId=${emulator.credentials.accountId}`,
    {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${emulator.credentials.connectSafelyKey}`,
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({ emoji, react }),
    },
  );
  expect(response.status).toBe(200);
}

async function openMessaging(page: Page): Promise<void> {
  await page.goto(FIXTURE_URLS.messaging);
  await expect(host(page, FIRST)).toBeAttached();
  // Bars render on use; the bar knows a key is set up once the background answered.
  await hover(page, FIRST);
  await expect(reactButton(page, FIRST, '👍')).toBeAttached();
}

test.describe('with a key', () => {
  test.beforeEach(async ({ addKey }) => {
    await addKey();
  });

  test('react and unreact on the full page send exactly the documented requests', async ({
    context,
    control,
    emulator,
  }) => {
    const page = await context.newPage();
    await openMessaging(page);
    await hover(page, FIRST);
    await reactButton(page, FIRST, '👍').click();
    await expect(activeButton(page, FIRST, '👍')).toHaveAttribute('aria-pressed', 'true');

    const [request] = await control.waitForRequests({ route: 'cs.react' }, 1);
    expect(request?.path).toBe(reactPath(FIRST));
    expect(request?.query).toEqual({ accountId: emulator.credentials.accountId });
    expect(request?.body).toEqual({ emoji: '👍', react: true });
    expect(request?.headers.authorization).toBe(`Bearer ${emulator.credentials.connectSafelyKey}`);
    await expect
      .poll(() => control.messageReactions(FIRST.conversationUrn ?? '', FIRST.urn))
      .toEqual(['👍']);

    // Away from the message, the reaction stays visible as a chip.
    await page.mouse.move(5, 5);
    await expect(host(page, FIRST).locator('.rb-chips')).toHaveText('👍');

    await hover(page, FIRST);
    await activeButton(page, FIRST, '👍').click();
    await expect(reactButton(page, FIRST, '👍')).toHaveAttribute('aria-pressed', 'false');
    const requests = await control.waitForRequests({ route: 'cs.react' }, 2);
    expect(requests[1]?.body).toEqual({ emoji: '👍', react: false });
    await expect
      .poll(() => control.messageReactions(FIRST.conversationUrn ?? '', FIRST.urn))
      .toEqual([]);
    await expect(host(page, FIRST).locator('.rb-chips')).toHaveCount(0);
  });

  test('keyboard: one tab stop per bar, arrows move, Enter reacts', async ({
    context,
    control,
  }) => {
    const page = await context.newPage();
    await openMessaging(page);
    await reactButton(page, FIRST, '👍').focus();
    await page.keyboard.press('ArrowRight');
    await expect(reactButton(page, FIRST, '❤️')).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(activeButton(page, FIRST, '❤️')).toHaveAttribute('aria-pressed', 'true');
    await expect
      .poll(() => control.messageReactions(FIRST.conversationUrn ?? '', FIRST.urn))
      .toEqual(['❤️']);
    const tabStops = await host(page, FIRST).locator('button:not([tabindex="-1"])').count();
    expect(tabStops).toBe(1);
  });

  test('overlay chat windows, the /preload/ iframe one included', async ({ context, control }) => {
    const page = await context.newPage();
    await page.goto(FIXTURE_URLS.overlay);
    const top = EXPECTED.overlay.initial.find((target) => target.frame === 'top') as ExpectedTarget;
    const inFrame = EXPECTED.overlay.initial.find(
      (target) => target.frame === 'preload',
    ) as ExpectedTarget;
    const iframe = page.frameLocator('iframe[data-testid="interop-iframe"]');

    await hover(page, top);
    await reactButton(page, top, '😂').click();
    await expect(activeButton(page, top, '😂')).toHaveAttribute('aria-pressed', 'true');
    await expect
      .poll(() => control.messageReactions(top.conversationUrn ?? '', top.urn))
      .toEqual(['😂']);

    await hover(iframe, inFrame);
    await reactButton(iframe, inFrame, '👏').click();
    await expect(activeButton(iframe, inFrame, '👏')).toHaveAttribute('aria-pressed', 'true');
    await expect
      .poll(() => control.messageReactions(inFrame.conversationUrn ?? '', inFrame.urn))
      .toEqual(['👏']);
    await activeButton(iframe, inFrame, '👏').click();
    await expect
      .poll(() => control.messageReactions(inFrame.conversationUrn ?? '', inFrame.urn))
      .toEqual([]);
    const bodies = (await control.requests({ route: 'cs.react' })).map((request) => request.body);
    expect(bodies).toEqual([
      { emoji: '😂', react: true },
      { emoji: '👏', react: true },
      { emoji: '👏', react: false },
    ]);
  });

  test('two tabs stay in sync; remote events reach both; a replay duplicates nothing', async ({
    context,
    control,
    emulator,
    openPopup,
  }) => {
    const [a, b] = [await context.newPage(), await context.newPage()];
    await openMessaging(a);
    await openMessaging(b);

    await hover(a, FIRST);
    await reactButton(a, FIRST, '👍').click();
    await expect(activeButton(b, FIRST, '👍')).toHaveAttribute('aria-pressed', 'true');

    // Made elsewhere: arrives over the socket in both tabs.
    await reactElsewhere(emulator, SECOND, '🎉');
    await expect(activeButton(a, SECOND, '🎉')).toBeAttached();
    await expect(activeButton(b, SECOND, '🎉')).toBeAttached();

    // While the socket is down, another reaction is made; on reconnect it is replayed once.
    await control.setSockets('refuse');
    await control.setSockets('drop');
    await reactElsewhere(emulator, THIRD, '🙏');
    await control.setSockets('accept');
    await expect(activeButton(a, THIRD, '🙏')).toBeAttached({ timeout: 20_000 });
    await expect(activeButton(b, THIRD, '🙏')).toBeAttached();
    // Drop again without news: the reconnect replays nothing new and nothing is applied twice.
    await control.setSockets('drop');
    const popup = await openPopup();
    await popup.getByRole('tab', { name: 'History' }).click();
    await expect(popup.getByText('· from another device')).toHaveCount(2);
    await expect(popup.getByRole('listitem').filter({ hasText: 'Reacted' })).toHaveCount(3);
    await expect(
      host(a, SECOND).getByRole('button', { name: 'Remove your 🎉 reaction' }),
    ).toHaveCount(1);
  });

  test('ten rapid toggles end in the state of the last click, one request in flight at a time', async ({
    context,
    control,
  }) => {
    await control.setLatency(400, 'cs.react');
    const page = await context.newPage();
    await openMessaging(page);
    await hover(page, FIRST);
    const button = host(page, FIRST).locator('button.rb-emoji').first();
    for (let click = 0; click < 10; click++) await button.click();
    await expect(button).toHaveAttribute('aria-pressed', 'false');
    // Settled: nothing pending, and the emulator agrees with the page.
    await expect(button).not.toHaveAttribute('data-pending', /.*/, { timeout: 15_000 });
    expect(await control.messageReactions(FIRST.conversationUrn ?? '', FIRST.urn)).toEqual([]);
    const requests = await control.requests({ route: 'cs.react' });
    expect(requests.length).toBeGreaterThanOrEqual(1);
    expect(requests.length).toBeLessThan(10);
    for (let index = 1; index < requests.length; index++) {
      const gap = (requests[index]?.at ?? 0) - (requests[index - 1]?.at ?? 0);
      expect(gap, 'a request started before the previous one was answered').toBeGreaterThanOrEqual(
        390,
      );
    }

    // Eleven end on "reacted".
    for (let click = 0; click < 11; click++) await button.click();
    await expect(button).toHaveAttribute('aria-pressed', 'true');
    await expect
      .poll(() => control.messageReactions(FIRST.conversationUrn ?? '', FIRST.urn), {
        timeout: 15_000,
      })
      .toEqual(['👍']);
  });

  test('clicking faster than a person is paused, with a note', async ({ context }) => {
    const page = await context.newPage();
    await openMessaging(page);
    await hover(page, FIRST);
    const button = host(page, FIRST).locator('button.rb-emoji').first();
    for (let click = 0; click < 45; click++) await button.click();
    await expect(host(page, FIRST).getByRole('status')).toContainText(
      'faster than a person clicks',
    );
  });

  test('500s are retried and the reaction is applied once', async ({
    context,
    control,
    openPopup,
  }) => {
    await control.failNext('cs.react', 500, 2);
    const page = await context.newPage();
    await openMessaging(page);
    await hover(page, FIRST);
    // The requests this click causes: a CI run saw one more, from another browser, seconds before.
    const clickedAt = Date.now();
    const caused = async () =>
      (await control.requests({ route: 'cs.react' })).filter((request) => request.at >= clickedAt);
    await reactButton(page, FIRST, '👍').click();
    await expect(activeButton(page, FIRST, '👍')).toHaveAttribute('aria-pressed', 'true');
    await expect.poll(async () => (await caused()).length, { timeout: 15_000 }).toBe(3);
    await expect
      .poll(() => control.messageReactions(FIRST.conversationUrn ?? '', FIRST.urn))
      .toEqual(['👍']);
    await expect(activeButton(page, FIRST, '👍')).not.toHaveAttribute('data-pending', /.*/);
    expect(await caused()).toHaveLength(3);
    const popup = await openPopup();
    await popup.getByRole('tab', { name: 'History' }).click();
    await expect(popup.getByRole('listitem').filter({ hasText: 'Reacted' })).toHaveCount(1);
  });

  test('a 429 waits for Retry-After and says until when', async ({ context, control }) => {
    await control.failNext('cs.react', 429, 1, { retryAfterSeconds: 3 });
    const page = await context.newPage();
    await openMessaging(page);
    await hover(page, FIRST);
    await reactButton(page, FIRST, '👍').click();
    await expect(host(page, FIRST).getByRole('status')).toContainText(
      /Rate limited until \d{1,2}:\d{2}/,
    );
    await expect(activeButton(page, FIRST, '👍')).toHaveAttribute('aria-pressed', 'true'); // still queued
    const requests = await control.waitForRequests({ route: 'cs.react' }, 2, 15_000);
    expect((requests[1]?.at ?? 0) - (requests[0]?.at ?? 0)).toBeGreaterThanOrEqual(2900);
    await expect
      .poll(() => control.messageReactions(FIRST.conversationUrn ?? '', FIRST.urn))
      .toEqual(['👍']);
  });

  test('a 401 rolls back, explains and links to Accounts', async ({ context, control }) => {
    await control.failNext('cs.react', 401, 1);
    const page = await context.newPage();
    await openMessaging(page);
    await hover(page, FIRST);
    await reactButton(page, FIRST, '👍').click();
    const notice = host(page, FIRST).getByRole('status');
    await expect(notice).toContainText('ConnectSafely refused your key');
    await expect(reactButton(page, FIRST, '👍')).toHaveAttribute('aria-pressed', 'false');
    const opened = context.waitForEvent('page');
    await notice.getByRole('button', { name: 'Open Accounts' }).click({ timeout: 5000 });
    const accounts = await opened;
    await expect(accounts).toHaveURL(/popup\.html#accounts$/);
    await expect(accounts.getByRole('tab', { name: 'Accounts' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    await expect(accounts.getByText(/Refused/)).toBeVisible();
  });

  test('a killed worker loses nothing: the click is sent after restart and the socket resumes', async ({
    context,
    control,
    emulator,
    stopWorker,
    openPopup,
  }) => {
    await control.setLatency(1500, 'cs.react');
    const page = await context.newPage();
    await openMessaging(page);
    await hover(page, FIRST);
    await reactButton(page, FIRST, '👍').click();
    await control.waitForRequests({ route: 'cs.react' }, 1);
    await stopWorker(); // mid-flight: the answer never reaches the worker
    await control.setLatency(0, 'cs.react');

    // Any LinkedIn page wakes the worker, which resends what its outbox still holds.
    await page.reload();
    await expect(activeButton(page, FIRST, '👍')).toHaveAttribute('aria-pressed', 'true');
    await expect(activeButton(page, FIRST, '👍')).not.toHaveAttribute('data-pending', /.*/, {
      timeout: 15_000,
    });
    expect(await control.messageReactions(FIRST.conversationUrn ?? '', FIRST.urn)).toEqual(['👍']);

    const popup = await openPopup();
    await popup.getByRole('tab', { name: 'Accounts' }).click();
    await expect(popup.getByText('Live updates: connected')).toBeVisible({ timeout: 15_000 });
    await reactElsewhere(emulator, SECOND, '🚀');
    await expect(activeButton(page, SECOND, '🚀')).toBeAttached();
  });

  test('malformed API answers and socket frames break nothing', async ({
    context,
    control,
    emulator,
  }) => {
    await control.failNext('cs.react', 200, 1, { body: 'this is not the documented answer' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await openMessaging(page);
    await hover(page, FIRST);
    await reactButton(page, FIRST, '👍').click();
    await control.waitForRequests({ route: 'cs.react' }, 2, 15_000);
    await expect
      .poll(() => control.messageReactions(FIRST.conversationUrn ?? '', FIRST.urn))
      .toEqual(['👍']);

    for (const frame of [
      'garbage{',
      '{"type":"reaction","seq":"x"}',
      '{"type":"reaction","seq":99,"id":"z"}',
      '[]',
    ]) {
      await control.sendRawSocketFrame(frame);
    }
    await reactElsewhere(emulator, SECOND, '🔥');
    await expect(activeButton(page, SECOND, '🔥')).toBeAttached();
    expect(errors).toEqual([]);
  });
});

test('emulator down, then up: the reaction is queued and delivered', async ({ context }) => {
  const { startEmulator } = await import('../emulator/server');
  const { configureConnection, extensionPageUrl } = await import('../support/browser');
  const { EmulatorControl } = await import('../emulator/client');
  let emulator = await startEmulator({ port: 0 });
  const port = emulator.port;
  const worker = context.serviceWorkers()[0];
  const extensionId = new URL(worker?.url() ?? '').host;
  await configureConnection(context, extensionId, emulator.urls);
  const popup = await context.newPage();
  await popup.goto(`${extensionPageUrl(extensionId, 'popup.html')}#accounts`);
  await popup.getByLabel('API key', { exact: true }).fill(emulator.credentials.connectSafelyKey);
  await popup.getByRole('button', { name: 'Add key' }).click();
  await expect(popup.getByText('Live updates: connected')).toBeVisible();

  const page = await context.newPage();
  await openMessaging(page);
  await emulator.close();
  await hover(page, FIRST);
  await reactButton(page, FIRST, '👍').click();
  await expect(host(page, FIRST).getByRole('status')).toContainText('Offline');
  await expect(activeButton(page, FIRST, '👍')).toHaveAttribute('aria-pressed', 'true');

  emulator = await startEmulator({ port });
  try {
    const control = new EmulatorControl(emulator.urls.controlUrl);
    await expect
      .poll(() => control.messageReactions(FIRST.conversationUrn ?? '', FIRST.urn), {
        timeout: 45_000,
      })
      .toEqual(['👍']);
    await expect(activeButton(page, FIRST, '👍')).not.toHaveAttribute('data-pending', /.*/);
  } finally {
    await emulator.close();
  }
});

test('without a key the bar says so and links to Accounts', async ({ context, control }) => {
  const page = await context.newPage();
  await page.goto(FIXTURE_URLS.messaging);
  await hover(page, FIRST);
  const link = host(page, FIRST).getByRole('button', { name: 'Add your ConnectSafely key' });
  await expect(link).toBeVisible();
  const opened = context.waitForEvent('page');
  await link.click();
  await expect(await opened).toHaveURL(/popup\.html#accounts$/);
  expect(await control.requests({ route: 'cs.react' })).toEqual([]);
});
