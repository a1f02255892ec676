// @vitest-environment node
/**
 * "Sign in with LinkedIn": the pure parts (authorization URL, redirect parsing, state, expiry)
 * and the code exchange, end to end through the emulator's consent page over HTTP.
 */
import { describe, expect, it } from 'vitest';
import { ServiceError } from '@/lib/engine/types';
import { createLinkedInClient } from '@/lib/services/linkedin/client';
import {
  authorizationUrl,
  createOAuthState,
  EXPIRY_WARNING_DAYS,
  exchangeCode,
  MEMBER_SCOPES,
  PAGE_SCOPES,
  parseRedirect,
  parseScopes,
  scopesFor,
  tokenExpiry,
} from '@/lib/services/linkedin/oauth';
import { rowWarningWords } from '@/lib/services/linkedin/words';
import type { EmulatorControl } from '../emulator/client';
import { DEMO_CREDENTIALS, type Emulator, startEmulator } from '../emulator/server';
import { emulatorPerFile } from '../support/emulator-per-file';

const REDIRECT = 'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/';
const DAY = 86_400_000;

let emulator: Emulator;
let control: EmulatorControl;
emulatorPerFile((started, itsControl) => {
  emulator = started;
  control = itsControl;
});

/**
 * What the browser does in launchWebAuthFlow: open the URL, press a button on the consent page,
 * and stop at the redirect to the extension; answers the URL it stopped at.
 */
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

function signInUrl(state: string, asPages = false, clientId = DEMO_CREDENTIALS.linkedinClientId) {
  return authorizationUrl({
    oauthUrl: emulator.urls.linkedinOAuthUrl,
    clientId,
    redirectUri: REDIRECT,
    state,
    asPages,
  });
}

const exchange = (code: string, overrides: Partial<Parameters<typeof exchangeCode>[0]> = {}) =>
  exchangeCode({
    oauthUrl: emulator.urls.linkedinOAuthUrl,
    clientId: DEMO_CREDENTIALS.linkedinClientId,
    clientSecret: DEMO_CREDENTIALS.linkedinClientSecret,
    code,
    redirectUri: REDIRECT,
    ...overrides,
  });

async function failureOf(call: Promise<unknown>) {
  const error = await call.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ServiceError);
  const { failure, message } = error as ServiceError;
  expect(message).toBe(failure.detail);
  expect(message).not.toContain(DEMO_CREDENTIALS.linkedinClientSecret);
  return failure;
}

async function codeFor(state = 'state-1', asPages = false): Promise<string> {
  const back = await consent(signInUrl(state, asPages), 'allow');
  const result = parseRedirect(back, { state, redirectUri: REDIRECT });
  if (!result.ok) throw new Error(`No code: ${JSON.stringify(result)}`);
  return result.code;
}

describe('authorizationUrl and scopes', () => {
  it('builds the authorization request, scopes space-separated', () => {
    expect(
      authorizationUrl({
        oauthUrl: 'https://www.linkedin.com/oauth/v2/',
        clientId: '78abc',
        redirectUri: REDIRECT,
        state: 's+t/a=te',
      }),
    ).toBe(
      'https://www.linkedin.com/oauth/v2/authorization?response_type=code&client_id=78abc' +
        `&redirect_uri=${encodeURIComponent(REDIRECT)}&state=s%2Bt%2Fa%3Dte` +
        '&scope=openid%20profile%20w_member_social',
    );
  });

  it('asks for the page scopes only when asked to act as pages', () => {
    expect(scopesFor(false)).toEqual(['openid', 'profile', 'w_member_social']);
    expect(scopesFor(true)).toEqual([...MEMBER_SCOPES, ...PAGE_SCOPES]);
    const url = new URL(
      authorizationUrl({
        oauthUrl: 'https://www.linkedin.com/oauth/v2',
        clientId: '78abc',
        redirectUri: REDIRECT,
        state: 'x',
        asPages: true,
      }),
    );
    expect(url.searchParams.get('scope')).toBe(
      'openid profile w_member_social w_organization_social rw_organization_admin',
    );
  });

  it('makes a fresh, unguessable state', () => {
    const states = new Set(Array.from({ length: 50 }, () => createOAuthState()));
    expect(states.size).toBe(50);
    for (const state of states) expect(state).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(createOAuthState((bytes) => bytes.fill(255))).toBe(`${'_'.repeat(42)}8`);
  });

  it('reads scopes comma- or space-separated', () => {
    expect(parseScopes('openid,profile,w_member_social')).toEqual([
      'openid',
      'profile',
      'w_member_social',
    ]);
    expect(parseScopes(' openid  profile ')).toEqual(['openid', 'profile']);
  });
});

