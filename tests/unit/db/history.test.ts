import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  appendHistory,
  applyRetention,
  clearHistory,
  countMatching,
  forEachMatching,
  forgetSnippets,
  HISTORY_STORES,
  pendingLines,
  readHistoryPage,
} from '@/lib/db/history';
import { closeDatabaseForTests, openDatabase } from '@/lib/db/schema';
import { wordKeys } from '@/lib/history/filter';
import type { HistoryLine } from '@/lib/history/words';
import type { HistoryEntry } from '@/lib/reactions/types';

const T = Date.UTC(2026, 10, 2, 12, 0, 0);
const DAY = 86_400_000;
const VALUES = ['LIKE', 'PRAISE', 'EMPATHY'] as const;

function line(index: number, at = T + index * 1000): HistoryEntry {
  return {
    at,
    service: 'linkedin',
    kind: index % 2 === 0 ? 'post' : 'comment',
    urn: `urn:li:activity:${7391234567890123456n + BigInt(index)}`,
    value: VALUES[index % 3] ?? 'LIKE',
    react: index % 5 !== 0,
    actor: 'urn:li:person:Xy12Ab34',
    source: 'own',
    outcome: index % 7 === 0 ? 'failed' : 'applied',
    link: 'https://www.linkedin.com/feed/',
  };
}

/** Writes the lines as the engine's storage does: with their search keys, beside them. */
async function store(lines: HistoryEntry[]): Promise<void> {
  const tx = (await openDatabase()).transaction(HISTORY_STORES, 'readwrite');
  await appendHistory(tx, lines);
  await tx.done;
}

async function everyPage(filter: Parameters<typeof readHistoryPage>[0], want: number) {
  const seen: HistoryLine[] = [];
  let page = await readHistoryPage(filter, undefined, want);
  seen.push(...page.lines);
  while (page.next) {
    page = await readHistoryPage(filter, page.next, want);
    seen.push(...page.lines);
  }
  return seen;
}

beforeEach(() => {
  closeDatabaseForTests();
  globalThis.indexedDB = new IDBFactory();
});
afterEach(() => closeDatabaseForTests());

describe('reading the history', () => {
  it('pages newest first through every line once, lines sharing a time included', async () => {
    // Groups of three lines at the same millisecond, across chunk boundaries.
    await store(Array.from({ length: 300 }, (_, index) => line(index, T + Math.floor(index / 3))));
    const seen = await everyPage({}, 20);
    expect(seen).toHaveLength(300);
    expect(new Set(seen.map((entry) => entry.id)).size).toBe(300);
    for (let index = 1; index < seen.length; index++) {
      expect((seen[index - 1]?.at ?? 0) >= (seen[index]?.at ?? 0)).toBe(true);
    }
  });

  it('filters through the narrowest index and agrees with reading everything', async () => {
    const all = Array.from({ length: 400 }, (_, index) => line(index));
    await store(all);
    const filter = { value: 'PRAISE', status: 'failed' as const };
    const expected = all
      .map((entry, index) => ({ ...entry, id: index + 1 }))
      .filter((entry) => entry.value === 'PRAISE' && entry.outcome === 'failed')
      .reverse();
    expect(await everyPage(filter, 5)).toEqual(expected);
    const first = await readHistoryPage({ kind: 'comment' }, undefined, 10);
    expect(first.next?.plan.index).toBe('byKind');
    expect(await countMatching({ kind: 'comment' })).toBe(200);
    expect(await countMatching({})).toBe(400);
    expect(await countMatching({ kind: 'comment', value: 'LIKE' })).toBeNull();
    // A value narrows more than a kind, and failures more than a value's applied lines.
    expect(
      (await readHistoryPage({ kind: 'post', value: 'LIKE' }, undefined, 1)).next?.plan.index,
    ).toBe('byValue');
  });

  it('hands every match to an export, chunk by chunk, through an index or the store', async () => {
    await store(Array.from({ length: 250 }, (_, index) => line(index)));
    const all = async (filter: Parameters<typeof forEachMatching>[0]) => {
      const seen: HistoryLine[] = [];
      await forEachMatching(filter, (lines) => {
        seen.push(...lines);
      });
      return seen;
    };
    expect(await all({ kind: 'post' })).toHaveLength(125);
    const everything = await all({});
    expect(everything).toHaveLength(250);
    expect(new Set(everything.map((entry) => entry.id)).size).toBe(250);
    expect(await all({ search: 'praise' })).toHaveLength(83);
  });

  it('shows clicks still in the outbox as pending', async () => {
    const db = await openDatabase();
    await db.put('intents', {
      id: 'linkedin|urn:li:person:Xy12Ab34|urn:li:activity:1|',
      service: 'linkedin',
      credentialId: 'token-1',
      actor: 'urn:li:person:Xy12Ab34',
      target: { kind: 'post', urn: 'urn:li:activity:1' },
      facet: '',
      desired: 'LIKE',
      clickedAt: T,
      version: 1,
      attempts: 1,
      nextAttemptAt: T + 1000,
      lastFailure: 'offline',
      sent: [],
    });
    const [pending] = await pendingLines({});
    expect(pending).toMatchObject({ outcome: 'pending', value: 'LIKE', react: true, at: T });
    expect(await pendingLines({ status: 'failed' })).toEqual([]);
    expect(await pendingLines({ status: 'pending', kind: 'post' })).toHaveLength(1);
    expect((await readHistoryPage({ status: 'pending' })).lines).toEqual([]);
  });
});

