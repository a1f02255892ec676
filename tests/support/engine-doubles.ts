/**
 * Test doubles for the reaction engine (lib/engine), shared by its unit tests and meant for the
 * model-based fault test too:
 *
 * - MemoryEngineStorage: the engine's IndexedDB, in memory. Commits and reads run one at a time
 *   in call order (as IndexedDB runs transactions on the same stores); each commit lands whole or
 *   not at all. A commit can be held, then released, dropped (never lands, its caller never hears
 *   back) or failed (aborts, its caller gets an error). Each engine opens its own session; killing
 *   a session (the worker died) drops its held and queued commits and makes its later commits and
 *   reads no-ops that never answer, while the storage itself is kept for the next engine.
 * - TestBackend: a Backend and, behind it, an in-memory service (its state per slot and the events
 *   its realtime socket would emit). Each request waits to be answered by hand: applied or not,
 *   answered or lost, refused with any failure kind. `auto` answers every request at once.
 * - startEngine: the real engine over a storage session and backends, recording what it publishes
 *   and waking it as the background does (one timer, replaced by each wakeAt).
 *
 * Time is Date.now(): use fake timers (vi.useFakeTimers) and `settle()` to let work run.
 */
import { vi } from 'vitest';
import { createReactionEngine, type ReactionEngine } from '@/lib/engine/engine';
import { slotIdOf, targetKeyOf } from '@/lib/engine/slots';
import {
  type Backend,
  type ConfirmedSlot,
  type EngineChange,
  type EngineStorage,
  type Failure,
  type Hold,
  type Identity,
  type Intent,
  type NoticeWords,
  type NotReady,
  type RemoteChange,
  type SendRequest,
  ServiceError,
  type SlotState,
} from '@/lib/engine/types';
import type {
  FailureKind,
  HistoryEntry,
  Notice,
  ServiceName,
  TargetRef,
  TargetView,
  ValueModel,
} from '@/lib/reactions/types';

// ---------------------------------------------------------------------------------------------
// Storage

/** What happened to a held commit. */
export type HoldVerdict = { kind: 'release' } | { kind: 'drop' } | { kind: 'fail'; error: Error };

export interface HeldCommit {
  /** The commit this hold caught, once one did. */
  readonly change: EngineChange | undefined;
  /** Whether a commit is waiting on this hold (or did). */
  readonly caught: boolean;
  /** Resolves with the change once a commit is caught. */
  readonly reached: Promise<EngineChange>;
  /** The commit lands; commits queued behind it follow. */
  release(): void;
  /** The commit never lands and its caller never hears back (the worker died meanwhile). */
  drop(): void;
  /** The transaction aborts: nothing lands and the caller's promise rejects. */
  fail(error?: Error): void;
}

/** One engine's view of the storage: the EngineStorage it is given, for one worker's lifetime. */
export interface StorageSession extends EngineStorage {
  readonly alive: boolean;
  /** The worker died: its unfinished commits never land; later calls never answer. */
  kill(): void;
}

interface PendingHold {
  match: (change: EngineChange) => boolean;
  handle: HeldCommit;
  caughtBy?: StorageSession;
  catch(change: EngineChange, session: StorageSession): Promise<HoldVerdict>;
  decide(verdict: HoldVerdict): void;
}

const NEVER = Symbol('never');

export class MemoryEngineStorage {
  readonly intents = new Map<string, Intent>();
  readonly confirmed = new Map<string, ConfirmedSlot>();
  readonly holds = new Map<string, Hold>();
  readonly history: HistoryEntry[] = [];
  /** Every commit that landed, in order. */
  readonly landed: EngineChange[] = [];
  /** Reads answered: loadIntents, loadHolds, confirmedFor. */
  readonly reads = { loadIntents: 0, loadHolds: 0, confirmedFor: 0 };
  /** Shared with a TestBackend's log to see what landed before what was sent. */
  readonly log: string[];

  /** Slot ids by target key, as the real storage's index. */
  private byTarget = new Map<string, Set<string>>();
  private tail: Promise<void> = Promise.resolve();
  private pendingHolds: PendingHold[] = [];
  private heldReads: Array<Promise<void>> = [];
  private inQueue = 0;

  constructor(options: { log?: string[] } = {}) {
    this.log = options.log ?? [];
  }

