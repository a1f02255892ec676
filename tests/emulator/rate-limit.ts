import type { Plan } from './types';

export const PLAN_LIMITS: Record<Plan, number> = { standard: 1000, enterprise: 10000 };

const WINDOW_MS = 60 * 60 * 1000;

export interface QuotaDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Unix seconds at which the window ends. */
  resetAt: number;
  /** Seconds to wait when refused, at least 1. */
  retryAfterSeconds: number;
}

/**
 * A fixed one-hour window per key, opened by the key's first call. Limits come from, in order:
 * a per-key override, the global override, the key's plan.
 */
export class RateLimiter {
  private readonly windows = new Map<string, { startedAt: number; used: number }>();
  private readonly keyOverrides = new Map<string, number>();
  private globalOverride: number | null;

  constructor(
    private readonly now: () => number,
    private readonly planOf: (apiKey: string) => Plan,
    private readonly initialOverride: number | null,
  ) {
    this.globalOverride = initialOverride;
  }

  limitOf(apiKey: string): number {
    return this.keyOverrides.get(apiKey) ?? this.globalOverride ?? PLAN_LIMITS[this.planOf(apiKey)];
  }

  get override(): number | null {
    return this.globalOverride;
  }

  /** null returns to the plan default (for one key, or for every key). */
  setLimit(perHour: number | null, apiKey?: string): void {
    if (apiKey === undefined) {
      this.globalOverride = perHour;
      this.keyOverrides.clear();
    } else if (perHour === null) {
      this.keyOverrides.delete(apiKey);
    } else {
      this.keyOverrides.set(apiKey, perHour);
    }
  }

  /** Counts one call unless the window is spent; refused calls are not counted. */
  consume(apiKey: string): QuotaDecision {
    const now = this.now();
    let window = this.windows.get(apiKey);
    if (!window || now >= window.startedAt + WINDOW_MS) {
      window = { startedAt: now, used: 0 };
      this.windows.set(apiKey, window);
    }
    const limit = this.limitOf(apiKey);
    const endsAt = window.startedAt + WINDOW_MS;
    const allowed = window.used < limit;
    if (allowed) window.used += 1;
    return {
      allowed,
      limit,
      remaining: Math.max(0, limit - window.used),
      resetAt: Math.ceil(endsAt / 1000),
      retryAfterSeconds: Math.max(1, Math.ceil((endsAt - now) / 1000)),
    };
  }

  /** Back to the start-up configuration, windows forgotten. */
  reset(): void {
    this.windows.clear();
    this.keyOverrides.clear();
    this.globalOverride = this.initialOverride;
  }
}

export function rateLimitHeaders(decision: QuotaDecision): Record<string, string> {
  return {
    'X-RateLimit-Limit': String(decision.limit),
    'X-RateLimit-Remaining': String(decision.remaining),
    'X-RateLimit-Reset': String(decision.resetAt),
  };
}
