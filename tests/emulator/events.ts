import { randomUUID } from 'node:crypto';
import type { ReactionEvent } from './types';

/** How many events per key are kept for replay. */
export const HELD_EVENTS_PER_KEY = 1000;

export type ReactionEventInput = Omit<ReactionEvent, 'type' | 'seq' | 'id'>;
type Listener = (event: ReactionEvent) => void;

/** Per key: the event sequence, the last events for replay, and the live listeners (sockets). */
export class EventHub {
  private readonly latest = new Map<string, number>();
  private readonly held = new Map<string, ReactionEvent[]>();
  private readonly listeners = new Map<string, Set<Listener>>();

  latestSeq(apiKey: string): number {
    return this.latest.get(apiKey) ?? 0;
  }

  publish(apiKey: string, input: ReactionEventInput): ReactionEvent {
    const seq = this.latestSeq(apiKey) + 1;
    this.latest.set(apiKey, seq);
    const event: ReactionEvent = { type: 'reaction', seq, id: `evt_${randomUUID()}`, ...input };
    const held = this.held.get(apiKey) ?? [];
    held.push(event);
    if (held.length > HELD_EVENTS_PER_KEY) held.shift();
    this.held.set(apiKey, held);
    for (const listener of this.listeners.get(apiKey) ?? []) listener(event);
    return event;
  }

  /** Held events with seq > `seq`, oldest first. */
  eventsAfter(apiKey: string, seq: number): ReactionEvent[] {
    return (this.held.get(apiKey) ?? []).filter((event) => event.seq > seq);
  }

  subscribe(apiKey: string, listener: Listener): () => void {
    const set = this.listeners.get(apiKey) ?? new Set<Listener>();
    set.add(listener);
    this.listeners.set(apiKey, set);
    return () => set.delete(listener);
  }

  /** Forgets events and sequences; listeners stay (their sockets are closed by the caller). */
  reset(): void {
    this.latest.clear();
    this.held.clear();
  }
}
