/**
 * "Sign in with LinkedIn" with the member's own app: LinkedIn's authorization-code flow, as pure
 * functions plus one fetch. The background opens authorizationUrl() (browser.identity's
 * launchWebAuthFlow), reads where LinkedIn sent the browser back with parseRedirect(), and
 * trades the code for a token with exchangeCode().
 *
 * The client secret is needed: LinkedIn's PKCE flow takes only loopback redirects that LinkedIn
 * enables per app on request, which an extension's redirect (https://<id>.chromiumapp.org/) is
 * not; and sending a PKCE verifier on this flow is refused. So the secret stays in the
 * background and the exchange happens there, never in a page.
 */
import { z } from 'zod';
import { type Failure, REQUEST_TIMEOUT_MS, ServiceError } from '../../engine/types';
import { retryAfterAt } from './client';

/** Sign in (openid, profile: who is connected) and react as the member. */
export const MEMBER_SCOPES = ['openid', 'profile', 'w_member_social'] as const;
/** React as a page (w_organization_social) and list the member's pages (rw_organization_admin). */
export const PAGE_SCOPES = ['w_organization_social', 'rw_organization_admin'] as const;

/** LinkedIn's access tokens last 60 days; warn this many days before they end. */
export const EXPIRY_WARNING_DAYS = 7;
const DAY_MS = 86_400_000;

export function scopesFor(asPages: boolean): string[] {
  return asPages ? [...MEMBER_SCOPES, ...PAGE_SCOPES] : [...MEMBER_SCOPES];
}

