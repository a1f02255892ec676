/**
 * The search read through `byWord` gives exactly what `lineMatcher` over every line gives, and
 * a word no line holds reads no line at all.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { appendHistory, forEachMatching, HISTORY_STORES, readHistoryPage } from '@/lib/db/history';
import { closeDatabaseForTests, openDatabase } from '@/lib/db/schema';
import { type HistoryFilter, lineMatcher } from '@/lib/history/filter';
import { type HistoryLine, localDay } from '@/lib/history/words';
import type { HistoryEntry } from '@/lib/reactions/types';

const T = Date.UTC(2026, 10, 2, 12, 0, 0);
const HOUR = 3_600_000;
const TYPES = ['LIKE', 'PRAISE', 'APPRECIATION', 'EMPATHY', 'INTEREST', 'ENTERTAINMENT'];
const EMOJI = ['👍', '❤️', '😂', '🎉'];
const SNIPPETS = ['Quarterly results', 'Résumé tips', 'Hiring in Zürich', 'launch 2026-12-24 🚀'];

function line(index: number): HistoryEntry {
  const message = index % 3 === 0;
  return {
    at: T - Math.floor(index / 2) * 7 * HOUR, // two lines share each time
    service: message ? 'connectsafely' : 'linkedin',
    kind: message ? 'message' : index % 3 === 1 ? 'post' : 'comment',
    urn: `urn:li:activity:${index}`,
    value: message
      ? (EMOJI[index % EMOJI.length] ?? '👍')
      : (TYPES[Math.floor(index / 3) % 6] ?? 'LIKE'),
    react: index % 5 !== 0,
    actor: index % 2 === 0 ? 'urn:li:person:a' : 'urn:li:person:b',
    source: index % 7 === 0 ? 'remote' : 'own',
    outcome: index % 11 === 0 ? 'failed' : 'applied',
    ...(index % 11 === 0 ? { error: 'LinkedIn is limiting requests (429).' } : {}),
    ...(index % 4 === 0 ? { snippet: `${SNIPPETS[(index / 4) % 4]} #${index}` } : {}),
    link: 'https://www.linkedin.com/feed/',
  };
}

const LINES = Array.from({ length: 600 }, (_, index) => line(index));

/** Writes the lines as the engine's storage does: with their search keys, beside them. */
async function store(lines: HistoryEntry[]): Promise<void> {
  const tx = (await openDatabase()).transaction(HISTORY_STORES, 'readwrite');
  await appendHistory(tx, lines);
  await tx.done;
}

/** What the search gave before the index: every line through lineMatcher, newest first. */
function expected(filter: HistoryFilter): number[] {
  const matches = lineMatcher(filter);
  return LINES.map((entry, index) => ({ ...entry, id: index + 1 }))
    .filter(matches)
    .sort((a, b) => b.at - a.at || b.id - a.id)
    .map((entry) => entry.id);
}

async function everyPage(filter: HistoryFilter): Promise<HistoryLine[]> {
  const seen: HistoryLine[] = [];
  let page = await readHistoryPage(filter, undefined, 50);
  seen.push(...page.lines);
  while (page.next) {
    page = await readHistoryPage(filter, page.next, 50);
    seen.push(...page.lines);
  }
  return seen;
}

