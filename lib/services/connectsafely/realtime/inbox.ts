/**
 * Where decoded frames are handled, strictly one at a time and in arrival order: deduplication,
 * the caller's handler, then the persisted "seen" set and cursor. The cursor moves only after
 * the handler resolved, so an event is never lost if the worker dies half-way: the server
 * replays it on the next connection and the seen set or cursor catches what was already done.
 */
import type { RealtimeEvent } from './wire';

/** The last seq handled, persisted by the caller so resuming survives the worker being killed. */
export interface RealtimeCursor {
  load(): Promise<number | null>;
  save(seq: number): Promise<void>;
}

/** Recently handled event ids, persisted by the caller. */
export interface SeenEventIds {
  has(id: string): Promise<boolean>;
  add(id: string): Promise<void>;
}

export type RealtimeLog = (message: string, details?: Record<string, unknown>) => void;

export interface InboxOptions {
  cursor: RealtimeCursor;
  seen: SeenEventIds;
  onEvent(event: RealtimeEvent): Promise<void> | void;
  log: RealtimeLog;
  /**
   * Handling failed (handler, cursor or seen store threw); what was queued behind it is dropped.
   * `consecutiveFailures` counts failures since the last event handled successfully.
   */
  onFailure(error: unknown, consecutiveFailures: number): void;
}

export interface Inbox {
  /** Loads the persisted cursor once; later calls answer from memory. */
  load(): Promise<void>;
  /** The last seq handled (null: none yet): where the next connection resumes from. */
  readonly position: number | null;
  acceptReady(latestSeq: number): void;
  acceptEvent(event: RealtimeEvent): void;
  /** Drops what is queued; the item being handled, if any, still completes. */
  discardPending(): void;
  /** Resolves once the queue is empty. */
  idle(): Promise<void>;
}

type Item = { kind: 'ready'; latestSeq: number } | { kind: 'event'; event: RealtimeEvent };

export function createInbox(options: InboxOptions): Inbox {
  const { cursor, seen, onEvent, log } = options;
  // undefined: not loaded yet; null: nothing handled ever.
  let position: number | null | undefined;
  let loading: Promise<void> | undefined;
  // A promise chain is the queue: each item starts when the previous one settled.
  let chain: Promise<void> = Promise.resolve();
  // Bumped to drop queued items: an item only runs if the epoch is still the one it was queued in.
  let epoch = 0;
  let consecutiveFailures = 0;

  async function advanceTo(seq: number): Promise<void> {
    position = seq;
    await cursor.save(seq);
  }

  async function handleReady(latestSeq: number): Promise<void> {
    if (position === null || position === undefined) {
      // First connection ever: start from now, so events made while the worker was dead
      // before the next connection are replayed rather than missed.
      await advanceTo(latestSeq);
    } else if (latestSeq < position) {
      // The server's sequence restarted (e.g. close 1012): follow it, ids still deduplicate.
      log('The server sequence restarted; following it', { from: position, to: latestSeq });
      await advanceTo(latestSeq);
    }
  }

  async function handleEvent(event: RealtimeEvent): Promise<void> {
    if (position !== null && position !== undefined && event.seq <= position) {
      log('Skipped an event at or before the cursor', { seq: event.seq, cursor: position });
      return;
    }
    if (await seen.has(event.id)) {
      log('Skipped an event already seen', { seq: event.seq });
      await advanceTo(event.seq);
      return;
    }
    if (position !== null && position !== undefined && event.seq > position + 1) {
      log('Sequence gap before an event', { seq: event.seq, cursor: position });
    }
    await onEvent(event);
    await seen.add(event.id);
    await advanceTo(event.seq);
    consecutiveFailures = 0;
  }

  async function run(item: Item, itemEpoch: number): Promise<void> {
    if (itemEpoch !== epoch) return;
    try {
      if (item.kind === 'ready') await handleReady(item.latestSeq);
      else await handleEvent(item.event);
    } catch (error) {
      if (itemEpoch !== epoch) return;
      epoch += 1;
      consecutiveFailures += 1;
      options.onFailure(error, consecutiveFailures);
    }
  }

  function enqueue(item: Item): void {
    const itemEpoch = epoch;
    chain = chain.then(() => run(item, itemEpoch));
  }

  return {
    load() {
      if (position !== undefined) return Promise.resolve();
      loading ??= cursor.load().then(
        (loaded) => {
          // A handler may have moved the position while the load was in flight.
          if (position === undefined) position = loaded;
          loading = undefined;
        },
        (error: unknown) => {
          loading = undefined;
          throw error;
        },
      );
      return loading;
    },
    get position() {
      return position ?? null;
    },
    acceptReady(latestSeq) {
      enqueue({ kind: 'ready', latestSeq });
    },
    acceptEvent(event) {
      enqueue({ kind: 'event', event });
    },
    discardPending() {
      epoch += 1;
    },
    idle() {
      return chain;
    },
  };
}