/** A fresh `state`: 32 random bytes, base64url. Checked on the way back against CSRF. */
export function createOAuthState(
  fill: (bytes: Uint8Array) => Uint8Array = (bytes) => crypto.getRandomValues(bytes),
): string {
  const bytes = fill(new Uint8Array(32));
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

export interface AuthorizationRequest {
  /** The OAuth base, e.g. https://www.linkedin.com/oauth/v2. */
  oauthUrl: string;
  clientId: string;
  /** Exactly as registered in the app (browser.identity.getRedirectURL()). */
  redirectUri: string;
  state: string;
  /** Ask for the page scopes too. */
  asPages?: boolean;
}

/** `<oauthUrl>/authorization?response_type=code&…`, scopes space-separated (as %20). */
export function authorizationUrl(request: AuthorizationRequest): string {
  const query = [
    ['response_type', 'code'],
    ['client_id', request.clientId],
    ['redirect_uri', request.redirectUri],
    ['state', request.state],
    ['scope', scopesFor(request.asPages ?? false).join(' ')],
  ]
    .map(([name, value]) => `${name}=${encodeURIComponent(value ?? '')}`)
    .join('&');
  return `${request.oauthUrl.replace(/\/+$/, '')}/authorization?${query}`;
}

/** Where LinkedIn sent the browser back, read. */
export type RedirectResult =
  | { ok: true; code: string }
  | {
      ok: false;
      /**
       * cancelled: the member said no (or closed the sign-in); refused: LinkedIn refused the
       * request (an `error` other than a cancel, e.g. a scope the app may not ask for);
       * state-mismatch: not the answer to our request (CSRF, or an old window); malformed:
       * not a redirect to us, or neither a code nor an error.
       */
      reason: 'cancelled' | 'refused' | 'state-mismatch' | 'malformed';
      /** LinkedIn's `error` and `error_description`, for the history. */
      error?: string;
      description?: string;
    };

const CANCELLED = new Set(['user_cancelled_login', 'user_cancelled_authorize']);

/**
 * Reads the redirect: `?code=…&state=…`, or `?error=…&error_description=…&state=…`. The URL must
 * be the redirect URI asked for, and the state the one sent: a code is never taken otherwise.
 */
export function parseRedirect(
  redirectedTo: string,
  expected: { state: string; redirectUri: string },
): RedirectResult {
  let url: URL;
  let wanted: URL;
  try {
    url = new URL(redirectedTo);
    wanted = new URL(expected.redirectUri);
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  if (url.origin !== wanted.origin || url.pathname !== wanted.pathname) {
    return { ok: false, reason: 'malformed' };
  }
  const params = url.searchParams;
  const state = params.get('state');
  const error = params.get('error');
  const description = params.get('error_description') ?? undefined;
  if (state !== expected.state) {
    return { ok: false, reason: 'state-mismatch', error: error ?? undefined, description };
  }
  if (error) {
    return {
      ok: false,
      reason: CANCELLED.has(error) ? 'cancelled' : 'refused',
      error,
      description,
    };
  }
  const code = params.get('code');
  return code ? { ok: true, code } : { ok: false, reason: 'malformed' };
}

export interface CodeExchange {
  oauthUrl: string;
  clientId: string;
  clientSecret: string;
  code: string;
  /** The same redirect URI the authorization request named. */
  redirectUri: string;
  fetch?: typeof fetch;
  now?: () => number;
  timeoutMs?: number;
}

/** A token LinkedIn granted. */
export interface TokenGrant {
  accessToken: string;
  /** Epoch ms when LinkedIn stops accepting it (`expires_in` from the answer's time). */
  expiresAt: number;
  /** The scopes granted, or null when LinkedIn did not say. */
  scopes: string[] | null;
}

const tokenAnswer = z.object({
  access_token: z.string().min(1),
  expires_in: z.number().positive(),
  scope: z.string().optional(),
});
const oauthError = z.object({ error: z.string(), error_description: z.string().optional() });

/** `scope` as LinkedIn writes it (comma-separated; space-separated accepted too). */
export function parseScopes(scope: string): string[] {
  return scope.split(/[\s,]+/).filter(Boolean);
}

/**
 * Trades the code for a token: `POST <oauthUrl>/accessToken`, form-encoded. Failures are
 * ServiceErrors: credential-refused for a refused client id or secret (invalid_client),
 * invalid-request for a refused code (used, expired, another redirect URI), rate-limited,
 * server-error (5xx, or an answer that cannot be read), offline.
 */
export async function exchangeCode(exchange: CodeExchange): Promise<TokenGrant> {
  const doFetch = exchange.fetch ?? globalThis.fetch.bind(globalThis);
  const now = exchange.now ?? Date.now;
  const body = new URLSearchParams({
    grant_type: 'authorization_code',
    code: exchange.code,
    redirect_uri: exchange.redirectUri,
    client_id: exchange.clientId,
    client_secret: exchange.clientSecret,
  });
  let response: Response;
  let text: string;
  try {
    response = await doFetch(`${exchange.oauthUrl.replace(/\/+$/, '')}/accessToken`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        Accept: 'application/json',
      },
      body: body.toString(),
      credentials: 'omit',
      signal: AbortSignal.timeout(exchange.timeoutMs ?? REQUEST_TIMEOUT_MS),
    });
    text = await response.text();
  } catch {
    throw new ServiceError({ kind: 'offline', detail: 'LinkedIn could not be reached.' });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  if (response.ok) {
    const parsed = tokenAnswer.safeParse(json);
    if (!parsed.success) {
      throw new ServiceError({
        kind: 'server-error',
        detail: 'LinkedIn sent a token answer Reactbar could not read.',
      });
    }
    const answeredAt = now();
    return {
      accessToken: parsed.data.access_token,
      expiresAt: answeredAt + parsed.data.expires_in * 1000,
      scopes: parsed.data.scope === undefined ? null : parseScopes(parsed.data.scope),
    };
  }
  throw new ServiceError(oauthFailureFor(response, json, now()));
}

function oauthFailureFor(response: Response, body: unknown, now: number): Failure {
  const parsed = oauthError.safeParse(body);
  const error = parsed.success ? parsed.data.error : undefined;
  const said = parsed.success
    ? `: ${parsed.data.error}${parsed.data.error_description ? ` (${parsed.data.error_description})` : ''}`
    : '.';
  const status = response.status;
  if (error === 'invalid_client' || (status === 401 && error === undefined)) {
    return {
      kind: 'credential-refused',
      detail: `LinkedIn refused the app's client id or secret (${status})${said}`,
    };
  }
  if (status === 429) {
    return {
      kind: 'rate-limited',
      retryAt: retryAfterAt(response.headers, now) ?? now + 60_000,
      detail: `LinkedIn is limiting requests (429)${said}`,
    };
  }
  if (status >= 500) {
    return { kind: 'server-error', detail: `LinkedIn had a problem (${status})${said}` };
  }
  return { kind: 'invalid-request', detail: `LinkedIn refused the sign-in (${status})${said}` };
}

/** What the popup says of a token's time left: null when unknown (a pasted token). */
export function tokenExpiry(
  expiresAt: number | null | undefined,
  now: number,
): { daysLeft: number; expired: boolean; warn: boolean } | null {
  if (expiresAt === null || expiresAt === undefined) return null;
  const left = expiresAt - now;
  const daysLeft = Math.max(0, Math.ceil(left / DAY_MS));
  return { daysLeft, expired: left <= 0, warn: left <= EXPIRY_WARNING_DAYS * DAY_MS };
}
