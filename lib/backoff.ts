/** Retry delays, shared by the realtime socket and the reaction outbox: capped exponential backoff. */

export interface BackoffOptions {
  initialMs: number;
  maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { initialMs: 1000, maxMs: 60_000 };

/** The longest wait for a 0-based attempt: initialMs doubled per attempt, never above maxMs. */
export function backoffCeiling(attempt: number, options: BackoffOptions): number {
  // Math.min copes with 2 ** attempt overflowing to Infinity after many attempts.
  return Math.min(options.maxMs, options.initialMs * 2 ** Math.max(0, attempt));
}

/**
 * Full jitter: anywhere between 0 and the ceiling, so that many clients dropped at once (a
 * server restart) do not all come back in the same instant.
 */
export function backoffDelay(
  attempt: number,
  options: BackoffOptions,
  random: () => number = Math.random,
): number {
  return Math.floor(random() * backoffCeiling(attempt, options));
}

/**
 * Equal jitter: between half the ceiling and the ceiling. For retrying one request, where an
 * immediate resend (full jitter's 0 ms) would only meet the same failure again.
 */
export function backoffDelayEqualJitter(
  attempt: number,
  options: BackoffOptions,
  random: () => number = Math.random,
): number {
  const ceiling = backoffCeiling(attempt, options);
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
