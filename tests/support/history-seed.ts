/**
 * History lines written into the extension's own IndexedDB from one of its pages, as the engine
 * writes them: the line, its search keys (`historyWords`) and the counts (`historyCounts`), in one
 * transaction. For the browser tests that need a history without making every reaction.
 */
// First: lib/ reads the catalogue through the browser's i18n, which Node lacks.
import './node-i18n';
import type { Page } from '@playwright/test';
import { countKeysOf } from '../../lib/db/history-counts';
import { wordKeys } from '../../lib/history/filter';
import type { HistoryLine } from '../../lib/history/words';
import type { HistoryEntry } from '../../lib/reactions/types';

/** A line as the engine writes it (before IndexedDB gives it its id). */
export type SeedLine = Omit<HistoryEntry, 'id'>;

/**
 * Adds lines through the history page's own IndexedDB (the extension's origin), each with its
 * search keys beside it (`historyWords`) and counted (`historyCounts`), as appendHistory writes
 * them.
 */
export async function seed(page: Page, seeded: SeedLine[]): Promise<void> {
  const counted = new Map<string, number>();
  for (const line of seeded) {
    for (const key of countKeysOf(line)) {
      counted.set(JSON.stringify(key), (counted.get(JSON.stringify(key)) ?? 0) + 1);
    }
  }
  await page.evaluate(
    async ({ rows, counted }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('reactbar');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const tx = db.transaction(['history', 'historyWords', 'historyCounts'], 'readwrite');
      for (const { line, words } of rows) {
        const added = tx.objectStore('history').add(line);
        added.onsuccess = () => tx.objectStore('historyWords').add({ id: added.result, words });
      }
      const counts = tx.objectStore('historyCounts');
      for (const [key, by] of counted) {
        const read = counts.get(key);
        read.onsuccess = () => counts.put(((read.result as number | undefined) ?? 0) + by, key);
      }
      await new Promise((resolve, reject) => {
        tx.oncomplete = resolve;
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    },
    {
      rows: seeded.map((line) => ({ line, words: wordKeys(line as HistoryLine) })),
      counted: [...counted].map(([key, by]) => [JSON.parse(key) as string[], by] as const),
    },
  );
}
