import { describe, expect, it } from 'vitest';
import { DEMO_CREDENTIALS } from './demo';
import { liFetch, useEmulator } from './test-support';
import type { Emulator } from './types';

const REDIRECT = 'https://abcdefghijklmnop.chromiumapp.org/';
const SCOPE = 'openid profile w_member_social';

interface AuthorizeInput {
  clientId?: string;
  redirectUri?: string;
  state?: string | null;
  scope?: string;
  responseType?: string;
}

function authorizeUrl(emulator: Emulator, input: AuthorizeInput = {}): string {
  const query = new URLSearchParams({
    response_type: input.responseType ?? 'code',
    client_id: input.clientId ?? DEMO_CREDENTIALS.linkedinClientId,
    redirect_uri: input.redirectUri ?? REDIRECT,
    scope: input.scope ?? SCOPE,
  });
  if (input.state !== null) query.set('state', input.state ?? 'st4te-1');
  return `${emulator.urls.linkedinOAuthUrl}/authorization?${query}`;
}

/** Opens the consent page and reads its form's consent id. */
async function openConsent(emulator: Emulator, input: AuthorizeInput = {}) {
  const response = await fetch(authorizeUrl(emulator, input), { redirect: 'manual' });
  const html = await response.text();
  const consent = /name="consent" value="([^"]+)"/.exec(html)?.[1];
  return { response, html, consent };
}

/** Submits the consent form as the browser would; answers the redirect's URL. */
async function decide(
  emulator: Emulator,
  consent: string,
  decision: string,
  member?: string,
): Promise<{ status: number; location: URL | null }> {
  const form = new URLSearchParams({ consent, decision });
  if (member) form.set('member', member);
  const response = await fetch(`${emulator.urls.linkedinOAuthUrl}/authorization/consent`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: form.toString(),
    redirect: 'manual',
  });
  const location = response.headers.get('location');
  return { status: response.status, location: location ? new URL(location) : null };
}

async function signIn(emulator: Emulator, input: AuthorizeInput = {}): Promise<string> {
  const { consent } = await openConsent(emulator, input);
  const { location } = await decide(emulator, consent ?? '', 'allow');
  return location?.searchParams.get('code') ?? '';
}

function exchange(
  emulator: Emulator,
  fields: Record<string, string>,
  contentType = 'application/x-www-form-urlencoded',
): Promise<Response> {
  return fetch(`${emulator.urls.linkedinOAuthUrl}/accessToken`, {
    method: 'POST',
    headers: { 'Content-Type': contentType },
    body: new URLSearchParams(fields).toString(),
  });
}

const exchangeFields = (code: string, overrides: Record<string, string> = {}) => ({
  grant_type: 'authorization_code',
  code,
  redirect_uri: REDIRECT,
  client_id: DEMO_CREDENTIALS.linkedinClientId,
  client_secret: DEMO_CREDENTIALS.linkedinClientSecret,
  ...overrides,
});

