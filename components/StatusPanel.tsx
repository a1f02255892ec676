import { useQuery } from '@tanstack/react-query';
import { i18n } from '#i18n';
import { backgroundMessenger } from '@/lib/messaging/protocol';

/** What the background worker sees: proves it answers, and which services it will call. */
export function StatusPanel() {
  const status = useQuery({
    queryKey: ['background', 'status'],
    queryFn: () => backgroundMessenger.sendMessage('getStatus', undefined),
  });

  if (status.isPending)
    return <p className="text-sm text-gray-500">{i18n.t('statusPanel.asking')}</p>;
  if (status.isError) {
    return (
      <p role="alert" className="text-sm text-red-700">
        {i18n.t('statusPanel.noAnswer', [status.error.message])}
      </p>
    );
  }
  const { connection } = status.data;
  return (
    <dl
      className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-xs"
      aria-label={i18n.t('popup.connection')}
      data-background-started={status.data.startedAt}
    >
      <dt className="font-medium">{i18n.t('statusPanel.messages')}</dt>
      <dd className="truncate font-mono" data-testid="status-connectsafely">
        {connection.connectSafelyUrl}
      </dd>
      <dt className="font-medium">{i18n.t('statusPanel.realtime')}</dt>
      <dd className="truncate font-mono" data-testid="status-socket">
        {connection.socketUrl}
      </dd>
      <dt className="font-medium">{i18n.t('statusPanel.posts')}</dt>
      <dd className="truncate font-mono" data-testid="status-linkedin">
        {i18n.t('statusPanel.postsUrl', [connection.linkedinUrl, connection.linkedinVersion])}
      </dd>
    </dl>
  );
}
