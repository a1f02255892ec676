/**
 * What every context agrees on about reactions. Type-only, so the content script pays nothing.
 * A "value" is an emoji for messages and a reaction type (LIKE, PRAISE, …) for posts/comments.
 */

export type TargetKind = 'message' | 'post' | 'comment';

export type TargetRef =
  | { kind: 'message'; urn: string; conversationUrn: string }
  | { kind: 'post' | 'comment'; urn: string };

/** The services Reactbar reacts through; each kind of target belongs to one (see lib/kinds). */
export type ServiceName = 'connectsafely' | 'linkedin';

/**
 * How a service holds a member's reactions on one target. many: a set of values, each on or
 * off by itself (message emoji). one: at most one value, or none (LinkedIn's reaction types).
 */
export type ValueModel = 'many' | 'one';

/** The user's own reactions on one target, as the UI should show them. */
export interface TargetView {
  urn: string;
  /** Values the user has on the target once the queued requests land (optimistic). */
  active: string[];
  /** Values with a request queued or in flight. */
  pending: string[];
}

/** Why a reaction did not go through (or not yet). Services map their errors to these. */
export type FailureKind =
  | 'credential-refused' // the key or token was refused (expired, revoked, wrong)
  | 'permission-missing' // the credential lacks a permission this reaction needs
  | 'target-gone' // the message, post or comment no longer exists
  | 'account-not-found' // the account or actor to react as is unknown to the service
  | 'rate-limited' // the service limits requests: queued until retryAt
  | 'invalid-request' // the service refused this reaction as invalid
  | 'server-error' // the service failed (5xx, unreadable answer): retried
  | 'offline'; // the service could not be reached: retried

export type NoticeCode =
  | FailureKind
  | 'not-connected' // no key or token for the target's service yet
  | 'no-actor' // a credential, but nobody chosen to react as
  | 'changed-elsewhere' // a newer change made elsewhere replaced this click
  | 'too-fast'; // more clicks from one tab than a person makes

/** Something to tell the user near the bar of one target. */
export interface Notice {
  urn: string;
  code: NoticeCode;
  /** Plain words, ready to show. */
  message: string;
  /** Epoch ms: when a queued reaction will be retried. */
  retryAt?: number;
  /** The fix is in the popup's Accounts tab. */
  fixInAccounts: boolean;
  /** The reaction was rolled back (false: it is still queued). */
  rolledBack: boolean;
}

/** One line of the reaction history. URNs and reactions only: never names or profile data. */
export interface HistoryEntry {
  id?: number;
  at: number;
  service: ServiceName;
  kind: TargetKind;
  urn: string;
  /** A message's conversation, a comment's post. */
  parentUrn?: string;
  value: string;
  react: boolean;
  /** Who reacted: a ConnectSafely account id, or a LinkedIn person or organization URN. */
  actor: string;
  /** own: clicked here; remote: made elsewhere (arrived over the realtime socket). */
  source: 'own' | 'remote';
  outcome: 'applied' | 'failed';
  /** The service's own words, for the history only. */
  error?: string;
  /** Where the target can be opened on LinkedIn. */
  link: string;
  /**
   * A short text of what was reacted to (≤ 80 characters of the message, post or comment body,
   * never the author's name), kept only while the member's snippet option is on.
   */
  snippet?: string;
}