describe('parseRedirect', () => {
  const expected = { state: 'abc', redirectUri: REDIRECT };

  it('takes the code when the state matches', () => {
    expect(parseRedirect(`${REDIRECT}?code=AQcode&state=abc`, expected)).toEqual({
      ok: true,
      code: 'AQcode',
    });
  });

  it('refuses a code with another state, or none', () => {
    for (const query of ['?code=AQcode&state=abd', '?code=AQcode']) {
      expect(parseRedirect(`${REDIRECT}${query}`, expected)).toMatchObject({
        ok: false,
        reason: 'state-mismatch',
      });
    }
  });

  it('tells a cancel from a refusal', () => {
    for (const error of ['user_cancelled_authorize', 'user_cancelled_login']) {
      expect(
        parseRedirect(`${REDIRECT}?error=${error}&error_description=no&state=abc`, expected),
      ).toEqual({ ok: false, reason: 'cancelled', error, description: 'no' });
    }
    expect(
      parseRedirect(`${REDIRECT}?error=unauthorized_scope_error&state=abc`, expected),
    ).toMatchObject({ ok: false, reason: 'refused', error: 'unauthorized_scope_error' });
  });

  it('refuses what is not a redirect to us', () => {
    for (const url of [
      'https://evil.example/?code=AQcode&state=abc',
      `${REDIRECT}elsewhere?code=AQcode&state=abc`,
      'not a url',
      `${REDIRECT}?state=abc`,
    ]) {
      expect(parseRedirect(url, expected)).toMatchObject({ ok: false, reason: 'malformed' });
    }
  });
});

