/**
 * Connecting LinkedIn from the popup's Accounts tab, against the emulator: by pasting a token,
 * and by "Sign in with LinkedIn" through the emulator's consent page in the browser's own auth
 * window; the expiry warning; choosing a page to react as; disconnecting; and the token and the
 * client secret staying in the background.
 */
import type { BrowserContext, Locator, Page } from '@playwright/test';
import { FIXTURE_URLS, POST_ACTIVITY_ID } from '../fixtures/routes';
import { backgroundWorker, extensionPageUrl } from '../support/browser';
import { evaluateInContentScript } from '../support/content-world';
import { expect, test } from './fixtures';

const DAY_S = 86_400;
const PAGE_ACTOR = 'urn:li:organization:2414183';

/** Points "Sign in with LinkedIn" at the emulator, on the options page as a user would. */
async function useEmulatorOAuth(context: BrowserContext, extensionId: string, oauthUrl: string) {
  const options = await context.newPage();
  await options.goto(extensionPageUrl(extensionId, 'options.html'));
  await options.getByLabel('LinkedIn OAuth URL').fill(oauthUrl);
  await options.getByRole('button', { name: 'Save' }).click();
  await options.getByText('Saved.').waitFor();
  await options.close();
}

async function openAccounts(context: BrowserContext, extensionId: string): Promise<Page> {
  const popup = await context.newPage();
  await popup.goto(`${extensionPageUrl(extensionId, 'popup.html')}#accounts`);
  return popup;
}

function linkedInSection(popup: Page): Locator {
  return popup.getByRole('region', { name: 'LinkedIn', exact: true });
}

async function pasteToken(section: Locator, token: string, daysLeft?: number): Promise<void> {
  const tokenField = section.getByLabel('Access token', { exact: true });
  const daysField = section.getByLabel('Days until it ends');
  await tokenField.fill(token);
  if (daysLeft !== undefined) await daysField.fill(String(daysLeft));
  // Checked before the click: on a busy machine the section may render again meanwhile.
  await expect(tokenField).toHaveValue(token);
  await expect(daysField).toHaveValue(daysLeft === undefined ? '' : String(daysLeft));
  await section.getByRole('button', { name: 'Connect token' }).click();
}

/** Fills the app, clicks "Sign in with LinkedIn" and answers with LinkedIn's window. */
async function startSignIn(
  context: BrowserContext,
  section: Locator,
  app: { clientId: string; clientSecret: string } | null,
  options: { asPages?: boolean } = {},
): Promise<Page> {
  if (app) {
    // Checked before the click: on a busy machine the section may render again meanwhile.
    await section.getByLabel('Client ID').fill(app.clientId);
    await section.getByLabel('Client secret', { exact: true }).fill(app.clientSecret);
    await expect(section.getByLabel('Client ID')).toHaveValue(app.clientId);
    await expect(section.getByLabel('Client secret', { exact: true })).toHaveValue(
      app.clientSecret,
    );
  }
  if (options.asPages) await section.getByLabel('Also react as pages I manage').check();
  const authWindow = context.waitForEvent('page');
  await section.getByRole('button', { name: 'Sign in with LinkedIn' }).click();
  const auth = await authWindow;
  await auth.waitForLoadState();
  return auth;
}

/** Sends what the bar sends for a click, from the content script's world of a feed page. */
async function reactFromFeed(context: BrowserContext): Promise<unknown> {
  const page = await context.newPage();
  await page.goto(FIXTURE_URLS.feed);
  await expect(page.locator('[data-reactbar-kind="post"]').first()).toBeAttached();
  const request = {
    target: { kind: 'post', urn: `urn:li:activity:${POST_ACTIVITY_ID}` },
    value: 'LIKE',
    react: true,
  };
  return evaluateInContentScript(
    page,
    `new Promise((resolve) => chrome.runtime.sendMessage(
      { id: 1, type: 'react', data: ${JSON.stringify(request)}, timestamp: Date.now() },
      (answer) => resolve(answer ?? null)))`,
  );
}

test.beforeEach(async ({ context, extensionId, emulator }) => {
  await useEmulatorOAuth(context, extensionId, emulator.urls.linkedinOAuthUrl);
});

