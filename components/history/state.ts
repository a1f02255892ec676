/**
 * The history view's filter, kept in the extension origin's localStorage (shared by the popup
 * and the history page): the popup opens where the member left it. Read synchronously, so the
 * first screen is already the filtered one.
 */
import { useCallback, useState } from 'react';
import { type HistoryFilter, parseFilter, withoutEmpty } from '@/lib/history/filter';

export const FILTER_STORAGE_KEY = 'reactbar.history.filter';

function load(): HistoryFilter {
  try {
    const raw = globalThis.localStorage?.getItem(FILTER_STORAGE_KEY);
    return raw ? parseFilter(JSON.parse(raw)) : {};
  } catch {
    return {};
  }
}

function save(filter: HistoryFilter): void {
  try {
    globalThis.localStorage?.setItem(FILTER_STORAGE_KEY, JSON.stringify(withoutEmpty(filter)));
  } catch {
    // Storage full or refused: the filter still applies until the view closes.
  }
}

export function useStoredFilter(): [HistoryFilter, (next: HistoryFilter) => void] {
  const [filter, setFilter] = useState<HistoryFilter>(load);
  const update = useCallback((next: HistoryFilter) => {
    setFilter(next);
    save(next);
  }, []);
  return [filter, update];
}
