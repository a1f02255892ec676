/**
 * The history view's data, read from IndexedDB in this page (no round trip to the background):
 * pages of lines for a filter, the clicks still pending, the filters' choices, the chart. All
 * under HISTORY_KEY, which a `historyChanged` broadcast invalidates.
 */
import {
  type InfiniteData,
  useInfiniteQuery,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { useEffect } from 'react';
import {
  countMatching,
  distinctKeys,
  type HistoryPage,
  type PageCursor,
  pendingLines,
  readHistoryPage,
} from '@/lib/db/history';
import type { HistoryFilter } from '@/lib/history/filter';
import { broadcastMessenger } from '@/lib/messaging/protocol';

export const HISTORY_KEY = ['popup', 'history'] as const;
/** Lines per page: a screen and a half in the popup, read in one chunk. */
export const PAGE_SIZE = 60;

export function useHistoryLines(filter: HistoryFilter) {
  return useInfiniteQuery<
    HistoryPage,
    Error,
    InfiniteData<HistoryPage, PageCursor | undefined>,
    readonly unknown[],
    PageCursor | undefined
  >({
    queryKey: [...HISTORY_KEY, 'lines', filter],
    queryFn: ({ pageParam }) => readHistoryPage(filter, pageParam, PAGE_SIZE),
    initialPageParam: undefined,
    getNextPageParam: (last) => last.next ?? undefined,
    // A new filter shows the last one's lines until its own first page is in.
    placeholderData: (previous) => previous,
  });
}

/** The filter's exact count, when an index can give it; read after the first screen. */
export function useMatchingCount(filter: HistoryFilter, enabled: boolean) {
  return useQuery({
    queryKey: [...HISTORY_KEY, 'count', filter],
    queryFn: () => countMatching(filter),
    enabled,
  });
}

export function usePendingLines(filter: HistoryFilter) {
  return useQuery({
    queryKey: [...HISTORY_KEY, 'pending', filter],
    queryFn: () => pendingLines(filter),
  });
}

export function useFilterChoices() {
  return useQuery({
    queryKey: [...HISTORY_KEY, 'choices'],
    queryFn: async () => ({
      values: await distinctKeys('byValue'),
      actors: await distinctKeys('byActor'),
    }),
  });
}

/**
 * Refetches when the background says the history changed. For the history page; the popup's
 * own broadcast hook (components/popup/queries.ts) does this there (one listener per message
 * name in a page).
 */
export function useHistoryBroadcasts(): void {
  const queryClient = useQueryClient();
  useEffect(
    () =>
      broadcastMessenger.onMessage('historyChanged', () => {
        void queryClient.invalidateQueries({ queryKey: HISTORY_KEY });
      }),
    [queryClient],
  );
}
