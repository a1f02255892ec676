/**
 * Notices near a bar. The words of a failure belong to the service's backend; the engine only
 * adds what every service shares (pace, changes made elsewhere) and where the fix is.
 */
import { i18n } from '#i18n';
import { uiLocale } from '../locale';
import type { Notice, NoticeCode } from '../reactions/types';
import type { Backend, NoticeContext, NotReady } from './types';

/** The words every service shares, from the catalogue (`notice` section). */
function sharedWords(code: NoticeCode): string | undefined {
  if (code === 'too-fast') return i18n.t('notice.tooFast');
  if (code === 'changed-elsewhere') return i18n.t('notice.changedElsewhere');
  return undefined;
}

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
    sharedWords(code) ??
    (asked && backend?.words.message(asked, context)) ??
    i18n.t('notice.cannotYet');
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

/** "14:05", in the catalogue's locale (lib/locale.ts): when a rate-limited reaction is sent. */
export function formatTime(at: number): string {
  return new Date(at).toLocaleTimeString(uiLocale(), { hour: '2-digit', minute: '2-digit' });
}
