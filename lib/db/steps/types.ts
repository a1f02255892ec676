import type { IDBPDatabase, IDBPTransaction } from 'idb';

/**
 * One upgrade step: turns a database at version N into version N + 1, inside the upgrade
 * transaction. A step sees the database as it is at its own version, so it works on the untyped
 * database, never on the current schema's types. It may await IndexedDB requests only: anything
 * else (a timer, a fetch) lets the transaction commit half-way.
 */
export type UpgradeStep = (
  db: IDBPDatabase<unknown>,
  tx: IDBPTransaction<unknown, string[], 'versionchange'>,
) => void | Promise<void>;
