/**
 * The popup's data: the accounts overview and the LinkedIn connection from the background, the
 * history from IndexedDB.
 */
import { type QueryClient, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { AccountsOverview } from '@/lib/accounts/types';
import { backgroundMessenger, broadcastMessenger } from '@/lib/messaging/protocol';
import { HISTORY_KEY } from '../history/queries';
import { withRealtime } from './overview';

export const ACCOUNTS_KEY = ['popup', 'accounts'] as const;
/** The LinkedIn connection as stored: cheap, refetched on every accountsChanged. */
export const LINKEDIN_KEY = ['popup', 'linkedin'] as const;

/** Whom a connection can react as, asked of LinkedIn: refetched when the connection changes. */
export function linkedInActorsKey(connectionId: string) {
  return ['popup', 'linkedin-actors', connectionId] as const;
}

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

export function useLinkedIn() {
  return useQuery({
    queryKey: LINKEDIN_KEY,
    queryFn: () => backgroundMessenger.sendMessage('getLinkedIn', undefined),
  });
}

/** Brings the background's LinkedIn overview after a change it made. */
export function refetchLinkedIn(queryClient: QueryClient): Promise<void> {
  return queryClient.invalidateQueries({ queryKey: LINKEDIN_KEY });
}

/**
 * The member's name and pages, live from LinkedIn (never stored): once per connection while the
 * popup is open, and never retried on its own, so a refused token is said at once.
 */
export function useLinkedInActors(connectionId: string | null) {
  return useQuery({
    queryKey: linkedInActorsKey(connectionId ?? ''),
    queryFn: () => backgroundMessenger.sendMessage('getLinkedInActors', undefined),
    enabled: connectionId !== null,
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
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
      void queryClient.invalidateQueries({ queryKey: LINKEDIN_KEY });
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