test('connect by pasting a valid token: who (read live), how, until when, as whom', async ({
  context,
  extensionId,
  emulator,
  control,
}) => {
  const popup = await openAccounts(context, extensionId);
  const section = linkedInSection(popup);
  await expect(section.getByLabel('Access token', { exact: true })).toHaveAttribute(
    'type',
    'password',
  );
  await pasteToken(section, emulator.credentials.linkedinToken);

  await expect(section.getByRole('heading', { name: 'Connected as Maya Lindqvist' })).toBeVisible();
  await expect(section.getByText(emulator.credentials.actor)).toBeVisible();
  await expect(section.getByText('Pasted access token')).toBeVisible();
  await expect(
    section.getByText(/Ends by .* at the latest \(LinkedIn tokens last 60 days\)/),
  ).toBeVisible();
  await expect(
    section.getByText('Not known: LinkedIn does not tell for a pasted token.'),
  ).toBeVisible();
  // The member by default, and the pages the demo member may react for, named live.
  await expect(section.getByRole('radio', { name: 'Maya Lindqvist' })).toBeChecked();
  await expect(section.getByRole('radio', { name: 'Northwind Labs' })).not.toBeChecked();
  await expect(section.getByRole('radio', { name: 'Fjord Analytics' })).toBeVisible();
  await expect(section.getByRole('radio', { name: 'Tern & Co' })).toHaveCount(0);
  await expect(section.getByRole('radio', { name: 'Lumen Press' })).toHaveCount(0);
  await expect(section.getByLabel('Access token', { exact: true })).toHaveCount(0);

  // Checked at once with userinfo, with the token in the Authorization header only.
  const checks = await control.requests({ route: 'li.userinfo' });
  expect(checks[0]?.headers.authorization).toBe(`Bearer ${emulator.credentials.linkedinToken}`);
  expect(checks[0]?.status).toBe(200);

  // Remembered by the background: the name is asked of LinkedIn again, the URN is stored.
  await popup.reload();
  await expect(
    linkedInSection(popup).getByRole('heading', { name: 'Connected as Maya Lindqvist' }),
  ).toBeVisible();
});

test('an invalid token and an expired one get plain words and are not stored', async ({
  context,
  extensionId,
  control,
}) => {
  const popup = await openAccounts(context, extensionId);
  const section = linkedInSection(popup);
  await pasteToken(section, 'li_not_a_token_0000000000000000');
  await expect(section.getByRole('alert')).toHaveText(
    'LinkedIn refused this token: it is wrong, expired or revoked. Make a new one, or sign in with LinkedIn.',
  );
  await expect(section.getByLabel('Access token', { exact: true })).toHaveValue(
    'li_not_a_token_0000000000000000',
  );

  const expired = await control.mintToken({ expiresInSeconds: 30 * DAY_S });
  await control.setTokenStatus(expired.token, 'expired');
  await section.getByLabel('Access token', { exact: true }).fill(expired.token);
  await section.getByRole('button', { name: 'Connect token' }).click();
  await expect(section.getByRole('alert')).toHaveText(/LinkedIn refused this token/);
  const checks = await control.requests({ route: 'li.userinfo' });
  expect(checks.map((check) => check.status)).toEqual([401, 401]);

  await popup.reload();
  await expect(linkedInSection(popup).getByLabel('Access token', { exact: true })).toBeVisible();
  await expect(linkedInSection(popup).getByRole('heading', { name: /Connected/ })).toHaveCount(0);
});

test('a connection LinkedIn stops accepting says to reconnect, and reconnecting mends it', async ({
  context,
  extensionId,
  control,
}) => {
  const minted = await control.mintToken({ expiresInSeconds: 30 * DAY_S });
  let popup = await openAccounts(context, extensionId);
  await pasteToken(linkedInSection(popup), minted.token);
  await expect(
    linkedInSection(popup).getByRole('heading', { name: 'Connected as Maya Lindqvist' }),
  ).toBeVisible();
  await popup.close();

  await control.setTokenStatus(minted.token, 'revoked');
  popup = await openAccounts(context, extensionId);
  const section = linkedInSection(popup);
  await expect(section.getByText('Refused by LinkedIn')).toBeVisible();
  await expect(section.getByRole('alert').first()).toContainText('Reconnect LinkedIn');

  const fresh = await control.mintToken({ expiresInSeconds: 30 * DAY_S });
  await section.getByRole('button', { name: 'Reconnect LinkedIn' }).click();
  await expect(section.getByLabel('Client ID')).toBeFocused();
  await pasteToken(section, fresh.token, 30);
  await expect(section.getByRole('heading', { name: 'Connected as Maya Lindqvist' })).toBeVisible();
  await expect(section.getByText('Refused by LinkedIn')).toHaveCount(0);
  await expect(section.getByText('Ends in 30 days', { exact: false })).toBeVisible();
});

