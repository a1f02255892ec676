import { describe, expect, it } from 'vitest';
import { buildLayout, COLUMNS, moveInGrid } from '@/components/emoji/layout';
import type { EmojiEntry } from '@/lib/emoji/data';

function entries(count: number, group: number, from = 0): EmojiEntry[] {
  return Array.from({ length: count }, (_, index) => ({
    emoji: `e${from + index}`,
    label: `emoji ${from + index}`,
    tags: [],
    group,
    order: from + index,
  }));
}

// Smileys: 10 emoji (rows of 8 + 2), then Animals: 3 emoji.
const DATA = [...entries(10, 0), ...entries(3, 3, 10)];

describe('buildLayout', () => {
  it('starts each group on a new row under its heading when browsing', () => {
    const layout = buildLayout(DATA, true);
    expect(
      layout.rows.map((row) => (row.kind === 'heading' ? row.title : row.entries.length)),
    ).toEqual(['Smileys & Emotion', COLUMNS, 2, 'Animals & Nature', 3]);
    expect(layout.cells).toHaveLength(13);
    expect(layout.rowOfCell[0]).toBe(1);
    expect(layout.rowOfCell[9]).toBe(2);
    expect(layout.rowOfCell[10]).toBe(4);
  });

  it('runs search results together without headings', () => {
    const layout = buildLayout(DATA, false);
    expect(layout.rows.map((row) => row.kind)).toEqual(['emoji', 'emoji']);
    expect(layout.rows[1]).toMatchObject({ start: 8 });
  });
});

describe('moveInGrid', () => {
  const layout = buildLayout(DATA, true);

  it('moves left and right through the cells, stopping at the ends', () => {
    expect(moveInGrid(layout, 3, 'ArrowRight')).toBe(4);
    expect(moveInGrid(layout, 7, 'ArrowRight')).toBe(8);
    expect(moveInGrid(layout, 12, 'ArrowRight')).toBe(12);
    expect(moveInGrid(layout, 0, 'ArrowLeft')).toBe(0);
  });

  it('moves down and up by column, across headings, clamped to short rows', () => {
    expect(moveInGrid(layout, 1, 'ArrowDown')).toBe(9);
    expect(moveInGrid(layout, 6, 'ArrowDown')).toBe(9);
    expect(moveInGrid(layout, 9, 'ArrowDown')).toBe(11);
    expect(moveInGrid(layout, 12, 'ArrowDown')).toBe(12);
    expect(moveInGrid(layout, 12, 'ArrowUp')).toBe(9);
    expect(moveInGrid(layout, 9, 'ArrowUp')).toBe(1);
  });

  it('leaves the grid (null) going up from the first row', () => {
    expect(moveInGrid(layout, 4, 'ArrowUp')).toBeNull();
  });

  it('goes to the start and end of the row with Home and End', () => {
    expect(moveInGrid(layout, 5, 'Home')).toBe(0);
    expect(moveInGrid(layout, 5, 'End')).toBe(7);
    expect(moveInGrid(layout, 8, 'End')).toBe(9);
  });
});