describe('retention', () => {
  it('drops the oldest lines beyond the count', async () => {
    await store(Array.from({ length: 300 }, (_, index) => line(index)));
    expect(await applyRetention({ maxLines: 100, maxDays: null }, T)).toBe(200);
    const db = await openDatabase();
    const kept = await db.getAllFromIndex('history', 'byAt');
    expect(kept).toHaveLength(100);
    expect(kept[0]?.at).toBe(T + 200_000);
    // Their search keys went with them.
    expect(await db.getAllKeys('historyWords')).toEqual(await db.getAllKeys('history'));
  });

  it('drops lines older than the age', async () => {
    await store(Array.from({ length: 10 }, (_, index) => line(index, T + index * DAY)));
    expect(await applyRetention({ maxLines: 100_000, maxDays: 3 }, T + 9 * DAY)).toBe(6);
    const db = await openDatabase();
    const kept = await db.getAllFromIndex('history', 'byAt');
    expect(kept.map((entry) => entry.at)).toEqual([6, 7, 8, 9].map((day) => T + day * DAY));
    expect(await db.getAllKeys('historyWords')).toEqual(await db.getAllKeys('history'));
  });

  it('clears everything, snippets included', async () => {
    await store([{ ...line(1), snippet: 'Our launch' }]);
    expect(await (await openDatabase()).count('historyWords')).toBe(1);
    await clearHistory();
    expect(await (await openDatabase()).count('history')).toBe(0);
    expect(await (await openDatabase()).count('historyWords')).toBe(0);
    expect((await readHistoryPage({ search: 'launch' })).lines).toEqual([]);
  });
});

describe('filter choices', () => {
  it('lists each reaction and actor the history holds once', async () => {
    await store(Array.from({ length: 30 }, (_, index) => line(index)));
    const { distinctKeys } = await import('@/lib/db/history');
    expect(await distinctKeys('byValue')).toEqual(['EMPATHY', 'LIKE', 'PRAISE']);
    expect(await distinctKeys('byActor')).toEqual(['urn:li:person:Xy12Ab34']);
  });
});

