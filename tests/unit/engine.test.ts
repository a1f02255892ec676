/**
 * The reaction engine with an in-memory storage, a transport the tests answer by hand, a fixed
 * random and fake timers (Date.now is the engine's clock).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DefaultAccount } from '@/lib/accounts/types';
import type { ConfirmedReactions, OutboxEntry } from '@/lib/db/schema';
import {
  backoffDelay,
  createReactionEngine,
  type EngineStorage,
  linkTo,
  type ReactionEngine,
  type RemoteReaction,
  type Transport,
} from '@/lib/engine/engine';
import type { HistoryEntry, Notice, TargetRef, TargetView } from '@/lib/reactions/types';
import { ApiError, type ApiFailure } from '@/lib/services/connectsafely/client';
import { THREADS } from '../fixtures/expected';
import { FIXTURE_URLS } from '../fixtures/routes';

const T0 = 1_767_225_600_000;
const ACCOUNT: DefaultAccount = { keyId: 'key-1', accountId: '65f1c2a9e4b0d71a3c8e5f20' };
const OTHER_ACCOUNT_ID = '65f1c2a9e4b0d71a3c8e5f21';
const MESSAGE_URN =
  'urn:li:msg_message:(urn:li:fsd_profile:ACoAABk3Rx0BcWq7nVdL2fP9sHt4uYe6aZm1oQ8,2-MTc5NDk5MzI1NDY3MDMyNzUzMy0wMDEmZGEwNTA1YzItYjc3Yy00YmJjLTkzMWItMWMwYzEwZDZiYzg3XzEwMA==)';
const TARGET: Extract<TargetRef, { kind: 'message' }> = {
  kind: 'message',
  urn: MESSAGE_URN,
  conversationUrn: THREADS.t0.conversationUrn,
};
const CONFIRMED_ID = `${ACCOUNT.accountId}|${MESSAGE_URN}`;
const LIKE = '👍';
const LIKE_ID = `${ACCOUNT.accountId}|${MESSAGE_URN}|${LIKE}`;

// ---------------------------------------------------------------------------------------------
// Test doubles

interface Deferred {
  promise: Promise<void>;
  resolve(): void;
}

function deferred(): Deferred {
  let resolve!: () => void;
  const promise = new Promise<void>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

/**
 * Map-based EngineStorage. Writes apply in call order (as IndexedDB transactions do); a test can
 * hold back the acknowledgement of one put or the answer of one read. `events` records when each
 * put is acknowledged, shared with the transport's log.
 */
class MemoryStorage implements EngineStorage {
  readonly outbox = new Map<string, OutboxEntry>();
  readonly confirmed = new Map<string, ConfirmedReactions>();
  readonly history: HistoryEntry[] = [];
  readonly events: string[] = [];
  /** Holds the acknowledgement of puts of this value until released. */
  private heldPuts = new Map<string, Deferred>();
  private heldRead: Deferred | undefined;

  async loadOutbox(): Promise<OutboxEntry[]> {
    return [...this.outbox.values()].map((entry) => structuredClone(entry));
  }

  async putOutbox(entry: OutboxEntry): Promise<void> {
    this.outbox.set(entry.id, structuredClone(entry));
    const held = this.heldPuts.get(entry.value);
    if (held) await held.promise;
    this.events.push(`stored ${entry.value} ${entry.react}`);
  }

  async deleteOutbox(id: string): Promise<void> {
    this.outbox.delete(id);
  }

  async getConfirmed(id: string): Promise<ConfirmedReactions | undefined> {
    const record = this.confirmed.get(id);
    const snapshot = record && structuredClone(record);
    const held = this.heldRead;
    this.heldRead = undefined;
    if (held) await held.promise;
    return snapshot;
  }

  async putConfirmed(record: ConfirmedReactions): Promise<void> {
    this.confirmed.set(record.id, structuredClone(record));
  }

  async recordHistory(entry: HistoryEntry): Promise<number> {
    this.history.push(structuredClone(entry));
    return this.history.length;
  }

  /** The acknowledgement of every put of `value` waits for the returned release. */
  holdPuts(value: string): () => void {
    const held = deferred();
    this.heldPuts.set(value, held);
    return () => {
      this.heldPuts.delete(value);
      held.resolve();
    };
  }

  /** The next getConfirmed reads now but answers only once released. */
  holdNextRead(): () => void {
    const held = deferred();
    this.heldRead = held;
    return held.resolve;
  }

  confirmedValues(accountId = ACCOUNT.accountId, urn = MESSAGE_URN): string[] {
    return this.confirmed.get(`${accountId}|${urn}`)?.values ?? [];
  }

  seedConfirmed(values: string[], accountId = ACCOUNT.accountId, urn = MESSAGE_URN): void {
    const id = `${accountId}|${urn}`;
    this.confirmed.set(id, { id, accountId, urn, values, updatedAt: T0 - 60_000 });
  }
}

interface TransportCall {
  entry: OutboxEntry;
  settled: boolean;
  succeed(): void;
  fail(failure: ApiFailure | Error): void;
}

