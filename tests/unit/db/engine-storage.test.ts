import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { indexedDbEngineStorage as storage } from '@/lib/background/engine-storage';
import { appendHistory, HISTORY_STORES, listHistory } from '@/lib/db/history';
import { DEFAULT_HISTORY_RETENTION, historyRetention } from '@/lib/db/items';
import { closeDatabaseForTests, openDatabase } from '@/lib/db/schema';
import { slotIdOf, targetKeyOf, unknownSlot } from '@/lib/engine/slots';
import type { ConfirmedSlot, Intent } from '@/lib/engine/types';
import type { HistoryEntry, ServiceName, TargetRef } from '@/lib/reactions/types';

const T = Date.UTC(2026, 10, 2, 12, 0, 0);
const ACCOUNT = '65f1c0ffee0123456789abcd';
const PERSON = 'urn:li:person:Xy12Ab34';
const MESSAGE = {
  kind: 'message',
  urn: 'urn:li:msg_message:(urn:li:fsd_profile:ACoAAB,2-abc=)',
  conversationUrn: 'urn:li:msg_conversation:(urn:li:fsd_profile:ACoAAB,2-def=)',
} as const satisfies TargetRef;
const POST = {
  kind: 'post',
  urn: 'urn:li:activity:7391234567890123456',
} as const satisfies TargetRef;

function slot(
  service: ServiceName,
  actor: string,
  target: TargetRef,
  facet: string,
  state: string | null,
): ConfirmedSlot {
  return {
    ...unknownSlot(service, actor, target, facet),
    state,
    asOf: T,
    latest: { state, at: T },
  };
}

function intent(facet: string, desired: string | null): Intent {
  return {
    id: slotIdOf('connectsafely', ACCOUNT, MESSAGE.urn, facet),
    service: 'connectsafely',
    credentialId: 'key-1',
    actor: ACCOUNT,
    target: MESSAGE,
    facet,
    desired,
    clickedAt: T,
    version: 1,
    attempts: 0,
    nextAttemptAt: T,
    sent: [],
  };
}

function line(at: number, overrides: Partial<HistoryEntry> = {}): HistoryEntry {
  return {
    at,
    service: 'connectsafely',
    kind: 'message',
    urn: MESSAGE.urn,
    parentUrn: MESSAGE.conversationUrn,
    value: '👍',
    react: true,
    actor: ACCOUNT,
    source: 'own',
    outcome: 'applied',
    link: 'https://www.linkedin.com/messaging/thread/2-def%3D/',
    ...overrides,
  };
}

async function everything() {
  const db = await openDatabase();
  return {
    intents: await db.getAll('intents'),
    confirmed: await db.getAll('confirmed'),
    holds: await db.getAll('holds'),
    history: await db.getAll('history'),
    historyWords: await db.getAll('historyWords'),
  };
}

beforeEach(() => {
  closeDatabaseForTests();
  globalThis.indexedDB = new IDBFactory();
});

afterEach(() => {
  closeDatabaseForTests();
  vi.restoreAllMocks();
});

