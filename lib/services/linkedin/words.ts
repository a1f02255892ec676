/**
 * LinkedIn's plain words: the notices near a post's or comment's bar, what its row says about the
 * connection, and what the popup says when connecting fails. Fixed sentences from the catalogue
 * (`linkedinNotice`, `linkedinPermission`, `linkedinRow`, `linkedinConnectFailure`), in the
 * browser's language; LinkedIn's own text stays in the history (`detail`).
 */
import { i18n } from '#i18n';
import { formatTime } from '../../engine/notices';
import type { Failure, NoticeContext, NotReady } from '../../engine/types';
import type { FailureKind } from '../../reactions/types';
import type { RedirectResult } from './oauth';

/**
 * What each permission is for, in the words a member knows from LinkedIn's consent page; read
 * from the catalogue each time (getters), so an unknown scope is simply absent.
 */
export const PERMISSION_PURPOSES: Readonly<Record<string, string>> = {
  get w_member_social() {
    return i18n.t('linkedinPermission.w_member_social');
  },
  get w_organization_social() {
    return i18n.t('linkedinPermission.w_organization_social');
  },
  get rw_organization_admin() {
    return i18n.t('linkedinPermission.rw_organization_admin');
  },
  get r_organization_admin() {
    return i18n.t('linkedinPermission.r_organization_admin');
  },
  get r_member_social() {
    return i18n.t('linkedinPermission.r_member_social');
  },
  get r_organization_social() {
    return i18n.t('linkedinPermission.r_organization_social');
  },
  get openid() {
    return i18n.t('linkedinPermission.openid');
  },
  get profile() {
    return i18n.t('linkedinPermission.profile');
  },
};

function missingPermission(permission: string | undefined): string {
  if (!permission) return i18n.t('linkedinNotice.permissionUnknown');
  const purpose = Object.hasOwn(PERMISSION_PURPOSES, permission)
    ? PERMISSION_PURPOSES[permission]
    : undefined;
  return purpose
    ? i18n.t('linkedinNotice.permissionFor', [permission, purpose])
    : i18n.t('linkedinNotice.permission', [permission]);
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
  if (refused) return i18n.t('linkedinRow.refused');
  if (!expiry?.warn) return null;
  if (expiry.expired) {
    return expiryKnown ? i18n.t('linkedinRow.ended') : i18n.t('linkedinRow.mayHaveEnded');
  }
  return expiryKnown
    ? i18n.t('linkedinRow.endsIn', expiry.daysLeft)
    : i18n.t('linkedinRow.endsInAtLatest', expiry.daysLeft);
}

/** The words of a notice near a bar (the engine's NoticeWords for LinkedIn). */
export function linkedInNoticeWords(
  code: FailureKind | NotReady['missing'],
  context: NoticeContext,
): string {
  switch (code) {
    case 'credential':
      return i18n.t('linkedinNotice.credential');
    case 'actor':
      return i18n.t('linkedinNotice.actor');
    case 'credential-refused':
      return i18n.t('linkedinNotice.credentialRefused');
    case 'permission-missing':
      return missingPermission(context.permission);
    case 'account-not-found':
      return i18n.t('linkedinNotice.accountNotFound');
    case 'target-gone':
      return i18n.t('linkedinNotice.targetGone');
    case 'invalid-request':
      return i18n.t('linkedinNotice.invalidRequest');
    case 'rate-limited':
      return context.retryAt
        ? i18n.t('linkedinNotice.rateLimitedUntil', [formatTime(context.retryAt)])
        : i18n.t('linkedinNotice.rateLimited');
    case 'server-error':
      return i18n.t('linkedinNotice.serverError');
    case 'offline':
      return i18n.t('linkedinNotice.offline');
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
        ? i18n.t('linkedinConnectFailure.clientRefused')
        : i18n.t('linkedinConnectFailure.tokenRefused');
    case 'permission-missing':
      return failure.permission === 'openid'
        ? i18n.t('linkedinConnectFailure.noOpenId')
        : missingPermission(failure.permission);
    case 'rate-limited':
      return failure.retryAt
        ? i18n.t('linkedinConnectFailure.rateLimitedUntil', [formatTime(failure.retryAt)])
        : i18n.t('linkedinConnectFailure.rateLimited');
    case 'server-error':
      return i18n.t('linkedinConnectFailure.serverError');
    case 'offline':
      return i18n.t('linkedinConnectFailure.offline');
    case 'invalid-request':
      return step === 'exchange-code'
        ? i18n.t('linkedinConnectFailure.signInRefused')
        : i18n.t('linkedinConnectFailure.requestRefused');
    case 'account-not-found':
    case 'target-gone':
      return i18n.t('linkedinConnectFailure.unknownPage');
  }
}

/** Why a sign-in window came back without a code, for the popup. */
export function redirectFailureWords(result: Exclude<RedirectResult, { ok: true }>): string {
  switch (result.reason) {
    case 'cancelled':
      return i18n.t('linkedinConnectFailure.cancelled');
    case 'refused':
      return result.error === 'unauthorized_scope_error'
        ? i18n.t('linkedinConnectFailure.scopeRefused')
        : i18n.t('linkedinConnectFailure.appRefused');
    case 'state-mismatch':
      return i18n.t('linkedinConnectFailure.stateMismatch');
    case 'malformed':
      return i18n.t('linkedinConnectFailure.malformed');
  }
}
