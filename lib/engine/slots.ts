/**
 * Slots: the unit the engine keeps in step with a service. What the engine knows of each one,
 * and the cache of those records, bounded so a long session does not grow without limit.
 */
import type { ServiceName, TargetRef } from '../reactions/types';
import type { ConfirmedSlot, EngineStorage, SentState, SlotState } from './types';

/** Our own requests may echo this late (a socket down for hours replays on reconnect). */
export const ECHO_WINDOW_MS = 24 * 3600_000;
const MAX_WINDOWS = 200;

export function targetKeyOf(service: ServiceName, actor: string, urn: string): string {
  return `${service}|${actor}|${urn}`;
}

export function slotIdOf(service: ServiceName, actor: string, urn: string, facet: string): string {
  return `${targetKeyOf(service, actor, urn)}|${facet}`;
}

/** A slot never observed: nothing on it, as far as the engine knows. */
export function unknownSlot(
  service: ServiceName,
  actor: string,
  target: TargetRef,
  facet: string,
): ConfirmedSlot {
  return {
    id: slotIdOf(service, actor, target.urn, facet),
    targetKey: targetKeyOf(service, actor, target.urn),
    service,
    actor,
    urn: target.urn,
    facet,
    state: null,
    asOf: 0,
    latest: { state: null, at: 0 },
    own: [],
  };
}

/**
 * Whether an event that set `state` at `at` can be the effect of one of our requests: one that
 * set the same state and was out (sent, outcome not yet known) at that time. Decided by state
 * and time alone, never by counting: a request may be applied more than once.
 */
export function explainedBy(windows: readonly SentState[], state: SlotState, at: number): boolean {
  return windows.some(
    (window) =>
      !window.leaving &&
      window.state === state &&
      window.at <= at &&
      at <= (window.until ?? Infinity),
  );
}

/**
 * Adds request windows, forgetting those no event can still fall into: closed before the last
 * event seen on the slot (the service stamps its events in order), or longer ago than an echo
 * can take. A long outage with the socket down keeps the newest MAX_WINDOWS.
 */
export function withWindows(
  windows: readonly SentState[],
  added: readonly SentState[],
  now: number,
  heardUpTo = 0,
): SentState[] {
  return [...windows, ...added]
    .filter(
      (window) =>
        window.until === undefined ||
        (window.until >= heardUpTo && window.until > now - ECHO_WINDOW_MS),
    )
    .slice(-MAX_WINDOWS);
}

/**
 * Confirmed slots by target, least recently used dropped first: everything here is also in
 * storage (the engine commits each change), so dropping only costs a read later.
 */
export function createSlotCache(storage: EngineStorage, maxTargets: number) {
  const targets = new Map<string, Map<string, ConfirmedSlot>>();

  return {
    /** The known slots of a target, by facet. Call only inside the engine's exclusive section. */
    async slotsOf(targetKey: string): Promise<Map<string, ConfirmedSlot>> {
      const cached = targets.get(targetKey);
      if (cached) {
        targets.delete(targetKey);
        targets.set(targetKey, cached);
        return cached;
      }
      const stored = await storage.confirmedFor(targetKey);
      const slots = new Map(stored.map((slot) => [slot.facet, slot]));
      targets.set(targetKey, slots);
      while (targets.size > maxTargets) {
        const oldest = targets.keys().next().value;
        if (oldest === undefined) break;
        targets.delete(oldest);
      }
      return slots;
    },
    get size(): number {
      return targets.size;
    },
  };
}
