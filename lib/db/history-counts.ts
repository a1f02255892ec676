/**
 * How many history lines there are, in all and per value of each filtered field, kept in the
 * `historyCounts` store and changed in the same transactions as the lines. IndexedDB counts by
 * walking a range (over half a second for 100,000 lines on a busy machine, and other reads wait
 * meanwhile); these are read with one `get`: the list's exact count, the narrowest index for a
 * filter, and the retention's trim.
 */
import type { IDBPObjectStore, IDBPTransaction, StoreNames } from 'idb';
import type { HistoryEntry } from '../reactions/types';
import type { ReactbarDB } from './schema';

/** What a count is of: every line (['all', '']), or the lines whose field has a value. */
export type CountKey = ['all', ''] | [CountedField, string];
export type CountedField = 'kind' | 'value' | 'actor' | 'outcome';

export const ALL_LINES: CountKey = ['all', ''];

/** The counts a line is in: every line's, and one per counted field. */
export function countKeysOf(
  line: Pick<HistoryEntry, 'kind' | 'value' | 'actor' | 'outcome'>,
): CountKey[] {
  return [
    ALL_LINES,
    ['kind', line.kind],
    ['value', line.value],
    ['actor', line.actor],
    ['outcome', line.outcome],
  ];
}

type Counts = IDBPObjectStore<
  ReactbarDB,
  ArrayLike<StoreNames<ReactbarDB>>,
  'historyCounts',
  'readwrite' | 'readonly'
>;

/** A count, 0 when no line has that value. */
export async function readCount(store: Counts, key: CountKey): Promise<number> {
  return (await store.get(key)) ?? 0;
}

/**
 * Counts `lines` in (`sign` 1, they were added) or out (-1, deleted), in the caller's read-write
 * transaction: one read and one write per count touched, however many lines. A count that
 * reaches 0 is deleted.
 */
export async function changeCounts(
  tx: IDBPTransaction<ReactbarDB, ArrayLike<StoreNames<ReactbarDB>>, 'readwrite'>,
  lines: readonly Pick<HistoryEntry, 'kind' | 'value' | 'actor' | 'outcome'>[],
  sign: 1 | -1,
): Promise<void> {
  if (lines.length === 0) return;
  const store = tx.objectStore('historyCounts');
  const changes = new Map<string, { key: CountKey; by: number }>();
  for (const line of lines) {
    for (const key of countKeysOf(line)) {
      const id = JSON.stringify(key);
      const change = changes.get(id) ?? { key, by: 0 };
      change.by += sign;
      changes.set(id, change);
    }
  }
  await Promise.all(
    [...changes.values()].map(async ({ key, by }) => {
      const count = (await readCount(store, key)) + by;
      await (count > 0 ? store.put(count, key) : store.delete(key));
    }),
  );
}
