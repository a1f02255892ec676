/**
 * The reaction history: written by the engine's storage, read by the popup and the history
 * page straight from IndexedDB, newest first, through the store's indexes in chunks (never the
 * whole store at once). Three stores change together, in one transaction (HISTORY_STORES): the
 * lines (`history`), their search keys (`historyWords`) and their counts (`historyCounts`,
 * lib/db/history-counts.ts).
 */
import type { IDBPTransaction, StoreNames } from 'idb';
import { linkTo, parentOf } from '../engine/history-lines';
import type { Intent } from '../engine/types';
import {
  candidatePlans,
  type HistoryFilter,
  lineMatcher,
  type ReadPlan,
  searchDays,
  timeRange,
  wordIndexKeys,
  wordKeys,
} from '../history/filter';
import type { HistoryLine } from '../history/words';
import type { HistoryEntry } from '../reactions/types';
import {
  ALL_LINES,
  type CountedField,
  type CountKey,
  changeCounts,
  readCount,
} from './history-counts';
import { DEFAULT_HISTORY_RETENTION, type HistoryRetention, historyRetentionSchema } from './items';
import { openDatabase, type ReactbarDB } from './schema';

const DAY = 86_400_000;
/** Trimming runs once per this many lines, passing the limit by as many meanwhile. */
const TRIM_EVERY = 100;
/** Lines read by one getAll at most; a chunk starts at a page's size and doubles up to this. */
const MAX_CHUNK = 5000;
/**
 * A search reads through `byWord` when one of its words is held by at most this many lines;
 * a word more lines hold is found soon enough by reading newest first through the time.
 */
const WORD_CANDIDATES = 2000;

/** The stores a change to the history writes: the lines, their search keys, their counts. */
export const HISTORY_STORES = ['history', 'historyWords', 'historyCounts'] as const;

/** A caller's read-write transaction over (at least) HISTORY_STORES. */
export type HistoryTransaction = IDBPTransaction<
  ReactbarDB,
  ArrayLike<StoreNames<ReactbarDB>>,
  'readwrite'
>;

/** The retention as stored in `items`, read inside the caller's transaction. */
export function retentionOf(stored: unknown): HistoryRetention {
  const parsed = historyRetentionSchema.safeParse(stored);
  return parsed.success ? parsed.data : DEFAULT_HISTORY_RETENTION;
}

/**
 * Adds lines, each with its search keys, and counts them, in the caller's transaction (so they
 * land with the rest of its writes, or not at all), and, once per TRIM_EVERY lines, drops what
 * the retention no longer keeps (read through `retention`, in the same transaction). Returns the
 * new lines' ids.
 */
export async function appendHistory(
  tx: HistoryTransaction,
  lines: readonly HistoryEntry[],
  retention: () => Promise<HistoryRetention> = async () => DEFAULT_HISTORY_RETENTION,
): Promise<number[]> {
  const store = tx.objectStore('history');
  const keys = tx.objectStore('historyWords');
  const ids: number[] = [];
  for (const { id: _ignored, ...line } of lines) {
    // No `id` property at all: IndexedDB generates it (an `id: undefined` is a DataError).
    const id = await store.add(line);
    ids.push(id);
    await keys.put({ id, words: wordKeys(line) });
  }
  await changeCounts(tx, lines, 1);
  if (ids.some((id) => id % TRIM_EVERY === 0)) {
    const newest = Math.max(...lines.map((line) => line.at));
    await trimHistory(tx, await retention(), newest);
  }
  return ids;
}

/** Deletes stored lines with their search keys, and counts them out, in the caller's transaction. */
async function deleteLines(tx: HistoryTransaction, lines: readonly HistoryEntry[]): Promise<void> {
  const store = tx.objectStore('history');
  const keys = tx.objectStore('historyWords');
  const ids = lines.flatMap((line) => (line.id === undefined ? [] : [line.id]));
  await Promise.all([
    ...ids.flatMap((id) => [store.delete(id), keys.delete(id)]),
    changeCounts(tx, lines, -1),
  ]);
}

/**
 * The oldest lines the retention no longer keeps, at most `limit` (all when absent): those older
 * than its age (counted back from `now`), and beyond them the oldest past its count. Read through
 * `byAt`, oldest first, and only those: the count comes from `historyCounts`.
 */
async function beyondRetention(
  tx: HistoryTransaction,
  retention: HistoryRetention,
  now: number,
  limit?: number,
): Promise<HistoryEntry[]> {
  const byAt = tx.objectStore('history').index('byAt');
  const total = await readCount(tx.objectStore('historyCounts'), ALL_LINES);
  const excess = Math.min(total - retention.maxLines, limit ?? total);
  const old =
    retention.maxDays === null
      ? []
      : await byAt.getAll(IDBKeyRange.upperBound(now - retention.maxDays * DAY, true), limit);
  // Both are the oldest lines: the longer list holds the shorter.
  return excess > old.length ? byAt.getAll(null, excess) : old;
}