function controllableTransport(events: string[]) {
  const calls: TransportCall[] = [];
  let maxInFlightPerId = 0;
  const transport: Transport = (entry) =>
    new Promise<void>((resolve, reject) => {
      events.push(`send ${entry.value} ${entry.react}`);
      const call: TransportCall = {
        entry: structuredClone(entry),
        settled: false,
        succeed() {
          call.settled = true;
          resolve();
        },
        fail(failure) {
          call.settled = true;
          reject(failure instanceof Error ? failure : new ApiError(failure));
        },
      };
      calls.push(call);
      const sameId = calls.filter((other) => !other.settled && other.entry.id === entry.id);
      maxInFlightPerId = Math.max(maxInFlightPerId, sameId.length);
    });
  return {
    transport,
    calls,
    /** The most requests of one (account, target, value) ever in flight together. */
    maxInFlightPerId: () => maxInFlightPerId,
    last(): TransportCall {
      const call = calls.at(-1);
      if (!call) throw new Error('The transport was never called');
      return call;
    },
  };
}

const FAIL = {
  server: (status = 500): ApiFailure => ({
    kind: 'server',
    status,
    message: `ConnectSafely had a problem (${status}).`,
  }),
  network: (): ApiFailure => ({ kind: 'network', message: 'ConnectSafely could not be reached.' }),
  rateLimited: (retryAt: number): ApiFailure => ({
    kind: 'rate-limited',
    message: 'ConnectSafely rate limit reached.',
    retryAt,
  }),
  rejected: (): ApiFailure => ({
    kind: 'rejected',
    message: 'ConnectSafely refused this reaction: Reaction failed',
  }),
  unauthorized: (): ApiFailure => ({
    kind: 'unauthorized',
    message: 'ConnectSafely refused the API key (401). Check the key in Accounts.',
  }),
  notFound: (): ApiFailure => ({
    kind: 'not-found',
    message: 'ConnectSafely does not know this LinkedIn account (404).',
  }),
};

const engines: ReactionEngine[] = [];

interface SetupOptions {
  storage?: MemoryStorage;
  account?: DefaultAccount | null;
  hasKeys?: boolean;
  random?: () => number;
}

function setup(options: SetupOptions = {}) {
  const storage = options.storage ?? new MemoryStorage();
  const transport = controllableTransport(storage.events);
  const published: TargetView[][] = [];
  const notices: Array<{ notice: Notice; origin?: OutboxEntry['origin'] }> = [];
  const refused: Array<{ keyId: string; message: string }> = [];
  const wakes: number[] = [];
  const counters = { historyChanged: 0 };
  const settings = {
    account: options.account === undefined ? ACCOUNT : options.account,
    hasKeys: options.hasKeys ?? true,
  };
  const engine = createReactionEngine({
    storage,
    transport: transport.transport,
    getDefaultAccount: async () => settings.account,
    hasKeys: async () => settings.hasKeys,
    publishViews: (views) => published.push(structuredClone(views)),
    publishNotice: (notice, origin) => notices.push({ notice, origin }),
    historyChanged: () => {
      counters.historyChanged += 1;
    },
    keyRefused: (keyId, message) => refused.push({ keyId, message }),
    wakeAt: (at) => wakes.push(at),
    now: () => Date.now(),
    random: options.random ?? (() => 0.5),
  });
  engines.push(engine);

  return {
    engine,
    storage,
    transport,
    published,
    notices,
    refused,
    wakes,
    counters,
    settings,
    react: (react: boolean, value = LIKE, origin?: OutboxEntry['origin']) =>
      engine.react({ target: TARGET, value, react }, origin),
    /** The last view published for the test target. */
    lastView(): TargetView | undefined {
      return published
        .flat()
        .filter((view) => view.urn === MESSAGE_URN)
        .at(-1);
    },
    async currentView(): Promise<TargetView | undefined> {
      return (await engine.views([MESSAGE_URN])).views[0];
    },
  };
}

/** Lets every pending promise chain run (and any timer due now fire). */
async function settle(): Promise<void> {
  for (let round = 0; round < 5; round += 1) await vi.advanceTimersByTimeAsync(0);
}

const sorted = (values: readonly string[] | undefined) => [...(values ?? [])].sort();

function remote(overrides: Partial<RemoteReaction> = {}): RemoteReaction {
  return {
    accountId: ACCOUNT.accountId,
    target: TARGET,
    value: LIKE,
    react: true,
    at: T0 - 5000,
    ...overrides,
  };
}

beforeEach(() => {
  vi.useFakeTimers({ now: T0 });
});

afterEach(() => {
  for (const engine of engines.splice(0)) engine.stop();
  vi.useRealTimers();
});

// ---------------------------------------------------------------------------------------------