describe('search keys and counts', () => {
  /** What historyWords and historyCounts must hold, from the lines themselves. */
  async function expectInStep(): Promise<void> {
    const db = await openDatabase();
    const lines = await db.getAll('history');
    const keys = await db.getAll('historyWords');
    expect(keys.map((row) => row.id)).toEqual(lines.map((entry) => entry.id));
    for (const [index, entry] of lines.entries()) {
      expect(keys[index]?.words).toEqual(wordKeys(entry));
    }
    const expected = new Map<string, number>();
    for (const entry of lines) {
      for (const key of [
        ['all', ''],
        ['kind', entry.kind],
        ['value', entry.value],
        ['actor', entry.actor],
        ['outcome', entry.outcome],
      ]) {
        expected.set(JSON.stringify(key), (expected.get(JSON.stringify(key)) ?? 0) + 1);
      }
    }
    const stored = new Map<string, number>();
    const tx = db.transaction('historyCounts');
    for (let cursor = await tx.store.openCursor(); cursor; cursor = await cursor.continue()) {
      stored.set(JSON.stringify(cursor.key), cursor.value);
    }
    expect(stored).toEqual(expected);
    expect(await countMatching({})).toBe(lines.length);
  }

  async function append(lines: HistoryEntry[], maxLines = 100_000, maxDays: number | null = null) {
    const tx = (await openDatabase()).transaction(HISTORY_STORES, 'readwrite');
    await appendHistory(tx, lines, async () => ({ maxLines, maxDays }));
    await tx.done;
  }

  it('follow the lines through appends, trims, retention, forgotten snippets and clearing', async () => {
    const withSnippet = (entry: HistoryEntry, index: number) =>
      index % 4 === 0 ? { ...entry, snippet: `Launch notes ${index}` } : entry;
    await append(Array.from({ length: 150 }, (_, index) => withSnippet(line(index), index)));
    await expectInStep();
    // The 200th line trims to 120 lines, in the engine's commit.
    await append(
      Array.from({ length: 50 }, (_, index) => withSnippet(line(150 + index), index)),
      120,
    );
    expect(await (await openDatabase()).count('history')).toBe(120);
    await expectInStep();
    // Lines older than a day, counted from the newest line, go too.
    await append(
      Array.from({ length: 100 }, (_, index) => line(200 + index, T + DAY + index * 1000)),
      100_000,
      1,
    );
    await expectInStep();
    expect(await applyRetention({ maxLines: 30, maxDays: null }, T + 2 * DAY)).toBeGreaterThan(0);
    await expectInStep();
    expect(await countMatching({ kind: 'post' })).toBe(15);
    await append(Array.from({ length: 20 }, (_, index) => withSnippet(line(300 + index), index)));
    expect(await forgetSnippets()).toBe(5);
    await expectInStep();
    expect((await readHistoryPage({ search: 'launch' })).lines).toEqual([]);
    await clearHistory();
    await expectInStep();
    expect(await countMatching({ kind: 'post' })).toBe(0);
  });

  it('read a filter through the index holding the fewest lines for it', async () => {
    // 100 of 1,000 lines failed; LIKE is a third of them; the actor holds them all.
    await append(
      Array.from({ length: 1000 }, (_, index) => ({
        ...line(index),
        outcome: index % 10 === 0 ? ('failed' as const) : ('applied' as const),
      })),
    );
    const planOf = async (filter: Parameters<typeof readHistoryPage>[0]) =>
      (await readHistoryPage(filter, undefined, 1)).next?.plan.index;
    expect(await planOf({ value: 'LIKE', status: 'failed' })).toBe('byOutcome');
    expect(await planOf({ value: 'LIKE', actor: 'urn:li:person:Xy12Ab34' })).toBe('byValue');
    expect(await planOf({ kind: 'post', value: 'LIKE', status: 'applied' })).toBe('byValue');
    expect(await planOf({ kind: 'post', status: 'applied' })).toBe('byKind');
    expect(await countMatching({ status: 'failed' })).toBe(100);
    expect(await countMatching({ value: 'LIKE', status: 'failed' })).toBeNull();
  });
});
