import type { EmulatorCore } from '../core';
import type { MemberRecord, OAuthClientRecord } from '../credentials';
import {
  type ApiResponse,
  escapeHtml,
  headerValue,
  htmlResponse,
  jsonResponse,
  type RequestContext,
  redirectResponse,
} from '../http';
import { CONSENT_PATH } from '../routes';
import type { RouteId } from '../types';
import { type Consent, TOKEN_LIFETIME_SECONDS } from './auth';
import { oauthError } from './errors';

/** What LinkedIn's consent page says each permission allows. */
const SCOPE_WORDS: Record<string, string> = {
  openid: 'Use your name and photo',
  profile: 'Use your name and photo',
  email: 'Use the primary email address associated with your LinkedIn account',
  w_member_social: 'Create, modify, and delete posts, comments, and reactions on your behalf',
  w_organization_social:
    'Create, modify, and delete posts, comments, and reactions on behalf of an organization you administer',
  rw_organization_admin: "Manage your organization's pages and retrieve reporting data",
  r_organization_admin: "Retrieve your organization's pages and their reporting data",
  r_member_social: 'Retrieve your posts, comments, likes, and other engagement data',
};

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/;

/** The app's registered URLs, or (none registered) any https URL or loopback http URL. */
function redirectAllowed(client: OAuthClientRecord, redirectUri: string): boolean {
  if (client.redirectUris) return client.redirectUris.includes(redirectUri);
  try {
    const url = new URL(redirectUri);
    return url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.test(url.hostname));
  } catch {
    return false;
  }
}

/** The redirect URL with these parameters added (null values left out). */
function withParams(redirectUri: string, params: Record<string, string | null>): string {
  const url = new URL(redirectUri);
  for (const [name, value] of Object.entries(params)) {
    if (value !== null) url.searchParams.set(name, value);
  }
  return url.href;
}

