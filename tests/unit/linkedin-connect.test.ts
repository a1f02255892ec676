// @vitest-environment node
/**
 * Connecting LinkedIn in the background (lib/background/linkedin-connect.ts) against the
 * emulator over HTTP: a pasted token, "Sign in with LinkedIn" with a scripted auth window (what
 * launchWebAuthFlow does: open the URL, press a button, stop at the redirect), whom to react
 * as, and disconnecting; each failure in the popup's plain words.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  CONNECT_WORDS,
  createLinkedInConnector,
  LinkedInConnectError,
} from '@/lib/background/linkedin-connect';
import * as vault from '@/lib/background/linkedin-vault';
import { closeDatabaseForTests } from '@/lib/db/schema';
import type { SignInWithLinkedInRequest } from '@/lib/messaging/linkedin';
import { createLinkedInClient } from '@/lib/services/linkedin/client';
import { DEFAULT_CONNECTION_SETTINGS, linkedinEndpoints } from '@/lib/settings';
import { EmulatorControl } from '../emulator/client';
import { DEMO_CREDENTIALS, type Emulator, startEmulator } from '../emulator/server';

const REDIRECT = 'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/';
const DAY = 86_400_000;
const APP = {
  clientId: DEMO_CREDENTIALS.linkedinClientId,
  clientSecret: DEMO_CREDENTIALS.linkedinClientSecret,
};
const MAYA = DEMO_CREDENTIALS.actor;
const NORTHWIND = DEMO_CREDENTIALS.pageActor;

let emulator: Emulator;
let control: EmulatorControl;

beforeAll(async () => {
  emulator = await startEmulator({ port: 0 });
  control = new EmulatorControl(emulator.urls.controlUrl);
});

afterAll(async () => {
  await emulator.close();
});

type Flow = (url: string) => Promise<string | undefined>;

/** LinkedIn's consent page, answered: the URL the window stopped at (the redirect to us). */
async function consent(url: string, decision: 'allow' | 'cancel'): Promise<string> {
  const page = await fetch(url, { redirect: 'manual' });
  if (page.status === 302) return page.headers.get('location') ?? '';
  const html = await page.text();
  const id = /name="consent" value="([^"]+)"/.exec(html)?.[1] ?? '';
  const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1] ?? '';
  const answer = await fetch(new URL(action, url), {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ consent: id, decision }).toString(),
    redirect: 'manual',
  });
  return answer.headers.get('location') ?? '';
}

const allow: Flow = (url) => consent(url, 'allow');

let flow: Flow;
let changed: number;
let popupChanged: number;
let gone: string[];

function makeConnector() {
  const endpoints = linkedinEndpoints({
    ...DEFAULT_CONNECTION_SETTINGS,
    linkedinUrl: emulator.urls.linkedinUrl,
    linkedinOAuthUrl: emulator.urls.linkedinOAuthUrl,
  });
  return createLinkedInConnector({
    clientFor: async (accessToken) => createLinkedInClient({ ...endpoints, accessToken }),
    oauthUrl: async () => endpoints.oauthUrl,
    identity: {
      getRedirectURL: () => REDIRECT,
      launchWebAuthFlow: ({ url, interactive }) => {
        expect(interactive).toBe(true);
        return flow(url);
      },
    },
    changed: () => {
      changed++;
    },
    popupChanged: () => {
      popupChanged++;
    },
    tokenGone: async (tokenId) => {
      gone.push(tokenId);
    },
  });
}

let connector: ReturnType<typeof makeConnector>;

beforeEach(async () => {
  await control.reset();
  closeDatabaseForTests();
  vault.forgetCachesForTests();
  globalThis.indexedDB = new IDBFactory();
  flow = allow;
  changed = 0;
  popupChanged = 0;
  gone = [];
  connector = makeConnector();
});

/** The words a failed call rejected with; they never carry a token or a secret. */
async function refusal(call: Promise<unknown>): Promise<string> {
  const error = await call.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(LinkedInConnectError);
  const { message } = error as Error;
  expect(message).not.toContain(DEMO_CREDENTIALS.linkedinToken);
  expect(message).not.toContain(APP.clientSecret);
  return message;
}

