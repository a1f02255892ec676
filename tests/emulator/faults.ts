import type { ControlState, FailureSpec, RouteId, SocketMode } from './types';

export interface FailureOptions {
  retryAfterSeconds?: number;
  body?: unknown;
}

/** The faults a test has switched on: latency, queued failures, socket mode, forbidden reads. */
export class FaultBoard {
  private allLatency = 0;
  private readonly routeLatency = new Map<RouteId, number>();
  private readonly failures = new Map<RouteId, FailureSpec[]>();
  /** Requests waiting out their latency now, by route: arrived, not yet answered nor applied. */
  private readonly holding = new Map<RouteId, number>();
  socketMode: SocketMode = 'accept';
  readsForbidden = false;

  /** Counts a request as held while `wait` runs (its latency). */
  async hold(route: RouteId, wait: Promise<void>): Promise<void> {
    this.holding.set(route, (this.holding.get(route) ?? 0) + 1);
    try {
      await wait;
    } finally {
      const left = (this.holding.get(route) ?? 1) - 1;
      if (left > 0) this.holding.set(route, left);
      else this.holding.delete(route);
    }
  }

  /** A route's own latency wins over the all-routes one. */
  latencyFor(route: RouteId): number {
    return this.routeLatency.get(route) ?? this.allLatency;
  }

  setLatency(ms: number, route?: RouteId): void {
    if (route === undefined) this.allLatency = ms;
    else this.routeLatency.set(route, ms);
  }

  /** Queues a failure; several calls queue one after another. */
  failNext(route: RouteId, status: number, count: number, options: FailureOptions = {}): void {
    const queue = this.failures.get(route) ?? [];
    queue.push({ status, remaining: count, ...options });
    this.failures.set(route, queue);
  }

  /** The failure this call must answer with, if any, counting it down. */
  takeFailure(route: RouteId): FailureSpec | undefined {
    const queue = this.failures.get(route);
    const head = queue?.[0];
    if (!queue || !head) return undefined;
    head.remaining -= 1;
    if (head.remaining <= 0) queue.shift();
    if (queue.length === 0) this.failures.delete(route);
    return { ...head };
  }

  snapshot(): Pick<
    ControlState,
    'latency' | 'held' | 'failures' | 'socketMode' | 'readsForbidden'
  > {
    return {
      latency: { all: this.allLatency, routes: Object.fromEntries(this.routeLatency) },
      held: Object.fromEntries(this.holding),
      failures: Object.fromEntries(
        [...this.failures].map(([route, queue]) => [route, queue.map((spec) => ({ ...spec }))]),
      ),
      socketMode: this.socketMode,
      readsForbidden: this.readsForbidden,
    };
  }

  reset(): void {
    this.allLatency = 0;
    this.routeLatency.clear();
    this.failures.clear();
    this.socketMode = 'accept';
    this.readsForbidden = false;
  }
}
