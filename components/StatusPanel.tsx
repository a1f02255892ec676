import { useQuery } from '@tanstack/react-query';
import { backgroundMessenger } from '@/lib/messaging/protocol';

/** What the background worker sees: proves it answers, and which services it will call. */
export function StatusPanel() {
  const status = useQuery({
    queryKey: ['background', 'status'],
    queryFn: () => backgroundMessenger.sendMessage('getStatus', undefined),
  });

  if (status.isPending) return <p className="text-sm text-gray-500">Asking the background…</p>;
  if (status.isError) {
    return (
      <p role="alert" className="text-sm text-red-700">
        The background did not answer: {status.error.message}
      </p>
    );
  }
  const { connection } = status.data;
  return (
    <dl
      className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-xs"
      aria-label="Connection"
      data-background-started={status.data.startedAt}
    >
      <dt className="font-medium">Messages</dt>
      <dd className="truncate font-mono" data-testid="status-connectsafely">
        {connection.connectSafelyUrl}
      </dd>
      <dt className="font-medium">Realtime</dt>
      <dd className="truncate font-mono" data-testid="status-socket">
        {connection.socketUrl}
      </dd>
      <dt className="font-medium">Posts</dt>
      <dd className="truncate font-mono" data-testid="status-linkedin">
        {connection.linkedinUrl} (version {connection.linkedinVersion})
      </dd>
    </dl>
  );
}
