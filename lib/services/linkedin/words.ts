/**
 * LinkedIn's plain words: the notices near a post's or comment's bar, and what the popup says
 * when connecting fails. Fixed sentences; LinkedIn's own text stays in the history (`detail`).
 */
import { formatTime } from '../../engine/notices';
import type { Failure, NoticeContext, NotReady } from '../../engine/types';
import type { FailureKind } from '../../reactions/types';
import type { RedirectResult } from './oauth';

/** What each permission is for, in the words a member knows from LinkedIn's consent page. */
export const PERMISSION_PURPOSES: Readonly<Record<string, string>> = {
  w_member_social: 'react as you',
  w_organization_social: 'react as a page',
  rw_organization_admin: 'list the pages you manage',
  r_organization_admin: 'list the pages you manage',
  r_member_social: 'read your reactions',
  r_organization_social: "read a page's reactions",
  openid: 'tell who is connected',
  profile: 'show your name',
};

function missingPermission(permission: string | undefined): string {
  if (!permission) {
    return 'Your LinkedIn connection lacks a permission this reaction needs. Reconnect LinkedIn in Accounts.';
  }
  const purpose = PERMISSION_PURPOSES[permission];
  return (
    `Your LinkedIn connection lacks the ${permission} permission` +
    `${purpose ? ` (to ${purpose})` : ''}. Reconnect LinkedIn with it in Accounts.`
  );
}

/**
 * The row's warning about the connection, from EXPIRY_WARNING_DAYS before it ends (tokenExpiry
 * in oauth.ts decides when); null when there is nothing to warn of. A pasted token whose end is
 * not known is counted to the latest it can end (60 days after it was pasted).
 */
export function rowWarningWords(connection: {
  refused: boolean;
  expiry: { daysLeft: number; expired: boolean; warn: boolean } | null;
  expiryKnown: boolean;
}): string | null {
  const { refused, expiry, expiryKnown } = connection;
  if (refused) return 'LinkedIn no longer accepts your connection: reconnect in Accounts';
  if (!expiry?.warn) return null;
  if (expiry.expired) {
    return expiryKnown
      ? 'Your LinkedIn connection has ended: reconnect in Accounts'
      : 'Your LinkedIn connection may have ended (LinkedIn tokens last 60 days): reconnect in Accounts';
  }
  const days = expiry.daysLeft === 1 ? '1 day' : `${expiry.daysLeft} days`;
  return `Your LinkedIn connection ends in ${days}${expiryKnown ? '' : ' at the latest'}: reconnect in Accounts`;
}

/** The words of a notice near a bar (the engine's NoticeWords for LinkedIn). */
export function linkedInNoticeWords(
  code: FailureKind | NotReady['missing'],
  context: NoticeContext,
): string {
  switch (code) {
    case 'credential':
      return 'Connect LinkedIn to react to posts and comments from here.';
    case 'actor':
      return 'Choose whom to react as on LinkedIn (you or a page), in Accounts.';
    case 'credential-refused':
      return 'LinkedIn no longer accepts your connection (it expired or was revoked). Reconnect LinkedIn in Accounts.';
    case 'permission-missing':
      return missingPermission(context.permission);
    case 'account-not-found':
      return 'LinkedIn does not know the page chosen to react as. Choose another in Accounts.';
    case 'target-gone':
      return 'This post or comment is no longer there, so the reaction was undone.';
    case 'invalid-request':
      return 'LinkedIn refused this reaction.';
    case 'rate-limited':
      return context.retryAt
        ? `LinkedIn is limiting requests until ${formatTime(context.retryAt)}: Reactbar will send this reaction then.`
        : 'LinkedIn is limiting requests: Reactbar will send this reaction when the limit ends.';
    case 'server-error':
      return 'LinkedIn had a problem: Reactbar will try again shortly.';
    case 'offline':
      return 'Offline: this reaction is queued and will be sent when the connection is back.';
  }
}

/** What the popup was doing when connecting failed. */
export type ConnectStep = 'check-token' | 'exchange-code' | 'list-pages';

/**
 * Why connecting LinkedIn failed, for the popup: checking a token (userinfo), exchanging a
 * sign-in code for one, or listing the member's pages.
 */
export function connectFailureWords(step: ConnectStep, failure: Failure): string {
  switch (failure.kind) {
    case 'credential-refused':
      return step === 'exchange-code'
        ? 'LinkedIn refused the client id or secret. Check them in your LinkedIn app.'
        : 'LinkedIn refused this token: it is wrong, expired or revoked. Make a new one, or sign in with LinkedIn.';
    case 'permission-missing':
      return failure.permission === 'openid'
        ? 'This token cannot tell who it belongs to: make it with the "Sign In with LinkedIn using OpenID Connect" product (openid, profile).'
        : missingPermission(failure.permission);
    case 'rate-limited':
      return failure.retryAt
        ? `LinkedIn is limiting requests until ${formatTime(failure.retryAt)}. Try again then.`
        : 'LinkedIn is limiting requests. Try again later.';
    case 'server-error':
      return 'LinkedIn had a problem. Try again in a moment.';
    case 'offline':
      return 'LinkedIn could not be reached. Check the connection and try again.';
    case 'invalid-request':
      return step === 'exchange-code'
        ? 'LinkedIn refused the sign-in. Start it again; if it fails again, check the redirect URL in your LinkedIn app.'
        : 'LinkedIn refused the request.';
    case 'account-not-found':
    case 'target-gone':
      return 'LinkedIn does not know that page.';
  }
}

/** Why a sign-in window came back without a code, for the popup. */
export function redirectFailureWords(result: Exclude<RedirectResult, { ok: true }>): string {
  switch (result.reason) {
    case 'cancelled':
      return 'Sign-in was cancelled: LinkedIn is not connected.';
    case 'refused':
      return result.error === 'unauthorized_scope_error'
        ? 'Your LinkedIn app may not ask for these permissions: add its "Share on LinkedIn" and "Sign In with LinkedIn using OpenID Connect" products (and Community Management to react as a page).'
        : 'LinkedIn refused the sign-in. Check your LinkedIn app, then sign in again.';
    case 'state-mismatch':
      return 'That sign-in answer was not for this request, so Reactbar ignored it. Sign in again.';
    case 'malformed':
      return 'LinkedIn sent back an answer Reactbar could not read. Sign in again.';
  }
}