/** Counts the lines IndexedDB hands over (values, not keys) while `run` runs. */
async function linesRead(run: () => Promise<unknown>): Promise<number> {
  let read = 0;
  const count = (result: unknown) => {
    read += Array.isArray(result) ? result.length : result === undefined ? 0 : 1;
  };
  const spies = [
    [IDBObjectStore.prototype, 'get'],
    [IDBObjectStore.prototype, 'getAll'],
    [IDBIndex.prototype, 'get'],
    [IDBIndex.prototype, 'getAll'],
    [IDBObjectStore.prototype, 'openCursor'],
    [IDBIndex.prototype, 'openCursor'],
  ] as const;
  const restore: (() => void)[] = [];
  for (const [target, name] of spies) {
    const original = target[name] as (...args: unknown[]) => IDBRequest;
    const spy = vi.spyOn(target, name as 'get').mockImplementation(function (
      this: unknown,
      ...args: unknown[]
    ) {
      const request = original.apply(this, args);
      request.addEventListener('success', () => {
        if (name === 'openCursor') {
          if (request.result) read += 1;
        } else count(request.result);
      });
      return request;
    });
    restore.push(() => spy.mockRestore());
  }
  try {
    await run();
  } finally {
    for (const undo of restore) undo();
  }
  return read;
}

beforeEach(async () => {
  closeDatabaseForTests();
  globalThis.indexedDB = new IDBFactory();
  await store(LINES);
});
afterEach(() => closeDatabaseForTests());

describe('searching through the word index', () => {
  const searches = [
    'celebrate',
    'ike', // inside a word, not only at its start
    'LIKE post',
    'failed',
    '(429).',
    'remote elsewhere',
    'own removed',
    '👍',
    '❤️',
    '🚀',
    'résumé',
    'zürich',
    'quarterly results',
    'uarterl',
    '#12',
    'nov', // day words: read through the time, as before
    'november 1',
    '2026-10-2',
    localDay(T - 40 * 7 * HOUR), // a whole date: that day's lines through the time
    '2026-12-24', // a whole date only snippets hold
    `${localDay(T - 40 * 7 * HOUR)} post`,
    'thursday, celebrate',
    'zzzz-nothing',
    'like zzzz',
  ];
  for (const search of searches) {
    it(`"${search}" gives what matching every line gives`, async () => {
      const want = expected({ search });
      if (!search.includes('zzzz')) expect(want.length).toBeGreaterThan(0);
      expect((await everyPage({ search })).map((entry) => entry.id)).toEqual(want);
      const exported: HistoryLine[] = [];
      await forEachMatching({ search }, (lines) => exported.push(...lines));
      expect(exported.map((entry) => entry.id).sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual(
        [...want].sort((a, b) => a - b),
      );
    });
  }

  it('with filters too', async () => {
    for (const filter of [
      { search: 'results', kind: 'message' },
      { search: 'tips', status: 'removed' },
      { search: 'limiting', value: 'PRAISE' },
      { search: 'zürich', actor: 'urn:li:person:a', from: '2026-10-01', to: '2026-10-20' },
    ] as HistoryFilter[]) {
      expect((await everyPage(filter)).map((entry) => entry.id)).toEqual(expected(filter));
    }
  });

  it('a word no line holds reads no line', async () => {
    let found: HistoryLine[] = [];
    expect(
      await linesRead(async () => {
        found = (await readHistoryPage({ search: 'zzzz-nothing' })).lines;
      }),
    ).toBe(0);
    expect(found).toEqual([]);
    // The count sees reads: a day word still reads through the time.
    expect(await linesRead(() => readHistoryPage({ search: 'nov' }))).toBeGreaterThan(0);
    // A whole date nothing holds reads nothing either.
    expect(await linesRead(() => readHistoryPage({ search: '1999-01-01' }))).toBe(0);
  });

  it('a rare word reads only the lines holding it', async () => {
    const want = expected({ search: '#120' });
    expect(want.length).toBe(1);
    expect(await linesRead(() => readHistoryPage({ search: '#120' }))).toBe(1);
    // "#12" is in the snippets #12, #120, #124 and #128 (every fourth line has one).
    expect(await linesRead(() => readHistoryPage({ search: '#12' }))).toBe(
      expected({ search: '#12' }).length,
    );
  });

  it('lines keep no index keys when read', async () => {
    const [first] = (await readHistoryPage({ search: 'celebrate' })).lines;
    expect(first).toBeDefined();
    expect(first && 'words' in first).toBe(false);
  });
});
