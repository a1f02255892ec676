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
  /** How long a socket may stay unauthenticated before it is closed (4408). Default 10 000. */
  socketAuthTimeoutMs?: number;
  /** Clock in epoch ms, replaceable so tests can move time (rate-limit windows). */
  now?: () => number;
}

export interface EmulatorUrls {
  connectSafelyUrl: string;
  socketUrl: string;
  linkedinUrl: string;
  controlUrl: string;
}

export interface EmulatorCredentials {
  connectSafelyKey: string;
  accountId: string;
  linkedinToken: string;
  actor: string;
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
  failures: Partial<Record<RouteId, FailureSpec[]>>;
  socketMode: SocketMode;
  readsForbidden: boolean;
  /** The override in force for every key (null: plan defaults). */
  rateLimitPerHour: number | null;
  openSockets: number;
  credentials: EmulatorCredentials;
}
