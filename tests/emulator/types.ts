/**
 * Public types of the emulator: what `startEmulator` takes and returns, what the control
 * interface answers. Type-only, so the control client can import it without the server.
 */

/** Every route the emulator knows, as used by the control interface and the request log. */
export const ROUTE_IDS = [
  'cs.react',
  'cs.accounts',
  'cs.status',
  'li.create',
  'li.delete',
  'li.get',
  'li.batchGet',
  'li.list',
  'li.userinfo',
  'li.organizationAcls',
  'li.organization',
  'li.authorize',
  'li.consent',
  'li.accessToken',
  'socket',
] as const;

export type RouteId = (typeof ROUTE_IDS)[number];

export type Plan = 'standard' | 'enterprise';

/** A LinkedIn account a ConnectSafely key may act as. Only the first four fields are required. */
export interface AccountSeed {
  /** 24 hex characters, the `accountId` other calls take. */
  id: string;
  firstName: string;
  lastName: string;
  publicId: string;
  picture?: string | null;
  status?: string;
  apiSeatAllocated?: boolean;
  enabled?: boolean;
  hasTokens?: boolean;
  /** ISO 8601. */
  createdAt?: string;
}

export interface KeySeed {
  apiKey: string;
  accounts: AccountSeed[];
  plan?: Plan;
}

/** A LinkedIn access token; the member acting with it is `urn:li:person:<sub>`. */
export interface TokenSeed {
  token: string;
  sub: string;
  givenName?: string;
  familyName?: string;
  /** The scopes it was granted. Default DEFAULT_TOKEN_SCOPES (member and page scopes). */
  scopes?: string[];
  /** Seconds from start-up until it expires (401). Default: never. */
  expiresInSeconds?: number;
}

/** A member's own LinkedIn app, for "Sign in with LinkedIn" (the authorization-code flow). */
export interface OAuthClientSeed {
  clientId: string;
  clientSecret: string;
  /** Shown on the consent page. Default 'Reactbar Demo App'. */
  name?: string;
  /**
   * The redirect URLs registered in the app. Default: any https:// URL or http:// loopback
   * URL (an extension's redirect URL depends on its id, which tests learn late).
   */
  redirectUris?: string[];
  /** The scopes the app's products allow. Default OAUTH_CLIENT_SCOPES. */
  scopes?: string[];
}

/** The company-page roles LinkedIn knows (only the first three may react for a page). */
export const ORGANIZATION_ROLES = [
  'ADMINISTRATOR',
  'DIRECT_SPONSORED_CONTENT_POSTER',
  'RECRUITING_POSTER',
  'ANALYST',
  'CURATOR',
  'CONTENT_ADMINISTRATOR',
  'LEAD_GEN_FORMS_MANAGER',
] as const;
export type OrganizationRoleName = (typeof ORGANIZATION_ROLES)[number];

export const ROLE_STATES = ['APPROVED', 'REQUESTED', 'REJECTED', 'REVOKED'] as const;
export type RoleState = (typeof ROLE_STATES)[number];

/** A company page, and the members' roles on it. */
export interface OrganizationSeed {
  /** Digits: the page is `urn:li:organization:<id>`. */
  id: string;
  localizedName: string;
  vanityName?: string;
  roles: Array<{ sub: string; role: OrganizationRoleName; state?: RoleState }>;
}

/** What a create answers where the actor already reacted (LinkedIn does not document it). */
export type CreateWhenExists = 'upsert' | 'conflict';

export interface LinkedInDailyLimit {
  /** REST calls per member and UTC day; null: no limit. */
  perDay: number | null;
  /** Whether a 429 names the end of the day in Retry-After (LinkedIn's usually do not). */
  retryAfter: boolean;
}

