/**
 * The picker's grid as rows (group headings and rows of emoji), and keyboard moves within it.
 * Pure, so the picker component only renders and the logic is tested on its own.
 */
import { type EmojiEntry, emojiGroupName } from '@/lib/emoji/data';

export const COLUMNS = 8;

export type PickerRow =
  | { kind: 'heading'; key: string; title: string }
  | { kind: 'emoji'; key: string; start: number; entries: EmojiEntry[] };

export interface PickerLayout {
  rows: PickerRow[];
  /** The emoji in display order; a cell's index is its position here. */
  cells: EmojiEntry[];
  /** For each cell, the index of its row in `rows`. */
  rowOfCell: number[];
}

/**
 * Lays out `entries` in rows of COLUMNS. With `grouped`, each emojibase group starts a new row
 * under a heading (browsing); without, the list is one run (search results, best first).
 */
export function buildLayout(entries: readonly EmojiEntry[], grouped: boolean): PickerLayout {
  const rows: PickerRow[] = [];
  const rowOfCell: number[] = [];
  let current: Extract<PickerRow, { kind: 'emoji' }> | null = null;
  let lastGroup: number | null = null;

  entries.forEach((entry, index) => {
    if (grouped && entry.group !== lastGroup) {
      lastGroup = entry.group;
      rows.push({
        kind: 'heading',
        key: `group-${entry.group}`,
        title: emojiGroupName(entry.group),
      });
      current = null;
    }
    if (!current || current.entries.length === COLUMNS) {
      current = { kind: 'emoji', key: `row-${index}`, start: index, entries: [] };
      rows.push(current);
    }
    current.entries.push(entry);
    rowOfCell.push(rows.length - 1);
  });
  return { rows, cells: [...entries], rowOfCell };
}

export type GridKey = 'ArrowLeft' | 'ArrowRight' | 'ArrowUp' | 'ArrowDown' | 'Home' | 'End';

export function isGridKey(key: string): key is GridKey {
  return ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End'].includes(key);
}

/**
 * The cell a key moves to from `index`, or null when the move leaves the grid upwards (the
 * picker then returns to the search box). Other edges keep the current cell.
 */
export function moveInGrid(layout: PickerLayout, index: number, key: GridKey): number | null {
  const last = layout.cells.length - 1;
  const rowIndex = layout.rowOfCell[index];
  const row = rowIndex === undefined ? undefined : layout.rows[rowIndex];
  if (row?.kind !== 'emoji') return Math.min(Math.max(index, 0), last);
  const column = index - row.start;

  switch (key) {
    case 'ArrowLeft':
      return Math.max(index - 1, 0);
    case 'ArrowRight':
      return Math.min(index + 1, last);
    case 'Home':
      return row.start;
    case 'End':
      return row.start + row.entries.length - 1;
    case 'ArrowUp': {
      const above = findEmojiRow(layout.rows, rowIndex as number, -1);
      return above ? above.start + Math.min(column, above.entries.length - 1) : null;
    }
    case 'ArrowDown': {
      const below = findEmojiRow(layout.rows, rowIndex as number, 1);
      return below ? below.start + Math.min(column, below.entries.length - 1) : index;
    }
  }
}

function findEmojiRow(rows: readonly PickerRow[], from: number, step: 1 | -1) {
  for (let index = from + step; index >= 0 && index < rows.length; index += step) {
    const row = rows[index];
    if (row?.kind === 'emoji') return row;
  }
  return null;
}
