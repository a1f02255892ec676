import type { AccountSeed, EmulatorCredentials, KeySeed, Plan, TokenSeed } from './types';

/** An account with every optional field filled in, and the key it belongs to. */
export interface AccountRecord {
  id: string;
  apiKey: string;
  firstName: string;
  lastName: string;
  publicId: string;
  picture: string | null;
  status: string;
  apiSeatAllocated: boolean;
  enabled: boolean;
  hasTokens: boolean;
  createdAt: string;
}

export interface TokenRecord {
  token: string;
  sub: string;
  actor: string;
  givenName: string;
  familyName: string;
}

const ACCOUNT_ID = /^[0-9a-f]{24}$/;

function toAccountRecord(seed: AccountSeed, apiKey: string): AccountRecord {
  if (!ACCOUNT_ID.test(seed.id)) {
    throw new Error(`Account id ${JSON.stringify(seed.id)} must be 24 lower-case hex characters`);
  }
  return {
    id: seed.id,
    apiKey,
    firstName: seed.firstName,
    lastName: seed.lastName,
    publicId: seed.publicId,
    picture: seed.picture ?? null,
    status: seed.status ?? 'active',
    apiSeatAllocated: seed.apiSeatAllocated ?? true,
    enabled: seed.enabled ?? true,
    hasTokens: seed.hasTokens ?? true,
    createdAt: seed.createdAt ?? '2025-01-01T00:00:00.000Z',
  };
}

/** The keys, accounts and tokens the emulator accepts. Immutable: reset keeps them. */
export class CredentialRegistry {
  private readonly accountsByKey = new Map<string, AccountRecord[]>();
  private readonly plans = new Map<string, Plan>();
  private readonly tokens = new Map<string, TokenRecord>();

  constructor(keys: KeySeed[], tokens: TokenSeed[]) {
    if (keys.length === 0) throw new Error('At least one ConnectSafely key is needed');
    if (tokens.length === 0) throw new Error('At least one LinkedIn token is needed');
    const accountIds = new Set<string>();
    for (const key of keys) {
      if (this.accountsByKey.has(key.apiKey)) throw new Error(`Duplicate key ${key.apiKey}`);
      const accounts = key.accounts.map((seed) => toAccountRecord(seed, key.apiKey));
      for (const account of accounts) {
        // One account id answers for one key only, so "not this key's account" is well defined.
        if (accountIds.has(account.id)) throw new Error(`Duplicate account id ${account.id}`);
        accountIds.add(account.id);
      }
      this.accountsByKey.set(key.apiKey, accounts);
      this.plans.set(key.apiKey, key.plan ?? 'standard');
    }
    for (const seed of tokens) {
      if (this.tokens.has(seed.token)) throw new Error(`Duplicate token ${seed.token}`);
      this.tokens.set(seed.token, {
        token: seed.token,
        sub: seed.sub,
        actor: `urn:li:person:${seed.sub}`,
        givenName: seed.givenName ?? 'Demo',
        familyName: seed.familyName ?? 'Member',
      });
    }
  }

  hasKey(apiKey: string): boolean {
    return this.accountsByKey.has(apiKey);
  }

  accountsOf(apiKey: string): AccountRecord[] {
    return this.accountsByKey.get(apiKey) ?? [];
  }

  /** The account if it exists and belongs to this key. */
  findAccount(apiKey: string, accountId: string): AccountRecord | undefined {
    return this.accountsOf(apiKey).find((account) => account.id === accountId);
  }

  /** Any key's account, for the control interface. */
  anyAccount(accountId: string): AccountRecord | undefined {
    for (const accounts of this.accountsByKey.values()) {
      const found = accounts.find((account) => account.id === accountId);
      if (found) return found;
    }
    return undefined;
  }

  planOf(apiKey: string): Plan {
    return this.plans.get(apiKey) ?? 'standard';
  }

  tokenRecord(token: string): TokenRecord | undefined {
    return this.tokens.get(token);
  }

  /** The first key, its first account and the first token: what a caller is told to use. */
  primaryCredentials(): EmulatorCredentials {
    const [apiKey, accounts] = [...this.accountsByKey.entries()][0] ?? ['', []];
    const token = [...this.tokens.values()][0];
    return {
      connectSafelyKey: apiKey,
      accountId: accounts[0]?.id ?? '',
      linkedinToken: token?.token ?? '',
      actor: token?.actor ?? '',
    };
  }
}
