/**
 * ConnectSafely keys and the default account, in the extension's IndexedDB. Only the
 * background imports this module; what leaves it is a KeySummary with the key masked.
 */
import { i18n } from '#i18n';
import type {
  AccountSummary,
  DefaultAccount,
  KeySummary,
  RateLimitBudget,
  RealtimeState,
} from '../accounts/types';
import { defaultAccount } from '../db/items';
import { openDatabase, type StoredKey } from '../db/schema';
import { ServiceError } from '../engine/types';
import type { FailureKind } from '../reactions/types';
import type { ConnectSafelyClient } from '../services/connectsafely/client';

/** Plain words for the user (from the catalogue, `connectSafelyKey`), never the key itself. */
export class KeyError extends Error {
  override name = 'KeyError';
}

export function maskKey(apiKey: string): string {
  return apiKey.length <= 10
    ? '•'.repeat(apiKey.length)
    : `${apiKey.slice(0, 4)}…${apiKey.slice(-4)}`;
}

export function summarize(key: StoredKey, realtime: RealtimeState): KeySummary {
  const { apiKey, ...rest } = key;
  return { ...rest, maskedKey: maskKey(apiKey), realtime };
}

export async function listKeys(): Promise<StoredKey[]> {
  const db = await openDatabase();
  return (await db.getAll('keys')).sort((a, b) => a.addedAt - b.addedAt);
}

export async function getKey(keyId: string): Promise<StoredKey | undefined> {
  return (await openDatabase()).get('keys', keyId);
}

async function requireKey(keyId: string): Promise<StoredKey> {
  const key = await getKey(keyId);
  if (!key) throw new KeyError(i18n.t('connectSafelyKey.gone'));
  return key;
}

/** Checks a new key with `GET /accounts` and stores it only if ConnectSafely accepts it. */
export async function addKey(
  apiKey: string,
  label: string | undefined,
  clientFor: (apiKey: string) => ConnectSafelyClient,
  now = Date.now(),
): Promise<StoredKey> {
  const existing = await listKeys();
  if (existing.some((key) => key.apiKey === apiKey))
    throw new KeyError(i18n.t('connectSafelyKey.duplicate'));
  const accounts = await checkAccounts(clientFor(apiKey));
  const key: StoredKey = {
    id: crypto.randomUUID(),
    label: label || i18n.t('connectSafelyKey.defaultLabel', [String(existing.length + 1)]),
    apiKey,
    addedAt: now,
    checkedAt: now,
    status: 'valid',
    accounts,
    rateLimit: null,
  };
  await (await openDatabase()).put('keys', key);
  const current = await getDefaultAccount();
  if (!current && accounts[0])
    await setDefaultAccount({ keyId: key.id, accountId: accounts[0].id });
  return key;
}

/** Asks ConnectSafely again; a refused key is kept, marked, so the user sees why. */
export async function recheckKey(
  keyId: string,
  client: ConnectSafelyClient,
  now = Date.now(),
): Promise<StoredKey> {
  const key = await requireKey(keyId);
  let updated: StoredKey;
  try {
    updated = {
      ...key,
      accounts: await checkAccounts(client),
      status: 'valid',
      error: undefined,
      checkedAt: now,
    };
  } catch (error) {
    if (!(error instanceof KeyError) || !(error.cause instanceof ServiceError)) throw error;
    if (error.cause.failure.kind !== 'credential-refused') throw error;
    updated = { ...key, status: 'invalid', error: error.message, checkedAt: now };
  }
  await (await openDatabase()).put('keys', updated);
  return updated;
}

export async function markKeyRefused(keyId: string, message: string): Promise<void> {
  const key = await getKey(keyId);
  if (key) await (await openDatabase()).put('keys', { ...key, status: 'invalid', error: message });
}

export async function renameKey(keyId: string, label: string): Promise<StoredKey> {
  const key = { ...(await requireKey(keyId)), label };
  await (await openDatabase()).put('keys', key);
  return key;
}

export async function removeKey(keyId: string): Promise<void> {
  const db = await openDatabase();
  await db.delete('keys', keyId);
  const current = await getDefaultAccount();
  if (current?.keyId === keyId) {
    // Another stored account takes over, so reactions keep working.
    const next = (await listKeys()).find((key) => key.accounts.length > 0);
    const account = next?.accounts[0];
    const choice = next && account ? { keyId: next.id, accountId: account.id } : null;
    await defaultAccount.set(choice);
    defaultAccountCache = Promise.resolve(choice);
  }
}

export async function updateRateLimit(keyId: string, rateLimit: RateLimitBudget): Promise<void> {
  const db = await openDatabase();
  const tx = db.transaction('keys', 'readwrite');
  const key = await tx.store.get(keyId);
  if (key) await tx.store.put({ ...key, rateLimit });
  await tx.done;
}

// Read on every click: kept in memory, written through.
let defaultAccountCache: Promise<DefaultAccount | null> | undefined;

export function getDefaultAccount(): Promise<DefaultAccount | null> {
  defaultAccountCache ??= defaultAccount.get().catch((error: unknown) => {
    defaultAccountCache = undefined;
    throw error;
  });
  return defaultAccountCache;
}

export async function setDefaultAccount(choice: DefaultAccount): Promise<void> {
  const key = await requireKey(choice.keyId);
  if (!key.accounts.some((account) => account.id === choice.accountId)) {
    throw new KeyError(i18n.t('connectSafelyKey.notItsAccount'));
  }
  await defaultAccount.set(choice);
  defaultAccountCache = Promise.resolve(choice);
}

async function checkAccounts(client: ConnectSafelyClient): Promise<AccountSummary[]> {
  try {
    const accounts = await client.accounts();
    if (accounts.length === 0) throw new KeyError(i18n.t('connectSafelyKey.noAccounts'));
    return accounts;
  } catch (error) {
    if (!(error instanceof ServiceError)) throw error;
    // Other failures keep ConnectSafely's own account of them (the ServiceError's detail).
    throw new KeyError(checkFailureWords(error.failure.kind) ?? error.message, { cause: error });
  }
}

/** Why a new or rechecked key was not accepted, where the member can do something about it. */
function checkFailureWords(kind: FailureKind): string | undefined {
  if (kind === 'credential-refused') return i18n.t('connectSafelyKey.refused');
  if (kind === 'offline') return i18n.t('connectSafelyKey.offline');
  if (kind === 'rate-limited') return i18n.t('connectSafelyKey.rateLimited');
  return undefined;
}
