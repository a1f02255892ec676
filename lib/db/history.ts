/** The reaction history: written by the engine's storage, read by the popup. */
import type { IDBPObjectStore, StoreNames } from 'idb';
import type { HistoryEntry } from '../reactions/types';
import { openDatabase, type ReactbarDB } from './schema';

/** Enough for months of clicking; older lines are dropped first. */
export const HISTORY_LIMIT = 5000;
/** Trimming counts the store: it runs once per this many lines, passing the limit meanwhile. */
const TRIM_EVERY = 100;

/** The history store inside a caller's read-write transaction. */
export type HistoryStore = IDBPObjectStore<
  ReactbarDB,
  ArrayLike<StoreNames<ReactbarDB>>,
  'history',
  'readwrite'
>;

/**
 * Adds lines in the caller's transaction (so they land with the rest of its writes, or not at
 * all), and drops the oldest lines beyond HISTORY_LIMIT. Returns the new lines' ids.
 */
export async function appendHistory(
  store: HistoryStore,
  lines: readonly HistoryEntry[],
): Promise<number[]> {
  const ids: number[] = [];
  for (const { id: _ignored, ...line } of lines) {
    // No `id` property at all: IndexedDB generates it (an `id: undefined` is a DataError).
    ids.push(await store.add(line));
  }
  if (ids.some((id) => id % TRIM_EVERY === 0)) await trimHistory(store);
  return ids;
}

/** Newest first. */
export async function listHistory(limit = HISTORY_LIMIT): Promise<HistoryEntry[]> {
  const db = await openDatabase();
  const entries: HistoryEntry[] = [];
  let cursor = await db.transaction('history').store.index('byAt').openCursor(null, 'prev');
  while (cursor && entries.length < limit) {
    entries.push(cursor.value);
    cursor = await cursor.continue();
  }
  return entries;
}

async function trimHistory(store: HistoryStore): Promise<void> {
  const excess = (await store.count()) - HISTORY_LIMIT;
  let cursor = excess > 0 ? await store.index('byAt').openCursor() : null;
  for (let removed = 0; cursor && removed < excess; removed++) {
    await cursor.delete();
    cursor = await cursor.continue();
  }
}