test('a reaction LinkedIn refuses with 401 marks the connection for reconnecting', async ({
  context,
  extensionId,
  control,
}) => {
  const minted = await control.mintToken({ expiresInSeconds: 30 * DAY_S });
  let popup = await openAccounts(context, extensionId);
  await pasteToken(linkedInSection(popup), minted.token);
  await expect(
    linkedInSection(popup).getByRole('heading', { name: 'Connected as Maya Lindqvist' }),
  ).toBeVisible();
  await popup.close();

  await control.setTokenStatus(minted.token, 'expired');
  // The engine's path: the click is sent, LinkedIn answers 401, the backend reports the token.
  expect(await reactFromFeed(context)).toMatchObject({ res: { accepted: true } });
  const [create] = await control.waitForRequests({ route: 'li.create' });
  expect(create?.status).toBe(401);
  // The popup cannot ask LinkedIn itself this time: what it shows comes from the engine's report.
  await control.failNext('li.userinfo', 503, 5);
  popup = await openAccounts(context, extensionId);
  const section = linkedInSection(popup);
  await expect(section.getByText('Refused by LinkedIn')).toBeVisible();
  await expect(section.getByRole('alert').first()).toHaveText(
    'LinkedIn no longer accepts this connection (it expired or was revoked). Reconnect LinkedIn.',
  );
  await expect(section.getByRole('button', { name: 'Reconnect LinkedIn' })).toBeVisible();
});