describe('react: optimistic view and the durable outbox', () => {
  it('shows the reaction as active and pending right away, before the service answers', async () => {
    const t = setup();
    const outcome = await t.react(true);

    expect(outcome).toEqual({
      accepted: true,
      view: { urn: MESSAGE_URN, active: [LIKE], pending: [LIKE] },
    });
    expect(t.lastView()).toEqual({ urn: MESSAGE_URN, active: [LIKE], pending: [LIKE] });
    expect(await t.engine.views([MESSAGE_URN])).toEqual({
      views: [{ urn: MESSAGE_URN, active: [LIKE], pending: [LIKE] }],
      ready: true,
    });
    expect(t.storage.outbox.get(LIKE_ID)).toMatchObject({
      id: LIKE_ID,
      target: TARGET,
      value: LIKE,
      keyId: ACCOUNT.keyId,
      accountId: ACCOUNT.accountId,
      react: true,
      version: 1,
      attempts: 0,
      nextAttemptAt: T0,
      createdAt: T0,
    });
    expect(t.storage.confirmedValues()).toEqual([]);
  });

  it('stores the intent before the transport is called', async () => {
    const t = setup();
    const release = t.storage.holdPuts(LIKE);
    const reacting = t.react(true);
    await settle();
    // The write was issued but not acknowledged: nothing may leave yet.
    expect(t.transport.calls).toHaveLength(0);

    release();
    await reacting;
    await settle();
    expect(t.transport.calls).toHaveLength(1);
    expect(t.storage.events).toEqual([`stored ${LIKE} true`, `send ${LIKE} true`]);
    expect(t.transport.last().entry).toMatchObject({ id: LIKE_ID, value: LIKE, react: true });
  });

  it('stores the intent before sending it even when another request lands meanwhile', async () => {
    const t = setup();
    await t.react(true, LIKE);
    await settle();
    expect(t.transport.calls).toHaveLength(1);

    const release = t.storage.holdPuts('❤️');
    const reacting = t.react(true, '❤️');
    await settle();
    // The 👍 request lands while the ❤️ intent is still being written: its pump must not send
    // ❤️ before the write is acknowledged.
    t.transport.last().succeed();
    await settle();
    release();
    await reacting;
    await settle();

    const events = t.storage.events;
    expect(events.filter((event) => event === 'send ❤️ true')).toHaveLength(1);
    expect(events.indexOf('stored ❤️ true')).toBeGreaterThanOrEqual(0);
    expect(events.indexOf('stored ❤️ true')).toBeLessThan(events.indexOf('send ❤️ true'));
  });
});

describe('react: success', () => {
  it('confirms, empties the outbox, records the history line and publishes the view', async () => {
    const t = setup();
    await t.react(true, LIKE, { tabId: 7, frameId: 0 });
    await settle();
    expect(t.transport.calls).toHaveLength(1);
    const changesBefore = t.counters.historyChanged;

    t.transport.last().succeed();
    await settle();

    expect(t.storage.outbox.size).toBe(0);
    expect(t.storage.confirmed.get(CONFIRMED_ID)).toEqual({
      id: CONFIRMED_ID,
      accountId: ACCOUNT.accountId,
      urn: MESSAGE_URN,
      values: [LIKE],
      updatedAt: T0,
      // Its echo over the socket will be recognised as ours.
      expectedEchoes: { [LIKE]: [{ react: true, at: T0 }] },
    });
    expect(t.storage.history).toEqual([
      {
        at: T0,
        kind: 'message',
        urn: MESSAGE_URN,
        conversationUrn: TARGET.conversationUrn,
        value: LIKE,
        react: true,
        accountId: ACCOUNT.accountId,
        source: 'own',
        outcome: 'applied',
        error: undefined,
        link: linkTo(TARGET),
      },
    ]);
    expect(t.counters.historyChanged).toBe(changesBefore + 1);
    expect(t.lastView()).toEqual({ urn: MESSAGE_URN, active: [LIKE], pending: [] });
    expect(await t.currentView()).toEqual({ urn: MESSAGE_URN, active: [LIKE], pending: [] });
    expect(t.notices).toEqual([]);
    expect(t.transport.calls).toHaveLength(1);
  });

  it('removes a confirmed reaction with react:false', async () => {
    const storage = new MemoryStorage();
    storage.seedConfirmed([LIKE, '🎉']);
    const t = setup({ storage });
    const outcome = await t.react(false);
    expect(outcome).toEqual({
      accepted: true,
      view: { urn: MESSAGE_URN, active: ['🎉'], pending: [LIKE] },
    });
    await settle();
    expect(t.transport.last().entry.react).toBe(false);
    t.transport.last().succeed();
    await settle();
    expect(t.storage.confirmedValues()).toEqual(['🎉']);
    expect(t.lastView()).toEqual({ urn: MESSAGE_URN, active: ['🎉'], pending: [] });
  });

  it('sends nothing when the click asks for the state already confirmed', async () => {
    const storage = new MemoryStorage();
    storage.seedConfirmed([LIKE]);
    const t = setup({ storage });
    const outcome = await t.react(true);
    await settle();
    expect(outcome).toEqual({
      accepted: true,
      view: { urn: MESSAGE_URN, active: [LIKE], pending: [] },
    });
    expect(t.transport.calls).toHaveLength(0);
    expect(t.storage.outbox.size).toBe(0);
  });
});

