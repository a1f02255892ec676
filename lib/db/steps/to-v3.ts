/**
 * Step 2 → 3: the history as a place to search. Four indexes, each a field and the time, so a
 * filter reads newest first through the lines it asks for instead of the whole store:
 * - byKind ['kind', 'at']: messages, posts or comments.
 * - byValue ['value', 'at']: one emoji or one LinkedIn reaction type.
 * - byActor ['actor', 'at']: one ConnectSafely account or one LinkedIn person or page.
 * - byOutcome ['outcome', 'at']: applied (added or removed) or failed.
 * `byAt` stays: the unfiltered list, date ranges and retention by age read it.
 *
 * Lines keep their shape (a line may now carry an optional `snippet`): no row is rewritten.
 */
import type { UpgradeStep } from './types';

export const HISTORY_INDEXES_V3 = {
  byKind: ['kind', 'at'],
  byValue: ['value', 'at'],
  byActor: ['actor', 'at'],
  byOutcome: ['outcome', 'at'],
} as const;

export const toVersion3: UpgradeStep = (_db, tx) => {
  const history = tx.objectStore('history');
  for (const [name, keyPath] of Object.entries(HISTORY_INDEXES_V3)) {
    history.createIndex(name, [...keyPath]);
  }
};
