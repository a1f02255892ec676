/**
 * Pure updates of the cached AccountsOverview, applied right away when the background answers
 * or broadcasts; a refetch follows each one, so the background stays the source of truth.
 */
import type {
  AccountsOverview,
  DefaultAccount,
  KeySummary,
  RealtimeState,
} from '@/lib/accounts/types';

/** Adds the key, or replaces the stored one with the same id (keeping its place). */
export function upsertKey(
  overview: AccountsOverview | undefined,
  key: KeySummary,
): AccountsOverview | undefined {
  if (!overview) return overview;
  const index = overview.keys.findIndex((existing) => existing.id === key.id);
  const keys =
    index === -1
      ? [...overview.keys, key]
      : overview.keys.map((existing, at) => (at === index ? key : existing));
  return { ...overview, keys };
}

export function withDefault(
  overview: AccountsOverview | undefined,
  defaultAccount: DefaultAccount | null,
): AccountsOverview | undefined {
  if (!overview) return overview;
  return { ...overview, defaultAccount };
}

/** Applies the realtime states an `accountsChanged` broadcast carried, by key id. */
export function withRealtime(
  overview: AccountsOverview | undefined,
  realtime: Record<string, RealtimeState> | undefined,
): AccountsOverview | undefined {
  if (!overview || !realtime) return overview;
  let changed = false;
  const keys = overview.keys.map((key) => {
    const state = realtime[key.id];
    if (!state) return key;
    changed = true;
    return { ...key, realtime: state };
  });
  return changed ? { ...overview, keys } : overview;
}

export function isDefault(
  defaultAccount: DefaultAccount | null,
  keyId: string,
  accountId: string,
): boolean {
  return defaultAccount?.keyId === keyId && defaultAccount.accountId === accountId;
}