describe('react: rapid toggles', () => {
  it('ten rapid toggles keep one request in flight and end in the last click’s state', async () => {
    const t = setup();
    for (let click = 0; click < 10; click += 1) {
      await t.react(click % 2 === 0); // on, off, on, … off
      await settle();
    }
    expect(t.transport.calls).toHaveLength(1);
    expect(t.lastView()).toEqual({ urn: MESSAGE_URN, active: [], pending: [LIKE] });

    t.transport.calls[0]?.succeed();
    await settle();
    // The first request landed (👍 on); the newest intent (off) goes next.
    expect(t.transport.calls).toHaveLength(2);
    expect(t.transport.calls[1]?.entry.react).toBe(false);
    t.transport.calls[1]?.succeed();
    await settle();
    await vi.advanceTimersByTimeAsync(60_000);

    expect(t.transport.calls).toHaveLength(2);
    expect(t.transport.maxInFlightPerId()).toBe(1);
    expect(t.storage.confirmedValues()).toEqual([]);
    expect(t.storage.outbox.size).toBe(0);
    expect(t.lastView()).toEqual({ urn: MESSAGE_URN, active: [], pending: [] });
  });

  it('an odd number of toggles ends on, with the in-flight request enough', async () => {
    const t = setup();
    for (let click = 0; click < 9; click += 1) {
      await t.react(click % 2 === 0);
      await settle();
    }
    t.transport.calls[0]?.succeed();
    await settle();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(t.transport.calls).toHaveLength(1);
    expect(t.storage.confirmedValues()).toEqual([LIKE]);
    expect(t.storage.outbox.size).toBe(0);
    expect(t.lastView()).toEqual({ urn: MESSAGE_URN, active: [LIKE], pending: [] });
  });

  it('two clicks arriving together on a cold worker: the last click wins', async () => {
    // A freshly started worker has nothing cached; two clicks (on, off) arrive before the first
    // one has read the confirmed state. The user asked for "off" last.
    const t = setup();
    await Promise.all([t.react(true), t.react(false)]);
    await settle();
    for (const call of t.transport.calls) if (!call.settled) call.succeed();
    await settle();
    for (const call of t.transport.calls) if (!call.settled) call.succeed();
    await settle();

    expect(t.storage.confirmedValues()).toEqual([]);
    expect(t.storage.outbox.size).toBe(0);
    expect(t.lastView()?.active).toEqual([]);
  });

  it('toggling back before the request leaves drops it unsent', async () => {
    const t = setup();
    const release = t.storage.holdPuts(LIKE);
    const on = t.react(true);
    await settle();
    const off = t.react(false);
    await settle();
    release();
    await Promise.all([on, off]);
    await settle();
    await vi.advanceTimersByTimeAsync(60_000);

    expect(t.transport.calls).toHaveLength(0);
    expect(t.storage.outbox.size).toBe(0);
    expect(t.lastView()).toEqual({ urn: MESSAGE_URN, active: [], pending: [] });
    expect(t.storage.history).toEqual([]);
  });

  it('toggling back while the request waits for a retry drops it unsent', async () => {
    const t = setup();
    await t.react(true);
    await settle();
    t.transport.last().fail(FAIL.network());
    await settle();
    expect(t.storage.outbox.get(LIKE_ID)).toMatchObject({ lastFailure: 'network', attempts: 1 });

    const outcome = await t.react(false);
    expect(outcome).toEqual({
      accepted: true,
      view: { urn: MESSAGE_URN, active: [], pending: [] },
    });
    await t.engine.retryQueued();
    await vi.advanceTimersByTimeAsync(120_000);

    expect(t.transport.calls).toHaveLength(1);
    expect(t.storage.outbox.size).toBe(0);
    expect(t.storage.confirmedValues()).toEqual([]);
  });

  it('keeps requests for different values independent', async () => {
    const t = setup();
    await t.react(true, LIKE);
    await t.react(true, '🎉');
    await settle();
    expect(t.transport.calls.map((call) => call.entry.value)).toEqual([LIKE, '🎉']);
    expect(sorted(t.lastView()?.pending)).toEqual(sorted([LIKE, '🎉']));
    for (const call of t.transport.calls) call.succeed();
    await settle();
    expect(sorted(t.storage.confirmedValues())).toEqual(sorted([LIKE, '🎉']));
  });
});