  /** Opens the storage for one engine (one worker's lifetime). */
  open(): StorageSession {
    let alive = true;
    const session: StorageSession = {
      get alive() {
        return alive;
      },
      kill: () => {
        alive = false;
        for (const hold of this.pendingHolds) {
          if (hold.caughtBy === session) hold.decide({ kind: 'drop' });
        }
      },
      loadIntents: () =>
        this.read(session, () => {
          this.reads.loadIntents += 1;
          return [...this.intents.values()].map((intent) => structuredClone(intent));
        }),
      loadHolds: () =>
        this.read(session, () => {
          this.reads.loadHolds += 1;
          return [...this.holds.values()].map((hold) => structuredClone(hold));
        }),
      confirmedFor: (targetKey) =>
        this.read(session, () => {
          this.reads.confirmedFor += 1;
          return [...(this.byTarget.get(targetKey) ?? [])].map((id) =>
            structuredClone(this.confirmed.get(id) as ConfirmedSlot),
          );
        }),
      commit: (change) => this.commit(session, change),
    };
    return session;
  }

  /**
   * Holds the next commit that matches (any commit by default). Holds are taken in the order
   * they were asked for; a held commit keeps every later commit and read waiting behind it.
   */
  hold(match: (change: EngineChange) => boolean = () => true): HeldCommit {
    let decide!: (verdict: HoldVerdict) => void;
    const verdict = new Promise<HoldVerdict>((resolve) => {
      decide = resolve;
    });
    let reached!: (change: EngineChange) => void;
    const reachedPromise = new Promise<EngineChange>((resolve) => {
      reached = resolve;
    });
    let caughtChange: EngineChange | undefined;
    const pending: PendingHold = {
      match,
      handle: {
        get change() {
          return caughtChange;
        },
        get caught() {
          return caughtChange !== undefined;
        },
        reached: reachedPromise,
        release: () => decide({ kind: 'release' }),
        drop: () => decide({ kind: 'drop' }),
        fail: (error = new Error('The transaction was aborted.')) =>
          decide({ kind: 'fail', error }),
      },
      catch: (change, session) => {
        caughtChange = change;
        pending.caughtBy = session;
        reached(change);
        if (!session.alive) decide({ kind: 'drop' });
        return verdict;
      },
      decide: (outcome) => decide(outcome),
    };
    this.pendingHolds.push(pending);
    return pending.handle;
  }

  /** The next read takes its snapshot in turn but answers only once released. */
  holdNextRead(): () => void {
    let release!: () => void;
    this.heldReads.push(
      new Promise<void>((resolve) => {
        release = resolve;
      }),
    );
    return release;
  }

  /** Commits issued and not yet landed, dropped or failed. */
  get queued(): number {
    return this.inQueue;
  }

  /** Writes directly, as if an earlier session had committed it. */
  seed(change: EngineChange): void {
    this.apply(structuredClone(change));
  }

  /** The stored slot of (service, actor, urn, facet), if any. */
  slot(service: ServiceName, actor: string, urn: string, facet: string): ConfirmedSlot | undefined {
    return this.confirmed.get(slotIdOf(service, actor, urn, facet));
  }

  /** The stored intent of (service, actor, urn, facet), if any. */
  intent(service: ServiceName, actor: string, urn: string, facet: string): Intent | undefined {
    return this.intents.get(slotIdOf(service, actor, urn, facet));
  }

  private enqueue<T>(step: () => Promise<T | typeof NEVER>): Promise<T> {
    this.inQueue += 1;
    return new Promise<T>((resolve, reject) => {
      this.tail = this.tail.then(async () => {
        try {
          const value = await step();
          if (value !== NEVER) resolve(value);
        } catch (error) {
          reject(error);
        } finally {
          this.inQueue -= 1;
        }
      });
    });
  }

  private read<T>(session: StorageSession, snapshot: () => T): Promise<T> {
    if (!session.alive) return new Promise<T>(() => {});
    const answered = this.enqueue(async () => {
      if (!session.alive) return NEVER;
      return { value: snapshot(), held: this.heldReads.shift() };
    });
    // A held read does not keep the store locked: only its answer waits.
    return answered.then(async ({ value, held }) => {
      if (held) await held;
      if (!session.alive) await new Promise(() => {});
      return value;
    });
  }

