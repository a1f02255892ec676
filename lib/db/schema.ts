/**
 * The extension's IndexedDB database, in the extension's own origin: content scripts run in
 * LinkedIn's origin and cannot open it, which is why keys and settings live here.
 *
 * Version 5 stores:
 * - keys: the ConnectSafely keys (StoredKey), by id.
 * - intents: the engine's outbox, one Intent per slot, by slot id.
 * - confirmed: what the engine knows of each slot (ConfirmedSlot), by slot id; read per target
 *   through `byTarget`.
 * - holds: a credential's rate limit (Hold), by credential id.
 * - history: the reaction history (HistoryEntry), ids generated; read and trimmed by time
 *   through `byAt`; filtered newest first through `byKind`, `byValue`, `byActor` and `byOutcome`
 *   (each [field, at]; lib/db/history.ts picks the one that reads the fewest lines).
 * - historyWords: each history line's search keys (HistoryWords: the suffixes of its words), by
 *   the line's id, searched through `byWord` (multiEntry on `words`). Kept apart so that reading
 *   lines never carries them; written, changed and deleted in the same transactions as the lines.
 * - historyCounts: how many lines there are, in all and per kind, value, actor and outcome, by
 *   [field, value] (lib/db/history-counts.ts); changed in the same transactions as the lines,
 *   so counting never walks an index.
 * - items: typed settings and small state, one key each (lib/db/items.ts), the LinkedIn token,
 *   the member's LinkedIn app and the chosen LinkedIn actor among them.
 * How each version became the next: lib/db/upgrade.ts.
 */
import { type DBSchema, type IDBPDatabase, type IDBPTransaction, openDB } from 'idb';
import type { KeySummary } from '../accounts/types';
import type { ConfirmedSlot, Hold, Intent } from '../engine/types';
import type { HistoryEntry } from '../reactions/types';
import type { CountKey } from './history-counts';
import { DB_VERSION, runUpgrade } from './upgrade';

/** A stored key: what the popup sees of it (see KeySummary), plus the secret itself. */
export type StoredKey = Omit<KeySummary, 'maskedKey' | 'realtime'> & {
  /** The secret. Read only by the background. */
  apiKey: string;
};

/** A history line's search keys (wordKeys in lib/history/filter.ts), under the line's id. */
export interface HistoryWords {
  id: number;
  words: string[];
}

export interface ReactbarDB extends DBSchema {
  keys: { key: string; value: StoredKey };
  intents: { key: string; value: Intent };
  confirmed: { key: string; value: ConfirmedSlot; indexes: { byTarget: string } };
  holds: { key: string; value: Hold };
  history: {
    key: number;
    value: HistoryEntry;
    indexes: {
      byAt: number;
      byKind: [string, number];
      byValue: [string, number];
      byActor: [string, number];
      byOutcome: [string, number];
    };
  };
  historyWords: { key: number; value: HistoryWords; indexes: { byWord: string } };
  /** Lines in all and per value of a filtered field (lib/db/history-counts.ts). */
  historyCounts: { key: CountKey; value: number };
  /** Values are checked on read by their item (lib/db/items.ts), never cast. */
  items: { key: string; value: unknown };
}

export const DB_NAME = 'reactbar';
export { DB_VERSION };

let opening: Promise<IDBPDatabase<ReactbarDB>> | undefined;

export function openDatabase(): Promise<IDBPDatabase<ReactbarDB>> {
  if (opening) return opening;
  let upgrading: Promise<void> = Promise.resolve();
  const opened = openDB<ReactbarDB>(DB_NAME, DB_VERSION, {
    upgrade(db, oldVersion, newVersion, tx) {
      // The steps see the database as it is at each version, not as this schema types it.
      upgrading = runUpgrade(
        db as unknown as IDBPDatabase<unknown>,
        oldVersion,
        newVersion ?? DB_VERSION,
        tx as unknown as IDBPTransaction<unknown, string[], 'versionchange'>,
      );
    },
    blocking() {
      // A newer version waits for this connection (an updated extension): let it go, and open
      // again on the next call.
      void opened.then((db) => db.close());
      forget(opened);
    },
    terminated() {
      forget(opened);
    },
  }).catch(async (error: unknown) => {
    forget(opened);
    await upgrading; // rejects with the failed step's error, which says more than AbortError
    throw error;
  });
  opening = opened;
  return opened;
}

function forget(connection: Promise<IDBPDatabase<ReactbarDB>>): void {
  if (opening === connection) opening = undefined;
}

/** Tests only: forget the open connection so a fresh database can be opened. */
export function closeDatabaseForTests(): void {
  void opening?.then(
    (db) => db.close(),
    () => undefined,
  );
  opening = undefined;
}