describe('react: retries', () => {
  it('retries a 500 after the backoff delay and applies once', async () => {
    const t = setup({ random: () => 0.5 });
    await t.react(true);
    await settle();
    t.transport.last().fail(FAIL.server(500));
    await settle();

    const delay = backoffDelay(1, () => 0.5);
    expect(delay).toBe(750);
    expect(t.storage.outbox.get(LIKE_ID)).toMatchObject({
      attempts: 1,
      lastFailure: 'server',
      nextAttemptAt: T0 + delay,
      react: true,
    });
    expect(t.wakes).toContain(T0 + delay);
    expect(await t.currentView()).toEqual({ urn: MESSAGE_URN, active: [LIKE], pending: [LIKE] });
    expect(t.notices.every(({ notice }) => !notice.rolledBack)).toBe(true);

    await vi.advanceTimersByTimeAsync(delay - 1);
    expect(t.transport.calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(t.transport.calls).toHaveLength(2);

    t.transport.last().succeed();
    await settle();
    expect(t.storage.confirmedValues()).toEqual([LIKE]);
    expect(t.storage.outbox.size).toBe(0);
    expect(t.storage.history.map((line) => line.outcome)).toEqual(['applied']);
    expect(t.lastView()).toEqual({ urn: MESSAGE_URN, active: [LIKE], pending: [] });
  });

  it('rolls back after six 500s, with a server-error notice and a failed history line', async () => {
    const t = setup({ random: () => 0 });
    await t.react(true, LIKE, { tabId: 3 });
    await settle();
    for (let attempt = 1; attempt <= 6; attempt += 1) {
      expect(t.transport.calls).toHaveLength(attempt);
      t.transport.last().fail(FAIL.server(500));
      await settle();
      if (attempt < 6) {
        const delay = backoffDelay(attempt, () => 0);
        await vi.advanceTimersByTimeAsync(delay - 1);
        expect(t.transport.calls).toHaveLength(attempt);
        await vi.advanceTimersByTimeAsync(1);
      }
    }
    await vi.advanceTimersByTimeAsync(120_000);

    expect(t.transport.calls).toHaveLength(6);
    expect(t.storage.outbox.size).toBe(0);
    expect(t.storage.confirmedValues()).toEqual([]);
    expect(t.lastView()).toEqual({ urn: MESSAGE_URN, active: [], pending: [] });
    const last = t.notices.at(-1);
    expect(last?.notice).toMatchObject({
      urn: MESSAGE_URN,
      code: 'server-error',
      rolledBack: true,
    });
    expect(last?.origin).toEqual({ tabId: 3 });
    expect(t.notices.filter(({ notice }) => notice.code === 'server-error')).toHaveLength(1);
    expect(t.storage.history).toHaveLength(1);
    expect(t.storage.history[0]).toMatchObject({
      source: 'own',
      outcome: 'failed',
      react: true,
      error: FAIL.server(500).message,
    });
  });

  it('counts only 5xx answers toward the six tries (a long outage does not use them up)', async () => {
    const t = setup({ random: () => 0 });
    await t.react(true);
    await settle();
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      t.transport.last().fail(FAIL.network());
      await settle();
      await t.engine.retryQueued();
      await settle();
    }
    expect(t.transport.calls).toHaveLength(6);
    // The first 5xx after the outage.
    t.transport.last().fail(FAIL.server(503));
    await settle();

    expect(t.storage.outbox.get(LIKE_ID)).toBeDefined();
    expect(t.notices.some(({ notice }) => notice.rolledBack)).toBe(false);
    expect(t.storage.history.filter((line) => line.outcome === 'failed')).toEqual([]);
  });

  it('waits for retryAt after a 429, says so once, then succeeds', async () => {
    const t = setup();
    await t.react(true, LIKE, { tabId: 9, frameId: 2 });
    await settle();
    const retryAt = T0 + 120_000;
    t.transport.last().fail(FAIL.rateLimited(retryAt));
    await settle();

    expect(t.notices).toHaveLength(1);
    expect(t.notices[0]?.notice).toMatchObject({
      urn: MESSAGE_URN,
      code: 'rate-limited',
      retryAt,
      rolledBack: false,
      fixInAccounts: false,
    });
    expect(t.notices[0]?.origin).toEqual({ tabId: 9, frameId: 2 });
    expect(t.storage.outbox.get(LIKE_ID)).toMatchObject({
      nextAttemptAt: retryAt,
      lastFailure: 'rate-limited',
    });
    expect(t.wakes).toContain(retryAt);
    expect(await t.currentView()).toEqual({ urn: MESSAGE_URN, active: [LIKE], pending: [LIKE] });

    // "The network is back" is no reason to break the rate limit.
    await t.engine.retryQueued();
    await vi.advanceTimersByTimeAsync(120_000 - 1);
    expect(t.transport.calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(t.transport.calls).toHaveLength(2);

    t.transport.last().succeed();
    await settle();
    expect(t.storage.confirmedValues()).toEqual([LIKE]);
    expect(t.storage.outbox.size).toBe(0);
    expect(t.notices).toHaveLength(1);
    expect(t.storage.history.map((line) => line.outcome)).toEqual(['applied']);
  });

  it('a repeated click while rate-limited still waits for retryAt', async () => {
    const t = setup();
    await t.react(true);
    await settle();
    const retryAt = T0 + 30_000;
    t.transport.last().fail(FAIL.rateLimited(retryAt));
    await settle();
    // Another tab asks for the same state again.
    await t.react(true, LIKE, { tabId: 2 });
    expect(t.storage.outbox.get(LIKE_ID)).toMatchObject({ version: 2, nextAttemptAt: retryAt });
    await vi.advanceTimersByTimeAsync(30_000 - 1);
    expect(t.transport.calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(t.transport.calls).toHaveLength(2);
    expect(t.transport.last().entry).toMatchObject({ react: true, version: 2 });
  });
});

describe('react: failures that roll back at once', () => {
  it.each([
    { name: '400', failure: FAIL.rejected(), code: 'rejected', fixInAccounts: false },
    { name: '401', failure: FAIL.unauthorized(), code: 'unauthorized', fixInAccounts: true },
    { name: '404', failure: FAIL.notFound(), code: 'account-not-found', fixInAccounts: true },
  ] as const)('$name → $code, rolled back, no retry', async ({ failure, code, fixInAccounts }) => {
    const t = setup();
    await t.react(true, LIKE, { tabId: 4 });
    await settle();
    t.transport.last().fail(failure);
    await settle();
    await vi.advanceTimersByTimeAsync(120_000);
    await t.engine.retryQueued();
    await settle();

    expect(t.transport.calls).toHaveLength(1);
    expect(t.storage.outbox.size).toBe(0);
    expect(t.storage.confirmedValues()).toEqual([]);
    expect(t.lastView()).toEqual({ urn: MESSAGE_URN, active: [], pending: [] });
    expect(t.notices).toHaveLength(1);
    expect(t.notices[0]?.notice).toMatchObject({
      urn: MESSAGE_URN,
      code,
      rolledBack: true,
      fixInAccounts,
    });
    expect(t.notices[0]?.origin).toEqual({ tabId: 4 });
    // The page gets fixed words; the service's own text stays in the history.
    if (code === 'rejected') {
      expect(t.notices[0]?.notice.message).toBe('ConnectSafely refused this reaction.');
    }
    expect(t.storage.history).toEqual([
      expect.objectContaining({
        source: 'own',
        outcome: 'failed',
        react: true,
        error: failure.message,
      }),
    ]);
    expect(t.refused).toEqual(
      code === 'unauthorized' ? [{ keyId: ACCOUNT.keyId, message: failure.message }] : [],
    );
  });

  it('rolls a removal back to the confirmed reaction', async () => {
    const storage = new MemoryStorage();
    storage.seedConfirmed([LIKE]);
    const t = setup({ storage });
    await t.react(false);
    expect(t.lastView()?.active).toEqual([]);
    await settle();
    t.transport.last().fail(FAIL.rejected());
    await settle();
    expect(t.lastView()).toEqual({ urn: MESSAGE_URN, active: [LIKE], pending: [] });
    expect(t.storage.confirmedValues()).toEqual([LIKE]);
  });

  it('treats a non-ApiError throw from the transport as a network failure (queued)', async () => {
    const t = setup();
    await t.react(true);
    await settle();
    t.transport.last().fail(new TypeError('Failed to fetch'));
    await settle();
    expect(t.storage.outbox.get(LIKE_ID)).toMatchObject({ lastFailure: 'network' });
    expect(t.notices.map(({ notice }) => notice.code)).toEqual(['offline']);
  });
});

describe('react: offline', () => {
  it('says offline once, keeps the intent queued, and delivers it after retryQueued()', async () => {
    const t = setup({ random: () => 1 });
    await t.react(true, LIKE, { tabId: 5 });
    await settle();
    t.transport.last().fail(FAIL.network());
    await settle();

    expect(t.notices).toHaveLength(1);
    expect(t.notices[0]?.notice).toMatchObject({ code: 'offline', rolledBack: false });
    expect(t.notices[0]?.origin).toEqual({ tabId: 5 });
    expect(t.storage.outbox.get(LIKE_ID)).toMatchObject({
      react: true,
      attempts: 1,
      lastFailure: 'network',
      nextAttemptAt: T0 + backoffDelay(1, () => 1),
    });
    expect(await t.currentView()).toEqual({ urn: MESSAGE_URN, active: [LIKE], pending: [LIKE] });

    // The backoff retry fails too: no second notice.
    await vi.advanceTimersByTimeAsync(backoffDelay(1, () => 1));
    expect(t.transport.calls).toHaveLength(2);
    t.transport.last().fail(FAIL.network());
    await settle();
    expect(t.notices).toHaveLength(1);
    expect(t.storage.outbox.get(LIKE_ID)).toMatchObject({ attempts: 2 });

    // The network is back: send now, without waiting for the backoff.
    await t.engine.retryQueued();
    await settle();
    expect(t.transport.calls).toHaveLength(3);
    t.transport.last().succeed();
    await settle();

    expect(t.notices).toHaveLength(1);
    expect(t.storage.outbox.size).toBe(0);
    expect(t.storage.confirmedValues()).toEqual([LIKE]);
    expect(t.storage.history.map((line) => [line.source, line.outcome])).toEqual([
      ['own', 'applied'],
    ]);
    expect(t.lastView()).toEqual({ urn: MESSAGE_URN, active: [LIKE], pending: [] });
  });

  it('drops a queued intent that another device already applied', async () => {
    const t = setup();
    await t.react(true);
    await settle();
    t.transport.last().fail(FAIL.network());
    await settle();

    await t.engine.applyRemote(remote({ react: true }));
    await t.engine.retryQueued();
    await vi.advanceTimersByTimeAsync(120_000);

    expect(t.transport.calls).toHaveLength(1);
    expect(t.storage.outbox.size).toBe(0);
    expect(t.storage.confirmedValues()).toEqual([LIKE]);
    expect(t.lastView()).toEqual({ urn: MESSAGE_URN, active: [LIKE], pending: [] });
  });
});

describe('echoes that arrive late or are replayed', () => {
  it('recognises each echo of our own changes, in order, and keeps a newer queued click', async () => {
    const t = setup();
    await t.react(true);
    await settle();
    t.transport.last().succeed();
    await settle();
    await t.react(false);
    await settle();
    t.transport.last().succeed();
    await settle();
    await t.react(true);
    await settle();
    t.transport.last().fail(FAIL.rateLimited(T0 + 60_000));
    await settle();

    // The socket comes back and replays the echoes of the first two clicks.
    await t.engine.applyRemote(remote({ react: true }));
    await t.engine.applyRemote(remote({ react: false }));

    expect(t.storage.outbox.get(LIKE_ID)).toMatchObject({ react: true });
    expect(t.storage.history.filter((entry) => entry.source === 'remote')).toEqual([]);
    expect(await t.currentView()).toEqual({ urn: MESSAGE_URN, active: [LIKE], pending: [LIKE] });
    await vi.advanceTimersByTimeAsync(60_000);
    t.transport.last().succeed();
    await settle();
    expect(t.storage.confirmedValues()).toEqual([LIKE]);
  });

  it('still applies a genuine remote change after our own echoes were consumed', async () => {
    const t = setup();
    await t.react(true);
    await settle();
    t.transport.last().succeed();
    await settle();
    await t.engine.applyRemote(remote({ react: true })); // our echo
    await t.engine.applyRemote(remote({ react: false })); // someone removed it elsewhere
    expect(t.storage.confirmedValues()).toEqual([]);
    expect(t.storage.history.filter((entry) => entry.source === 'remote')).toHaveLength(1);
  });
});

describe('a new engine over the same storage (the worker was killed)', () => {
  it('resumes and sends the queued intent exactly once', async () => {
    const storage = new MemoryStorage();
    const first = setup({ storage });
    await first.react(true);
    await settle();
    expect(first.transport.calls).toHaveLength(1);
    // Killed mid-request: the answer never comes back.
    first.engine.stop();

    const second = setup({ storage });
    await settle();
    expect(second.transport.calls).toHaveLength(0);
    await second.engine.resume();
    await second.engine.resume();
    await second.engine.retryQueued();
    await settle();

    expect(second.transport.calls).toHaveLength(1);
    expect(second.transport.last().entry).toMatchObject({
      id: LIKE_ID,
      keyId: ACCOUNT.keyId,
      accountId: ACCOUNT.accountId,
      target: TARGET,
      value: LIKE,
      react: true,
    });
    expect(await second.currentView()).toEqual({
      urn: MESSAGE_URN,
      active: [LIKE],
      pending: [LIKE],
    });

    second.transport.last().succeed();
    await settle();
    await vi.advanceTimersByTimeAsync(120_000);
    expect(second.transport.calls).toHaveLength(1);
    expect(storage.outbox.size).toBe(0);
    expect(storage.confirmedValues()).toEqual([LIKE]);
    expect(storage.history.map((line) => line.outcome)).toEqual(['applied']);
  });

  it('resumes a request that was waiting for its backoff, at its time', async () => {
    const storage = new MemoryStorage();
    const first = setup({ storage, random: () => 1 });
    await first.react(true);
    await settle();
    first.transport.last().fail(FAIL.server(500));
    await settle();
    first.engine.stop();
    const due = storage.outbox.get(LIKE_ID)?.nextAttemptAt ?? 0;
    expect(due).toBe(T0 + 1000);

    const second = setup({ storage });
    await second.engine.resume();
    await settle();
    expect(second.transport.calls).toHaveLength(0);
    expect(second.wakes).toContain(due);
    await vi.advanceTimersByTimeAsync(1000);
    expect(second.transport.calls).toHaveLength(1);
    second.transport.last().succeed();
    await settle();
    expect(storage.outbox.size).toBe(0);
    expect(first.transport.calls).toHaveLength(1);
  });
});

describe('applyRemote', () => {
  it('updates the view and records a remote history line', async () => {
    const t = setup();
    await t.engine.applyRemote(remote({ value: '🎉', at: T0 - 5000 }));

    expect(t.lastView()).toEqual({ urn: MESSAGE_URN, active: ['🎉'], pending: [] });
    expect(t.storage.confirmedValues()).toEqual(['🎉']);
    expect(t.storage.history).toEqual([
      {
        at: T0 - 5000,
        kind: 'message',
        urn: MESSAGE_URN,
        conversationUrn: TARGET.conversationUrn,
        value: '🎉',
        react: true,
        accountId: ACCOUNT.accountId,
        source: 'remote',
        outcome: 'applied',
        link: linkTo(TARGET),
      },
    ]);
    expect(t.counters.historyChanged).toBe(1);

    await t.engine.applyRemote(remote({ value: '🎉', react: false, at: T0 - 1000 }));
    expect(t.lastView()).toEqual({ urn: MESSAGE_URN, active: [], pending: [] });
    expect(t.storage.history.map((line) => [line.source, line.react])).toEqual([
      ['remote', true],
      ['remote', false],
    ]);
    expect(t.transport.calls).toHaveLength(0);
  });

  it('ignores a replayed event (no second history line)', async () => {
    const t = setup();
    await t.engine.applyRemote(remote());
    const publishedBefore = t.published.length;
    await t.engine.applyRemote(remote());
    expect(t.storage.history).toHaveLength(1);
    expect(t.published).toHaveLength(publishedBefore);
    expect(t.storage.confirmedValues()).toEqual([LIKE]);
  });

  it('ignores the echo of our own request that already landed', async () => {
    const t = setup();
    await t.react(true);
    await settle();
    t.transport.last().succeed();
    await settle();
    await t.engine.applyRemote(remote({ at: T0 }));
    expect(t.storage.history.map((line) => line.source)).toEqual(['own']);
  });

  it('records no remote line for the echo of our own request still in flight', async () => {
    const t = setup();
    await t.react(true);
    await settle();
    await t.engine.applyRemote(remote({ at: T0 }));
    expect(t.storage.history).toEqual([]);

    t.transport.last().succeed();
    await settle();
    expect(t.storage.history.map((line) => [line.source, line.outcome])).toEqual([
      ['own', 'applied'],
    ]);
    expect(t.transport.calls).toHaveLength(1);
    expect(t.storage.confirmedValues()).toEqual([LIKE]);
    expect(t.lastView()).toEqual({ urn: MESSAGE_URN, active: [LIKE], pending: [] });
  });

  it('records no remote line for our echo when the user clicked again meanwhile', async () => {
    const t = setup();
    await t.react(true); // in flight
    await settle();
    await t.react(false); // the newest intent, waiting behind the request in flight
    // The server applied "on" and its echo arrives before the HTTP answer.
    await t.engine.applyRemote(remote({ react: true, at: T0 }));
    t.transport.last().succeed();
    await settle();
    t.transport.last().succeed();
    await settle();

    expect(t.transport.calls.map((call) => call.entry.react)).toEqual([true, false]);
    expect(t.storage.confirmedValues()).toEqual([]);
    expect(t.storage.history.filter((line) => line.source === 'remote')).toEqual([]);
  });

  it('does not lose a remote change to a concurrent read on a cold worker', async () => {
    const t = setup();
    // A tab asks for views while the socket delivers an event for the same target; the view's
    // read of the confirmed state started before the event was applied and answers after it.
    const release = t.storage.holdNextRead();
    const reading = t.engine.views([MESSAGE_URN]);
    await settle();
    await t.engine.applyRemote(remote({ value: '🎉' }));
    release();
    await reading;

    expect(t.storage.confirmedValues()).toEqual(['🎉']);
    expect(await t.currentView()).toEqual({ urn: MESSAGE_URN, active: ['🎉'], pending: [] });
    // The same event replayed must still be recognised as known.
    await t.engine.applyRemote(remote({ value: '🎉' }));
    expect(t.storage.history).toHaveLength(1);
  });

  it('records changes of another account without touching the default account’s view', async () => {
    const t = setup();
    await t.engine.applyRemote(remote({ accountId: OTHER_ACCOUNT_ID }));
    expect(t.published).toEqual([]);
    expect(await t.currentView()).toEqual({ urn: MESSAGE_URN, active: [], pending: [] });
    expect(t.storage.confirmedValues(OTHER_ACCOUNT_ID)).toEqual([LIKE]);
    expect(t.storage.history).toEqual([
      expect.objectContaining({ accountId: OTHER_ACCOUNT_ID, source: 'remote' }),
    ]);
  });
});

describe('without a usable account', () => {
  it('views() answers empty views, not ready, without a default account', async () => {
    const storage = new MemoryStorage();
    storage.seedConfirmed([LIKE]);
    const t = setup({ storage, account: null });
    expect(await t.engine.views([MESSAGE_URN, 'urn:li:activity:1'])).toEqual({
      views: [
        { urn: MESSAGE_URN, active: [], pending: [] },
        { urn: 'urn:li:activity:1', active: [], pending: [] },
      ],
      ready: false,
    });
    t.settings.account = ACCOUNT;
    expect(await t.engine.views([MESSAGE_URN])).toEqual({
      views: [{ urn: MESSAGE_URN, active: [LIKE], pending: [] }],
      ready: true,
    });
  });

  it.each([
    { hasKeys: false, code: 'no-key' },
    { hasKeys: true, code: 'no-account' },
  ] as const)('react with no account and hasKeys=$hasKeys → $code', async ({ hasKeys, code }) => {
    const t = setup({ account: null, hasKeys });
    const outcome = await t.react(true);
    await settle();
    expect(outcome).toEqual({
      accepted: false,
      notice: expect.objectContaining({ urn: MESSAGE_URN, code, fixInAccounts: true }),
    });
    expect(t.transport.calls).toHaveLength(0);
    expect(t.storage.outbox.size).toBe(0);
    expect(t.published).toEqual([]);
  });
});

describe('backoffDelay', () => {
  it('stays between half and all of a doubling ceiling, capped at 30 s', () => {
    const ceilings = [1000, 1000, 2000, 4000, 8000, 16_000, 30_000, 30_000, 30_000];
    ceilings.forEach((ceiling, attempt) => {
      expect(backoffDelay(attempt, () => 0)).toBe(ceiling / 2);
      expect(backoffDelay(attempt, () => 1)).toBe(ceiling);
      const middle = backoffDelay(attempt, () => 0.5);
      expect(middle).toBeGreaterThanOrEqual(ceiling / 2);
      expect(middle).toBeLessThanOrEqual(ceiling);
    });
    expect(backoffDelay(50, () => 0.999)).toBeLessThanOrEqual(30_000);
    expect(backoffDelay(1, Math.random)).toBeGreaterThanOrEqual(500);
  });
});

describe('linkTo', () => {
  it('opens a message’s conversation, its thread id percent-encoded', () => {
    expect(linkTo(TARGET)).toBe(FIXTURE_URLS.messaging);
    expect(linkTo(TARGET)).toBe(
      `https://www.linkedin.com/messaging/thread/${encodeURIComponent(THREADS.t0.threadId)}/`,
    );
  });

  it('opens the post of a post or of a comment', () => {
    expect(linkTo({ kind: 'post', urn: 'urn:li:activity:7402140017720651776' })).toBe(
      FIXTURE_URLS.post,
    );
    expect(
      linkTo({
        kind: 'comment',
        urn: 'urn:li:comment:(urn:li:activity:7402140017720651776,7402150833190449152)',
      }),
    ).toBe(FIXTURE_URLS.post);
  });
});
