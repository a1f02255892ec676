/**
 * The LinkedIn frames our content script runs in, learnt from the messages they send. The
 * background holds no host permission on linkedin.com, so it cannot ask the browser which tabs
 * show LinkedIn (tabs.query by URL needs one); a frame that has talked to us is one we can reach.
 *
 * Kept in session storage so that a restarted worker still reaches tabs that have not talked
 * since; the browser clears it when it closes, when tab ids stop meaning anything.
 */
import { z } from 'zod';

export interface FrameAddress {
  tabId: number;
  frameId: number;
}

/** The part of `browser.storage.session` the registry uses. */
export interface SessionArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

export interface FrameSnapshot {
  frames: FrameAddress[];
  /** When the snapshot was taken; see `forgetUnlessHeardSince`. */
  asOf: number;
}

export interface LinkedInFrameRegistry {
  /** The frame sent us a message the door accepted: broadcasts reach it from now on. */
  remember(frame: FrameAddress): void;
  /** The frames to broadcast to. */
  snapshot(): Promise<FrameSnapshot>;
  /**
   * A send to the frame failed (its page left LinkedIn, or was closed). Kept if it talked to us
   * after `asOf`: then a new LinkedIn page in the same frame is listening.
   */
  forgetUnlessHeardSince(frame: FrameAddress, asOf: number): void;
  forgetTab(tabId: number): void;
}

const STORAGE_KEY = 'fanout.linkedinFrames';

// Only the extension's trusted contexts can write session storage; checked all the same.
const storedFramesSchema = z.array(
  z.tuple([z.number().int().nonnegative(), z.number().int().nonnegative()]),
);

const keyOf = ({ tabId, frameId }: FrameAddress) => `${tabId}:${frameId}`;

export function createLinkedInFrameRegistry(area: SessionArea): LinkedInFrameRegistry {
  /** Frame key → its address and a tick of when it last talked to this worker (0: before). */
  let framesPromise: Promise<Map<string, { frame: FrameAddress; heardAt: number }>> | undefined;
  let tick = 0;
  let writes = Promise.resolve();

  function frames() {
    framesPromise ??= area
      .get(STORAGE_KEY)
      .then((stored) => storedFramesSchema.parse(stored[STORAGE_KEY] ?? []))
      .catch(() => [])
      .then(
        (pairs) =>
          new Map(
            pairs.map(([tabId, frameId]) => {
              const frame = { tabId, frameId };
              return [keyOf(frame), { frame, heardAt: 0 }];
            }),
          ),
      );
    return framesPromise;
  }

  /** Writes the current set, one write at a time, so the last write holds the latest set. */
  function persist(known: Map<string, { frame: FrameAddress }>): void {
    writes = writes
      .then(() =>
        area.set({
          [STORAGE_KEY]: [...known.values()].map(({ frame }) => [frame.tabId, frame.frameId]),
        }),
      )
      // Not stored means a restarted worker misses this frame until it talks again; no more.
      .catch(() => undefined);
  }

  return {
    remember(frame) {
      const heardAt = ++tick;
      void frames().then((known) => {
        const key = keyOf(frame);
        const isNew = !known.has(key);
        known.set(key, { frame, heardAt });
        if (isNew) persist(known);
      });
    },

    async snapshot() {
      const known = await frames();
      return { frames: [...known.values()].map(({ frame }) => frame), asOf: tick };
    },

    forgetUnlessHeardSince(frame, asOf) {
      void frames().then((known) => {
        const entry = known.get(keyOf(frame));
        if (!entry || entry.heardAt > asOf) return;
        known.delete(keyOf(frame));
        persist(known);
      });
    },

    forgetTab(tabId) {
      void frames().then((known) => {
        const before = known.size;
        for (const [key, { frame }] of known) if (frame.tabId === tabId) known.delete(key);
        if (known.size !== before) persist(known);
      });
    },
  };
}
