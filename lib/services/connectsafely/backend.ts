/**
 * ConnectSafely as the engine sees it: message reactions (the many model: each emoji on or off
 * by itself), acting as the chosen account with its key, and the words of its notices.
 */
import { i18n } from '#i18n';
import type { DefaultAccount } from '../../accounts/types';
import { formatTime } from '../../engine/notices';
import type { Backend, NoticeContext, NotReady } from '../../engine/types';
import { ServiceError } from '../../engine/types';
import type { FailureKind } from '../../reactions/types';
import type { ConnectSafelyClient } from './client';

export interface ConnectSafelyBackendDeps {
  defaultAccount(): Promise<DefaultAccount | null>;
  hasKeys(): Promise<boolean>;
  /** A client with the stored key of that id; null once the key was removed. */
  clientFor(keyId: string): Promise<ConnectSafelyClient | null>;
  keyRefused(keyId: string, detail: string): void;
}

export function createConnectSafelyBackend(deps: ConnectSafelyBackendDeps): Backend {
  return {
    service: 'connectsafely',
    model: 'many',
    async identity() {
      const account = await deps.defaultAccount();
      if (account) return { credentialId: account.keyId, actor: account.accountId };
      return { missing: (await deps.hasKeys()) ? 'actor' : 'credential' };
    },
    async send({ identity, target, facet, state }) {
      if (target.kind !== 'message') {
        throw new ServiceError({ kind: 'invalid-request', detail: 'Not a message.' });
      }
      const client = await deps.clientFor(identity.credentialId);
      if (!client) {
        throw new ServiceError({
          kind: 'credential-refused',
          detail: 'The key for this reaction was removed.',
        });
      }
      await client.react({
        conversationUrn: target.conversationUrn,
        messageUrn: target.urn,
        accountId: identity.actor,
        emoji: facet,
        react: state !== null,
      });
    },
    words: { message: wordsFor },
    credentialRefused(keyId, failure) {
      deps.keyRefused(keyId, failure.detail ?? i18n.t('connectSafelyKey.refusedWithoutWords'));
    },
  };
}

/**
 * Plain words, fixed, from the catalogue (`connectSafelyNotice`): ConnectSafely's own text stays
 * in the history.
 */
function wordsFor(code: FailureKind | NotReady['missing'], context: NoticeContext): string {
  switch (code) {
    case 'credential':
      return i18n.t('connectSafelyNotice.credential');
    case 'actor':
      return i18n.t('connectSafelyNotice.actor');
    case 'credential-refused':
      return i18n.t('connectSafelyNotice.credentialRefused');
    case 'permission-missing':
      return i18n.t('connectSafelyNotice.permissionMissing');
    case 'account-not-found':
      return i18n.t('connectSafelyNotice.accountNotFound');
    case 'target-gone':
      return i18n.t('connectSafelyNotice.targetGone');
    case 'invalid-request':
      return i18n.t('connectSafelyNotice.invalidRequest');
    case 'rate-limited':
      return context.retryAt
        ? i18n.t('connectSafelyNotice.rateLimitedUntil', [formatTime(context.retryAt)])
        : i18n.t('connectSafelyNotice.rateLimited');
    case 'server-error':
      return i18n.t('connectSafelyNotice.serverError');
    case 'offline':
      return i18n.t('connectSafelyNotice.offline');
  }
}
