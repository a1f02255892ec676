/**
 * Issue 6, section 1: the engine's defects, each as the issue describes it, checked on what can
 * be observed (requests sent, the service's final state, views, history lines, the outbox). Each
 * of these failed on the engine before the rewrite (5794513).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { REQUEST_TIMEOUT_MS } from '@/lib/engine/types';
import type { TargetRef } from '@/lib/reactions/types';
import {
  createTestBackend,
  type EngineRun,
  MemoryEngineStorage,
  settle,
  startEngine,
  TEST_IDENTITY,
  type TestBackend,
} from '@/tests/support/engine-doubles';
import { THREADS } from '../fixtures/expected';

const T0 = 1_767_225_600_000;
const MESSAGE_URN =
  'urn:li:msg_message:(urn:li:fsd_profile:ACoAABk3Rx0BcWq7nVdL2fP9sHt4uYe6aZm1oQ8,2-MTc5NDk5MzI1NDY3MDMyNzUzMy0wMDEmZGEwNTA1YzItYjc3Yy00YmJjLTkzMWItMWMwYzEwZDZiYzg3XzEwMA==)';
const TARGET: Extract<TargetRef, { kind: 'message' }> = {
  kind: 'message',
  urn: MESSAGE_URN,
  conversationUrn: THREADS.t0.conversationUrn,
};
const LIKE = '👍';
const PARTY = '🎉';
const EMPTY = { urn: MESSAGE_URN, active: [], pending: [] };

const runs: EngineRun[] = [];

function setup(options: { storage?: MemoryEngineStorage; backend?: TestBackend } = {}) {
  const storage = options.storage ?? new MemoryEngineStorage();
  const backend = options.backend ?? createTestBackend({ log: storage.log });
  const run = startEngine({ storage, backends: [backend] });
  runs.push(run);
  return {
    ...run,
    storage,
    backend,
    react: (react: boolean, value = LIKE) => run.engine.react({ target: TARGET, value, react }),
    remoteLines: () => storage.history.filter((line) => line.source === 'remote'),
    /** The socket delivers these events (a replay after it reconnects). */
    async deliver(events = backend.events): Promise<void> {
      for (const event of events) await run.engine.applyRemote(event);
      await settle();
    },
  };
}

beforeEach(() => {
  vi.useFakeTimers({ now: T0 });
});

afterEach(() => {
  for (const run of runs.splice(0)) run.kill();
  vi.useRealTimers();
});

