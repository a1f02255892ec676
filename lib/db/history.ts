/** The reaction history: written by the background, read by the popup. */
import type { HistoryEntry } from '../reactions/types';
import { openDatabase } from './schema';

/** Enough for months of clicking; older lines are dropped first. */
export const HISTORY_LIMIT = 5000;

export async function recordHistory(entry: HistoryEntry): Promise<number> {
  const db = await openDatabase();
  // No `id` property at all: IndexedDB generates it (an `id: undefined` is a DataError).
  const { id: _ignored, ...withoutId } = entry;
  const id = await db.add('history', withoutId as HistoryEntry);
  if (id % 100 === 0) await trimHistory();
  return id;
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

async function trimHistory(): Promise<void> {
  const db = await openDatabase();
  const tx = db.transaction('history', 'readwrite');
  const excess = (await tx.store.count()) - HISTORY_LIMIT;
  let cursor = excess > 0 ? await tx.store.index('byAt').openCursor() : null;
  for (let removed = 0; cursor && removed < excess; removed++) {
    await cursor.delete();
    cursor = await cursor.continue();
  }
  await tx.done;
}
