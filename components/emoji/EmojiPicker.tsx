/**
 * A searchable emoji grid. Used in two places: on LinkedIn pages, inside a shadow root without
 * Tailwind, and on the options page. So it is styled by emoji-picker.css only (rb-picker
 * classes; see styles.ts) and needs no React context from its host.
 *
 * Its words come from the catalogue (`picker`), its groups' names too (lib/emoji/groups.ts).
 * The emoji's own names (each button's label and title) and the words the search matches are
 * emojibase's English data set (emoji/en.json) as it gives them: not translated.
 */
import { defaultRangeExtractor, type Range, useVirtualizer } from '@tanstack/react-virtual';
import {
  type KeyboardEvent,
  type ReactNode,
  type Ref,
  useCallback,
  useDeferredValue,
  useEffect,
  useImperativeHandle,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { i18n } from '#i18n';
import { searchEmoji } from '@/lib/emoji/data';
import { buildLayout, isGridKey, moveInGrid, type PickerLayout } from './layout';
import { useEmojiData } from './useEmojiData';

export interface EmojiPickerProps {
  /**
   * `event` is the click or key press that picked: on LinkedIn pages a page script can send
   * those too (the shadow root is open), and only a trusted one may react.
   */
  onPick: (emoji: string, event: Event) => void;
  onClose: () => void;
  /** Focus the search box on mount. */
  autoFocus?: boolean;
}

// Keep in step with emoji-picker.css.
const GRID_WIDTH = 320;
const GRID_HEIGHT = 312;
const ROW_HEIGHT = 38;
const HEADING_HEIGHT = 28;

export function EmojiPicker({ onPick, onClose, autoFocus = false }: EmojiPickerProps) {
  const data = useEmojiData();
  const [query, setQuery] = useState('');
  // Typing stays responsive while ~1,900 entries are filtered and laid out again.
  const deferredQuery = useDeferredValue(query);
  const searchRef = useRef<HTMLInputElement>(null);
  const gridRef = useRef<EmojiGridHandle>(null);

  const entries = data.status === 'ready' ? data.entries : null;
  const layout = useMemo(() => {
    if (!entries) return null;
    const browsing = deferredQuery.trim() === '';
    return buildLayout(browsing ? entries : searchEmoji(entries, deferredQuery), browsing);
  }, [entries, deferredQuery]);

  useEffect(() => {
    if (autoFocus) searchRef.current?.focus({ preventScroll: true });
  }, [autoFocus]);

  function handleKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    // The picker's keys are not the page's: on LinkedIn, Escape would also close the chat.
    event.stopPropagation();
    if (event.key === 'Escape') {
      event.preventDefault();
      onClose();
    }
  }

  function handleSearchKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown' && layout?.cells.length) {
      event.preventDefault();
      gridRef.current?.focusCell(0);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      // From the query as typed: the shown results may still lag behind (deferred).
      const best = entries && query.trim() ? searchEmoji(entries, query, 1)[0] : undefined;
      if (best) onPick(best.emoji, event.nativeEvent);
    }
  }

  let body: ReactNode;
  if (data.status === 'loading') {
    body = (
      <p className="rb-picker__status" role="status">
        {i18n.t('picker.loading')}
      </p>
    );
  } else if (data.status === 'error') {
    body = (
      <div className="rb-picker__status" role="alert">
        <p>{i18n.t('picker.loadFailed')}</p>
        <p className="rb-picker__detail">{data.message}</p>
        <button type="button" className="rb-picker__retry" onClick={data.retry}>
          {i18n.t('picker.retry')}
        </button>
      </div>
    );
  } else if (layout && layout.cells.length === 0) {
    body = (
      <p className="rb-picker__status" role="status">
        {i18n.t('picker.noMatch', [deferredQuery.trim()])}
      </p>
    );
  } else if (layout) {
    body = (
      <EmojiGrid
        // A new query starts again at the top, with the first result focusable.
        key={deferredQuery}
        ref={gridRef}
        layout={layout}
        onPick={onPick}
        onExitTop={() => searchRef.current?.focus()}
      />
    );
  }

  return (
    // biome-ignore lint/a11y/useSemanticElements: a <fieldset> would make the picker a form part
    <div
      className="rb-picker"
      role="group"
      aria-label={i18n.t('picker.label')}
      onKeyDown={handleKeyDown}
    >
      <div className="rb-picker__search">
        <input
          ref={searchRef}
          type="search"
          className="rb-picker__input"
          aria-label={i18n.t('picker.search')}
          placeholder={i18n.t('picker.search')}
          autoComplete="off"
          spellCheck={false}
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          onKeyDown={handleSearchKeyDown}
        />
      </div>
      {body}
    </div>
  );
}

