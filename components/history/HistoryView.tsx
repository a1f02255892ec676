import { useMutation, useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useCallback, useMemo, useRef, useState } from 'react';
import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import { formatCount } from '@/components/popup/format';
import {
  alertText,
  dangerButton,
  errorMessage,
  mutedText,
  secondaryButton,
} from '@/components/popup/ui';
import { isFiltered } from '@/lib/history/filter';
import { backgroundMessenger } from '@/lib/messaging/protocol';
import { download, exportHistory } from './exporting';
import { HistoryFilters } from './HistoryFilters';
import { HistoryList } from './HistoryList';
import {
  HISTORY_KEY,
  useFilterChoices,
  useHistoryLines,
  useMatchingCount,
  usePendingLines,
} from './queries';
import { groupByDay, mergeNewestFirst } from './rows';
import { useStoredFilter } from './state';

const HistoryChart = lazy(() => import('./HistoryChart'));

/**
 * The reaction history: filters and search, the lines grouped by day, undo, export, a chart
 * and clearing. The popup's History tab and the history page (a tab of its own) show it.
 */
export function HistoryView({ variant }: { variant: 'popup' | 'page' }) {
  const [filter, setFilter] = useStoredFilter();
  const lines = useHistoryLines(filter);
  const pending = usePendingLines(filter);
  const choices = useFilterChoices();
  const [chartOpen, setChartOpen] = useState(false);

  const stored = useMemo(() => lines.data?.pages.flatMap((page) => page.lines) ?? [], [lines.data]);
  const shown = useMemo(() => mergeNewestFirst(pending.data ?? [], stored), [pending.data, stored]);
  const rows = useMemo(() => groupByDay(shown), [shown]);
  const counted = useMatchingCount(filter, lines.isSuccess && !lines.isPlaceholderData);
  const total = counted.data ?? undefined;
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = lines;
  const loadMore = useCallback(() => void fetchNextPage(), [fetchNextPage]);

  const exporting = useMutation({
    mutationFn: async (format: 'csv' | 'json') => {
      const file = await exportHistory(filter, format);
      download(file.name, file.parts, format === 'csv' ? 'text/csv' : 'application/json');
      return file;
    },
  });

  // Exact when the index counted the filter's lines, else what is loaded so far ("60+").
  const count = total !== undefined ? total + (pending.data?.length ?? 0) : shown.length;
  const more = Boolean(hasNextPage) && total === undefined;
  const summary = lines.isPending
    ? i18n.t('history.loading')
    : lines.isPlaceholderData
      ? i18n.t('history.searching')
      : summaryWords(count, more, isFiltered(filter));

  return (
    <div className="flex flex-col">
      <HistoryFilters
        filter={filter}
        onChange={setFilter}
        values={choices.data?.values ?? []}
        actors={choices.data?.actors ?? []}
      />
      <div className="flex flex-wrap items-center gap-1.5 px-3 pt-2">
        <button
          type="button"
          className={secondaryButton}
          aria-disabled={exporting.isPending}
          onClick={() => !exporting.isPending && exporting.mutate('csv')}
        >
          {i18n.t('historyExport.csv')}
        </button>
        <button
          type="button"
          className={secondaryButton}
          aria-disabled={exporting.isPending}
          onClick={() => !exporting.isPending && exporting.mutate('json')}
        >
          {i18n.t('historyExport.json')}
        </button>
        <button
          type="button"
          className={secondaryButton}
          aria-expanded={chartOpen}
          onClick={() => setChartOpen(!chartOpen)}
        >
          {chartOpen ? i18n.t('history.hideChart') : i18n.t('history.chart')}
        </button>
        {variant === 'popup' ? (
          <button
            type="button"
            className={secondaryButton}
            onClick={() =>
              void browser.tabs.create({ url: browser.runtime.getURL('/history.html') })
            }
          >
            {i18n.t('history.openInTab')}
          </button>
        ) : null}
        <ClearHistory />
      </div>
      <p role="status" className={`${mutedText} px-3 pt-1`}>
        {exporting.isPending
          ? i18n.t('historyExport.exporting')
          : exporting.isSuccess
            ? i18n.t('historyExport.done', exporting.data.count, [
                formatCount(exporting.data.count),
                exporting.data.name,
              ])
            : ''}
      </p>
      {exporting.isError ? (
        <p role="alert" className={`${alertText} px-3`}>
          {i18n.t('historyExport.failed', [errorMessage(exporting.error)])}
        </p>
      ) : null}
      {chartOpen ? (
        <Suspense
          fallback={<p className={`${mutedText} px-3`}>{i18n.t('history.loadingChart')}</p>}
        >
          <HistoryChart />
        </Suspense>
      ) : null}
      <p className={`${mutedText} px-3 pt-1 pb-1`} aria-live="polite" data-testid="history-summary">
        {summary}
      </p>
      {lines.isError ? (
        <div className="space-y-2 p-3">
          <p role="alert" className={alertText}>
            {i18n.t('history.readFailed', [lines.error.message])}
          </p>
          <button type="button" onClick={() => void lines.refetch()} className={secondaryButton}>
            {i18n.t('history.tryAgain')}
          </button>
        </div>
      ) : !lines.isPending && rows.length === 0 ? (
        <p className="p-4 text-sm text-gray-700 dark:text-gray-300">
          {isFiltered(filter) ? i18n.t('history.noMatch') : i18n.t('history.empty')}
        </p>
      ) : (
        <HistoryList
          rows={rows}
          hasMore={Boolean(hasNextPage)}
          loadMore={loadMore}
          loadingMore={isFetchingNextPage}
          height={variant === 'popup' ? '360px' : 'calc(100vh - 220px)'}
        />
      )}
    </div>
  );
}