  private commit(session: StorageSession, change: EngineChange): Promise<void> {
    if (!session.alive) return new Promise<void>(() => {});
    // IndexedDB copies values when they are put, not when the transaction completes.
    const copy = structuredClone(change);
    return this.enqueue(async () => {
      const hold = this.pendingHolds.find((pending) => !pending.caughtBy && pending.match(copy));
      if (hold) {
        const verdict = await hold.catch(copy, session);
        this.pendingHolds = this.pendingHolds.filter((pending) => pending !== hold);
        if (verdict.kind === 'fail') throw verdict.error;
        if (verdict.kind === 'drop') return NEVER;
      }
      if (!session.alive) return NEVER;
      this.apply(copy);
      return undefined;
    });
  }

  /** Puts, then deletes, as the IndexedDB storage does: an intent put and deleted ends deleted. */
  private apply(change: EngineChange): void {
    for (const intent of change.putIntents ?? []) this.intents.set(intent.id, intent);
    for (const id of change.deleteIntents ?? []) this.intents.delete(id);
    for (const slot of change.putConfirmed ?? []) {
      this.confirmed.set(slot.id, slot);
      const ids = this.byTarget.get(slot.targetKey) ?? new Set<string>();
      ids.add(slot.id);
      this.byTarget.set(slot.targetKey, ids);
    }
    for (const hold of change.putHolds ?? []) this.holds.set(hold.credentialId, hold);
    for (const id of change.deleteHolds ?? []) this.holds.delete(id);
    for (const line of change.history ?? []) {
      this.history.push({ ...line, id: this.history.length + 1 });
    }
    this.landed.push(change);
    this.log.push(`commit ${describeChange(change)}`);
  }
}

/** A short description of a change for logs: `intent 👍=👍 -intent ❤️ slot 👍=null hold history 1`. */
export function describeChange(change: EngineChange): string {
  const facetOf = (id: string) => id.split('|').at(-1) || 'one';
  return [
    ...(change.putIntents ?? []).map((intent) => `intent ${facetOf(intent.id)}=${intent.desired}`),
    ...(change.deleteIntents ?? []).map((id) => `-intent ${facetOf(id)}`),
    ...(change.putConfirmed ?? []).map((slot) => `slot ${facetOf(slot.id)}=${slot.state}`),
    ...(change.putHolds ?? []).map((hold) => `hold ${hold.credentialId}`),
    ...(change.history?.length ? [`history ${change.history.length}`] : []),
  ].join(' ');
}

// ---------------------------------------------------------------------------------------------
// Backend and the service behind it

/** One request the engine sent, waiting for the test to decide what the service does. */
export interface BackendCall {
  readonly request: SendRequest;
  /** When it was sent (Date.now()). */
  readonly sentAt: number;
  /** Whether the engine has heard back (success or failure). */
  readonly settled: boolean;
  /** How many times the service applied it. */
  readonly applied: number;
  /** The service applies it now (its event is emitted); the answer is still out. */
  apply(): BackendCall;
  /** The success answer reaches the engine. */
  answer(): void;
  /** Applied, then answered. */
  succeed(): void;
  /** Answered with a failure (not applied unless `apply()` was called). */
  fail(failure: Failure | FailureKind): void;
  /** Applied, then the answer is lost (the engine sees `offline`). */
  applyAndLose(): void;
  /** Lost before it reached the service (the engine sees `offline`). */
  lose(): void;
  /** The engine gets something that is not a ServiceError. */
  throwError(error: Error): void;
}

export interface TestBackendOptions {
  service?: ServiceName;
  model?: ValueModel;
  identity?: Identity | NotReady;
  /** The notice words (a real backend's `words`, or plain test words). */
  words?: NoticeWords;
  /** Shared with a MemoryEngineStorage's log. */
  log?: string[];
  /** Answer every request at once with success. */
  auto?: boolean;
}

export interface TestBackend extends Backend {
  identityNow: Identity | NotReady;
  auto: boolean;
  readonly calls: BackendCall[];
  /** Every change the service applied, in order, as its socket would emit them. */
  readonly events: RemoteChange[];
  readonly refused: Array<{ credentialId: string; failure: Failure }>;
  readonly log: string[];
  /** The last request (throws if none). */
  last(): BackendCall;
  /** Requests not answered yet. */
  open(): BackendCall[];
  /** The service's state of one slot. */
  stateOf(target: TargetRef | string, facet?: string, actor?: string): SlotState;
  /** A change made elsewhere (another device): applied now, or at `at`, and emitted. */
  changeElsewhere(change: {
    target: TargetRef;
    facet?: string;
    state: SlotState;
    at?: number;
    actor?: string;
  }): RemoteChange;
  /** The most requests for one slot ever out together. */
  maxInFlightPerSlot(): number;
}