/** Drops what the retention no longer keeps (see beyondRetention), in the caller's transaction. */
async function trimHistory(
  tx: HistoryTransaction,
  retention: HistoryRetention,
  now: number,
): Promise<void> {
  await deleteLines(tx, await beyondRetention(tx, retention, now));
}

/**
 * Applies a retention to the whole history at once (the member just lowered it), in
 * transactions of at most MAX_CHUNK deletions, so the engine's commits wait little between
 * them. Returns how many lines were dropped.
 */
export async function applyRetention(retention: HistoryRetention, now: number): Promise<number> {
  const db = await openDatabase();
  let dropped = 0;
  for (;;) {
    const tx = db.transaction(HISTORY_STORES, 'readwrite');
    const batch = await beyondRetention(tx, retention, now, MAX_CHUNK);
    await deleteLines(tx, batch);
    await tx.done;
    dropped += batch.length;
    if (batch.length < MAX_CHUNK) return dropped;
  }
}

/** Forgets every line (snippets included: they live in the lines), search key and count. */
export async function clearHistory(): Promise<void> {
  const tx = (await openDatabase()).transaction(HISTORY_STORES, 'readwrite');
  await Promise.all([...HISTORY_STORES.map((name) => tx.objectStore(name).clear()), tx.done]);
}

export async function countHistory(): Promise<number> {
  return readCount((await openDatabase()).transaction('historyCounts').store, ALL_LINES);
}

export async function getHistoryLine(id: number): Promise<HistoryEntry | undefined> {
  return (await openDatabase()).get('history', id);
}

/** Newest first, the first `limit` lines, unfiltered (the popup before filters). */
export async function listHistory(limit = 5000): Promise<HistoryEntry[]> {
  return (await readHistoryPage({}, undefined, limit)).lines.slice(0, limit) as HistoryEntry[];
}

/** Where the next page starts: the plan in use and the index key the last chunk ended at. */
export interface PageCursor {
  plan: ReadPlan;
  upper: IDBValidKey;
}

export interface HistoryPage {
  /** Stored lines matching the filter, newest first (a page may hold more than asked). */
  lines: HistoryLine[];
  /** null: no line left to read. */
  next: PageCursor | null;
}

/** The count of the lines a plan's index holds for its key (its whole range but the days). */
function countKeyOf(plan: ReadPlan): CountKey {
  if (plan.index === 'byAt' || typeof plan.lower === 'number') return ALL_LINES;
  const field = PLAN_FIELDS[plan.index];
  return [field, plan.lower[0]];
}

const PLAN_FIELDS = {
  byKind: 'kind',
  byValue: 'value',
  byActor: 'actor',
  byOutcome: 'outcome',
} as const satisfies Record<Exclude<ReadPlan['index'], 'byAt'>, CountedField>;

/**
 * The plan to read a filter with: of the indexes that could serve it, the one holding the fewest
 * lines for its key (historyCounts: one get each, never a walk of the index).
 */
async function choosePlan(filter: HistoryFilter): Promise<ReadPlan> {
  const candidates = candidatePlans(filter);
  const [only] = candidates;
  if (!only) throw new Error('No way to read the history');
  if (candidates.length === 1) return only;
  const counts = (await openDatabase()).transaction('historyCounts').store;
  const sizes = await Promise.all(candidates.map((plan) => readCount(counts, countKeyOf(plan))));
  let best = 0;
  for (const [index, size] of sizes.entries()) if (size < (sizes[best] ?? 0)) best = index;
  return candidates[best] ?? only;
}

/**
 * How many stored lines match, when it is known exactly (one field or none: historyCounts; a
 * range of days: a count of the index over it, which walks the range), else null.
 */
export async function countMatching(filter: HistoryFilter): Promise<number | null> {
  if (filter.status === 'pending') return 0;
  const plan = await choosePlan(filter);
  if (!plan.exact) return null;
  const db = await openDatabase();
  if (!filter.from && !filter.to) {
    return readCount(db.transaction('historyCounts').store, countKeyOf(plan));
  }
  return db
    .transaction('history')
    .store.index(plan.index)
    .count(IDBKeyRange.bound(plan.lower, plan.upper));
}

/**
 * One chunk of a plan's range, newest first: about `size` lines below `upper`. A key cursor
 * (no values read) finds where the chunk starts, one getAll reads it; lines sharing the
 * boundary's key all land in this chunk, so none is read twice or skipped.
 */
