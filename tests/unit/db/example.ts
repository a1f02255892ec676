/**
 * Example databases, one per older version (vN.ts), and the helpers that write and read them.
 * A store's content is its rows, with their keys: for a store with a key path the key is the
 * row's own (given again so every store reads the same way), for one without it is given here.
 */
import type { IDBPDatabase } from 'idb';

export type StoreContent = [key: IDBValidKey, value: unknown][];

export interface DatabaseExample {
  /** The version these rows were written by. */
  version: number;
  /** What that version's code wrote, store by store. */
  stores: Record<string, StoreContent>;
  /** What the current version must make of them, every store, every row. */
  current: Record<string, StoreContent>;
}

/** Rows keyed by their own `id` (stores whose key path is `id`). */
export function byId<T extends { id: IDBValidKey }>(rows: readonly T[]): StoreContent {
  return rows.map((row) => [row.id, row]);
}

/** Writes the rows as the version's code did: `put(row)` with a key path, `put(value, key)` without. */
export async function fill(
  db: IDBPDatabase<unknown>,
  stores: Record<string, StoreContent>,
): Promise<void> {
  const names = Object.keys(stores);
  const tx = db.transaction(names, 'readwrite');
  for (const name of names) {
    const store = tx.objectStore(name);
    for (const [key, value] of stores[name] ?? []) {
      await (store.keyPath === null ? store.put(value, key) : store.put(value));
    }
  }
  await tx.done;
}

/** Every store, every row with its key, in key order. */
export async function dump<Schema>(
  database: IDBPDatabase<Schema>,
): Promise<Record<string, StoreContent>> {
  const db = untyped(database);
  const names = [...db.objectStoreNames];
  const tx = db.transaction(names);
  const content: Record<string, StoreContent> = {};
  for (const name of names) {
    const rows: StoreContent = [];
    for (let cursor = await tx.objectStore(name).openCursor(); cursor; ) {
      rows.push([cursor.key, cursor.value]);
      cursor = await cursor.continue();
    }
    content[name] = rows;
  }
  await tx.done;
  return content;
}

export interface StoreShape {
  keyPath: string | string[] | null;
  autoIncrement: boolean;
  /** Index name → its key path. */
  indexes: Record<string, string | string[]>;
}

/** The stores and indexes of a database, for comparing schemas. */
export function shapeOf<Schema>(database: IDBPDatabase<Schema>): Record<string, StoreShape> {
  const db = untyped(database);
  const names = [...db.objectStoreNames];
  if (names.length === 0) return {};
  const tx = db.transaction(names);
  const shape: Record<string, StoreShape> = {};
  for (const name of names) {
    const store = tx.objectStore(name);
    const indexes: Record<string, string | string[]> = {};
    for (const index of store.indexNames) indexes[index] = store.index(index).keyPath;
    shape[name] = { keyPath: store.keyPath, autoIncrement: store.autoIncrement, indexes };
  }
  return shape;
}

/** Any store by name, whatever schema the connection was typed with. */
function untyped<Schema>(db: IDBPDatabase<Schema>): IDBPDatabase<unknown> {
  return db as unknown as IDBPDatabase<unknown>;
}

/**
 * A line's `byWord` keys (version 4) from its searchable words as written here, in the order
 * the line holds them (reaction, name, kind, outcome, reason, source, snippet): each word's
 * suffixes, cut to 12 characters, once each.
 */
export function keysOf(words: string): string[] {
  const keys = new Set<string>();
  for (const word of words.split(' ')) {
    for (let start = 0; start < word.length; start++) keys.add(word.slice(start, start + 12));
  }
  return [...keys];
}

type Line = {
  id: number;
  kind: string;
  value: string;
  actor: string;
  outcome: string;
  words?: string[];
};

/**
 * Version 4's stores as the current version holds them: each history line's `words` (its
 * `byWord` keys) leave the line for a `historyWords` row under the line's id, and
 * `historyCounts` holds how many lines there are, in all and per kind, value, actor and outcome
 * (version 5).
 */
export function asVersion5(content: Record<string, StoreContent>): Record<string, StoreContent> {
  const history: StoreContent = [];
  const historyWords: StoreContent = [];
  const counts = new Map<string, number>();
  for (const [key, value] of content.history ?? []) {
    const { words, ...line } = value as Line;
    if (!words) throw new Error(`history line ${String(key)} has no keys to move`);
    history.push([key, line]);
    historyWords.push([key, { id: line.id, words }]);
    for (const counted of [
      ['all', ''],
      ['kind', line.kind],
      ['value', line.value],
      ['actor', line.actor],
      ['outcome', line.outcome],
    ]) {
      const id = JSON.stringify(counted);
      counts.set(id, (counts.get(id) ?? 0) + 1);
    }
  }
  const historyCounts: StoreContent = [...counts].map(([id, count]) => [JSON.parse(id), count]);
  return { ...content, history, historyWords, historyCounts };
}

/** The current stores as version 4 held them: each line's keys inside it, nothing else. */
export function asVersion4(content: Record<string, StoreContent>): Record<string, StoreContent> {
  const { historyWords = [], historyCounts: _counts, ...rest } = content;
  const words = new Map(historyWords.map(([key, row]) => [key, (row as Line).words]));
  return {
    ...rest,
    history: (content.history ?? []).map(([key, value]) => [
      key,
      { ...(value as object), words: words.get(key) },
    ]),
  };
}

/** The current stores as a version before 4 held them: no search keys, no counts. */
export function asBeforeVersion4(
  content: Record<string, StoreContent>,
): Record<string, StoreContent> {
  const { historyWords: _keys, historyCounts: _counts, ...rest } = content;
  return {
    ...rest,
    history: (content.history ?? []).map(([key, value]) => {
      const { words: _words, ...line } = value as Line;
      return [key, line];
    }),
  };
}