interface EmojiGridHandle {
  focusCell: (index: number) => void;
}

interface EmojiGridProps {
  layout: PickerLayout;
  onPick: EmojiPickerProps['onPick'];
  /** Arrow up from the first row. */
  onExitTop: () => void;
  ref: Ref<EmojiGridHandle>;
}

/** The virtualized rows. One cell at a time is tabbable (roving tabindex); arrows move it. */
function EmojiGrid({ layout, onPick, onExitTop, ref }: EmojiGridProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(0);
  const focusPending = useRef<number | null>(null);
  const activeRow = layout.rowOfCell[active] ?? 0;

  // The active cell's row stays rendered even when scrolled away, so it keeps focus and Tab
  // still lands in the grid.
  const rangeExtractor = useCallback(
    (range: Range) => {
      const indexes = defaultRangeExtractor(range);
      return indexes.includes(activeRow) ? indexes : [...indexes, activeRow].sort((a, b) => a - b);
    },
    [activeRow],
  );

  const virtualizer = useVirtualizer({
    count: layout.rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (index) => (layout.rows[index]?.kind === 'heading' ? HEADING_HEIGHT : ROW_HEIGHT),
    overscan: 4,
    initialRect: { width: GRID_WIDTH, height: GRID_HEIGHT },
    rangeExtractor,
  });

  const focusCell = useCallback(
    (index: number) => {
      setActive(index);
      virtualizer.scrollToIndex(layout.rowOfCell[index] ?? 0, { align: 'auto' });
      const cell = findCell(scrollRef.current, index);
      if (cell) cell.focus({ preventScroll: true });
      // Not rendered yet: the range extractor adds its row on the next render.
      else focusPending.current = index;
    },
    [layout, virtualizer],
  );
  useImperativeHandle(ref, () => ({ focusCell }), [focusCell]);

  useLayoutEffect(() => {
    if (focusPending.current === null) return;
    findCell(scrollRef.current, focusPending.current)?.focus({ preventScroll: true });
    focusPending.current = null;
  });

  function handleKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const cell = (event.target as HTMLElement).dataset.cell;
    if (cell === undefined) return;
    const index = Number(cell);
    if (event.key === 'Enter') {
      // Handled here rather than by the button's default click, so it works the same everywhere.
      event.preventDefault();
      const entry = layout.cells[index];
      if (entry) onPick(entry.emoji, event.nativeEvent);
    } else if (isGridKey(event.key)) {
      event.preventDefault();
      const next = moveInGrid(layout, index, event.key);
      if (next === null) onExitTop();
      else focusCell(next);
    }
  }

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: arrow keys for the buttons inside
    <div ref={scrollRef} className="rb-picker__grid" onKeyDown={handleKeyDown}>
      <div className="rb-picker__rows" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((item) => {
          const row = layout.rows[item.index];
          if (!row) return null;
          const position = { transform: `translateY(${item.start}px)`, height: item.size };
          if (row.kind === 'heading') {
            return (
              <h3 key={row.key} className="rb-picker__heading" style={position}>
                {row.title}
              </h3>
            );
          }
          return (
            <div key={row.key} className="rb-picker__row" style={position}>
              {row.entries.map((entry, column) => {
                const index = row.start + column;
                return (
                  <button
                    key={entry.emoji}
                    type="button"
                    className="rb-picker__emoji"
                    data-cell={index}
                    tabIndex={index === active ? 0 : -1}
                    // Emojibase's English name, as the data set gives it (not translated).
                    aria-label={entry.label}
                    title={entry.label}
                    onClick={(event) => onPick(entry.emoji, event.nativeEvent)}
                    onFocus={() => setActive(index)}
                  >
                    {entry.emoji}
                  </button>
                );
              })}
            </div>
          );
        })}
      </div>
    </div>
  );
}

function findCell(grid: HTMLElement | null, index: number): HTMLButtonElement | null {
  return grid?.querySelector<HTMLButtonElement>(`[data-cell="${index}"]`) ?? null;
}
