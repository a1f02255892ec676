import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import type { HistoryEntry } from '@/lib/reactions/types';
import { formatCount } from './format';
import { HistoryRow } from './HistoryRow';
import { useHistory } from './queries';
import { alertText, focusRing, mutedText, secondaryButton } from './ui';
import { useNow } from './useNow';

/** Every reaction, newest first. */
export function HistoryTab() {
  const history = useHistory();

  if (history.isPending) return <p className={`${mutedText} p-4`}>Loading your reactions…</p>;
  if (history.isError) {
    return (
      <div className="space-y-2 p-4">
        <p role="alert" className={alertText}>
          Could not read the history: {history.error.message}
        </p>
        <button type="button" onClick={() => void history.refetch()} className={secondaryButton}>
          Try again
        </button>
      </div>
    );
  }
  if (history.data.length === 0) {
    return (
      <p className="p-4 text-sm text-gray-700 dark:text-gray-300">
        No reactions yet. Hover a LinkedIn message and click an emoji.
      </p>
    );
  }
  return <HistoryList entries={history.data} />;
}

const ROW_ESTIMATE = 56;

/** Virtualized: only the rows in view (and a few around) are in the page. */
function HistoryList({ entries }: { entries: HistoryEntry[] }) {
  const scroller = useRef<HTMLDivElement>(null);
  const now = useNow(30_000);
  const virtualizer = useVirtualizer({
    count: entries.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_ESTIMATE,
    getItemKey: (index) => entries[index]?.id ?? `${entries[index]?.at}-${index}`,
    overscan: 8,
  });

  return (
    <div>
      <p className={`${mutedText} px-3 pt-2 pb-1`}>
        {entries.length === 1 ? '1 reaction' : `${formatCount(entries.length)} reactions`}, newest
        first
      </p>
      <section
        ref={scroller}
        aria-label="Reaction history"
        // biome-ignore lint/a11y/noNoninteractiveTabindex: lets keyboard users scroll the list.
        tabIndex={0}
        className={`max-h-[440px] overflow-y-auto ${focusRing}`}
      >
        <ul className="relative w-full" style={{ height: `${virtualizer.getTotalSize()}px` }}>
          {virtualizer.getVirtualItems().map((item) => {
            const entry = entries[item.index];
            if (!entry) return null;
            return (
              <li
                key={item.key}
                ref={virtualizer.measureElement}
                data-index={item.index}
                aria-setsize={entries.length}
                aria-posinset={item.index + 1}
                className="absolute top-0 left-0 w-full"
                style={{ transform: `translateY(${item.start}px)` }}
              >
                <HistoryRow entry={entry} now={now} />
              </li>
            );
          })}
        </ul>
      </section>
    </div>
  );
}