export interface EmulatorOptions {
  /** 0 picks a free port. Default 0. */
  port?: number;
  /** Default '127.0.0.1'. */
  host?: string;
  /** ConnectSafely API keys. Default: the demo keys. */
  keys?: KeySeed[];
  /** LinkedIn access tokens. Default: the demo token. */
  tokens?: TokenSeed[];
  /** Overrides every key's plan limit (1000 standard, 10000 enterprise). */
  rateLimitPerHour?: number;
  /** LinkedIn apps for the OAuth flow. Default: the demo app. */
  oauthClients?: OAuthClientSeed[];
  /** Company pages and roles. Default: the demo pages. */
  organizations?: OrganizationSeed[];
  /** Default 'upsert'. */
  createWhenExists?: CreateWhenExists;
  /** Default: no limit, and Retry-After not sent. */
  linkedinDailyLimit?: Partial<LinkedInDailyLimit>;
  /** How long a socket may stay unauthenticated before it is closed (4408). Default 10 000. */
  socketAuthTimeoutMs?: number;
  /** Clock in epoch ms, replaceable so tests can move time (rate-limit windows). */
  now?: () => number;
}

export interface EmulatorUrls {
  connectSafelyUrl: string;
  socketUrl: string;
  linkedinUrl: string;
  linkedinOAuthUrl: string;
  controlUrl: string;
}

export interface EmulatorCredentials {
  connectSafelyKey: string;
  accountId: string;
  linkedinToken: string;
  actor: string;
  linkedinClientId: string;
  linkedinClientSecret: string;
}

export interface Emulator {
  port: number;
  urls: EmulatorUrls;
  credentials: EmulatorCredentials;
  close(): Promise<void>;
}

export const LINKEDIN_REACTION_TYPES = [
  'LIKE',
  'PRAISE',
  'APPRECIATION',
  'EMPATHY',
  'INTEREST',
  'ENTERTAINMENT',
] as const;

export type LinkedInReactionType = (typeof LINKEDIN_REACTION_TYPES)[number];

export interface AuditStamp {
  actor: string;
  time: number;
}

/** A reaction as LinkedIn's Reactions API returns it. */
export interface LinkedInReaction {
  id: string;
  reactionType: LinkedInReactionType;
  root: string;
  created: AuditStamp;
  lastModified: AuditStamp;
}

/** A realtime event, as sent on the socket. */
export interface ReactionEvent {
  type: 'reaction';
  seq: number;
  id: string;
  accountId: string;
  conversationUrn: string;
  messageUrn: string;
  emoji: string;
  react: boolean;
  at: number;
}

export interface RequestLogEntry {
  /** Increasing number, in arrival order. */
  id: number;
  /** null for preflights and unknown paths. */
  route: RouteId | null;
  method: string;
  /** The raw path as received (not decoded), without the query. */
  path: string;
  /** Decoded query parameters; a repeated name gives an array. */
  query: Record<string, string | string[]>;
  /** The query string as received (not decoded), without '?'; '' when there is none. */
  rawQuery: string;
  /** Lower-case names. */
  headers: Record<string, string>;
  /** Parsed JSON body, the raw text if it was not JSON, or null when empty. */
  body: unknown;
  /** The status answered; 0 when the connection was dropped without an answer. */
  status: number;
  /** Epoch ms of arrival. */
  at: number;
  /** True when a `failNext` fault produced the answer. */
  injected: boolean;
}

export type SocketMode = 'accept' | 'drop' | 'refuse';

export interface FailureSpec {
  status: number;
  remaining: number;
  retryAfterSeconds?: number;
  body?: unknown;
}

export interface ControlState {
  latency: { all: number; routes: Partial<Record<RouteId, number>> };
  /** Requests that arrived and wait out their latency now, by route (not yet answered). */
  held: Partial<Record<RouteId, number>>;
  failures: Partial<Record<RouteId, FailureSpec[]>>;
  socketMode: SocketMode;
  readsForbidden: boolean;
  /** The override in force for every key (null: plan defaults). */
  rateLimitPerHour: number | null;
  openSockets: number;
  credentials: EmulatorCredentials;
  createWhenExists: CreateWhenExists;
  linkedinDailyLimit: LinkedInDailyLimit;
}

/** A token as the control interface describes it. */
export interface TokenInfo {
  token: string;
  sub: string;
  actor: string;
  scopes: string[];
  /** Epoch ms, or null for never. */
  expiresAt: number | null;
  status: TokenStatus;
}

/** active; expired (by time, or switched); revoked (switched). Both of the last answer 401. */
export type TokenStatus = 'active' | 'expired' | 'revoked';
