/**
 * The database's versions: one upgrade step per version, run in order. Step N upgrades version
 * N to N + 1; a fresh install (version 0) runs them all, so it ends exactly where an upgraded
 * database does. A new version adds one step here, and one example of the version before it
 * (tests/unit/db/vN.ts).
 */
import type { IDBPDatabase, IDBPTransaction } from 'idb';
import { toVersion1 } from './steps/to-v1';
import { toVersion2 } from './steps/to-v2';
import { toVersion3 } from './steps/to-v3';
import { toVersion4 } from './steps/to-v4';
import { toVersion5 } from './steps/to-v5';
import type { UpgradeStep } from './steps/types';

export const STEPS: readonly UpgradeStep[] = [
  toVersion1,
  toVersion2,
  toVersion3,
  toVersion4,
  toVersion5,
];

/** The current version: the number of steps. */
export const DB_VERSION = STEPS.length;

/**
 * Runs the steps from `oldVersion` to `newVersion` in the upgrade transaction. If one fails, the
 * transaction is aborted: the database stays at `oldVersion` with its rows untouched, the open
 * fails, and the returned promise rejects with the step's error (never left unhandled).
 */
export function runUpgrade(
  db: IDBPDatabase<unknown>,
  oldVersion: number,
  newVersion: number,
  tx: IDBPTransaction<unknown, string[], 'versionchange'>,
  steps: readonly UpgradeStep[] = STEPS,
): Promise<void> {
  const run = (async () => {
    for (let version = oldVersion; version < newVersion; version++) {
      const step = steps[version];
      if (!step) throw new Error(`No upgrade step from version ${version}`);
      await step(db, tx);
    }
  })().catch((error: unknown) => {
    // The open fails with the abort; the transaction's own promise must not go unhandled.
    tx.done.catch(() => undefined);
    try {
      tx.abort();
    } catch {
      // Already finished or aborted: nothing was committed by this failure.
    }
    throw new Error(`Upgrading the database from version ${oldVersion} failed`, {
      cause: error,
    });
  });
  run.catch(() => undefined);
  return run;
}
