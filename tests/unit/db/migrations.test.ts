/**
 * Every older version's example (vN.ts next to this file) is written as that version wrote it,
 * opened with the current code, and compared row by row with what it must become.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { type IDBPDatabase, openDB } from 'idb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { appendHistory, countMatching, HISTORY_STORES, readHistoryPage } from '@/lib/db/history';
import { closeDatabaseForTests, DB_NAME, DB_VERSION, openDatabase } from '@/lib/db/schema';
import type { UpgradeStep } from '@/lib/db/steps/types';
import { runUpgrade, STEPS } from '@/lib/db/upgrade';
import { slotIdOf, targetKeyOf } from '@/lib/engine/slots';
import type { ConfirmedSlot, Intent } from '@/lib/engine/types';
import {
  type DatabaseExample,
  dump,
  fill,
  keysOf,
  type StoreContent,
  type StoreShape,
  shapeOf,
} from './example';

const EXAMPLES: DatabaseExample[] = Object.values(
  import.meta.glob<DatabaseExample>('./v*.ts', { import: 'example', eager: true }),
).sort((a, b) => a.version - b.version);

/** The stores of the current version, and the indexes something reads. */
const CURRENT_SHAPE: Record<string, StoreShape> = {
  keys: { keyPath: 'id', autoIncrement: false, indexes: {} },
  intents: { keyPath: 'id', autoIncrement: false, indexes: {} },
  confirmed: { keyPath: 'id', autoIncrement: false, indexes: { byTarget: 'targetKey' } },
  holds: { keyPath: 'credentialId', autoIncrement: false, indexes: {} },
  history: {
    keyPath: 'id',
    autoIncrement: true,
    indexes: {
      byAt: 'at',
      byKind: ['kind', 'at'],
      byValue: ['value', 'at'],
      byActor: ['actor', 'at'],
      byOutcome: ['outcome', 'at'],
    },
  },
  historyWords: { keyPath: 'id', autoIncrement: false, indexes: { byWord: 'words' } },
  historyCounts: { keyPath: null, autoIncrement: false, indexes: {} },
  items: { keyPath: null, autoIncrement: false, indexes: {} },
};

/** A database at `version`, built by the steps up to it (as that version built it). */
async function openAt(
  version: number,
  steps: readonly UpgradeStep[] = STEPS,
): Promise<IDBPDatabase<unknown>> {
  let upgrading: Promise<void> = Promise.resolve();
  const opened = openDB(DB_NAME, version, {
    upgrade(db, oldVersion, newVersion, tx) {
      upgrading = runUpgrade(db, oldVersion, newVersion ?? version, tx, steps);
    },
  });
  try {
    return await opened;
  } catch (error) {
    await upgrading;
    throw error;
  }
}

/** Rows in key order, as IndexedDB orders them. */
function sorted(content: Record<string, StoreContent>): Record<string, StoreContent> {
  return Object.fromEntries(
    Object.entries(content).map(([name, rows]) => [
      name,
      [...rows].sort(([a], [b]) => indexedDB.cmp(a, b)),
    ]),
  );
}

async function writeExample(example: DatabaseExample): Promise<void> {
  const db = await openAt(example.version);
  await fill(db, example.stores);
  db.close();
}

beforeEach(() => {
  closeDatabaseForTests();
  globalThis.indexedDB = new IDBFactory();
});

afterEach(() => {
  closeDatabaseForTests();
  vi.restoreAllMocks();
});

