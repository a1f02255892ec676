/**
 * Keys stay in the extension's trusted contexts, and the background performs only the actions
 * it defines, for the senders it allows, with payloads that pass their schema.
 */
import { FIXTURE_URLS } from '../fixtures/routes';
import { backgroundWorker } from '../support/browser';
import { evaluateInContentScript } from '../support/content-world';
import { expect, test } from './fixtures';

/** Sends a message in the format of the typed protocol, from the content script's world. */
function forge(type: string, data: unknown): string {
  return `new Promise((resolve) => chrome.runtime.sendMessage(
    { id: 1, type: ${JSON.stringify(type)}, data: ${JSON.stringify(data)}, timestamp: Date.now() },
    (answer) => resolve({ answer: answer ?? null, lastError: chrome.runtime.lastError?.message ?? null })))`;
}

interface Forged {
  answer: { res?: unknown; err?: { message?: string } } | null;
  lastError: string | null;
}

test('the key is readable from neither the content script world nor the page', async ({
  context,
  addKey,
  emulator,
}) => {
  await addKey();
  const key = emulator.credentials.connectSafelyKey;
  const page = await context.newPage();
  await page.goto(FIXTURE_URLS.messaging);
  await expect(page.locator('reactbar-host').first()).toBeAttached();

  const contentWorld = await evaluateInContentScript<{
    local: string;
    session: string;
    databases: string[];
    html: string;
  }>(
    page,
    `(async () => ({
      local: JSON.stringify(await chrome.storage.local.get(null)),
      session: await chrome.storage.session.get(null).then(JSON.stringify, (error) => 'refused: ' + error.message),
      databases: (await indexedDB.databases()).map((db) => db.name),
      html: document.documentElement.outerHTML,
    }))()`,
  );
  expect(contentWorld.local).not.toContain(key);
  expect(contentWorld.session).not.toContain(key);
  expect(contentWorld.databases).not.toContain('reactbar');
  expect(contentWorld.html).not.toContain(key);

  const pageWorld = await page.evaluate(async () => ({
    runtime: typeof (globalThis as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome
      ?.runtime?.sendMessage,
    databases: (await indexedDB.databases()).map((db) => db.name),
    storage: JSON.stringify({ ...localStorage, ...sessionStorage }),
    shadows: [...document.querySelectorAll('reactbar-host')]
      .map((host) => host.shadowRoot?.innerHTML ?? '')
      .join(''),
  }));
  expect(pageWorld.runtime).toBe('undefined');
  expect(pageWorld.databases).not.toContain('reactbar');
  expect(pageWorld.storage).not.toContain(key);
  expect(pageWorld.shadows).not.toContain(key);

  // The popup, a trusted page, sees the key masked only.
  const popup = await context.newPage();
  await popup.goto(
    `chrome-extension://${new URL(context.serviceWorkers()[0]?.url() ?? '').host}/popup.html#accounts`,
  );
  await expect(popup.getByText('cs_d…5b7d')).toBeVisible();
  expect(await popup.content()).not.toContain(key);
});

test('forged messages from a content script are refused', async ({ context, addKey, control }) => {
  await addKey();
  const page = await context.newPage();
  await page.goto(FIXTURE_URLS.messaging);
  await expect(page.locator('reactbar-host').first()).toBeAttached();

  const wrongShape = await evaluateInContentScript<Forged>(
    page,
    forge('react', {
      target: { kind: 'message', urn: 'urn:li:msg_message:(junk)' },
      value: '👍',
      react: true,
    }),
  );
  expect(wrongShape.answer?.err?.message).toContain('invalid payload');

  const extraField = await evaluateInContentScript<Forged>(
    page,
    forge('ping', { from: 'content', admin: true }),
  );
  expect(extraField.answer?.err?.message).toContain('invalid payload');

  // Actions for the popup only, asked from a LinkedIn page.
  for (const type of ['getAccounts', 'removeKey', 'getStatus']) {
    const refused = await evaluateInContentScript<Forged>(
      page,
      forge(type, type === 'removeKey' ? { keyId: 'x' } : undefined),
    );
    expect(refused.answer?.err?.message, type).toContain('not accepted from this sender');
  }

  // Not an action the background defines: nobody answers.
  const unknown = await evaluateInContentScript<Forged>(
    page,
    forge('fetch', { url: 'https://example.com' }),
  );
  expect(unknown.answer?.res).toBeUndefined();
  expect(unknown.answer?.err).toBeUndefined();

  // Not the protocol's format at all.
  const raw = await evaluateInContentScript<Forged>(
    page,
    `new Promise((resolve) => chrome.runtime.sendMessage('react', (answer) => resolve({ answer: answer ?? null, lastError: chrome.runtime.lastError?.message ?? null })))`,
  );
  expect(raw.answer).toBeNull();

  // And nothing reached the API.
  expect(await control.requests({ route: 'cs.react' })).toEqual([]);
  // The background still works afterwards.
  const ping = await evaluateInContentScript<Forged>(page, forge('ping', { from: 'content' }));
  expect(ping.answer?.res).toMatchObject({ pong: true });
});

test('neither a content script nor a page script can redirect the key or click for the user', async ({
  context,
  addKey,
  control,
  emulator,
  openPopup,
}) => {
  await addKey();
  const page = await context.newPage();
  await page.goto(FIXTURE_URLS.messaging);
  await expect(page.locator('reactbar-host').first()).toBeAttached();

  // A content script world that tries to point the background at another server.
  await evaluateInContentScript(
    page,
    `chrome.storage.local.set({ 'settings.connection': {
      connectSafelyUrl: 'https://evil.example/linkedin', socketUrl: 'wss://evil.example/ws',
      linkedinUrl: 'https://evil.example/rest', linkedinVersion: '202601' } })`,
  );
  const popup = await openPopup();
  await popup.getByText('Connection').click();
  await expect(popup.getByTestId('status-connectsafely')).toHaveText(
    emulator.urls.connectSafelyUrl,
  );
  await expect(popup.getByTestId('status-socket')).toHaveText(emulator.urls.socketUrl);

  // A page script clicking the bar's buttons (the shadow roots are open) does nothing.
  await page.locator('[data-event-urn]').first().hover();
  await expect(page.locator('reactbar-host').first().getByRole('toolbar')).toBeAttached();
  await page.evaluate(() => {
    for (const button of document
      .querySelector('reactbar-host')
      ?.shadowRoot?.querySelectorAll('button') ?? []) {
      (button as HTMLButtonElement).click();
    }
  });
  await page.waitForTimeout(500);
  expect(await control.requests({ route: 'cs.react' })).toEqual([]);
  await expect(page.locator('reactbar-host').first().getByRole('dialog')).toHaveCount(0);
});

test('only the options page changes where keys are sent; only the popup manages keys', async ({
  addKey,
  emulator,
  openOptions,
  openPopup,
}) => {
  await addKey();
  const evil = {
    connectSafelyUrl: 'https://evil.example/linkedin',
    socketUrl: 'wss://evil.example/ws',
    linkedinUrl: 'https://evil.example/rest',
    linkedinVersion: '202601',
  };
  // The popup page opened in a tab of its own, as any extension page can be.
  const popup = await openPopup();
  const fromPopup = (await popup.evaluate(forge('saveConnection', evil))) as Forged;
  expect(fromPopup.answer?.err?.message).toContain('not accepted from this sender');
  await popup.reload();
  await popup.getByText('Connection').click();
  await expect(popup.getByTestId('status-connectsafely')).toHaveText(
    emulator.urls.connectSafelyUrl,
  );
  await expect(popup.getByTestId('status-socket')).toHaveText(emulator.urls.socketUrl);

  const options = await openOptions();
  const listKeys = (await options.evaluate(forge('getAccounts', undefined))) as Forged;
  expect(listKeys.answer?.err?.message).toContain('not accepted from this sender');
  const removeKey = (await options.evaluate(forge('removeKey', { keyId: 'x' }))) as Forged;
  expect(removeKey.answer?.err?.message).toContain('not accepted from this sender');
  // The same forged message is accepted from the page it is meant for.
  const saved = (await options.evaluate(
    forge('saveConnection', {
      connectSafelyUrl: emulator.urls.connectSafelyUrl,
      socketUrl: emulator.urls.socketUrl,
      linkedinUrl: emulator.urls.linkedinUrl,
      linkedinVersion: '202609',
    }),
  )) as Forged;
  expect(saved.answer?.res).toMatchObject({ linkedinVersion: '202609' });
});

test('the extension holds host access to the APIs it calls, and no other LinkedIn host', async ({
  context,
}) => {
  const worker = await backgroundWorker(context);
  const manifest = await worker.evaluate(() => chrome.runtime.getManifest());
  // The background calls these two APIs and LinkedIn's OAuth token endpoint (sign-in); LinkedIn
  // pages reach it through the content script.
  expect([...(manifest.host_permissions ?? [])].sort()).toEqual([
    'https://api.connectsafely.ai/*',
    'https://api.linkedin.com/*',
    'https://www.linkedin.com/oauth/*',
  ]);
  expect(manifest.permissions).not.toContain('tabs');
});
