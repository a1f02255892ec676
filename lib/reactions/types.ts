/**
 * What every context agrees on about reactions. Type-only, so the content script pays nothing.
 * A "value" is an emoji for messages and a reaction type (LIKE, PRAISE, …) for posts/comments.
 */

export type TargetRef =
  | { kind: 'message'; urn: string; conversationUrn: string }
  | { kind: 'post' | 'comment'; urn: string };

/** The user's own reactions on one target, as the UI should show them. */
export interface TargetView {
  urn: string;
  /** Values the user has on the target once the queued requests land (optimistic). */
  active: string[];
  /** Values with a request queued or in flight. */
  pending: string[];
}

export type NoticeCode =
  | 'no-key' // no ConnectSafely key stored yet
  | 'no-account' // keys stored, but no account chosen
  | 'unauthorized' // the key was refused (401)
  | 'account-not-found' // 404
  | 'rejected' // 400: the service refused this reaction
  | 'rate-limited' // 429: queued until retryAt
  | 'offline' // network down: queued, sent when back
  | 'server-error' // 5xx after every retry
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
  kind: TargetRef['kind'];
  urn: string;
  conversationUrn?: string;
  value: string;
  react: boolean;
  accountId: string;
  /** own: clicked here; remote: arrived over the realtime socket. */
  source: 'own' | 'remote';
  outcome: 'applied' | 'failed' | 'queued';
  error?: string;
  /** Where the target can be opened on LinkedIn. */
  link: string;
}
