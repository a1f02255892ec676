import type {
  AccountSeed,
  EmulatorCredentials,
  KeySeed,
  OAuthClientSeed,
  OrganizationSeed,
  Plan,
  TokenSeed,
} from './types';

/** What a seeded token may do unless its seed says otherwise: react as the member and as pages. */
export const DEFAULT_TOKEN_SCOPES = [
  'openid',
  'profile',
  'email',
  'w_member_social',
  'w_organization_social',
  'rw_organization_admin',
];

/** The scopes a seeded app's products allow unless its seed says otherwise. */
export const OAUTH_CLIENT_SCOPES = [...DEFAULT_TOKEN_SCOPES, 'r_organization_admin'];

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
  scopes: string[];
  /** Epoch ms, or null for never. */
  expiresAt: number | null;
}

/** A member who can sign in on the consent page: one per distinct token sub. */
export interface MemberRecord {
  sub: string;
  actor: string;
  givenName: string;
  familyName: string;
}

export interface OAuthClientRecord {
  clientId: string;
  clientSecret: string;
  name: string;
  /** null: any https:// or loopback http:// URL. */
  redirectUris: string[] | null;
  scopes: string[];
}

export interface OrganizationRecord {
  id: string;
  urn: string;
  localizedName: string;
  vanityName: string;
  roles: Array<{ sub: string; role: OrganizationSeed['roles'][number]['role']; state: string }>;
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

/**
 * The keys, accounts, seeded tokens, LinkedIn apps and pages the emulator starts with.
 * Immutable: reset keeps them (tokens issued by sign-in live in LinkedInAuth).
 */
export class CredentialRegistry {
  private readonly accountsByKey = new Map<string, AccountRecord[]>();
  private readonly plans = new Map<string, Plan>();
  private readonly tokens = new Map<string, TokenRecord>();
  private readonly members = new Map<string, MemberRecord>();
  private readonly clients = new Map<string, OAuthClientRecord>();
  private readonly organizations = new Map<string, OrganizationRecord>();

  constructor(
    keys: KeySeed[],
    tokens: TokenSeed[],
    clients: OAuthClientSeed[] = [],
    organizations: OrganizationSeed[] = [],
    startedAt = Date.now(),
  ) {
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
      const record: TokenRecord = {
        token: seed.token,
        sub: seed.sub,
        actor: `urn:li:person:${seed.sub}`,
        givenName: seed.givenName ?? 'Demo',
        familyName: seed.familyName ?? 'Member',
        scopes: [...(seed.scopes ?? DEFAULT_TOKEN_SCOPES)],
        expiresAt:
          seed.expiresInSeconds === undefined ? null : startedAt + seed.expiresInSeconds * 1000,
      };
      this.tokens.set(seed.token, record);
      if (!this.members.has(seed.sub)) {
        const { sub, actor, givenName, familyName } = record;
        this.members.set(seed.sub, { sub, actor, givenName, familyName });
      }
    }
    for (const seed of clients) {
      if (this.clients.has(seed.clientId)) throw new Error(`Duplicate client ${seed.clientId}`);
      this.clients.set(seed.clientId, {
        clientId: seed.clientId,
        clientSecret: seed.clientSecret,
        name: seed.name ?? 'Reactbar Demo App',
        redirectUris: seed.redirectUris ?? null,
        scopes: [...(seed.scopes ?? OAUTH_CLIENT_SCOPES)],
      });
    }
    for (const seed of organizations) {
      if (!/^\d+$/.test(seed.id)) throw new Error(`Organization id ${seed.id} must be digits`);
      if (this.organizations.has(seed.id)) throw new Error(`Duplicate organization ${seed.id}`);
      this.organizations.set(seed.id, {
        id: seed.id,
        urn: `urn:li:organization:${seed.id}`,
        localizedName: seed.localizedName,
        vanityName: seed.vanityName ?? seed.localizedName.toLowerCase().replace(/\W+/g, '-'),
        roles: seed.roles.map((role) => ({ ...role, state: role.state ?? 'APPROVED' })),
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

  /** A seeded token (see LinkedInAuth for tokens issued by sign-in, and their status). */
  tokenRecord(token: string): TokenRecord | undefined {
    return this.tokens.get(token);
  }

  seededTokens(): TokenRecord[] {
    return [...this.tokens.values()];
  }

  member(sub: string): MemberRecord | undefined {
    return this.members.get(sub);
  }

  /** Everyone who can sign in, the primary member first. */
  allMembers(): MemberRecord[] {
    return [...this.members.values()];
  }

  oauthClient(clientId: string): OAuthClientRecord | undefined {
    return this.clients.get(clientId);
  }

  organization(id: string): OrganizationRecord | undefined {
    return this.organizations.get(id);
  }

  allOrganizations(): OrganizationRecord[] {
    return [...this.organizations.values()];
  }

  /** The first key, its first account and the first token: what a caller is told to use. */
  primaryCredentials(): EmulatorCredentials {
    const [apiKey, accounts] = [...this.accountsByKey.entries()][0] ?? ['', []];
    const token = [...this.tokens.values()][0];
    const client = [...this.clients.values()][0];
    return {
      connectSafelyKey: apiKey,
      accountId: accounts[0]?.id ?? '',
      linkedinToken: token?.token ?? '',
      actor: token?.actor ?? '',
      linkedinClientId: client?.clientId ?? '',
      linkedinClientSecret: client?.clientSecret ?? '',
    };
  }
}