describe('defect 1: a late echo never undoes a newer click', () => {
  it('applied twice (answer lost, retried), then removed: the replay on, on, off ends off', async () => {
    const t = setup();
    await t.react(true);
    await settle();
    await vi.advanceTimersByTimeAsync(100);
    t.backend.last().applyAndLose(); // applied; the answer and the socket drop in one outage
    await settle();
    await vi.advanceTimersByTimeAsync(750); // the backoff retry
    expect(t.backend.calls).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(50);
    t.backend.last().succeed(); // applied again
    await settle();
    await vi.advanceTimersByTimeAsync(1000);
    await t.react(false);
    await settle();
    await vi.advanceTimersByTimeAsync(50);
    t.backend.last().succeed();
    await settle();
    expect(t.backend.stateOf(TARGET, LIKE)).toBeNull();

    // The socket comes back and replays on, on, off.
    expect(t.backend.events.map((event) => event.state)).toEqual([LIKE, LIKE, null]);
    await t.deliver();

    expect(await t.view(MESSAGE_URN)).toEqual(EMPTY);
    expect(t.lastView(MESSAGE_URN)).toEqual(EMPTY);
    expect(t.remoteLines()).toEqual([]);
    expect(t.backend.calls.map((call) => call.request.state)).toEqual([LIKE, LIKE, null]);
    expect(t.storage.intents.size).toBe(0);
  });

  it('an early echo of a request whose answer was lost does not swallow the retry’s echo', async () => {
    const t = setup();
    await t.react(true);
    await settle();
    await vi.advanceTimersByTimeAsync(100);
    t.backend.last().applyAndLose();
    // Its echo arrives before the engine hears that the answer was lost.
    await t.deliver(t.backend.events.slice(0, 1));
    await vi.advanceTimersByTimeAsync(750);
    await vi.advanceTimersByTimeAsync(50);
    t.backend.last().succeed();
    await settle();
    await vi.advanceTimersByTimeAsync(1000);
    await t.react(false);
    await settle();
    t.backend.last().succeed();
    await settle();

    // The retry's echo and the removal's echo arrive late.
    await t.deliver(t.backend.events.slice(1));

    expect(t.backend.stateOf(TARGET, LIKE)).toBeNull();
    expect(await t.view(MESSAGE_URN)).toEqual(EMPTY);
    expect(t.remoteLines()).toEqual([]);
    expect(t.storage.intents.size).toBe(0);
  });

  it('a request the browser applied twice (one answer, two echoes) is ours both times', async () => {
    const t = setup();
    await t.react(true);
    await settle();
    await vi.advanceTimersByTimeAsync(20);
    t.backend.last().apply(); // the browser resent the POST after a reused connection dropped
    await vi.advanceTimersByTimeAsync(20);
    t.backend.last().succeed();
    await settle();
    await vi.advanceTimersByTimeAsync(1000);
    await t.react(false);
    await settle();
    t.backend.last().succeed();
    await settle();

    await t.deliver();
    expect(t.backend.events.map((event) => event.state)).toEqual([LIKE, LIKE, null]);
    expect(await t.view(MESSAGE_URN)).toEqual(EMPTY);
    expect(t.remoteLines()).toEqual([]);
    expect(t.backend.calls).toHaveLength(2);
  });
});

describe('defect 2: a replayed older remote event never deletes a newer queued click', () => {
  it('another device adds then removes 👍 while the socket is down; our 429-queued 👍 is still sent', async () => {
    const t = setup();
    t.backend.changeElsewhere({ target: TARGET, facet: LIKE, state: LIKE, at: T0 - 60_000 });
    t.backend.changeElsewhere({ target: TARGET, facet: LIKE, state: null, at: T0 - 30_000 });
    await t.engine.react({ target: TARGET, value: LIKE, react: true }, { tabId: 1 });
    await settle();
    t.backend.last().fail({ kind: 'rate-limited', retryAt: T0 + 60_000, detail: '429' });
    await settle();

    // The socket reconnects and replays the older events.
    await t.deliver(t.backend.events.slice(0, 2));

    expect(await t.view(MESSAGE_URN)).toEqual({
      urn: MESSAGE_URN,
      active: [LIKE],
      pending: [LIKE],
    });
    await vi.advanceTimersByTimeAsync(60_000);
    await settle();
    expect(t.backend.calls.map((call) => call.request.state)).toEqual([LIKE, LIKE]);
    t.backend.last().succeed();
    await settle();

    expect(t.backend.stateOf(TARGET, LIKE)).toBe(LIKE);
    expect(await t.view(MESSAGE_URN)).toEqual({ urn: MESSAGE_URN, active: [LIKE], pending: [] });
    expect(t.storage.intents.size).toBe(0);
    // The click was never given up, so nothing says it was.
    expect(t.notices.map(({ notice }) => [notice.code, notice.rolledBack])).toEqual([
      ['rate-limited', false],
    ]);
    // The other device's two changes happened: two remote lines, then ours.
    expect(t.storage.history.map((line) => [line.source, line.react])).toEqual([
      ['remote', true],
      ['remote', false],
      ['own', true],
    ]);
  });
});