test('sign in with the member’s app: Allow connects, the code is exchanged in the background', async ({
  context,
  extensionId,
  emulator,
  control,
}) => {
  const { linkedinClientId: clientId, linkedinClientSecret: clientSecret } = emulator.credentials;
  const popup = await openAccounts(context, extensionId);
  const section = linkedInSection(popup);
  const redirectUrl = `https://${extensionId}.chromiumapp.org/`;
  await expect(section.getByLabel('Redirect URL for your app')).toHaveValue(redirectUrl);

  const auth = await startSignIn(context, section, { clientId, clientSecret }, { asPages: true });
  await expect(section.getByRole('button', { name: 'Waiting for LinkedIn…' })).toBeVisible();
  await expect(auth.getByText('would like to')).toBeVisible();
  await auth.getByRole('button', { name: 'Allow' }).click();

  await expect(section.getByRole('heading', { name: 'Connected as Maya Lindqvist' })).toBeVisible();
  await expect(section.getByText('Signed in with LinkedIn')).toBeVisible();
  await expect(section.getByText('Ends in 60 days', { exact: false })).toBeVisible();
  await expect(section.getByText('w_member_social: react as you')).toBeVisible();
  await expect(section.getByText('w_organization_social: react as a page')).toBeVisible();
  await expect(section.getByRole('radio', { name: 'Northwind Labs' })).toBeVisible();

  const [authorize] = await control.requests({ route: 'li.authorize' });
  expect(authorize?.query).toMatchObject({
    response_type: 'code',
    client_id: clientId,
    redirect_uri: redirectUrl,
    scope: 'openid profile w_member_social w_organization_social rw_organization_admin',
  });
  const state = authorize?.query.state;
  expect(typeof state === 'string' && state.length >= 40).toBe(true);
  // The code was traded with the secret, in the background, in a form body.
  const [exchange] = await control.requests({ route: 'li.accessToken' });
  expect(exchange?.status).toBe(200);
  expect(exchange?.body).toContain(`client_secret=${encodeURIComponent(clientSecret)}`);
  expect(exchange?.headers.origin ?? '').toMatch(/^chrome-extension:\/\//);
  // The app is kept, its secret masked; the next sign-in needs only the button.
  await section.getByRole('button', { name: 'Reconnect LinkedIn' }).click();
  await expect(section.getByText(clientId)).toBeVisible();
  await expect(section.getByLabel('Client secret', { exact: true })).toHaveCount(0);
  expect(await popup.content()).not.toContain(clientSecret);
});

test('sign in: Cancel, an answer to another request, a refused secret and a closed window each say why', async ({
  context,
  extensionId,
  emulator,
  control,
}) => {
  const { linkedinClientId: clientId, linkedinClientSecret: clientSecret } = emulator.credentials;
  const popup = await openAccounts(context, extensionId);
  const section = linkedInSection(popup);

  // Cancel on LinkedIn's consent page.
  let auth = await startSignIn(context, section, { clientId, clientSecret });
  await auth.getByRole('button', { name: 'Cancel' }).click();
  await expect(section.getByRole('alert')).toHaveText(
    'Sign-in was cancelled: LinkedIn is not connected.',
  );

  // An answer whose state is not the one sent (another request's, or forged): never exchanged.
  auth = await startSignIn(context, section, null);
  const forged = new URL(auth.url());
  forged.searchParams.set('state', 'not-the-state-reactbar-sent');
  await auth.goto(forged.href);
  await auth.getByRole('button', { name: 'Allow' }).click();
  await expect(section.getByRole('alert')).toHaveText(
    'That sign-in answer was not for this request, so Reactbar ignored it. Sign in again.',
  );
  expect(await control.requests({ route: 'li.accessToken' })).toEqual([]);

  // The window closed by the member.
  auth = await startSignIn(context, section, null);
  await auth.close();
  await expect(section.getByRole('alert')).toContainText(
    'The sign-in window closed before LinkedIn answered',
  );

  // A secret LinkedIn refuses at the exchange: said, and kept marked until changed.
  await section.getByRole('button', { name: 'Change app' }).click();
  auth = await startSignIn(context, section, { clientId, clientSecret: 'WPL_AP1.wrong.secret==' });
  await auth.getByRole('button', { name: 'Allow' }).click();
  await expect(section.getByRole('alert')).toHaveText(
    'LinkedIn refused the client id or secret. Check them in your LinkedIn app.',
  );
  const exchanges = await control.requests({ route: 'li.accessToken' });
  expect(exchanges.map((exchange) => exchange.status)).toEqual([401]);
  await expect(section.getByRole('heading', { name: /Connected/ })).toHaveCount(0);
});

test('the expiry warning shows from 7 days before the end', async ({
  context,
  extensionId,
  control,
}) => {
  const soon = await control.mintToken({ expiresInSeconds: 5 * DAY_S });
  const popup = await openAccounts(context, extensionId);
  const section = linkedInSection(popup);
  await pasteToken(section, soon.token, 5);
  await expect(section.getByRole('status').filter({ hasText: 'Ends in 5 days' })).toContainText(
    'reconnect LinkedIn before then to keep reacting',
  );

  const later = await control.mintToken({ expiresInSeconds: 20 * DAY_S });
  await section.getByRole('button', { name: 'Reconnect LinkedIn' }).click();
  await pasteToken(section, later.token, 20);
  await expect(section.getByText(/^Ends in 20 days/)).toBeVisible();
  await expect(section.getByText(/reconnect LinkedIn before then/)).toHaveCount(0);
});

test('choosing a page to react as: listed with its name, persisted, and sent as the actor', async ({
  context,
  extensionId,
  emulator,
  control,
}) => {
  let popup = await openAccounts(context, extensionId);
  await pasteToken(linkedInSection(popup), emulator.credentials.linkedinToken);
  await linkedInSection(popup).getByRole('radio', { name: 'Northwind Labs' }).check();
  await expect(linkedInSection(popup).getByRole('radio', { name: 'Northwind Labs' })).toBeChecked();
  // Checked against LinkedIn's list of the member's pages before it is kept.
  await control.waitForRequests({ route: 'li.organizationAcls' }, 6);

  await popup.close();
  popup = await openAccounts(context, extensionId);
  await expect(linkedInSection(popup).getByRole('radio', { name: 'Northwind Labs' })).toBeChecked();
  await expect(
    linkedInSection(popup).getByRole('radio', { name: 'Maya Lindqvist' }),
  ).not.toBeChecked();

  // What the bar sends for a click on a post now reacts as the page.
  const answer = await reactFromFeed(context);
  expect(answer).toMatchObject({ res: { accepted: true } });
  const [create] = await control.waitForRequests({ route: 'li.create' });
  expect(create?.query.actor).toBe(PAGE_ACTOR);
  expect(create?.body).toEqual({
    root: `urn:li:activity:${POST_ACTIVITY_ID}`,
    reactionType: 'LIKE',
  });
});

test('disconnect: the token is forgotten and posts ask to connect LinkedIn again', async ({
  context,
  extensionId,
  emulator,
}) => {
  const popup = await openAccounts(context, extensionId);
  const section = linkedInSection(popup);
  await pasteToken(section, emulator.credentials.linkedinToken);
  await expect(section.getByRole('heading', { name: 'Connected as Maya Lindqvist' })).toBeVisible();

  await section.getByRole('button', { name: 'Disconnect LinkedIn' }).click();
  await expect(section.getByRole('button', { name: 'Stay connected' })).toBeFocused();
  await section.getByRole('button', { name: 'Disconnect LinkedIn' }).click();
  await expect(section.getByLabel('Access token', { exact: true })).toBeVisible();
  await expect(section.getByRole('heading', { name: /Connected/ })).toHaveCount(0);
  await expect(popup.getByRole('heading', { name: 'LinkedIn', exact: true })).toBeFocused();

  const answer = await reactFromFeed(context);
  expect(answer).toMatchObject({
    res: {
      accepted: false,
      notice: { message: 'Connect LinkedIn to react to posts and comments from here.' },
    },
  });
  await popup.reload();
  await expect(linkedInSection(popup).getByLabel('Access token', { exact: true })).toBeVisible();
});

test('the token and the client secret stay in the background: not in content scripts, pages, URLs or logs', async ({
  context,
  extensionId,
  emulator,
  control,
}) => {
  const { linkedinToken: token, linkedinClientId: clientId } = emulator.credentials;
  const { linkedinClientSecret: clientSecret } = emulator.credentials;
  const logged: string[] = [];
  context.on('console', (message) => logged.push(message.text()));
  // The background's own console, proven to be heard.
  const worker = await backgroundWorker(context);
  worker.on('console', (message) => logged.push(message.text()));
  await worker.evaluate(() => console.log('reactbar-log-probe'));
  await expect.poll(() => logged.includes('reactbar-log-probe')).toBe(true);

  const popup = await openAccounts(context, extensionId);
  popup.on('console', (message) => logged.push(message.text()));
  const section = linkedInSection(popup);
  // The app, stored through a sign-in that is cancelled; then a pasted token.
  const auth = await startSignIn(context, section, { clientId, clientSecret });
  await auth.getByRole('button', { name: 'Cancel' }).click();
  await expect(section.getByRole('alert')).toContainText('cancelled');
  await pasteToken(section, token);
  await expect(section.getByRole('heading', { name: 'Connected as Maya Lindqvist' })).toBeVisible();

  const page = await context.newPage();
  page.on('console', (message) => logged.push(message.text()));
  await page.goto(FIXTURE_URLS.feed);
  await expect(page.locator('[data-reactbar-kind="post"]').first()).toBeAttached();
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
  for (const secret of [token, clientSecret]) {
    expect(contentWorld.local).not.toContain(secret);
    expect(contentWorld.session).not.toContain(secret);
    expect(contentWorld.html).not.toContain(secret);
  }
  expect(contentWorld.databases).not.toContain('reactbar');

  // The connection's actions answer the popup alone: a content script gets nothing.
  for (const [type, data] of [
    ['getLinkedIn', undefined],
    ['getLinkedInActors', undefined],
    ['connectLinkedInToken', { accessToken: 'li_forged_token_00000000' }],
    ['signInWithLinkedIn', { asPages: true }],
    ['setLinkedInActor', { actor: PAGE_ACTOR }],
    ['disconnectLinkedIn', undefined],
    ['forgetLinkedInApp', undefined],
  ] as const) {
    const refused = await evaluateInContentScript<{ err?: { message?: string } } | null>(
      page,
      `new Promise((resolve) => chrome.runtime.sendMessage(
        { id: 1, type: ${JSON.stringify(type)}, data: ${JSON.stringify(data ?? null)}, timestamp: Date.now() },
        (answer) => resolve(answer ?? null)))`,
    );
    expect(refused?.err?.message, type).toContain('not accepted from this sender');
  }

  // The popup sees both masked only.
  const html = await popup.content();
  expect(html).not.toContain(token);
  expect(html).not.toContain(clientSecret);
  await expect(section.getByText(`${token.slice(0, 4)}…${token.slice(-4)}`)).toBeVisible();

  // A reaction, then every request the emulator saw: the secrets travel in headers and a form
  // body, never in a URL.
  await reactFromFeed(context);
  await control.waitForRequests({ route: 'li.create' });
  for (const request of await control.requests()) {
    const url = `${request.path}?${request.rawQuery}`;
    expect(decodeURIComponent(url)).not.toContain(token);
    expect(decodeURIComponent(url)).not.toContain(clientSecret);
  }
  for (const line of logged) {
    expect(line).not.toContain(token);
    expect(line).not.toContain(clientSecret);
  }
});