export const TEST_IDENTITY: Identity = {
  credentialId: 'key-1',
  actor: '65f1c2a9e4b0d71a3c8e5f20',
};

/** Plain words, with the code in them, for services whose real words are not under test. */
export const TEST_WORDS: NoticeWords = {
  message: (code, context) =>
    `test: ${code}${context.rolledBack ? ' (undone)' : ''}${context.retryAt ? ` until ${context.retryAt}` : ''}`,
};

function failureOf(failure: Failure | FailureKind): Failure {
  return typeof failure === 'string' ? { kind: failure, detail: `test ${failure}` } : failure;
}

export function createTestBackend(options: TestBackendOptions = {}): TestBackend {
  const service = options.service ?? 'connectsafely';
  const model = options.model ?? 'many';
  const calls: BackendCall[] = [];
  const events: RemoteChange[] = [];
  const states = new Map<string, SlotState>();
  const log = options.log ?? [];
  let maxOut = 0;
  const outPerSlot = new Map<string, number>();

  const keyOf = (actor: string, urn: string, facet: string) => `${actor}|${urn}|${facet}`;
  function applyOnService(
    actor: string,
    target: TargetRef,
    facet: string,
    state: SlotState,
    at: number,
  ): RemoteChange {
    states.set(keyOf(actor, target.urn, facet), state);
    const event: RemoteChange = { service, actor, target, facet, state, at };
    events.push(event);
    return event;
  }

  const backend: TestBackend = {
    service,
    model,
    identityNow: options.identity ?? TEST_IDENTITY,
    auto: options.auto ?? false,
    calls,
    events,
    refused: [],
    log,
    words: options.words ?? TEST_WORDS,
    // A one-model service's page shows its member's reactions, as LinkedIn's does.
    ...(model === 'one' && {
      pageShows: (actor: string) => !actor.startsWith('urn:li:organization:'),
    }),
    async identity() {
      return structuredClone(backend.identityNow);
    },
    send(request) {
      log.push(`send ${request.facet || 'one'}=${request.state}`);
      return new Promise<void>((resolve, reject) => {
        let settled = false;
        let applied = 0;
        const slot = slotIdOf(service, request.identity.actor, request.target.urn, request.facet);
        const settle = (outcome: () => void) => {
          if (settled) throw new Error('This request was already answered.');
          settled = true;
          outPerSlot.set(slot, (outPerSlot.get(slot) ?? 1) - 1);
          outcome();
        };
        const call: BackendCall = {
          request: structuredClone(request),
          sentAt: Date.now(),
          get settled() {
            return settled;
          },
          get applied() {
            return applied;
          },
          apply() {
            applied += 1;
            applyOnService(
              request.identity.actor,
              request.target,
              request.facet,
              request.state,
              Date.now(),
            );
            return call;
          },
          answer: () => settle(resolve),
          succeed() {
            call.apply();
            call.answer();
          },
          fail: (failure) => settle(() => reject(new ServiceError(failureOf(failure)))),
          applyAndLose() {
            call.apply();
            call.lose();
          },
          lose: () =>
            settle(() =>
              reject(new ServiceError({ kind: 'offline', detail: 'The answer was lost.' })),
            ),
          throwError: (error) => settle(() => reject(error)),
        };
        calls.push(call);
        const out = (outPerSlot.get(slot) ?? 0) + 1;
        outPerSlot.set(slot, out);
        maxOut = Math.max(maxOut, out);
        if (backend.auto) call.succeed();
      });
    },
    credentialRefused(credentialId, failure) {
      backend.refused.push({ credentialId, failure });
    },
    last() {
      const call = calls.at(-1);
      if (!call) throw new Error('The backend was never called');
      return call;
    },
    open: () => calls.filter((call) => !call.settled),
    stateOf(target, facet = '', actor = TEST_IDENTITY.actor) {
      const urn = typeof target === 'string' ? target : target.urn;
      return states.get(keyOf(actor, urn, facet)) ?? null;
    },
    changeElsewhere({ target, facet = '', state, at = Date.now(), actor = TEST_IDENTITY.actor }) {
      return applyOnService(actor, target, facet, state, at);
    },
    maxInFlightPerSlot: () => maxOut,
  };
  return backend;
}