describe('defect 3: a request never leaves before its click is durable', () => {
  it('on, off, on while the first write is slow: nothing is sent while the third write is pending', async () => {
    const t = setup();
    const first = t.storage.hold();
    const clicks = [t.react(true), t.react(false), t.react(true)];
    await settle();
    expect(first.caught).toBe(true);
    expect(t.backend.calls).toHaveLength(0);

    // The third click's write is held once the first lands.
    const third = t.storage.hold(
      (change) => change.putIntents?.some((intent) => intent.desired === LIKE) ?? false,
    );
    first.release();
    await settle();
    expect(third.caught).toBe(true);
    expect(t.backend.calls.map((call) => call.request.state)).toEqual([]);

    third.release();
    await Promise.all(clicks);
    await settle();
    expect(t.backend.calls.map((call) => call.request.state)).toEqual([LIKE]);
    // What was sent had landed before it left.
    const sent = t.storage.log.indexOf(`send ${LIKE}=${LIKE}`);
    const stored = t.storage.log.findIndex((line) => line.includes(`intent ${LIKE}=${LIKE}`));
    expect(stored).toBeGreaterThanOrEqual(0);
    expect(stored).toBeLessThan(sent);
  });
});

describe('defect 6: the in-memory cache stays bounded in a long session', () => {
  it('after reacting and receiving events on 20,000 targets, the engine keeps at most 2,000 in memory', async () => {
    const t = setup({ backend: createTestBackend({ auto: true }) });
    const targetOf = (index: number): TargetRef => ({
      ...TARGET,
      urn: MESSAGE_URN.replace('XzEwMA==', `${index}`),
    });
    for (let index = 0; index < 10_000; index += 1) {
      await t.engine.applyRemote({
        service: 'connectsafely',
        actor: TEST_IDENTITY.actor,
        target: targetOf(index),
        facet: LIKE,
        state: LIKE,
        at: T0 - 20_000 + index,
      });
    }
    for (let index = 10_000; index < 20_000; index += 1) {
      await t.engine.react({ target: targetOf(index), value: LIKE, react: true });
      if (index % 500 === 0) await settle();
    }
    await settle();
    expect(t.backend.calls).toHaveLength(10_000);
    expect(t.storage.intents.size).toBe(0);

    expect(t.engine.inspect().cachedTargets).toBeLessThanOrEqual(2000);
    // The oldest target was dropped: asking for it reads storage again, and it is still right.
    const readsBefore = t.storage.reads.confirmedFor;
    expect(await t.view(targetOf(0).urn)).toEqual({
      urn: targetOf(0).urn,
      active: [LIKE],
      pending: [],
    });
    expect(t.storage.reads.confirmedFor).toBe(readsBefore + 1);
  }, 60_000);
});

describe('defect 7: a key-wide 429 hold survives a restart', () => {
  it('after a restart, a click on another emoji waits for the stored hold', async () => {
    const storage = new MemoryEngineStorage();
    const backend = createTestBackend({ log: storage.log });
    const first = setup({ storage, backend });
    await first.react(true, LIKE);
    await settle();
    first.backend.last().fail({ kind: 'rate-limited', retryAt: T0 + 120_000, detail: '429' });
    await settle();
    expect([...storage.holds.values()]).toEqual([
      { credentialId: TEST_IDENTITY.credentialId, until: T0 + 120_000 },
    ]);
    first.kill(); // the browser restarts

    const second = setup({ storage, backend });
    await second.engine.wake();
    await second.react(true, PARTY);
    await settle();
    expect(backend.calls.map((call) => call.request.facet)).toEqual([LIKE]);
    await vi.advanceTimersByTimeAsync(120_000 - 1);
    expect(backend.calls.map((call) => call.request.facet)).toEqual([LIKE]);
    await vi.advanceTimersByTimeAsync(1);
    await settle();
    expect(backend.calls.map((call) => call.request.facet).sort()).toEqual(
      [LIKE, LIKE, PARTY].sort(),
    );
  });
});