describe('sign-in through the consent page, and the code exchange', () => {
  it('allow: a code, then a 60-day token with the granted scopes, that works', async () => {
    const now = 1_767_225_600_000;
    const code = await codeFor('state-1', true);
    const grant = await exchange(code, { now: () => now });
    expect(grant).toEqual({
      accessToken: expect.stringMatching(/^AQ/),
      expiresAt: now + 60 * DAY,
      scopes: [...MEMBER_SCOPES, ...PAGE_SCOPES],
    });

    const [request] = await control.requests({ route: 'li.accessToken' });
    expect(request?.method).toBe('POST');
    expect(request?.path).toBe('/oauth/v2/accessToken');
    expect(request?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(Object.fromEntries(new URLSearchParams(String(request?.body)))).toEqual({
      grant_type: 'authorization_code',
      code,
      redirect_uri: REDIRECT,
      client_id: DEMO_CREDENTIALS.linkedinClientId,
      client_secret: DEMO_CREDENTIALS.linkedinClientSecret,
    });

    const client = createLinkedInClient({
      restUrl: emulator.urls.linkedinUrl,
      userinfoUrl: `${emulator.urls.linkedinUrl.replace(/\/rest$/, '')}/v2/userinfo`,
      version: '202609',
      accessToken: grant.accessToken,
    });
    expect((await client.member()).actor).toBe(DEMO_CREDENTIALS.actor);
  });

  it('cancel: reads as cancelled, and nothing is exchanged', async () => {
    const back = await consent(signInUrl('state-2'), 'cancel');
    expect(parseRedirect(back, { state: 'state-2', redirectUri: REDIRECT })).toEqual({
      ok: false,
      reason: 'cancelled',
      error: 'user_cancelled_authorize',
      description: 'The user cancelled the authorization',
    });
  });

  it('a wrong state (another request’s answer) is refused before any exchange', async () => {
    const back = await consent(signInUrl('state-of-another-window'), 'allow');
    expect(parseRedirect(back, { state: 'state-3', redirectUri: REDIRECT })).toMatchObject({
      ok: false,
      reason: 'state-mismatch',
    });
  });

  it('a scope the app may not ask for comes back refused', async () => {
    const strict = await startEmulator({
      port: 0,
      oauthClients: [{ clientId: 'memberOnly', clientSecret: 's', scopes: [...MEMBER_SCOPES] }],
    });
    try {
      const url = authorizationUrl({
        oauthUrl: strict.urls.linkedinOAuthUrl,
        clientId: 'memberOnly',
        redirectUri: REDIRECT,
        state: 'state-4',
        asPages: true,
      });
      const back = await consent(url, 'allow');
      expect(parseRedirect(back, { state: 'state-4', redirectUri: REDIRECT })).toMatchObject({
        ok: false,
        reason: 'refused',
        error: 'unauthorized_scope_error',
      });
    } finally {
      await strict.close();
    }
  });

  it('maps a refused client secret to credential-refused', async () => {
    const failure = await failureOf(exchange(await codeFor(), { clientSecret: 'wrong' }));
    expect(failure).toEqual({
      kind: 'credential-refused',
      detail:
        "LinkedIn refused the app's client id or secret (401): invalid_client (Client authentication failed)",
    });
  });

  it('maps a used or foreign code to invalid-request', async () => {
    const code = await codeFor();
    await exchange(code);
    expect(await failureOf(exchange(code))).toEqual({
      kind: 'invalid-request',
      detail:
        'LinkedIn refused the sign-in (400): invalid_grant (The authorization code was already used)',
    });
    const other = await codeFor();
    const failure = await failureOf(exchange(other, { redirectUri: 'https://other.example/' }));
    expect(failure.kind).toBe('invalid-request');
  });

  it('maps 429, 5xx, an unreadable answer and no connection', async () => {
    const now = 1_767_225_600_000;
    await control.failNext('li.accessToken', 429, 1, { retryAfterSeconds: 30 });
    expect(await failureOf(exchange('AQx', { now: () => now }))).toMatchObject({
      kind: 'rate-limited',
      retryAt: now + 30_000,
    });
    await control.failNext('li.accessToken', 503);
    expect((await failureOf(exchange('AQx'))).kind).toBe('server-error');
    await control.failNext('li.accessToken', 200, 1, { body: { access_token: 'x' } });
    expect(await failureOf(exchange('AQx'))).toEqual({
      kind: 'server-error',
      detail: 'LinkedIn sent a token answer Reactbar could not read.',
    });
    await control.failNext('li.accessToken', 0);
    expect(await failureOf(exchange('AQx'))).toEqual({
      kind: 'offline',
      detail: 'LinkedIn could not be reached.',
    });
  });

  it('keeps scopes null when the answer does not list them', async () => {
    await control.failNext('li.accessToken', 200, 1, {
      body: { access_token: 'AQtoken', expires_in: 3600 },
    });
    const grant = await exchange('AQx', { now: () => 1000 });
    expect(grant).toEqual({ accessToken: 'AQtoken', expiresAt: 1000 + 3_600_000, scopes: null });
  });
});

describe('tokenExpiry', () => {
  const now = 1_767_225_600_000;

  it('is unknown for a pasted token', () => {
    expect(tokenExpiry(null, now)).toBeNull();
    expect(tokenExpiry(undefined, now)).toBeNull();
  });

  it('counts days left and warns from seven days before', () => {
    expect(tokenExpiry(now + 60 * DAY, now)).toEqual({ daysLeft: 60, expired: false, warn: false });
    expect(tokenExpiry(now + 8 * DAY, now)).toMatchObject({ daysLeft: 8, warn: false });
    expect(tokenExpiry(now + EXPIRY_WARNING_DAYS * DAY, now)).toMatchObject({
      daysLeft: 7,
      warn: true,
    });
    expect(tokenExpiry(now + DAY / 2, now)).toEqual({ daysLeft: 1, expired: false, warn: true });
    expect(tokenExpiry(now - 1, now)).toEqual({ daysLeft: 0, expired: true, warn: true });
  });
});

describe('rowWarningWords', () => {
  const now = 1_767_225_600_000;
  const row = (expiresAt: number, expiryKnown = true, refused = false) =>
    rowWarningWords({ refused, expiry: tokenExpiry(expiresAt, now), expiryKnown });

  it('says nothing until seven days before the end, then the days left', () => {
    expect(row(now + 20 * DAY)).toBeNull();
    expect(row(now + 8 * DAY)).toBeNull();
    expect(row(now + 5 * DAY)).toBe(
      'Your LinkedIn connection ends in 5 days: reconnect in Accounts',
    );
    expect(row(now + DAY / 2)).toBe(
      'Your LinkedIn connection ends in 1 day: reconnect in Accounts',
    );
    expect(row(now - 1)).toBe('Your LinkedIn connection has ended: reconnect in Accounts');
  });

  it('counts a pasted token of unknown end to the latest, and says a refusal first', () => {
    expect(row(now + 3 * DAY, false)).toBe(
      'Your LinkedIn connection ends in 3 days at the latest: reconnect in Accounts',
    );
    expect(row(now - 1, false)).toContain('may have ended');
    expect(row(now + 40 * DAY, true, true)).toBe(
      'LinkedIn no longer accepts your connection: reconnect in Accounts',
    );
  });
});