describe('LinkedIn OAuth: the consent page', () => {
  const t = useEmulator();

  it('shows the app, what it asks for, the member, Allow and Cancel', async () => {
    const { response, html, consent } = await openConsent(t.emulator, {
      scope: 'openid profile w_member_social w_organization_social rw_organization_admin',
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(html).toContain('Reactbar Demo App would like to:');
    expect(html).toContain(
      'Create, modify, and delete posts, comments, and reactions on your behalf',
    );
    expect(html).toContain('on behalf of an organization you administer');
    expect(html).toContain('Maya Lindqvist');
    expect(html).toMatch(/<button[^>]*value="allow"[^>]*>Allow<\/button>/);
    expect(html).toMatch(/<button[^>]*value="cancel"[^>]*>Cancel<\/button>/);
    expect(consent).toMatch(/^[0-9a-f]{32}$/);
    const [logged] = await t.control.requests({ route: 'li.authorize' });
    expect(logged?.status).toBe(200);
  });

  it('Allow redirects to redirect_uri with a code and the state', async () => {
    const { consent } = await openConsent(t.emulator, { state: 'a b&c' });
    const { status, location } = await decide(t.emulator, consent ?? '', 'allow');
    expect(status).toBe(302);
    expect(`${location?.origin}${location?.pathname}`).toBe(REDIRECT);
    expect(location?.searchParams.get('code')).toMatch(/^AQ/);
    expect(location?.searchParams.get('state')).toBe('a b&c');
    expect(location?.searchParams.has('error')).toBe(false);
  });

  it('Cancel redirects with error=user_cancelled_authorize and the state', async () => {
    const { consent } = await openConsent(t.emulator);
    const { status, location } = await decide(t.emulator, consent ?? '', 'cancel');
    expect(status).toBe(302);
    expect(Object.fromEntries(location?.searchParams ?? [])).toEqual({
      error: 'user_cancelled_authorize',
      error_description: 'The user cancelled the authorization',
      state: 'st4te-1',
    });
  });

  it('leaves state out of the redirect when the request had none', async () => {
    const { consent } = await openConsent(t.emulator, { state: null });
    const { location } = await decide(t.emulator, consent ?? '', 'allow');
    expect(location?.searchParams.has('state')).toBe(false);
    expect(location?.searchParams.get('code')).toBeTruthy();
  });

  it('keeps a query the redirect URI already has', async () => {
    const redirectUri = 'http://127.0.0.1:5555/callback?from=test';
    const { consent } = await openConsent(t.emulator, { redirectUri });
    const { location } = await decide(t.emulator, consent ?? '', 'allow');
    expect(location?.origin).toBe('http://127.0.0.1:5555');
    expect(location?.searchParams.get('from')).toBe('test');
    expect(location?.searchParams.get('code')).toBeTruthy();
  });

  it('closes a consent once used: a second answer gets an error page', async () => {
    const { consent } = await openConsent(t.emulator);
    await decide(t.emulator, consent ?? '', 'allow');
    const again = await decide(t.emulator, consent ?? '', 'allow');
    expect(again.status).toBe(400);
    expect(again.location).toBeNull();
  });

  it.each([
    ['an unknown client_id', { clientId: 'nope' }, 'Invalid client_id'],
    [
      'an http redirect that is not loopback',
      { redirectUri: 'http://example.com/' },
      'Invalid redirect_uri',
    ],
    ['a redirect that is not a URL', { redirectUri: 'not a url' }, 'Invalid redirect_uri'],
  ])('shows an error page, never a redirect, for %s', async (_name, input, title) => {
    const { response, html } = await openConsent(t.emulator, input);
    expect(response.status).toBe(400);
    expect(response.headers.get('location')).toBeNull();
    expect(html).toContain(title);
  });

  it.each([
    ['response_type=token', { responseType: 'token' }, 'invalid_request'],
    ['no scope', { scope: '' }, 'invalid_request'],
    [
      'a scope the app may not ask for',
      { scope: 'openid r_member_social' },
      'unauthorized_scope_error',
    ],
  ])('redirects with an error for %s', async (_name, input, error) => {
    const { response } = await openConsent(t.emulator, input);
    expect(response.status).toBe(302);
    const location = new URL(response.headers.get('location') ?? '');
    expect(location.searchParams.get('error')).toBe(error);
    expect(location.searchParams.get('error_description')).toBeTruthy();
    expect(location.searchParams.get('state')).toBe('st4te-1');
  });
});

describe('LinkedIn OAuth: registered redirect URLs', () => {
  const t = useEmulator({
    oauthClients: [{ clientId: 'strict', clientSecret: 's3cret', redirectUris: [REDIRECT] }],
  });

  it('accepts only the app’s registered redirect URLs', async () => {
    expect((await openConsent(t.emulator, { clientId: 'strict' })).response.status).toBe(200);
    const other = await openConsent(t.emulator, {
      clientId: 'strict',
      redirectUri: 'https://other.chromiumapp.org/',
    });
    expect(other.response.status).toBe(400);
    expect(other.html).toContain('Invalid redirect_uri');
  });
});

describe('LinkedIn OAuth: several members', () => {
  const t = useEmulator({
    tokens: [
      { token: 'tok-a', sub: 'memberA1', givenName: 'Ada', familyName: 'A' },
      { token: 'tok-b', sub: 'memberB2', givenName: 'Bo', familyName: 'B' },
    ],
  });

  it('signs in the member chosen on the consent page', async () => {
    const { html, consent } = await openConsent(t.emulator);
    expect(html).toContain('Ada A');
    expect(html).toContain('Bo B');
    const { location } = await decide(t.emulator, consent ?? '', 'allow', 'memberB2');
    const answer = await exchange(
      t.emulator,
      exchangeFields(location?.searchParams.get('code') ?? ''),
    );
    const { access_token } = (await answer.json()) as { access_token: string };
    const userinfo = await liFetch(t.emulator, '/v2/userinfo', {
      headers: { Authorization: `Bearer ${access_token}` },
    });
    expect(((await userinfo.json()) as { sub: string }).sub).toBe('memberB2');
  });
});

describe('LinkedIn OAuth: the token exchange', () => {
  let now = 1_767_225_600_000;
  const t = useEmulator({ now: () => now });

  it('trades a code for a 60-day token with the granted scopes, usable at once', async () => {
    now = 1_767_225_600_000;
    const code = await signIn(t.emulator);
    const response = await exchange(t.emulator, exchangeFields(code));
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toMatchObject({
      expires_in: 5_184_000,
      scope: 'openid,profile,w_member_social',
      token_type: 'Bearer',
    });
    expect(body.access_token).toMatch(/^AQ/);
    expect(String(body.id_token).split('.')).toHaveLength(3);

    const token = String(body.access_token);
    const userinfo = await liFetch(t.emulator, '/v2/userinfo', {
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(((await userinfo.json()) as { sub: string }).sub).toBe(DEMO_CREDENTIALS.sub);
    expect(await t.control.token(token)).toMatchObject({
      actor: DEMO_CREDENTIALS.actor,
      scopes: ['openid', 'profile', 'w_member_social'],
      expiresAt: now + 5_184_000_000,
      status: 'active',
    });

    // Sixty days later it expires.
    now += 5_184_000_000;
    const expired = await liFetch(t.emulator, '/v2/userinfo', {
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(expired.status).toBe(401);
    expect(await expired.json()).toEqual({
      status: 401,
      message: 'The token used in the request has expired',
      serviceErrorCode: 65602,
    });
  });

  it('accepts a code once', async () => {
    const code = await signIn(t.emulator);
    expect((await exchange(t.emulator, exchangeFields(code))).status).toBe(200);
    const again = await exchange(t.emulator, exchangeFields(code));
    expect(again.status).toBe(400);
    expect(await again.json()).toEqual({
      error: 'invalid_grant',
      error_description: 'The authorization code was already used',
    });
  });

  it('refuses a code older than 30 minutes', async () => {
    now = 1_767_225_600_000;
    const code = await signIn(t.emulator);
    now += 31 * 60_000;
    const response = await exchange(t.emulator, exchangeFields(code));
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toBe('invalid_grant');
  });

  it.each([
    ['a wrong secret', { client_secret: 'wrong' }, 401, 'invalid_client'],
    ['an unknown client id', { client_id: 'nobody' }, 401, 'invalid_client'],
    ['a PKCE code_verifier', { code_verifier: 'x'.repeat(43) }, 401, 'invalid_client'],
    ['another redirect_uri', { redirect_uri: 'https://other.example/' }, 400, 'invalid_grant'],
    ['an unknown code', { code: 'AQnope' }, 400, 'invalid_grant'],
    ['another grant type', { grant_type: 'refresh_token' }, 400, 'unsupported_grant_type'],
  ])('refuses %s', async (_name, overrides, status, error) => {
    const code = await signIn(t.emulator);
    const response = await exchange(t.emulator, exchangeFields(code, overrides));
    expect(response.status).toBe(status);
    const body = (await response.json()) as { error: string; error_description: string };
    expect(body.error).toBe(error);
    expect(body.error_description).toBeTruthy();
    // A refused exchange does not spend the code.
    expect((await exchange(t.emulator, exchangeFields(code))).status).toBe(200);
  });

  it('refuses a JSON body and missing parameters with invalid_request', async () => {
    const code = await signIn(t.emulator);
    const json = await fetch(`${t.emulator.urls.linkedinOAuthUrl}/accessToken`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(exchangeFields(code)),
    });
    expect(json.status).toBe(400);
    expect(((await json.json()) as { error: string }).error).toBe('invalid_request');
    for (const missing of ['grant_type', 'code', 'redirect_uri']) {
      const fields: Record<string, string> = exchangeFields(code);
      delete fields[missing];
      const response = await exchange(t.emulator, fields);
      expect(response.status).toBe(400);
      expect(((await response.json()) as { error: string }).error).toBe('invalid_request');
    }
  });

  it('answers injected failures in the OAuth format', async () => {
    await t.control.failNext('li.accessToken', 503);
    const response = await exchange(t.emulator, exchangeFields('AQx'));
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({
      error: 'temporarily_unavailable',
      error_description: 'Service unavailable',
    });
    const unknown = await fetch(`${t.emulator.urls.linkedinOAuthUrl}/introspectToken`);
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { error: string }).error).toBe('not_found');
  });
});
