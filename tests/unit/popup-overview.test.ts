import { describe, expect, it } from 'vitest';
import { isDefault, upsertKey, withDefault, withRealtime } from '@/components/popup/overview';
import type { AccountsOverview, KeySummary } from '@/lib/accounts/types';

function key(id: string, label = id): KeySummary {
  return {
    id,
    label,
    maskedKey: `cs_live…${id}`,
    addedAt: 1,
    checkedAt: 2,
    status: 'valid',
    accounts: [],
    rateLimit: null,
    realtime: { state: 'idle' },
  };
}

const overview: AccountsOverview = {
  keys: [key('a'), key('b')],
  defaultAccount: { keyId: 'b', accountId: 'acc-1' },
};

describe('upsertKey', () => {
  it('appends a new key', () => {
    expect(upsertKey(overview, key('c'))?.keys.map((k) => k.id)).toEqual(['a', 'b', 'c']);
  });
  it('replaces a known key in place', () => {
    const next = upsertKey(overview, key('a', 'Work'));
    expect(next?.keys.map((k) => k.label)).toEqual(['Work', 'b']);
    expect(overview.keys[0]?.label).toBe('a');
  });
  it('leaves an empty cache alone', () => {
    expect(upsertKey(undefined, key('a'))).toBeUndefined();
  });
});

describe('withDefault and isDefault', () => {
  it('moves the default account', () => {
    const next = withDefault(overview, { keyId: 'a', accountId: 'acc-9' });
    expect(isDefault(next?.defaultAccount ?? null, 'a', 'acc-9')).toBe(true);
    expect(isDefault(next?.defaultAccount ?? null, 'b', 'acc-1')).toBe(false);
  });
  it('needs both the key and the account to match', () => {
    expect(isDefault(overview.defaultAccount, 'a', 'acc-1')).toBe(false);
    expect(isDefault(null, 'b', 'acc-1')).toBe(false);
  });
});

describe('withRealtime', () => {
  it('applies the states of the keys it names', () => {
    const next = withRealtime(overview, { b: { state: 'reconnecting', retryAt: 99 } });
    expect(next?.keys.map((k) => k.realtime)).toEqual([
      { state: 'idle' },
      { state: 'reconnecting', retryAt: 99 },
    ]);
  });
  it('returns the same object when nothing applies', () => {
    expect(withRealtime(overview, { zzz: { state: 'offline' } })).toBe(overview);
    expect(withRealtime(overview, undefined)).toBe(overview);
  });
});
