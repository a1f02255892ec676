import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { connectionSettings, defaultAccount, realtimeCursor, realtimeSeen } from '@/lib/db/items';
import { closeDatabaseForTests, openDatabase } from '@/lib/db/schema';
import { DEFAULT_CONNECTION_SETTINGS } from '@/lib/settings';

beforeEach(() => {
  closeDatabaseForTests();
  globalThis.indexedDB = new IDBFactory();
});

afterEach(() => closeDatabaseForTests());

/** What an older version, or damage, may have left under a key. */
async function storeRaw(key: string, value: unknown): Promise<void> {
  await (await openDatabase()).put('items', value, key);
}

describe('settings items', () => {
  it('read as their fallback until written', async () => {
    expect(await defaultAccount.get()).toBeNull();
    expect(await connectionSettings.get()).toEqual(DEFAULT_CONNECTION_SETTINGS);
    expect(await realtimeCursor('key-1').get()).toBeNull();
    expect(await realtimeSeen('key-1').get()).toEqual([]);
  });

  it('read back what was written, each key its own item', async () => {
    const local = {
      connectSafelyUrl: 'http://127.0.0.1:8787',
      socketUrl: 'ws://127.0.0.1:8787/ws',
      linkedinUrl: 'http://localhost:8788',
      linkedinVersion: '202611',
    };
    await defaultAccount.set({ keyId: 'key-1', accountId: 'account-1' });
    await connectionSettings.set(local);
    await realtimeCursor('key-1').set(41);
    await realtimeCursor('key-2').set(7);
    await realtimeSeen('key-1').set(['evt-1', 'evt-2']);
    expect(await defaultAccount.get()).toEqual({ keyId: 'key-1', accountId: 'account-1' });
    expect(await connectionSettings.get()).toEqual(local);
    expect(await realtimeCursor('key-1').get()).toBe(41);
    expect(await realtimeCursor('key-2').get()).toBe(7);
    expect(await realtimeSeen('key-1').get()).toEqual(['evt-1', 'evt-2']);
    expect(await realtimeSeen('key-2').get()).toEqual([]);
  });

  it('forget a removed value', async () => {
    await realtimeCursor('key-1').set(41);
    await realtimeCursor('key-1').remove();
    expect(await realtimeCursor('key-1').get()).toBeNull();
  });

  it('read a stale or damaged value as the fallback, never as a wrong type', async () => {
    await storeRaw('defaultAccount', { keyId: 'key-1' });
    await storeRaw('settings.connection', {
      ...DEFAULT_CONNECTION_SETTINGS,
      // Accepted by looser rules once; plain http is for this machine only now.
      connectSafelyUrl: 'http://api.example.com',
    });
    await storeRaw(realtimeCursor('key-1').key, '41');
    await storeRaw(realtimeCursor('key-2').key, -1);
    await storeRaw(realtimeSeen('key-1').key, [1, 2]);
    expect(await defaultAccount.get()).toBeNull();
    expect(await connectionSettings.get()).toEqual(DEFAULT_CONNECTION_SETTINGS);
    expect(await realtimeCursor('key-1').get()).toBeNull();
    expect(await realtimeCursor('key-2').get()).toBeNull();
    expect(await realtimeSeen('key-1').get()).toEqual([]);
  });
});
