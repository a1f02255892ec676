/** The engine's state in the extension's IndexedDB (stores: lib/db/schema.ts). */
import { appendHistory, HISTORY_STORES, retentionOf } from '../db/history';
import { historyRetention } from '../db/items';
import { openDatabase } from '../db/schema';
import type { EngineChange, EngineStorage } from '../engine/types';

const ENGINE_STORES = ['intents', 'confirmed', 'holds', 'history'] as const;
/**
 * With history lines: their search keys too, and `items`, where trimming reads the retention in
 * the same transaction.
 */
const ENGINE_STORES_WITH_HISTORY = [...ENGINE_STORES, ...HISTORY_STORES, 'items'] as const;

export const indexedDbEngineStorage: EngineStorage = {
  async loadIntents() {
    return (await openDatabase()).getAll('intents');
  },

  async loadHolds() {
    return (await openDatabase()).getAll('holds');
  },

  async confirmedFor(targetKey) {
    return (await openDatabase()).getAllFromIndex('confirmed', 'byTarget', targetKey);
  },

  /**
   * One read-write transaction over every store the change touches: all of it lands, or none
   * of it (a killed worker, a failed write). Never awaits anything but this transaction.
   */
  async commit(change: EngineChange) {
    const db = await openDatabase();
    const history = change.history ?? [];
    const tx = db.transaction(
      history.length > 0 ? ENGINE_STORES_WITH_HISTORY : ENGINE_STORES,
      'readwrite',
    );
    const writes: Promise<unknown>[] = [];
    try {
      const intents = tx.objectStore('intents');
      // The engine names each intent once per change (put or delete), so order does not matter.
      for (const intent of change.putIntents ?? []) writes.push(intents.put(intent));
      for (const id of change.deleteIntents ?? []) writes.push(intents.delete(id));
      const confirmed = tx.objectStore('confirmed');
      for (const slot of change.putConfirmed ?? []) writes.push(confirmed.put(slot));
      const holds = tx.objectStore('holds');
      for (const hold of change.putHolds ?? []) writes.push(holds.put(hold));
      for (const id of change.deleteHolds ?? []) writes.push(holds.delete(id));
      if (history.length > 0) {
        const items = tx.objectStore('items');
        const retention = async () => retentionOf(await items.get(historyRetention.key));
        writes.push(appendHistory(tx, history, retention));
      }
      await Promise.all([...writes, tx.done]);
    } catch (error) {
      // A failed request aborts the transaction by itself, but a write refused on the spot (a
      // value that cannot be stored) does not: without this, the writes before it would land.
      abortQuietly(tx);
      await Promise.allSettled([...writes, tx.done]);
      throw error;
    }
  },
};

function abortQuietly(tx: { abort(): void }): void {
  try {
    tx.abort();
  } catch {
    // Already aborted or finished.
  }
}