async function readChunk(
  plan: ReadPlan,
  upper: { key: IDBValidKey; open: boolean },
  size: number,
): Promise<{ lines: HistoryEntry[]; next: IDBValidKey | null }> {
  const db = await openDatabase();
  const index = db.transaction('history').store.index(plan.index);
  const range = IDBKeyRange.bound(plan.lower, upper.key, false, upper.open);
  let cursor = await index.openKeyCursor(range, 'prev');
  if (!cursor) return { lines: [], next: null };
  if (size > 1) cursor = await cursor.advance(size - 1);
  const low = cursor ? (cursor.key as IDBValidKey) : plan.lower;
  const lines = await index.getAll(IDBKeyRange.bound(low, upper.key, false, upper.open));
  lines.reverse();
  return { lines, next: cursor ? low : null };
}

/**
 * The stored lines matching `filter`, newest first: at least `want` of them (or all that are
 * left), continuing after `after`. Pending clicks are not stored lines: see pendingLines.
 */
export async function readHistoryPage(
  filter: HistoryFilter,
  after?: PageCursor,
  want = 100,
): Promise<HistoryPage> {
  if (filter.status === 'pending') return { lines: [], next: null };
  if (!after) {
    const searched = await readSearched(filter);
    if (searched) return { lines: searched, next: null };
  }
  const plan = after?.plan ?? (await choosePlan(filter));
  const matches = lineMatcher(filter);
  const lines: HistoryLine[] = [];
  let upper = after ? { key: after.upper, open: true } : { key: plan.upper, open: false };
  let size = Math.max(want, 50);
  for (;;) {
    const chunk = await readChunk(plan, upper, size);
    for (const line of chunk.lines) if (matches(line)) lines.push(line);
    if (chunk.next === null) return { lines, next: null };
    upper = { key: chunk.next, open: true };
    if (lines.length >= want) return { lines, next: { plan, upper: upper.key } };
    size = Math.min(size * 2, MAX_CHUNK);
  }
}

/**
 * Every stored line matching `filter`, handed over a chunk at a time, in no particular order
 * (sort by `at` for newest first). A filter on a field reads that field's index; one without
 * (dates, search, nothing) reads the store itself by id, four times faster than through an
 * index, which looks every line up again.
 */
export async function forEachMatching(
  filter: HistoryFilter,
  visit: (lines: HistoryLine[]) => void,
): Promise<void> {
  if (filter.status === 'pending') return;
  const searched = await readSearched(filter);
  if (searched) {
    visit(searched);
    return;
  }
  const plan = await choosePlan(filter);
  if (plan.index !== 'byAt') {
    let page = await readHistoryPage(filter, undefined, MAX_CHUNK);
    visit(page.lines);
    while (page.next) {
      page = await readHistoryPage(filter, page.next, MAX_CHUNK);
      visit(page.lines);
    }
    return;
  }
  const matches = lineMatcher(filter);
  const db = await openDatabase();
  const size = MAX_CHUNK * 2;
  let reading = db.getAll('history', undefined, size);
  for (;;) {
    const chunk = await reading;
    const last = chunk[chunk.length - 1];
    const more = chunk.length === size && last?.id !== undefined;
    // The next chunk is asked for first: IndexedDB reads it while this one is visited.
    if (more) reading = db.getAll('history', IDBKeyRange.lowerBound(last.id, true), size);
    visit(chunk.filter(matches));
    if (!more) return;
  }
}

/** The keys from `key` up to (not with) the first that does not start with it. */
function prefixRange(key: string): IDBKeyRange {
  const last = key.charCodeAt(key.length - 1);
  if (last === 0xffff) return IDBKeyRange.lowerBound(key);
  return IDBKeyRange.bound(key, key.slice(0, -1) + String.fromCharCode(last + 1), false, true);
}

/**
 * Every stored line matching a search, newest first, read through `byWord`: the ids under
 * each of the search's words (those no more than WORD_CANDIDATES lines hold; a whole date adds
 * that day's lines through `byAt`), intersected, then only those lines, checked by
 * `lineMatcher`. null when the index cannot narrow the search that far (no search, only other
 * day words, or only common words): read by a plan instead.
 */