describe('database versions', () => {
  it('has an example of every older version', () => {
    const older = Array.from({ length: DB_VERSION - 1 }, (_, index) => index + 1);
    expect(EXAMPLES.map((example) => example.version)).toEqual(older);
  });

  it('examples are written with the stores of their own version', async () => {
    for (const example of EXAMPLES) {
      globalThis.indexedDB = new IDBFactory();
      const db = await openAt(example.version);
      expect(Object.keys(example.stores).sort()).toEqual([...db.objectStoreNames].sort());
      db.close();
    }
  });

  for (const example of EXAMPLES) {
    describe(`from version ${example.version}`, () => {
      it('turns every row into exactly what the current version expects', async () => {
        await writeExample(example);
        const db = await openDatabase();
        expect(db.version).toBe(DB_VERSION);
        expect(shapeOf(db)).toEqual(CURRENT_SHAPE);
        const content = await dump(db);
        expect(content).toStrictEqual(sorted(example.current));
      });

      it('names slots and targets as the engine does', async () => {
        await writeExample(example);
        const db = await openDatabase();
        const intents: Intent[] = await db.getAll('intents');
        const slots: ConfirmedSlot[] = await db.getAll('confirmed');
        for (const intent of intents) {
          expect(intent.id).toBe(
            slotIdOf(intent.service, intent.actor, intent.target.urn, intent.facet),
          );
        }
        for (const slot of slots) {
          expect(slot.id).toBe(slotIdOf(slot.service, slot.actor, slot.urn, slot.facet));
          expect(slot.targetKey).toBe(targetKeyOf(slot.service, slot.actor, slot.urn));
        }
      });

      it('keeps history ids: new lines continue after the old ones', async () => {
        await writeExample(example);
        const db = await openDatabase();
        const ids = (await db.getAllKeys('history')) as number[];
        const [line] = await db.getAll('history');
        if (!line) throw new Error(`version ${example.version}'s example has no history line`);
        const { id: _id, ...withoutId } = line;
        const next = await db.add('history', withoutId);
        expect(next).toBeGreaterThan(Math.max(...ids));
      });
    });
  }

  it('a fresh install runs every step and ends with the same stores, empty', async () => {
    const db = await openDatabase();
    expect(db.version).toBe(DB_VERSION);
    expect(shapeOf(db)).toEqual(CURRENT_SHAPE);
    const content = await dump(db);
    expect(Object.values(content).every((rows) => rows.length === 0)).toBe(true);
  });

  it('an open connection steps aside for a newer version instead of blocking its upgrade', async () => {
    await openDatabase();
    const blocked = vi.fn();
    const newer = await openDB(DB_NAME, DB_VERSION + 1, { blocked });
    expect(blocked).not.toHaveBeenCalled();
    expect(newer.version).toBe(DB_VERSION + 1);
    newer.close();
  });

  it('a step that fails leaves the database at its old version, untouched', async () => {
    const [newest] = EXAMPLES.slice(-1);
    if (!newest) throw new Error('no example');
    await writeExample(newest);
    const failing: UpgradeStep = async (db, tx) => {
      await tx.objectStore('history').clear();
      db.deleteObjectStore('keys');
      throw new Error('step failed');
    };
    const steps = [...STEPS.slice(0, newest.version), failing];
    await expect(openAt(newest.version + 1, steps)).rejects.toThrow(/from version/);
    const db = await openDB(DB_NAME);
    expect(db.version).toBe(newest.version);
    expect(await dump(db)).toStrictEqual(sorted(newest.stores));
    db.close();
  });
});

describe('version 1 → 2', () => {
  it('drops rows version 1 could not have written instead of refusing to open', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const db = await openAt(1);
    await fill(db, {
      outbox: [['broken', { id: 'broken', value: '👍' }]],
      confirmed: [['a|urn', { id: 'a|urn', accountId: 'a', urn: 'urn', values: 'not a list' }]],
      history: [[1, { id: 1, at: 'yesterday' }]],
      meta: [
        ['defaultAccount', null],
        ['some.key.nobody.reads', 'dropped'],
      ],
    });
    db.close();
    const current = await dump(await openDatabase());
    expect(current).toStrictEqual({
      confirmed: [],
      history: [],
      historyCounts: [],
      historyWords: [],
      holds: [],
      intents: [],
      items: [['defaultAccount', null]],
      keys: [],
    });
    expect(warn).toHaveBeenCalledWith(
      '[reactbar] upgrading to version 2 dropped 3 unreadable rows',
    );
  });
});

