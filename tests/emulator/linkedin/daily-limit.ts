import type { LinkedInDailyLimit } from '../types';

const DAY_MS = 24 * 60 * 60 * 1000;

export type DailyDecision = { allowed: true } | { allowed: false; retryAfterSeconds?: number };

/**
 * LinkedIn's limits are per member and per day, reset at midnight UTC, with numbers it does not
 * publish; its 429s rarely say when to come back. Here: a switchable number of REST calls per
 * member and UTC day, and whether a 429 carries Retry-After (seconds to midnight UTC).
 */
export class DailyLimiter {
  private limit: LinkedInDailyLimit;
  private readonly used = new Map<string, { day: number; calls: number }>();

  constructor(
    private readonly now: () => number,
    private readonly initial: LinkedInDailyLimit,
  ) {
    this.limit = { ...initial };
  }

  get settings(): LinkedInDailyLimit {
    return { ...this.limit };
  }

  set(limit: LinkedInDailyLimit): void {
    this.limit = { ...limit };
  }

  /** Counts one call of this member unless the day's calls are spent; refused calls don't count. */
  consume(sub: string): DailyDecision {
    const now = this.now();
    const day = Math.floor(now / DAY_MS);
    let entry = this.used.get(sub);
    if (!entry || entry.day !== day) {
      entry = { day, calls: 0 };
      this.used.set(sub, entry);
    }
    if (this.limit.perDay === null || entry.calls < this.limit.perDay) {
      entry.calls += 1;
      return { allowed: true };
    }
    if (!this.limit.retryAfter) return { allowed: false };
    return { allowed: false, retryAfterSeconds: Math.ceil(((day + 1) * DAY_MS - now) / 1000) };
  }

  reset(): void {
    this.used.clear();
    this.limit = { ...this.initial };
  }
}
