import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';

export interface StoredSwitchSource {
  /** The query key, also the mutation's (so stale change events can be told apart). */
  key: readonly string[];
  load(): Promise<boolean>;
  save(on: boolean): Promise<void>;
  /** Calls back on every change, from any extension context; returns the stop function. */
  watch(onChange: (on: boolean) => void): () => void;
  /** Shown until the stored value is read. */
  fallback: boolean;
}

/**
 * An on/off setting kept in extension storage, for a switch on an options page: it shows the
 * click at once, saves in order, and follows changes made in another tab.
 */
export function useStoredSwitch(source: StoredSwitchSource) {
  const { key, load, save, watch, fallback } = source;
  const queryClient = useQueryClient();
  const stored = useQuery({ queryKey: key, queryFn: load });
  const saving = useMutation({
    mutationKey: key,
    scope: { id: key.join('.') },
    mutationFn: save,
    onMutate: (next) => queryClient.setQueryData(key, next),
    onError: () => queryClient.invalidateQueries({ queryKey: key }),
  });
  // Changes made in another tab. While a save of ours is on its way, an event from an earlier
  // one is stale (it would flip the switch back for a moment); the last save's own event settles it.
  useEffect(
    () =>
      watch((next) => {
        if (queryClient.isMutating({ mutationKey: key }) === 0) queryClient.setQueryData(key, next);
      }),
    [queryClient, watch, key],
  );
  // What the switch shows, set in the click's own event: the query cache tells its readers a
  // moment later, and a controlled checkbox not updated in the event is put back (a busy page
  // showed the old state after the click).
  const [shown, setShown] = useState<boolean | undefined>(undefined);
  useEffect(() => setShown(stored.data), [stored.data]);

  return {
    checked: shown ?? stored.data ?? fallback,
    loading: stored.isPending,
    saveFailed: saving.isError,
    set(next: boolean): void {
      setShown(next);
      saving.mutate(next);
    },
  };
}