describe('version 2 → 3', () => {
  it('reads the old lines through the new indexes, newest first', async () => {
    const v2 = EXAMPLES.find((example) => example.version === 2);
    if (!v2) throw new Error('no version 2 example');
    await writeExample(v2);
    const all = await readHistoryPage({});
    const stored = (v2.current.history ?? []).map(([, line]) => line as { id: number; at: number });
    expect(all.lines.map((line) => line.id)).toEqual(
      [...stored].sort((a, b) => b.at - a.at || b.id - a.id).map((line) => line.id),
    );
    const posts = await readHistoryPage({ kind: 'post' });
    expect(posts.lines.map((line) => line.id)).toEqual([11, 9, 8, 5]);
    expect(await countMatching({ kind: 'post' })).toBe(4);
    const failed = await readHistoryPage({ status: 'failed' });
    expect(failed.lines.map((line) => line.id)).toEqual([10, 6, 5, 3]);
    const likes = await readHistoryPage({ value: 'LIKE', status: 'removed' });
    expect(likes.lines.map((line) => line.id)).toEqual([9]);
  });
});

describe('version 4 → 5', () => {
  async function openV4(): Promise<DatabaseExample> {
    const v4 = EXAMPLES.find((example) => example.version === 4);
    if (!v4) throw new Error('no version 4 example');
    await writeExample(v4);
    return v4;
  }

  it('keeps the old lines searchable, through their keys in their own store', async () => {
    await openV4();
    const ids = async (search: string) =>
      (await readHistoryPage({ search })).lines.map((line) => line.id);
    // Words from every older version's lines: a snippet, a reason, a name, an emoji.
    expect(await ids('quarterly')).toEqual([12]);
    expect(await ids('zoë')).toEqual([13]);
    expect(await ids('celebrate')).toEqual([10]);
    expect(await ids('may not react')).toEqual([10]);
    expect(await ids('cannot react')).toEqual([6, 5]);
    expect(await ids('🚀')).toEqual([1]);
    expect(await ids('funny')).toEqual([14, 11]);
    expect(await ids('zzzz-nothing')).toEqual([]);
    // The lines as read carry no keys.
    const all = await readHistoryPage({});
    expect(all.lines.length).toBeGreaterThan(10);
    expect(all.lines.some((line) => 'words' in line)).toBe(false);
    // Counted as they are.
    expect(await countMatching({})).toBe(all.lines.length);
    expect(await countMatching({ kind: 'post' })).toBe(
      all.lines.filter((line) => line.kind === 'post').length,
    );
    expect(await countMatching({ status: 'failed' })).toBe(
      all.lines.filter((line) => line.outcome === 'failed').length,
    );
  });

  it('lines written after the upgrade get their keys beside them, in the same transaction', async () => {
    await openV4();
    const db = await openDatabase();
    const tx = db.transaction(HISTORY_STORES, 'readwrite');
    const [id] = await appendHistory(tx, [
      {
        at: Date.UTC(2026, 10, 28),
        service: 'linkedin',
        kind: 'post',
        urn: 'urn:li:activity:7400000000000000123',
        value: 'PRAISE',
        react: true,
        actor: 'urn:li:person:Xy12Ab34',
        source: 'own',
        outcome: 'applied',
        link: 'https://www.linkedin.com/feed/',
        snippet: 'Kickoff in Zürich',
      },
    ]);
    await tx.done;
    expect(id).toBe(16);
    expect(await db.getAllKeys('history')).toEqual(await db.getAllKeys('historyWords'));
    expect(await countMatching({})).toBe(await db.count('history'));
    expect(await countMatching({ value: 'PRAISE' })).toBe(
      await db.countFromIndex('history', 'byValue', IDBKeyRange.bound(['PRAISE'], ['PRAISE', []])),
    );
    expect((await readHistoryPage({ search: 'kickoff' })).lines.map((line) => line.id)).toEqual([
      16,
    ]);
  });

  it('gives a line without keys (which version 4 never wrote) its keys', async () => {
    const db = await openAt(4);
    const line = {
      id: 3,
      at: Date.UTC(2026, 10, 28),
      service: 'linkedin',
      kind: 'comment',
      urn: 'urn:li:comment:(urn:li:activity:1,2)',
      parentUrn: 'urn:li:activity:1',
      value: 'INTEREST',
      react: true,
      actor: 'urn:li:person:Xy12Ab34',
      source: 'own',
      outcome: 'applied',
      link: 'https://www.linkedin.com/feed/',
    };
    await fill(db, { history: [[3, line]] });
    db.close();
    const current = await dump(await openDatabase());
    expect(current.history).toEqual([[3, line]]);
    expect(current.historyWords).toEqual([
      [3, { id: 3, words: keysOf('interest insightful comment applied own') }],
    ]);
  });
});
