import { describe, expect, it, vi } from 'vitest';
import { createLinkedInFrameRegistry, type SessionArea } from '@/lib/background/linkedin-frames';

/** An in-memory session storage area; `stored` is what a restarted worker would read. */
function memoryArea(initial: Record<string, unknown> = {}) {
  const stored: Record<string, unknown> = { ...initial };
  const area: SessionArea = {
    get: async (key) => (key in stored ? { [key]: structuredClone(stored[key]) } : {}),
    set: async (items) => {
      Object.assign(stored, structuredClone(items));
    },
  };
  return { area, stored };
}

async function framesOf(registry: ReturnType<typeof createLinkedInFrameRegistry>) {
  return (await registry.snapshot()).frames;
}

describe('the LinkedIn frame registry', () => {
  it('lists each frame that talked once, in every tab', async () => {
    const registry = createLinkedInFrameRegistry(memoryArea().area);
    registry.remember({ tabId: 1, frameId: 0 });
    registry.remember({ tabId: 1, frameId: 7 });
    registry.remember({ tabId: 2, frameId: 0 });
    registry.remember({ tabId: 1, frameId: 0 });
    expect(await framesOf(registry)).toEqual([
      { tabId: 1, frameId: 0 },
      { tabId: 1, frameId: 7 },
      { tabId: 2, frameId: 0 },
    ]);
  });

  it('is known to a restarted worker', async () => {
    const { area, stored } = memoryArea();
    const before = createLinkedInFrameRegistry(area);
    before.remember({ tabId: 1, frameId: 0 });
    before.remember({ tabId: 2, frameId: 3 });
    await vi.waitFor(() =>
      expect(Object.values(stored)).toEqual([
        [
          [1, 0],
          [2, 3],
        ],
      ]),
    );

    const after = createLinkedInFrameRegistry(area);
    expect(await framesOf(after)).toEqual([
      { tabId: 1, frameId: 0 },
      { tabId: 2, frameId: 3 },
    ]);
    // What it learns next joins what it read.
    after.remember({ tabId: 4, frameId: 0 });
    expect(await framesOf(after)).toHaveLength(3);
  });

  it('forgets a closed tab, also for the next worker', async () => {
    const { area, stored } = memoryArea();
    const registry = createLinkedInFrameRegistry(area);
    registry.remember({ tabId: 1, frameId: 0 });
    registry.remember({ tabId: 1, frameId: 7 });
    registry.remember({ tabId: 2, frameId: 0 });
    registry.forgetTab(1);
    expect(await framesOf(registry)).toEqual([{ tabId: 2, frameId: 0 }]);
    await vi.waitFor(() => expect(Object.values(stored)).toEqual([[[2, 0]]]));
  });

  it('forgets a frame a send failed to, unless it talked again after the snapshot', async () => {
    const registry = createLinkedInFrameRegistry(memoryArea().area);
    registry.remember({ tabId: 1, frameId: 0 });
    registry.remember({ tabId: 2, frameId: 0 });
    const { asOf } = await registry.snapshot();
    // Tab 2 loaded a new LinkedIn page while the send to its old one was failing.
    registry.remember({ tabId: 2, frameId: 0 });
    registry.forgetUnlessHeardSince({ tabId: 1, frameId: 0 }, asOf);
    registry.forgetUnlessHeardSince({ tabId: 2, frameId: 0 }, asOf);
    expect(await framesOf(registry)).toEqual([{ tabId: 2, frameId: 0 }]);
  });

  it('writes one set at a time, so the last write holds the latest set', async () => {
    const stored: Record<string, unknown> = {};
    const pending: Array<() => void> = [];
    const slowArea: SessionArea = {
      get: async () => ({}),
      set: (items) =>
        new Promise((resolve) =>
          pending.push(() => {
            Object.assign(stored, items);
            resolve();
          }),
        ),
    };
    const registry = createLinkedInFrameRegistry(slowArea);
    registry.remember({ tabId: 1, frameId: 0 });
    registry.remember({ tabId: 2, frameId: 0 });
    registry.forgetTab(1);
    const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
    await settle();
    while (pending.length > 0) {
      expect(pending).toHaveLength(1);
      pending.shift()?.();
      await settle();
    }
    expect(Object.values(stored)).toEqual([[[2, 0]]]);
  });

  it('starts empty when the stored value is not a list of frames', async () => {
    const registry = createLinkedInFrameRegistry(
      memoryArea({ 'fanout.linkedinFrames': [['1', 0], { tabId: 1 }] }).area,
    );
    expect(await framesOf(registry)).toEqual([]);
    registry.remember({ tabId: 5, frameId: 0 });
    expect(await framesOf(registry)).toEqual([{ tabId: 5, frameId: 0 }]);
  });
});
