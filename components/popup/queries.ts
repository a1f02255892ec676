/** The popup's data: the accounts overview from the background, the history from IndexedDB. */
import { type QueryClient, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { AccountsOverview } from '@/lib/accounts/types';
import { listHistory } from '@/lib/db/history';
import { backgroundMessenger, broadcastMessenger } from '@/lib/messaging/protocol';
import { withRealtime } from './overview';

export const ACCOUNTS_KEY = ['popup', 'accounts'] as const;
export const HISTORY_KEY = ['popup', 'history'] as const;

export function useAccounts() {
  return useQuery({
    queryKey: ACCOUNTS_KEY,
    queryFn: () => backgroundMessenger.sendMessage('getAccounts', undefined),
  });
}

/**
 * Brings the background's overview after a change it made, replacing a fetch under way (which
 * could answer from before the change). Resolves once the fresh overview is in the cache.
 */
export function refetchAccounts(queryClient: QueryClient): Promise<void> {
  return queryClient.invalidateQueries({ queryKey: ACCOUNTS_KEY });
}

export function useHistory() {
  return useQuery({ queryKey: HISTORY_KEY, queryFn: () => listHistory() });
}

/**
 * Refetches when the background says keys or history changed. Mount once per page: the
 * messenger allows one listener per message name in a context.
 */
export function usePopupBroadcasts(): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    const stopAccounts = broadcastMessenger.onMessage('accountsChanged', ({ data }) => {
      // The realtime states show at once; the refetch brings everything else.
      queryClient.setQueryData<AccountsOverview>(ACCOUNTS_KEY, (old) =>
        withRealtime(old, data?.realtime),
      );
      void queryClient.invalidateQueries({ queryKey: ACCOUNTS_KEY });
    });
    const stopHistory = broadcastMessenger.onMessage('historyChanged', () => {
      void queryClient.invalidateQueries({ queryKey: HISTORY_KEY });
    });
    return () => {
      stopAccounts();
      stopHistory();
    };
  }, [queryClient]);
}
