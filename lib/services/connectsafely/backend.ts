/**
 * ConnectSafely as the engine sees it: message reactions (the many model: each emoji on or off
 * by itself), acting as the chosen account with its key, and the words of its notices.
 */
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
      deps.keyRefused(keyId, failure.detail ?? 'ConnectSafely refused the key.');
    },
  };
}

/** Plain words, fixed: ConnectSafely's own text stays in the history. */
function wordsFor(code: FailureKind | NotReady['missing'], context: NoticeContext): string {
  switch (code) {
    case 'credential':
      return 'Add your ConnectSafely key to react from here.';
    case 'actor':
      return 'Choose which LinkedIn account reacts, in Accounts.';
    case 'credential-refused':
      return 'ConnectSafely refused your key. Check it in Accounts.';
    case 'permission-missing':
      return 'Your ConnectSafely key may not react for this account. Check it in Accounts.';
    case 'account-not-found':
      return 'ConnectSafely does not know the chosen LinkedIn account. Choose another in Accounts.';
    case 'target-gone':
      return 'This message is no longer there, so the reaction was undone.';
    case 'invalid-request':
      return 'ConnectSafely refused this reaction.';
    case 'rate-limited':
      return context.retryAt
        ? `Rate limited until ${formatTime(context.retryAt)}: Reactbar will send this reaction then.`
        : 'Rate limited: Reactbar will send this reaction when the limit resets.';
    case 'server-error':
      return 'ConnectSafely had a problem: Reactbar will try again shortly.';
    case 'offline':
      return 'Offline: this reaction is queued and will be sent when the connection is back.';
  }
}