async function readSearched(filter: HistoryFilter): Promise<HistoryLine[] | null> {
  const keys = wordIndexKeys(filter.search);
  const days = searchDays(filter.search);
  if (keys.length === 0 && days.length === 0) return null;
  const db = await openDatabase();
  const tx = db.transaction(HISTORY_STORES);
  const store = tx.objectStore('history');
  const index = tx.objectStore('historyWords').index('byWord');
  // One key past WORD_CANDIDATES says the word is common: it is read through the time instead,
  // and no more of the index is walked (a line rarely holds two keys under one search word's
  // prefix; one that does, like "e", is common anyway).
  const limit = WORD_CANDIDATES + 1;
  const holding = async (key: string) => index.getAllKeys(prefixRange(key), limit);
  let ids = null as Set<number> | null;
  const narrow = (found: number[], complete: boolean): boolean => {
    const unique = new Set(found);
    if (!complete || unique.size > WORD_CANDIDATES) return false;
    ids = ids ? new Set([...ids].filter((id) => unique.has(id))) : unique;
    return ids.size === 0;
  };
  for (const day of days) {
    const { from, to } = timeRange({ from: day, to: day });
    const [inText, onDay] = [
      await holding(day),
      await store.index('byAt').getAllKeys(IDBKeyRange.bound(from, to, false, true), limit),
    ];
    if (narrow([...inText, ...onDay], inText.length < limit && onDay.length < limit)) break;
  }
  for (const key of keys) {
    if (ids?.size === 0) break;
    const found = await holding(key);
    if (narrow(found, found.length < limit)) break;
  }
  if (!ids) return null;
  const read = await Promise.all([...ids].map((id) => store.get(id)));
  const matches = lineMatcher(filter);
  const lines = read.filter((line): line is HistoryEntry => line !== undefined && matches(line));
  return lines.sort((a, b) => b.at - a.at || (b.id ?? 0) - (a.id ?? 0));
}

/** A click still in the outbox, as a history line. */
export function pendingLine(intent: Intent, confirmedState: string | null): HistoryLine {
  const value = intent.desired ?? (intent.facet || confirmedState || '');
  return {
    at: intent.clickedAt,
    service: intent.service,
    kind: intent.target.kind,
    urn: intent.target.urn,
    ...(parentOf(intent.target) ? { parentUrn: parentOf(intent.target) } : {}),
    value,
    react: intent.desired !== null,
    actor: intent.actor,
    source: 'own',
    outcome: 'pending',
    ...(intent.lastFailure ? { error: intent.lastFailure } : {}),
    link: linkTo(intent.target),
    pendingId: intent.id,
  };
}

/** Clicks still in the outbox that match `filter`, newest first (a handful at most). */
export async function pendingLines(filter: HistoryFilter): Promise<HistoryLine[]> {
  if (filter.status && filter.status !== 'pending') return [];
  const db = await openDatabase();
  const tx = db.transaction(['intents', 'confirmed']);
  const intents = await tx.objectStore('intents').getAll();
  const confirmed = tx.objectStore('confirmed');
  const lines = await Promise.all(
    intents.map(async (intent) =>
      pendingLine(intent, (await confirmed.get(intent.id))?.state ?? null),
    ),
  );
  const matches = lineMatcher({ ...filter, status: undefined });
  return lines.filter(matches).sort((a, b) => b.at - a.at);
}

/**
 * The reactions (`byValue`) or actors (`byActor`) the history holds, for the filters' choices:
 * a key cursor that jumps from one value to the next, reading one key per value.
 */
export async function distinctKeys(index: 'byValue' | 'byActor'): Promise<string[]> {
  const db = await openDatabase();
  const store = db.transaction('history').store.index(index);
  const found: string[] = [];
  let cursor = await store.openKeyCursor();
  while (cursor) {
    const [value] = cursor.key;
    found.push(value);
    // An array sorts after every number: the next key is the next value's first.
    cursor = await cursor.continue([value, []] as unknown as [string, number]);
  }
  return found;
}

/**
 * Deletes every kept snippet (the member switched the option off), in transactions of at most
 * MAX_CHUNK lines so the engine's commits wait little. Returns how many lines had one.
 */
export async function forgetSnippets(): Promise<number> {
  const db = await openDatabase();
  let forgotten = 0;
  let after: number | undefined;
  for (;;) {
    const tx = db.transaction(HISTORY_STORES, 'readwrite');
    const keys = tx.objectStore('historyWords');
    const range = after === undefined ? undefined : IDBKeyRange.lowerBound(after, true);
    let cursor = await tx.objectStore('history').openCursor(range);
    let seen = 0;
    while (cursor && seen < MAX_CHUNK) {
      after = cursor.key;
      if (cursor.value.snippet !== undefined) {
        const { snippet: _dropped, ...line } = cursor.value;
        // The snippet's words leave the search keys with it.
        await Promise.all([
          cursor.update(line),
          keys.put({ id: cursor.primaryKey, words: wordKeys(line) }),
        ]);
        forgotten++;
      }
      seen++;
      cursor = await cursor.continue();
    }
    await tx.done;
    if (!cursor) return forgotten;
  }
}