/**
 * "4 reactions, newest first", "1 reaction matches, …" under filters, "60+ reactions, …" while
 * more lines may follow the ones loaded.
 */
function summaryWords(count: number, more: boolean, filtered: boolean): string {
  const shown: [string] = [formatCount(count)];
  if (more) {
    return filtered
      ? i18n.t('history.summaryMoreMatching', shown)
      : i18n.t('history.summaryMore', shown);
  }
  return filtered
    ? i18n.t('history.summaryMatching', count, shown)
    : i18n.t('history.summary', count, shown);
}

/** "Clear history…", then a confirmation that says what goes. */
function ClearHistory() {
  const queryClient = useQueryClient();
  const [asking, setAsking] = useState(false);
  const cancel = useRef<HTMLButtonElement>(null);
  const clear = useMutation({
    mutationFn: () => backgroundMessenger.sendMessage('clearHistory', undefined),
    onSuccess: () => setAsking(false),
    onSettled: () => queryClient.invalidateQueries({ queryKey: HISTORY_KEY }),
  });
  if (!asking) {
    return (
      <button
        type="button"
        className={secondaryButton}
        onClick={() => {
          setAsking(true);
          queueMicrotask(() => cancel.current?.focus());
        }}
      >
        {i18n.t('history.clear')}
      </button>
    );
  }
  return (
    <div
      role="alertdialog"
      aria-label={i18n.t('history.clearTitle')}
      aria-describedby="clear-history-words"
      className="w-full space-y-1.5 rounded border border-red-300 p-2 dark:border-red-800"
    >
      <p id="clear-history-words" className="text-xs">
        {i18n.t('history.clearQuestion')}
      </p>
      <div className="flex gap-2">
        <button
          type="button"
          className={dangerButton}
          aria-disabled={clear.isPending}
          onClick={() => !clear.isPending && clear.mutate()}
        >
          {i18n.t('history.clearConfirm')}
        </button>
        <button
          ref={cancel}
          type="button"
          className={secondaryButton}
          onClick={() => setAsking(false)}
        >
          {i18n.t('history.cancel')}
        </button>
      </div>
      {clear.isError ? (
        <p role="alert" className={alertText}>
          {errorMessage(clear.error)}
        </p>
      ) : null}
    </div>
  );
}
