import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import { i18n } from '#i18n';
import { focusRing, mutedText } from '@/components/popup/ui';
import { useNow } from '@/components/popup/useNow';
import { startOfLocalDay } from '@/lib/history/words';
import { dayLabel } from './format';
import { HistoryLineRow } from './HistoryLineRow';
import type { ListRow } from './rows';

const LINE_ESTIMATE = 76;
const DAY_ESTIMATE = 30;
/** Rows from the end at which the next page is read. */
const READ_AHEAD = 30;

/**
 * Virtualized: only the rows in view (and a few around) are in the page, whatever the number
 * of lines; the next page is read before the member scrolls to the end of the loaded ones.
 */
export function HistoryList({
  rows,
  hasMore,
  loadMore,
  loadingMore,
  actors,
  height,
}: {
  rows: ListRow[];
  hasMore: boolean;
  loadMore: () => void;
  loadingMore: boolean;
  actors?: ReadonlyMap<string, string>;
  /** The list's CSS height (the popup's is fixed, the page fills the window). */
  height: string;
}) {
  const scroller = useRef<HTMLDivElement>(null);
  const now = useNow(30_000);
  const today = startOfLocalDay(now);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: (index) => (rows[index]?.type === 'day' ? DAY_ESTIMATE : LINE_ESTIMATE),
    getItemKey: (index) => rows[index]?.key ?? index,
    overscan: 6,
  });
  const items = virtualizer.getVirtualItems();
  const last = items[items.length - 1]?.index ?? 0;

  useEffect(() => {
    if (hasMore && !loadingMore && last >= rows.length - READ_AHEAD) loadMore();
  }, [hasMore, loadingMore, last, rows.length, loadMore]);

  return (
    <section
      ref={scroller}
      aria-label={i18n.t('history.title')}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: lets keyboard users scroll the list.
      tabIndex={0}
      className={`overflow-y-auto ${focusRing}`}
      style={{ height }}
      data-testid="history-list"
    >
      <ul className="relative w-full" style={{ height: `${virtualizer.getTotalSize()}px` }}>
        {items.map((item) => {
          const row = rows[item.index];
          if (!row) return null;
          return (
            <li
              key={item.key}
              ref={virtualizer.measureElement}
              data-index={item.index}
              aria-setsize={hasMore ? -1 : rows.length}
              aria-posinset={item.index + 1}
              className="absolute top-0 left-0 w-full"
              style={{ transform: `translateY(${item.start}px)` }}
            >
              {row.type === 'day' ? (
                <h3 className="sticky top-0 bg-gray-50 px-3 py-1.5 text-xs font-semibold text-gray-700 dark:bg-gray-900 dark:text-gray-300">
                  {dayLabel(row.startAt, today)}
                </h3>
              ) : (
                <HistoryLineRow line={row.line} now={now} actors={actors} />
              )}
            </li>
          );
        })}
      </ul>
      {loadingMore ? (
        <p className={`${mutedText} px-3 py-2`}>{i18n.t('history.loadingMore')}</p>
      ) : null}
    </section>
  );
}