function page(title: string, content: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} | LinkedIn (emulator)</title>
<style>
body { font: 15px/1.4 system-ui, sans-serif; background: #f4f2ee; margin: 0; }
main { max-width: 28rem; margin: 3rem auto; background: #fff; border-radius: 8px; padding: 1.5rem; }
button { font: inherit; padding: .4rem 1.2rem; border-radius: 1rem; cursor: pointer; }
button[value=allow] { background: #0a66c2; color: #fff; border: 1px solid #0a66c2; }
button[value=cancel] { background: #fff; color: #0a66c2; border: 1px solid #0a66c2; }
fieldset { border: 0; padding: 0; margin: 1rem 0; }
</style>
</head>
<body><main>
${content}
</main></body>
</html>
`;
}

function errorPage(title: string, sentence: string): ApiResponse {
  return htmlResponse(
    400,
    page(title, `<h1>${escapeHtml(title)}</h1>\n<p role="alert">${escapeHtml(sentence)}</p>`),
  );
}

function consentPage(client: OAuthClientRecord, consent: Consent, members: MemberRecord[]) {
  const words = [...new Set(consent.scopes.map((scope) => SCOPE_WORDS[scope] ?? scope))];
  const choices = members
    .map(
      (member, index) =>
        `<label><input type="radio" name="member" value="${escapeHtml(member.sub)}"${index === 0 ? ' checked' : ''}> ` +
        `${escapeHtml(`${member.givenName} ${member.familyName}`)}</label><br>`,
    )
    .join('\n');
  return page(
    'Sign in with LinkedIn',
    `<h1>${escapeHtml(client.name)} would like to:</h1>
<ul>
${words.map((line) => `<li>${escapeHtml(line)}</li>`).join('\n')}
</ul>
<form method="post" action="${CONSENT_PATH}">
<input type="hidden" name="consent" value="${escapeHtml(consent.id)}">
<fieldset><legend>Continue as</legend>
${choices}
</fieldset>
<button type="submit" name="decision" value="cancel">Cancel</button>
<button type="submit" name="decision" value="allow">Allow</button>
</form>`,
  );
}

/** `GET /oauth/v2/authorization`: the consent page, or an error (a page, or a redirect). */
function authorize(ctx: RequestContext, core: EmulatorCore): ApiResponse {
  const query = ctx.query;
  const client = core.registry.oauthClient(query.get('client_id') ?? '');
  // Nothing can be trusted to redirect to without a known app and one of its URLs: a page.
  if (!client) {
    return errorPage('Invalid client_id', 'The application was not found: check the client id.');
  }
  const redirectUri = query.get('redirect_uri') ?? '';
  if (!redirectAllowed(client, redirectUri)) {
    return errorPage(
      'Invalid redirect_uri',
      "The redirect_uri does not match the application's registered value.",
    );
  }
  const state = query.get('state');
  const fail = (error: string, description: string) =>
    redirectResponse(withParams(redirectUri, { error, error_description: description, state }));
  if (query.get('response_type') !== 'code') {
    return fail('invalid_request', 'response_type must be code');
  }
  const scopes = [...new Set((query.get('scope') ?? '').split(' ').filter(Boolean))];
  if (scopes.length === 0) return fail('invalid_request', 'The scope parameter is required');
  const refused = scopes.find((scope) => !client.scopes.includes(scope));
  if (refused) {
    return fail(
      'unauthorized_scope_error',
      `Scope "${refused}" is not authorized for your application`,
    );
  }
  const consent = core.auth.openConsent({ clientId: client.clientId, redirectUri, state, scopes });
  return htmlResponse(200, consentPage(client, consent, core.registry.allMembers()));
}

/** `POST /oauth/v2/authorization/consent`: Allow (a code) or Cancel, back to the app. */
function decide(ctx: RequestContext, core: EmulatorCore): ApiResponse {
  const form = new URLSearchParams(ctx.bodyText);
  const consent = core.auth.takeConsent(form.get('consent') ?? '');
  if (!consent) {
    return errorPage('Request expired', 'This sign-in request expired. Start again from the app.');
  }
  const back = (params: Record<string, string | null>) =>
    redirectResponse(withParams(consent.redirectUri, { ...params, state: consent.state }));
  const decision = form.get('decision');
  if (decision === 'cancel') {
    return back({
      error: 'user_cancelled_authorize',
      error_description: 'The user cancelled the authorization',
    });
  }
  const member = core.registry.member(
    form.get('member') ?? core.registry.allMembers()[0]?.sub ?? '',
  );
  if (decision !== 'allow' || !member) {
    return errorPage('Bad request', 'Choose Allow or Cancel.');
  }
  return back({ code: core.auth.issueCode(consent, member.sub) });
}

/** An OpenID id_token's look (header.payload.signature); nothing checks its signature here. */
function idToken(member: MemberRecord, clientId: string, now: number): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const seconds = Math.floor(now / 1000);
  return [
    part({ alg: 'RS256', typ: 'JWT', kid: 'emulator' }),
    part({
      iss: 'https://www.linkedin.com/oauth',
      aud: clientId,
      sub: member.sub,
      iat: seconds,
      exp: seconds + 3600,
      name: `${member.givenName} ${member.familyName}`,
    }),
    Buffer.from('emulator-signature').toString('base64url'),
  ].join('.');
}

/** `POST /oauth/v2/accessToken`: a code (and the app's id and secret) for a 60-day token. */
function accessToken(ctx: RequestContext, core: EmulatorCore): ApiResponse {
  const type = headerValue(ctx.headers, 'content-type') ?? '';
  if (!type.toLowerCase().startsWith('application/x-www-form-urlencoded')) {
    return oauthError(
      400,
      'invalid_request',
      'The request body must be application/x-www-form-urlencoded',
    );
  }
  const form = new URLSearchParams(ctx.bodyText);
  const grantType = form.get('grant_type');
  if (!grantType) {
    return oauthError(400, 'invalid_request', 'A required parameter "grant_type" is missing');
  }
  if (grantType !== 'authorization_code') {
    return oauthError(400, 'unsupported_grant_type', `grant_type ${grantType} is not supported`);
  }
  const client = core.registry.oauthClient(form.get('client_id') ?? '');
  // A PKCE verifier on this flow is refused as a failed client authentication, as LinkedIn does
  // for apps whose PKCE flow it has not enabled.
  if (!client || client.clientSecret !== form.get('client_secret') || form.has('code_verifier')) {
    return oauthError(401, 'invalid_client', 'Client authentication failed');
  }
  const code = form.get('code');
  const redirectUri = form.get('redirect_uri');
  if (!code) return oauthError(400, 'invalid_request', 'A required parameter "code" is missing');
  if (!redirectUri) {
    return oauthError(400, 'invalid_request', 'A required parameter "redirect_uri" is missing');
  }
  const grant = core.auth.redeemCode(code, client.clientId, redirectUri);
  if (!grant.ok) return oauthError(400, 'invalid_grant', grant.problem);
  const member = core.registry.member(grant.sub);
  if (!member) return oauthError(400, 'invalid_grant', 'The member is no longer known');
  const token = core.auth.issue(member, grant.scopes, TOKEN_LIFETIME_SECONDS);
  return jsonResponse(
    200,
    {
      access_token: token.token,
      expires_in: TOKEN_LIFETIME_SECONDS,
      // LinkedIn lists granted scopes comma-separated.
      scope: grant.scopes.join(','),
      token_type: 'Bearer',
      ...(grant.scopes.includes('openid')
        ? { id_token: idToken(member, client.clientId, core.now()) }
        : {}),
    },
    { 'Cache-Control': 'no-store' },
  );
}

/** LinkedIn's OAuth 2.0 pages and token endpoint (`/oauth/v2`). */
export function handleOAuth(
  route: RouteId | null,
  ctx: RequestContext,
  core: EmulatorCore,
): ApiResponse {
  switch (route) {
    case 'li.authorize':
      return authorize(ctx, core);
    case 'li.consent':
      return decide(ctx, core);
    case 'li.accessToken':
      return accessToken(ctx, core);
    default:
      return oauthError(404, 'not_found', 'No such OAuth endpoint');
  }
}
