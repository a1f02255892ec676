/**
 * Notices near a bar. The words of a failure belong to the service's backend; the engine only
 * adds what every service shares (pace, changes made elsewhere) and where the fix is.
 */
import type { Notice, NoticeCode } from '../reactions/types';
import type { Backend, NoticeContext, NotReady } from './types';

const SHARED_WORDS: Partial<Record<NoticeCode, string>> = {
  'too-fast':
    'That was faster than a person clicks, so Reactbar paused. Try again in a few seconds.',
  'changed-elsewhere':
    'This reaction was changed elsewhere after your click; Reactbar kept the newer change.',
};

const FIX_IN_ACCOUNTS = new Set<NoticeCode>([
  'not-connected',
  'no-actor',
  'credential-refused',
  'account-not-found',
  'permission-missing',
]);

export function noticeFor(
  backend: Pick<Backend, 'words'> | undefined,
  urn: string,
  code: NoticeCode,
  context: NoticeContext,
): Notice {
  const asked: Parameters<Backend['words']['message']>[0] | undefined =
    code === 'not-connected'
      ? 'credential'
      : code === 'no-actor'
        ? 'actor'
        : code === 'too-fast' || code === 'changed-elsewhere'
          ? undefined
          : code;
  const message =
    SHARED_WORDS[code] ??
    (asked && backend?.words.message(asked, context)) ??
    'Reactbar cannot react to this yet.';
  return {
    urn,
    code,
    message,
    retryAt: context.retryAt,
    fixInAccounts: FIX_IN_ACCOUNTS.has(code),
    rolledBack: context.rolledBack,
  };
}

export function notReadyCode(missing: NotReady['missing']): NoticeCode {
  return missing === 'credential' ? 'not-connected' : 'no-actor';
}

/** "14:05", in the user's locale: when a rate-limited reaction will be sent. */
export function formatTime(at: number): string {
  return new Date(at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
}
