/**
 * Human pace per tab: a token bucket. A person clicking fast stays well inside it; a script
 * clicking the page's buttons in a loop does not (bursts of automated actions get LinkedIn
 * accounts restricted).
 */
export interface Pacer {
  /** Takes one token for `tabId`; false when the tab is over its budget. */
  allow(tabId: number): boolean;
}

export function createPacer(
  capacity = 30,
  refillPerSecond = 1,
  now: () => number = Date.now,
): Pacer {
  const buckets = new Map<number, { tokens: number; at: number }>();
  return {
    allow(tabId) {
      const time = now();
      const bucket = buckets.get(tabId) ?? { tokens: capacity, at: time };
      const tokens = Math.min(
        capacity,
        bucket.tokens + ((time - bucket.at) / 1000) * refillPerSecond,
      );
      const allowed = tokens >= 1;
      buckets.set(tabId, { tokens: allowed ? tokens - 1 : tokens, at: time });
      return allowed;
    },
  };
}