describe('a pasted token', () => {
  it('is checked with userinfo and stored with its member, the end unknown unless told', async () => {
    const before = Date.now();
    const summary = await connector.connectToken({ accessToken: DEMO_CREDENTIALS.linkedinToken });
    expect(summary).toMatchObject({
      member: MAYA,
      via: 'token',
      status: 'valid',
      scopes: null,
      expiryKnown: false,
      actor: MAYA,
    });
    expect(summary.expiresAt).toBeGreaterThanOrEqual(before + 60 * DAY);
    expect(JSON.stringify(summary)).not.toContain(DEMO_CREDENTIALS.linkedinToken);
    expect(changed).toBe(1);
    expect(await vault.linkedInIdentity()).toEqual({ credentialId: summary.id, actor: MAYA });
    const [check] = await control.requests({ route: 'li.userinfo' });
    expect(check?.headers.authorization).toBe(`Bearer ${DEMO_CREDENTIALS.linkedinToken}`);

    const minted = await control.mintToken({ expiresInSeconds: 5 * 86_400 });
    const told = await connector.connectToken({ accessToken: minted.token, daysLeft: 5 });
    expect(told.expiryKnown).toBe(true);
    expect(told.expiresAt - Date.now()).toBeLessThanOrEqual(5 * DAY);
    expect(told.expiresAt - Date.now()).toBeGreaterThan(5 * DAY - 60_000);
    // The token it replaced is gone: its queued reactions are undone by the engine.
    expect(gone).toEqual([summary.id]);
  });

  it('is refused in plain words when LinkedIn refuses it, and nothing is stored', async () => {
    expect(await refusal(connector.connectToken({ accessToken: 'li_not_a_token_00000' }))).toBe(
      'LinkedIn refused this token: it is wrong, expired or revoked. Make a new one, or sign in with LinkedIn.',
    );
    const expired = await control.mintToken({});
    await control.setTokenStatus(expired.token, 'expired');
    expect(await refusal(connector.connectToken({ accessToken: expired.token }))).toMatch(
      /^LinkedIn refused this token/,
    );
    const noOpenId = await control.mintToken({ scopes: ['w_member_social'] });
    expect(await refusal(connector.connectToken({ accessToken: noOpenId.token }))).toContain(
      '"Sign In with LinkedIn using OpenID Connect"',
    );
    await control.failNext('li.userinfo', 0);
    expect(
      await refusal(connector.connectToken({ accessToken: DEMO_CREDENTIALS.linkedinToken })),
    ).toBe('LinkedIn could not be reached. Check the connection and try again.');
    expect(await vault.getConnection()).toBeNull();
    expect(changed).toBe(0);
  });
});