describe('IndexedDB engine storage', () => {
  it('stores what a commit holds, and loads it back', async () => {
    const thumbs = slot('connectsafely', ACCOUNT, MESSAGE, '👍', '👍');
    await storage.commit({
      putIntents: [intent('🎉', '🎉')],
      putConfirmed: [thumbs],
      putHolds: [{ credentialId: 'key-1', until: T + 60_000 }],
      history: [line(T)],
    });
    expect(await storage.loadIntents()).toEqual([intent('🎉', '🎉')]);
    expect(await storage.loadHolds()).toEqual([{ credentialId: 'key-1', until: T + 60_000 }]);
    expect(await storage.confirmedFor(thumbs.targetKey)).toEqual([thumbs]);
    // Ids are generated: a line never brings its own.
    expect(await listHistory()).toEqual([{ ...line(T), id: 1 }]);
  });

  it('confirmedFor returns the slots of one target, for one actor of one service', async () => {
    const mine = [
      slot('connectsafely', ACCOUNT, MESSAGE, '👍', '👍'),
      slot('connectsafely', ACCOUNT, MESSAGE, '🎉', null),
    ];
    await storage.commit({
      putConfirmed: [
        ...mine,
        slot('connectsafely', 'another-account', MESSAGE, '👍', '👍'),
        slot('connectsafely', ACCOUNT, { ...MESSAGE, urn: `${MESSAGE.urn}x` }, '👍', '👍'),
        slot('linkedin', PERSON, POST, '', 'LIKE'),
      ],
    });
    const found = await storage.confirmedFor(targetKeyOf('connectsafely', ACCOUNT, MESSAGE.urn));
    expect(found.sort((a, b) => a.id.localeCompare(b.id))).toEqual(
      mine.sort((a, b) => a.id.localeCompare(b.id)),
    );
    expect(await storage.confirmedFor(targetKeyOf('linkedin', PERSON, POST.urn))).toEqual([
      slot('linkedin', PERSON, POST, '', 'LIKE'),
    ]);
    expect(await storage.confirmedFor(targetKeyOf('linkedin', ACCOUNT, POST.urn))).toEqual([]);
  });

  it('deletes intents; one put and deleted in the same commit ends up deleted', async () => {
    await storage.commit({ putIntents: [intent('👍', '👍'), intent('🎉', '🎉')] });
    const kept = { ...intent('🎉', null), version: 2 };
    const dropped = { ...intent('🚀', '🚀'), version: 1 };
    await storage.commit({
      putIntents: [kept, dropped],
      deleteIntents: [intent('👍', '👍').id, dropped.id],
    });
    expect(await storage.loadIntents()).toEqual([kept]);
  });

  describe('a commit is all or nothing', () => {
    async function storeUnconfirmedClick() {
      await storage.commit({
        putIntents: [intent('👍', '👍')],
        putConfirmed: [slot('connectsafely', ACCOUNT, MESSAGE, '👍', null)],
      });
      return everything();
    }
    /** The write a landed request makes: slot confirmed, intent gone, a history line. */
    function landed(history: HistoryEntry[]) {
      return {
        deleteIntents: [intent('👍', '👍').id],
        putConfirmed: [slot('connectsafely', ACCOUNT, MESSAGE, '👍', '👍')],
        putHolds: [{ credentialId: 'key-1', until: T }],
        history,
      };
    }

    it('a history line that cannot be stored leaves intents and confirmed untouched', async () => {
      const stored = await storeUnconfirmedClick();
      // A function cannot be cloned: the add throws on the spot, after the other writes.
      const unstorable = { ...line(T + 1), link: (() => 'x') as unknown as string };
      await expect(storage.commit(landed([line(T), unstorable]))).rejects.toThrow();
      expect(await everything()).toEqual(stored);
    });

    it('a slot that cannot be stored leaves the intent in place', async () => {
      const stored = await storeUnconfirmedClick();
      const unstorable = {
        ...slot('connectsafely', ACCOUNT, MESSAGE, '👍', '👍'),
        own: [Symbol('x')] as unknown as ConfirmedSlot['own'],
      };
      await expect(
        storage.commit({ ...landed([line(T)]), putConfirmed: [unstorable] }),
      ).rejects.toThrow();
      expect(await everything()).toEqual(stored);
    });

    it('a history write that fails later (the request errors) leaves them untouched', async () => {
      const stored = await storeUnconfirmedClick();
      const add = IDBObjectStore.prototype.add;
      // The store refuses the second line asynchronously, as a full disk would.
      vi.spyOn(IDBObjectStore.prototype, 'add').mockImplementation(function (
        this: IDBObjectStore,
        value: unknown,
        key?: IDBValidKey,
      ) {
        if (this.name === 'history' && (value as HistoryEntry).at === T + 1) {
          return add.call(this, { ...(value as HistoryEntry), id: 1 }, key); // 1 exists by then
        }
        return add.call(this, value, key);
      });
      await expect(storage.commit(landed([line(T), line(T + 1)]))).rejects.toThrow();
      expect(await everything()).toEqual(stored);
    });

    it('and the next commit works as usual', async () => {
      await storeUnconfirmedClick();
      const unstorable = { ...line(T + 1), link: (() => 'x') as unknown as string };
      await expect(storage.commit(landed([unstorable]))).rejects.toThrow();
      await storage.commit(landed([line(T)]));
      const after = await everything();
      expect(after.intents).toEqual([]);
      expect(after.confirmed).toEqual([slot('connectsafely', ACCOUNT, MESSAGE, '👍', '👍')]);
      expect(after.history).toHaveLength(1);
    });
  });

  it('keeps 100,000 lines unless the member chose otherwise', () => {
    expect(DEFAULT_HISTORY_RETENTION).toEqual({ maxLines: 100_000, maxDays: null });
  });

  it('keeps the newest lines the retention allows, read in the same commit', async () => {
    await historyRetention.set({ maxLines: 500, maxDays: null });
    const db = await openDatabase();
    const tx = db.transaction(HISTORY_STORES, 'readwrite');
    await appendHistory(
      tx,
      Array.from({ length: 500 }, (_, index) => line(T + index)),
    );
    await tx.done;
    const added = Array.from({ length: 100 }, (_, index) => line(T + 500 + index));
    await storage.commit({ history: added });
    expect(await db.count('history')).toBe(500);
    const [oldest] = await db.getAllFromIndex('history', 'byAt', null, 1);
    expect(oldest?.at).toBe(T + 100);
    // The dropped lines' search keys went with them, in the same commit.
    expect(await db.getAllKeys('historyWords')).toEqual(await db.getAllKeys('history'));
  });

  it("drops lines older than the retention's age, counted from the newest line", async () => {
    await historyRetention.set({ maxLines: 100_000, maxDays: 30 });
    const DAY = 86_400_000;
    const db = await openDatabase();
    const tx = db.transaction(HISTORY_STORES, 'readwrite');
    // 99 lines, one a day: the 100th, added by the commit, runs the trim.
    await appendHistory(
      tx,
      Array.from({ length: 99 }, (_, index) => line(T + index * DAY)),
    );
    await tx.done;
    await storage.commit({ history: [line(T + 99 * DAY)] });
    const kept = await db.getAllFromIndex('history', 'byAt');
    expect(kept[0]?.at).toBe(T + 69 * DAY);
    expect(kept).toHaveLength(31);
    expect(await db.getAllKeys('historyWords')).toEqual(await db.getAllKeys('history'));
  });
});