describe('defect 8: confirming, the outbox and the history line land together', () => {
  it.each(['killed before the landing commit lands', 'killed right after it lands'])(
    '%s: all of it or none of it is stored, one history line, no needless resend',
    async (when) => {
      const storage = new MemoryEngineStorage();
      const backend = createTestBackend({ log: storage.log });
      const first = setup({ storage, backend });
      await first.react(true);
      await settle();
      const landing = storage.hold();
      backend.last().succeed();
      await settle();
      // One transaction: the slot, the outbox and the history line.
      expect(landing.change).toMatchObject({
        putConfirmed: [expect.objectContaining({ facet: LIKE, state: LIKE })],
        deleteIntents: [expect.stringContaining(LIKE)],
        history: [expect.objectContaining({ source: 'own', outcome: 'applied' })],
      });
      if (when === 'killed right after it lands') {
        landing.release();
        await settle();
      }
      first.kill();

      const stored = {
        confirmed: storage.slot('connectsafely', TEST_IDENTITY.actor, MESSAGE_URN, LIKE)?.state,
        queued: storage.intents.size,
        lines: storage.history.length,
      };
      expect([
        { confirmed: LIKE, queued: 0, lines: 1 },
        { confirmed: null, queued: 1, lines: 0 },
      ]).toContainEqual(stored);

      const second = setup({ storage, backend });
      await second.engine.wake();
      // A request out when the worker died is resent once its client would have given up.
      await vi.advanceTimersByTimeAsync(REQUEST_TIMEOUT_MS);
      await settle();
      for (const call of backend.open()) call.succeed();
      await settle();
      expect(storage.history.map((line) => [line.source, line.outcome])).toEqual([
        ['own', 'applied'],
      ]);
      expect(backend.calls).toHaveLength(stored.confirmed === LIKE ? 1 : 2);
      expect(backend.stateOf(TARGET, LIKE)).toBe(LIKE);
      expect(storage.intents.size).toBe(0);
      expect(await second.view(MESSAGE_URN)).toEqual({
        urn: MESSAGE_URN,
        active: [LIKE],
        pending: [],
      });
    },
  );
});

describe('defect 10: a removal is never lost after an unknown outcome', () => {
  it('👍 applied with its answer lost; removed while the retry waits: the removal is sent', async () => {
    const t = setup();
    await t.react(true);
    await settle();
    await vi.advanceTimersByTimeAsync(100);
    t.backend.last().applyAndLose();
    await settle();
    await vi.advanceTimersByTimeAsync(100);
    await t.react(false); // while the retry waits
    await settle();
    await t.engine.retryQueued();
    await vi.advanceTimersByTimeAsync(60_000);
    await settle();

    expect(t.backend.calls.map((call) => call.request.state)).toEqual([LIKE, null]);
    t.backend.last().succeed();
    await settle();
    await t.deliver();
    expect(t.backend.stateOf(TARGET, LIKE)).toBeNull();
    expect(await t.view(MESSAGE_URN)).toEqual(EMPTY);
    expect(t.lastView(MESSAGE_URN)).toEqual(EMPTY);
    expect(t.remoteLines()).toEqual([]);
    expect(t.storage.intents.size).toBe(0);
  });

  it('the same across a restart: the dead worker’s 👍 may have landed, so the removal is sent', async () => {
    const storage = new MemoryEngineStorage();
    const backend = createTestBackend({ log: storage.log });
    const first = setup({ storage, backend });
    await first.react(true);
    await settle();
    await vi.advanceTimersByTimeAsync(10);
    backend.last().apply(); // applied, but the worker dies before the answer
    first.kill();
    await vi.advanceTimersByTimeAsync(10);

    // The removal is what wakes the new worker. It waits until the dead worker's request can
    // no longer be applied (its client's timeout), so that it lands after it.
    const second = setup({ storage, backend });
    await second.react(false);
    await settle();
    expect(backend.calls.map((call) => call.request.state)).toEqual([LIKE]);
    await vi.advanceTimersByTimeAsync(REQUEST_TIMEOUT_MS);
    await settle();
    expect(backend.calls.map((call) => call.request.state)).toEqual([LIKE, null]);
    await vi.advanceTimersByTimeAsync(10);
    backend.last().succeed();
    await settle();
    await second.deliver();

    expect(backend.stateOf(TARGET, LIKE)).toBeNull();
    expect(await second.view(MESSAGE_URN)).toEqual(EMPTY);
    expect(second.remoteLines()).toEqual([]);
    expect(storage.intents.size).toBe(0);
  });
});
