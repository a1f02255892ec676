/** Keys and accounts as the popup sees them: the key itself never leaves the background. */

export interface AccountSummary {
  id: string;
  name: string;
  publicId: string;
  status: string;
  apiSeatAllocated: boolean;
}

export interface RateLimitBudget {
  limit: number;
  remaining: number;
  /** Epoch ms when the budget resets. */
  resetAt: number;
}

export type RealtimeState =
  | { state: 'idle' }
  | { state: 'connecting' }
  | { state: 'connected'; since: number }
  | { state: 'reconnecting'; retryAt: number }
  | { state: 'unauthorized' }
  | { state: 'offline' };

export interface KeySummary {
  id: string;
  label: string;
  /** e.g. "cs_live…a1b2": enough to recognise, never enough to use. */
  maskedKey: string;
  addedAt: number;
  checkedAt: number | null;
  status: 'valid' | 'invalid' | 'unchecked';
  /** Plain words for the last check's failure. */
  error?: string;
  accounts: AccountSummary[];
  rateLimit: RateLimitBudget | null;
  realtime: RealtimeState;
}

export interface DefaultAccount {
  keyId: string;
  accountId: string;
}

export interface AccountsOverview {
  keys: KeySummary[];
  defaultAccount: DefaultAccount | null;
}
