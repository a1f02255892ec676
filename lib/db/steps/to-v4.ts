/**
 * Step 3 → 4: the history searched through an index. Each line gets `words`, the keys of its
 * searchable words (wordKeys in lib/history/filter.ts: every suffix of every word but the
 * day's), and `byWord`, a multiEntry index on them: a search reads the lines holding its
 * rarest word instead of every line.
 *
 * Every line is rewritten once, here, with its keys; nothing else changes.
 */
import { wordKeys } from '../../history/filter';
import type { HistoryEntry } from '../../reactions/types';
import type { UpgradeStep } from './types';

export const toVersion4: UpgradeStep = async (_db, tx) => {
  const history = tx.objectStore('history');
  history.createIndex('byWord', 'words', { multiEntry: true });
  for (let cursor = await history.openCursor(); cursor; cursor = await cursor.continue()) {
    const line = cursor.value as HistoryEntry;
    await cursor.update({ ...line, words: wordKeys(line) });
  }
};