// ---------------------------------------------------------------------------------------------
// The engine, wired as the background wires it

export interface EngineRun {
  engine: ReactionEngine;
  session: StorageSession;
  /** Every publishViews call, in order. */
  published: TargetView[][];
  notices: Array<{ notice: Notice; origin?: Intent['origin'] }>;
  counters: { historyChanged: number };
  /** Every wakeAt asked for. */
  wakes: number[];
  readonly alive: boolean;
  /** The worker dies: storage session killed, its wake-up cancelled, nothing more published. */
  kill(): void;
  /** The last view published for `urn`. */
  lastView(urn: string): TargetView | undefined;
  /** The view the engine answers for `urn` now. */
  view(urn: string): Promise<TargetView | undefined>;
}

export interface StartEngineOptions {
  storage: MemoryEngineStorage;
  backends: Backend[];
  random?: () => number;
  now?: () => number;
}

export function startEngine(options: StartEngineOptions): EngineRun {
  const session = options.storage.open();
  const published: TargetView[][] = [];
  const notices: EngineRun['notices'] = [];
  const counters = { historyChanged: 0 };
  const wakes: number[] = [];
  let alive = true;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const engine = createReactionEngine({
    storage: session,
    backends: Object.fromEntries(options.backends.map((backend) => [backend.service, backend])),
    publishViews: (views) => {
      if (alive) published.push(structuredClone(views));
    },
    publishNotice: (notice, origin) => {
      if (alive) notices.push(structuredClone({ notice, origin }));
    },
    historyChanged: () => {
      if (alive) counters.historyChanged += 1;
    },
    wakeAt: (at) => {
      if (!alive) return;
      wakes.push(at);
      clearTimeout(timer);
      timer = setTimeout(() => void engine.wake(), Math.max(0, at - Date.now()));
    },
    now: options.now ?? (() => Date.now()),
    random: options.random ?? (() => 0.5),
  });
  return {
    engine,
    session,
    published,
    notices,
    counters,
    wakes,
    get alive() {
      return alive;
    },
    kill() {
      alive = false;
      clearTimeout(timer);
      session.kill();
    },
    lastView: (urn) =>
      published
        .flat()
        .filter((view) => view.urn === urn)
        .at(-1),
    view: async (urn) => (await engine.views([urn])).views[0],
  };
}

/**
 * Where a live engine's outbox in memory and the stored one disagree (by slot: the desired state
 * and version). Empty once every commit has landed; anything else is lost at the next restart.
 */
export function outboxDrift(run: EngineRun, storage: MemoryEngineStorage): string[] {
  const inMemory = new Map(run.engine.inspect().intents.map((intent) => [intent.id, intent]));
  const ids = new Set([...inMemory.keys(), ...storage.intents.keys()]);
  const drift: string[] = [];
  for (const id of ids) {
    const memory = inMemory.get(id);
    const stored = storage.intents.get(id);
    const describe = (intent?: Intent) =>
      intent ? `${intent.desired} v${intent.version}` : 'nothing';
    if (memory?.desired !== stored?.desired || memory?.version !== stored?.version) {
      drift.push(`${id}: memory ${describe(memory)}, stored ${describe(stored)}`);
    }
  }
  return drift;
}

/** Lets every pending promise chain run, and any timer due now fire (fake timers). */
export async function settle(): Promise<void> {
  for (let round = 0; round < 10; round += 1) {
    if (vi.isFakeTimers()) await vi.advanceTimersByTimeAsync(0);
    for (let tick = 0; tick < 20; tick += 1) await Promise.resolve();
  }
}

/** The slot id and target key helpers, re-exported for tests that build records by hand. */
export { slotIdOf, targetKeyOf };

/** A confirmed slot as a test seeds it: the service held `state` since `asOf`. */
export function confirmedSlot(
  service: ServiceName,
  actor: string,
  target: TargetRef,
  facet: string,
  state: SlotState,
  asOf: number,
): ConfirmedSlot {
  return {
    id: slotIdOf(service, actor, target.urn, facet),
    targetKey: targetKeyOf(service, actor, target.urn),
    service,
    actor,
    urn: target.urn,
    facet,
    state,
    asOf,
    latest: { state, at: asOf },
    own: [],
  };
}
