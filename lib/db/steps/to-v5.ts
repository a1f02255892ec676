/**
 * Step 4 → 5: the search keys leave the lines, and the lines are counted.
 *
 * Version 4 kept each line's `words` (its `byWord` keys) inside the line, so every read of lines
 * (the first screen, a filter, an export) carried them, several times the line's own size.
 * Version 5 keeps them in a store of their own, `historyWords` ({ id: the line's id, words }),
 * with the multiEntry `byWord` index there; a line and its keys are written, changed and deleted
 * in the same transactions.
 *
 * `historyCounts` holds how many lines there are, in all and per kind, value, actor and outcome
 * (lib/db/history-counts.ts): IndexedDB counts by walking a range, these are read with one get.
 *
 * Every line is rewritten once, here, without its keys, and its keys move as they were (a line
 * without any, which version 4 never wrote, gets them from wordKeys); ids do not change.
 */
import { wordKeys } from '../../history/filter';
import type { HistoryEntry } from '../../reactions/types';
import { countKeysOf } from '../history-counts';
import type { UpgradeStep } from './types';

/** A version 4 line: the current line and its keys. */
type LineV4 = HistoryEntry & { id: number; words?: string[] };

export const toVersion5: UpgradeStep = async (db, tx) => {
  const history = tx.objectStore('history');
  history.deleteIndex('byWord');
  const keys = db.createObjectStore('historyWords', { keyPath: 'id' });
  keys.createIndex('byWord', 'words', { multiEntry: true });
  const counts = new Map<string, number>();
  for (let cursor = await history.openCursor(); cursor; cursor = await cursor.continue()) {
    const { words, ...line } = cursor.value as LineV4;
    for (const key of countKeysOf(line)) {
      const id = JSON.stringify(key);
      counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    await Promise.all([
      keys.put({ id: line.id, words: words ?? wordKeys(line) }),
      cursor.update(line),
    ]);
  }
  const store = db.createObjectStore('historyCounts');
  for (const [key, count] of counts) await store.put(count, JSON.parse(key));
};