describe('Sign in with LinkedIn', () => {
  it('opens the authorization URL, exchanges the code with the secret, and stores the grant', async () => {
    let opened = '';
    flow = (url) => {
      opened = url;
      return consent(url, 'allow');
    };
    const before = Date.now();
    const summary = await connector.signIn({ asPages: true, app: APP });
    expect(summary).toMatchObject({
      member: MAYA,
      via: 'sign-in',
      expiryKnown: true,
      scopes: [
        'openid',
        'profile',
        'w_member_social',
        'w_organization_social',
        'rw_organization_admin',
      ],
    });
    expect(summary.expiresAt).toBeGreaterThanOrEqual(before + 60 * DAY);

    const url = new URL(opened);
    expect(url.origin + url.pathname).toBe(`${emulator.urls.linkedinOAuthUrl}/authorization`);
    expect(url.searchParams.get('redirect_uri')).toBe(REDIRECT);
    expect(url.searchParams.get('client_id')).toBe(APP.clientId);
    expect(url.searchParams.get('state')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(opened).not.toContain(APP.clientSecret);
    const [exchange] = await control.requests({ route: 'li.accessToken' });
    expect(exchange?.body).toContain(`client_secret=${encodeURIComponent(APP.clientSecret)}`);
    expect(exchange?.body).toContain(`redirect_uri=${encodeURIComponent(REDIRECT)}`);

    const overview = await connector.overview();
    expect(overview.signIn).toEqual({ state: 'idle' });
    expect(overview.app).toEqual({
      clientId: APP.clientId,
      maskedSecret: 'WPL_…nY==',
      status: 'valid',
    });
    expect(overview.redirectUrl).toBe(REDIRECT);
    expect(JSON.stringify(overview)).not.toContain(APP.clientSecret);

    // The app is entered once: the next sign-in needs none, and asks for the member scopes only.
    flow = (url) => {
      opened = url;
      return consent(url, 'allow');
    };
    const again = await connector.signIn({ asPages: false });
    expect(new URL(opened).searchParams.get('scope')).toBe('openid profile w_member_social');
    expect(again.scopes).toEqual(['openid', 'profile', 'w_member_social']);
    expect(gone).toEqual([summary.id]);
  });

  it('says why a sign-in came back without a token, and keeps it for a popup opened later', async () => {
    const cases: Array<[Flow, string]> = [
      [(url) => consent(url, 'cancel'), 'Sign-in was cancelled: LinkedIn is not connected.'],
      [
        async (url) => {
          // The answer to another request (an old window, or a forged one).
          const other = new URL(url);
          other.searchParams.set('state', 'someone-elses-state');
          return consent(other.href, 'allow');
        },
        'That sign-in answer was not for this request, so Reactbar ignored it. Sign in again.',
      ],
      [
        () => Promise.reject(new Error('The user did not approve access.')),
        CONNECT_WORDS.windowClosed,
      ],
      [
        async () => undefined,
        'LinkedIn sent back an answer Reactbar could not read. Sign in again.',
      ],
      [
        async () => 'https://evil.example/?code=stolen',
        'LinkedIn sent back an answer Reactbar could not read. Sign in again.',
      ],
    ];
    await vault.saveApp(APP);
    for (const [script, words] of cases) {
      flow = script;
      expect(await refusal(connector.signIn({ asPages: false }))).toBe(words);
      expect((await connector.overview()).signIn).toMatchObject({
        state: 'failed',
        message: words,
      });
    }
    // No code was ever exchanged, nothing stored, and the app is kept for the next try.
    expect(await control.requests({ route: 'li.accessToken' })).toEqual([]);
    expect(await vault.getConnection()).toBeNull();
    expect((await connector.overview()).app?.status).toBe('unchecked');
  });

  it('marks a client secret LinkedIn refuses, and asks for an app when none is stored', async () => {
    expect(await refusal(connector.signIn({ asPages: false }))).toBe(CONNECT_WORDS.noApp);
    const words = await refusal(
      connector.signIn({ asPages: false, app: { ...APP, clientSecret: 'WPL_AP1.wrong==' } }),
    );
    expect(words).toBe(
      'LinkedIn refused the client id or secret. Check them in your LinkedIn app.',
    );
    expect((await connector.overview()).app).toMatchObject({ status: 'refused', error: words });
    // The right secret mends it.
    await connector.signIn({ asPages: false, app: APP });
    expect((await connector.overview()).app?.status).toBe('valid');
  });

  it('runs one window at a time', async () => {
    let release: (to: string) => void = () => {};
    let openedUrl = '';
    flow = (url) => {
      openedUrl = url;
      return new Promise((resolve) => {
        release = resolve;
      });
    };
    const first = connector.signIn({ asPages: false, app: APP });
    await expect.poll(() => openedUrl).not.toBe('');
    expect((await connector.overview()).signIn.state).toBe('waiting');
    expect(await refusal(connector.signIn({ asPages: false }))).toBe(CONNECT_WORDS.busy);
    release(await consent(openedUrl, 'allow'));
    expect((await first).via).toBe('sign-in');
    expect((await connector.overview()).signIn).toEqual({ state: 'idle' });
    expect(popupChanged).toBeGreaterThanOrEqual(1);
  });
});

describe('whom to react as', () => {
  it('lists the member and the pages they may react for, named live', async () => {
    await connector.connectToken({ accessToken: DEMO_CREDENTIALS.linkedinToken });
    const actors = await connector.actors();
    expect(actors.member).toEqual({ actor: MAYA, name: 'Maya Lindqvist' });
    expect(actors.pages).toEqual([
      { urn: NORTHWIND, name: 'Northwind Labs', roles: ['ADMINISTRATOR'] },
      { urn: 'urn:li:organization:5100421', name: 'Fjord Analytics', roles: ['RECRUITING_POSTER'] },
    ]);
    expect(actors.pagesNote).toBeNull();
    // Names are never stored.
    expect(JSON.stringify(await vault.getConnection())).not.toContain('Maya');
  });

  it('says how to react as a page when the token may not list them', async () => {
    const memberOnly = await control.mintToken({});
    await connector.connectToken({ accessToken: memberOnly.token });
    const actors = await connector.actors();
    expect(actors.pages).toEqual([]);
    expect(actors.pagesNote).toContain('"Also react as pages I manage"');
  });

  it('marks a token LinkedIn stopped accepting, and valid again once it accepts it', async () => {
    const minted = await control.mintToken({});
    const { id } = await connector.connectToken({ accessToken: minted.token });
    changed = 0;
    await control.setTokenStatus(minted.token, 'revoked');
    expect(await refusal(connector.actors())).toMatch(/^LinkedIn refused this token/);
    expect(await vault.getConnection()).toMatchObject({
      id,
      status: 'refused',
      error: vault.tokenRefusedWords(),
    });
    expect(changed).toBe(1);
    await control.setTokenStatus(minted.token, 'active');
    await connector.actors();
    expect(await vault.getConnection()).toMatchObject({ id, status: 'valid' });
    expect(changed).toBe(2);
  });

  it('chooses a page LinkedIn lists for the member, and refuses any other actor', async () => {
    expect(await refusal(connector.chooseActor(NORTHWIND))).toBe(CONNECT_WORDS.notConnected);
    const { id } = await connector.connectToken({ accessToken: DEMO_CREDENTIALS.linkedinToken });
    await connector.chooseActor(NORTHWIND);
    expect(await vault.linkedInIdentity()).toEqual({ credentialId: id, actor: NORTHWIND });
    expect((await connector.overview()).connection?.actor).toBe(NORTHWIND);
    // Tern & Co: an ANALYST role, which may not react.
    expect(await refusal(connector.chooseActor('urn:li:organization:7788990'))).toBe(
      CONNECT_WORDS.notYourPage,
    );
    expect(await refusal(connector.chooseActor('urn:li:person:someoneElse'))).toBe(
      CONNECT_WORDS.notYou,
    );
    expect(await vault.linkedInIdentity()).toEqual({ credentialId: id, actor: NORTHWIND });
    await connector.chooseActor(MAYA);
    expect(await vault.linkedInIdentity()).toEqual({ credentialId: id, actor: MAYA });
  });
});

describe('what the rows say', () => {
  it('is nothing before a connection, then "you", then the chosen page by name, never stored', async () => {
    expect(await connector.rowInfo()).toBeNull();
    await connector.connectToken({ accessToken: DEMO_CREDENTIALS.linkedinToken });
    expect(await connector.rowInfo()).toEqual({ reactsAs: 'you', warning: null });
    await connector.chooseActor(NORTHWIND);
    await control.clearRequests();
    expect(await connector.rowInfo()).toEqual({ reactsAs: 'Northwind Labs', warning: null });
    // Asked of LinkedIn once per worker, held in memory only.
    expect(await connector.rowInfo()).toEqual({ reactsAs: 'Northwind Labs', warning: null });
    expect(await control.requests({ route: 'li.organization' })).toHaveLength(1);
    expect(JSON.stringify(await vault.getConnection())).not.toContain('Northwind');
    // A page whose name LinkedIn does not give is still a page.
    const fresh = makeConnector();
    await control.failNext('li.organization', 500);
    expect(await fresh.rowInfo()).toEqual({ reactsAs: 'a page you manage', warning: null });
  });

  it('warns from 7 days before the connection ends, and once LinkedIn refused it', async () => {
    const minted = await control.mintToken({});
    await connector.connectToken({ accessToken: minted.token, daysLeft: 20 });
    expect((await connector.rowInfo())?.warning).toBeNull();
    await connector.connectToken({ accessToken: minted.token, daysLeft: 5 });
    expect((await connector.rowInfo())?.warning).toBe(
      'Your LinkedIn connection ends in 5 days: reconnect in Accounts',
    );
    await control.setTokenStatus(minted.token, 'revoked');
    await refusal(connector.actors());
    expect((await connector.rowInfo())?.warning).toBe(
      'LinkedIn no longer accepts your connection: reconnect in Accounts',
    );
  });
});

it('disconnecting forgets the token (its reactions undone) and keeps the app', async () => {
  await connector.signIn({ asPages: false, app: APP } satisfies SignInWithLinkedInRequest);
  const { id } = (await vault.getConnection()) ?? { id: '' };
  await connector.disconnect();
  expect(gone).toEqual([id]);
  expect(await vault.linkedInIdentity()).toEqual({ missing: 'credential' });
  const overview = await connector.overview();
  expect(overview.connection).toBeNull();
  expect(overview.app?.clientId).toBe(APP.clientId);
  await connector.forgetApp();
  expect((await connector.overview()).app).toBeNull();
});
