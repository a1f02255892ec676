/**
 * The reaction engine: optimistic views, a durable outbox, retries, and changes made elsewhere,
 * for any service (a Backend each) and both value models.
 *
 * - A click becomes the latest intent for its slot and is committed before any request leaves,
 *   so a killed worker or a restarted browser sends it later. One slot, one request at a time;
 *   clicks made meanwhile collapse into the last one.
 * - The service must end in the latest intent by time: a click here, or a change made elsewhere
 *   (seen on the realtime socket). An older change never undoes a newer click, and a newer
 *   change replaces an older queued click (with a notice where it was clicked).
 * - Our own echoes are told from changes made elsewhere by state and time: an event is ours if
 *   a request of ours that set the same state was out at that moment. Never by counting: the
 *   browser may apply one request twice.
 * - A request whose outcome is unknown (offline, 5xx, a killed worker) may have been applied, so
 *   the latest intent is always sent afterwards (requests set a state: repeating is safe).
 * - Every state change is one storage commit: slot, outbox and history land together.
 * - All state changes run one at a time (an exclusive section); only requests run outside it.
 */
import { type BackoffOptions, backoffDelayEqualJitter } from '../backoff';
import { KINDS } from '../kinds/registry';
import type { Notice, ServiceName, TargetRef, TargetView } from '../reactions/types';
import { kindOfUrn } from '../urn';
import { deleteIntent, putIntent } from './changes';
import { ownLine, remoteLine } from './history-lines';
import { noticeFor, notReadyCode } from './notices';
import { createSlotCache, explainedBy, targetKeyOf, unknownSlot, withWindows } from './slots';
import {
  type Backend,
  type ConfirmedSlot,
  type EngineChange,
  type EngineStorage,
  type Failure,
  type Identity,
  type Intent,
  isRetryable,
  mayHaveApplied,
  REQUEST_TIMEOUT_MS,
  type RemoteChange,
  type SentState,
  ServiceError,
} from './types';

export interface EngineDeps {
  storage: EngineStorage;
  /** The services that can react now; a kind whose service is missing says so. */
  backends: Partial<Record<ServiceName, Backend>>;
  publishViews(views: TargetView[]): void;
  publishNotice(notice: Notice, origin?: Intent['origin']): void;
  historyChanged(): void;
  /** Asks to be woken (engine.wake()) at `at`, even if the worker stops meanwhile. */
  wakeAt(at: number): void;
  now?: () => number;
  random?: () => number;
}

export interface ReactRequest {
  target: TargetRef;
  value: string;
  react: boolean;
  /** Kept with the click's history line (the member's snippet option). */
  snippet?: string;
}

export type ReactOutcome =
  | { accepted: true; view: TargetView }
  | { accepted: false; notice: Notice };

const OUTBOX_BACKOFF: BackoffOptions = { initialMs: 1000, maxMs: 30_000 };
/** Targets whose slots stay in memory; the rest are read again when needed. */
const CACHED_TARGETS = 2000;

/** The wait before retry number `attempt` (1-based) of one intent. */
export function backoffDelay(attempt: number, random: () => number): number {
  return backoffDelayEqualJitter(attempt - 1, OUTBOX_BACKOFF, random);
}

export function createReactionEngine(deps: EngineDeps) {
  const now = deps.now ?? Date.now;
  const random = deps.random ?? Math.random;
  const { storage } = deps;
  const intents = new Map<string, Intent>();
  /** Slot ids with a request out, and the window of that request once it left. */
  const inFlight = new Map<string, SentState | null>();
  /** Per credential: a rate limit holds every request made with it, not just the one refused. */
  const holds = new Map<string, number>();
  const cache = createSlotCache(storage, CACHED_TARGETS);
  /** Per target URN, the service's time of the newest change applied (and so shown). */
  const heardAt = new Map<string, number>();

  let queue: Promise<unknown> = Promise.resolve();
  /** Runs `work` after every state change queued before it: one at a time, in order. */
  function exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = queue.then(work);
    queue = run.catch(() => undefined);
    return run;
  }

  const startedAt = now();
  const loaded = exclusive(async () => {
    for (const intent of await storage.loadIntents()) {
      // A request that was out when the worker stopped left at some time before now (its write
      // may have been slow) and may be applied until its client would have given up on it: keep
      // its window open that long, so its echo is still recognised.
      const sent = intent.sent.map(({ leaving: _, ...window }) => ({
        ...window,
        until: window.until ?? startedAt + REQUEST_TIMEOUT_MS,
      }));
      intents.set(intent.id, { ...intent, sent });
    }
    for (const hold of await storage.loadHolds()) holds.set(hold.credentialId, hold.until);
  });

  function backendOf(service: ServiceName): Backend | undefined {
    return deps.backends[service];
  }

  async function slotOf(
    service: ServiceName,
    actor: string,
    target: TargetRef,
    facet: string,
  ): Promise<ConfirmedSlot> {
    const slots = await cache.slotsOf(targetKeyOf(service, actor, target.urn));
    let slot = slots.get(facet);
    if (!slot) {
      slot = unknownSlot(service, actor, target, facet);
      slots.set(facet, slot);
    }
    return slot;
  }

  async function viewOf(service: ServiceName, actor: string, urn: string): Promise<TargetView> {
    const slots = await cache.slotsOf(targetKeyOf(service, actor, urn));
    const states = new Map<string, string | null>();
    for (const [facet, slot] of slots) states.set(facet, slot.state);
    const pending: string[] = [];
    for (const intent of intents.values()) {
      if (intent.service !== service || intent.actor !== actor || intent.target.urn !== urn)
        continue;
      const before = states.get(intent.facet) ?? null;
      pending.push(intent.facet || intent.desired || before || '');
      states.set(intent.facet, intent.desired);
    }
    const active = [...states.values()].filter((state): state is string => state !== null);
    return { urn, active: [...new Set(active)], pending: pending.filter(Boolean) };
  }

  /** Tells every tab, if the actor is the one the service reacts as now. */
  async function publish(service: ServiceName, actor: string, urn: string): Promise<void> {
    const identity = await backendOf(service)?.identity();
    if (!identity || !('actor' in identity) || identity.actor !== actor) return;
    deps.publishViews([await viewOf(service, actor, urn)]);
  }

  /**
   * When an intent may be sent: after its backoff, its credential's hold, and every earlier
   * request of its slot that may still be applied (one out when the worker died), so that an
   * older request can never land after a newer one.
   */
  function dueAt(intent: Intent): number {
    const fence = Math.max(0, ...intent.sent.map((window) => window.until ?? 0));
    return Math.max(intent.nextAttemptAt, holds.get(intent.credentialId) ?? 0, fence);
  }

  /** Sends what is due; asks to be woken for the rest. */
  function pump(): void {
    let next = Number.POSITIVE_INFINITY;
    const time = now();
    for (const intent of intents.values()) {
      if (inFlight.has(intent.id)) continue;
      const due = dueAt(intent);
      if (due <= time) {
        // Claimed now, synchronously, so a second pump cannot send it twice.
        inFlight.set(intent.id, null);
        void send(intent.id);
      } else {
        next = Math.min(next, due);
      }
    }
    if (next !== Number.POSITIVE_INFINITY) deps.wakeAt(next);
  }

  /** A queued intent that has never been sent and asks for what the service has: drop it. */
  function nothingLeftToDo(intent: Intent, slot: ConfirmedSlot): boolean {
    // Claimed by pump() but not left yet (no window): unsent. Its send() finds no intent.
    return intent.sent.length === 0 && !inFlight.get(intent.id) && intent.desired === slot.state;
  }

  /**
   * After any change to a slot: make its intent (if any) follow the latest intent by time, and
   * queue one if the service holds an older state than the latest. Adds the writes to `change`.
   */
  function reconcile(
    slot: ConfirmedSlot,
    target: TargetRef,
    credentialId: string | undefined,
    change: EngineChange,
  ): void {
    let intent = intents.get(slot.id);
    if (intent && slot.latest.at > intent.clickedAt && intent.desired !== slot.latest.state) {
      // A newer change made elsewhere replaces the queued click.
      deps.publishNotice(
        noticeFor(backendOf(slot.service), slot.urn, 'changed-elsewhere', { rolledBack: true }),
        intent.origin,
      );
      intent = {
        ...intent,
        desired: slot.latest.state,
        clickedAt: slot.latest.at,
        version: intent.version + 1,
        origin: undefined,
      };
    }
    if (!intent && slot.state !== slot.latest.state && credentialId !== undefined) {
      // The service holds an older state than the latest intent: set the latest again.
      intent = {
        id: slot.id,
        service: slot.service,
        credentialId,
        actor: slot.actor,
        target,
        facet: slot.facet,
        desired: slot.latest.state,
        clickedAt: slot.latest.at,
        version: 1,
        attempts: 0,
        nextAttemptAt: now(),
        sent: [],
      };
    }
    if (!intent) return;
    if (nothingLeftToDo(intent, slot)) {
      if (intents.delete(slot.id)) deleteIntent(change, slot.id);
    } else if (intent !== intents.get(slot.id)) {
      intents.set(slot.id, intent);
      putIntent(change, intent);
    }
  }

  async function send(id: string): Promise<void> {
    const prepared = await exclusive(async () => {
      const intent = intents.get(id);
      const backend = intent && backendOf(intent.service);
      if (!intent || !backend) {
        inFlight.delete(id);
        return null;
      }
      // Written before the request leaves: after a restart, the engine knows it may have landed.
      const window: SentState = { state: intent.desired, at: now(), leaving: true };
      const next = { ...intent, sent: withWindows(intent.sent, [window], now()) };
      intents.set(id, next);
      await storage.commit({ putIntents: [next] });
      inFlight.set(id, window);
      return { backend, intent: next, window };
    }).catch(() => {
      inFlight.delete(id);
      return null;
    });
    if (!prepared) return;
    const { backend, intent, window } = prepared;
    // The stored window opened before the write; the request leaves now (a tighter window
    // tells more echoes apart; the stored, wider one serves a restarted worker).
    window.at = now();
    delete window.leaving;
    let failure: Failure | null = null;
    try {
      await backend.send({
        identity: { credentialId: intent.credentialId, actor: intent.actor },
        target: intent.target,
        facet: intent.facet,
        state: window.state,
      });
    } catch (error) {
      failure = error instanceof ServiceError ? error.failure : { kind: 'offline' };
    }
    // Closed now, when the answer came, not when it is handled (other work may come first).
    window.until = now();
    await exclusive(async () => {
      try {
        if (failure) await failed(id, window, failure);
        else await landed(id, window);
      } finally {
        inFlight.delete(id);
      }
    }).catch(() => undefined);
    pump();
  }

  async function landed(id: string, out: SentState): Promise<void> {
    const intent = intents.get(id);
    if (!intent) return;
    const time = now();
    const window = { ...out, until: out.until ?? time };
    const slot = await slotOf(intent.service, intent.actor, intent.target, intent.facet);
    const previous = slot.state;
    // Every request of this intent may still echo; the slot keeps their windows. (`out` is the
    // very window object in `intent.sent`: two requests may leave in the same millisecond.)
    slot.own = withWindows(
      slot.own,
      intent.sent.map((sent) => (sent === out ? window : sent)),
      time,
      slot.heardAt,
    );
    // Stale if the service was seen in another state after this request left. Seen in the same
    // millisecond is not after: the previous request's landing sets asOf to its own send time,
    // and the next request may leave in that millisecond.
    if (out.at >= slot.asOf) {
      slot.state = out.state;
      slot.asOf = out.at;
    }
    const change: EngineChange = {
      putConfirmed: [slot],
      history: [ownLine(intent, out.state, previous, 'applied', time)],
    };
    if (intent.desired === out.state) {
      intents.delete(id);
      deleteIntent(change, id);
    } else {
      // The user changed their mind while this was out: send the newest intent next.
      const next: Intent = {
        ...intent,
        sent: [],
        attempts: 0,
        lastFailure: undefined,
        nextAttemptAt: time,
      };
      intents.set(id, next);
      putIntent(change, next);
    }
    reconcile(slot, intent.target, intent.credentialId, change);
    await storage.commit(change);
    deps.historyChanged();
    await publish(intent.service, intent.actor, intent.target.urn);
  }

  async function failed(id: string, out: SentState, failure: Failure): Promise<void> {
    const intent = intents.get(id);
    if (!intent) return;
    const time = now();
    const backend = backendOf(intent.service);
    // A refused request was not applied; one with an unknown outcome may have been.
    const sent = intent.sent.flatMap((window) =>
      window !== out
        ? [window]
        : mayHaveApplied(failure)
          ? [{ ...window, until: out.until ?? time }]
          : [],
    );
    if (isRetryable(failure.kind)) {
      const attempts = (intent.lastFailure === failure.kind ? intent.attempts : 0) + 1;
      const waitUntil =
        failure.kind === 'rate-limited'
          ? Math.max(failure.retryAt ?? time + 60_000, time)
          : time + backoffDelay(attempts, random);
      const change: EngineChange = {
        putIntents: [
          { ...intent, sent, attempts, nextAttemptAt: waitUntil, lastFailure: failure.kind },
        ],
      };
      intents.set(id, change.putIntents?.[0] as Intent);
      if (failure.kind === 'rate-limited') {
        holds.set(intent.credentialId, waitUntil);
        change.putHolds = [{ credentialId: intent.credentialId, until: waitUntil }];
      }
      await storage.commit(change);
      // Said once per kind of trouble, not on every retry.
      if (intent.lastFailure !== failure.kind) {
        deps.publishNotice(
          noticeFor(backend, intent.target.urn, failure.kind, {
            rolledBack: false,
            retryAt: failure.kind === 'rate-limited' ? waitUntil : undefined,
          }),
          intent.origin,
        );
      }
      return;
    }
    // Given up: the service refused it. The view goes back to what the service has.
    const slot = await slotOf(intent.service, intent.actor, intent.target, intent.facet);
    if (failure.stateNow !== undefined) {
      // A switch that failed half-way: the backend knows where it left the service.
      slot.state = failure.stateNow;
      slot.asOf = out.at;
    }
    slot.own = withWindows(slot.own, sent, time, slot.heardAt);
    slot.latest = { state: slot.state, at: intent.clickedAt };
    intents.delete(id);
    await storage.commit({
      deleteIntents: [id],
      putConfirmed: [slot],
      history: [
        ownLine(intent, out.state, slot.state, 'failed', time, failure.detail ?? failure.kind),
      ],
    });
    if (failure.kind === 'credential-refused')
      backend?.credentialRefused(intent.credentialId, failure);
    deps.historyChanged();
    await publish(intent.service, intent.actor, intent.target.urn);
    deps.publishNotice(
      noticeFor(backend, intent.target.urn, failure.kind, {
        rolledBack: true,
        permission: failure.permission,
      }),
      intent.origin,
    );
  }

  async function react(request: ReactRequest, origin?: Intent['origin']): Promise<ReactOutcome> {
    // The click's time is when it reached the background, before any queue: changes made
    // elsewhere are ordered against it. It comes after every change the tabs could have shown
    // by then, even if the service's clock runs ahead of ours.
    const clickedAt = Math.max(now(), (heardAt.get(request.target.urn) ?? -1) + 1);
    await loaded;
    const { target, value } = request;
    const { service, model } = KINDS[target.kind];
    const backend = backendOf(service);
    const identity = backend ? await backend.identity() : ({ missing: 'credential' } as const);
    if ('missing' in identity) {
      const code = notReadyCode(identity.missing);
      return {
        accepted: false,
        notice: noticeFor(backend, target.urn, code, { rolledBack: true }),
      };
    }
    return exclusive(async () => {
      const facet = model === 'many' ? value : '';
      const desired = request.react ? value : null;
      const slot = await slotOf(service, identity.actor, target, facet);
      const existing = intents.get(slot.id);
      // One model: removing a type the target does not have (a tab that missed a change) takes
      // nothing away, as applyIntent paints it in the page.
      if (
        model === 'one' &&
        !request.react &&
        (existing ? existing.desired : slot.state) !== value
      ) {
        return { accepted: true, view: await viewOf(service, identity.actor, target.urn) } as const;
      }
      if (clickedAt >= slot.latest.at) slot.latest = { state: desired, at: clickedAt };
      const intent: Intent = existing
        ? {
            ...existing,
            desired,
            clickedAt,
            version: existing.version + 1,
            origin: origin ?? existing.origin,
            ...(request.snippet ? { snippet: request.snippet } : {}),
          }
        : {
            id: slot.id,
            service,
            credentialId: identity.credentialId,
            actor: identity.actor,
            target,
            facet,
            desired,
            clickedAt,
            version: 1,
            attempts: 0,
            // A credential's rate limit holds new clicks too (the hold is stored).
            nextAttemptAt: Math.max(now(), holds.get(identity.credentialId) ?? 0),
            sent: [],
            origin,
            ...(request.snippet ? { snippet: request.snippet } : {}),
          };
      intents.set(slot.id, intent);
      const change: EngineChange = { putConfirmed: [slot], putIntents: [intent] };
      // Back to what the service has and never sent: dropped. Older than a change made
      // elsewhere: that change wins.
      reconcile(slot, target, identity.credentialId, change);
      await storage.commit(change);
      // Other tabs see the click once it is stored: a worker killed before that loses it, and
      // the clicking tab alone (whose message fails) must roll back.
      const view = await viewOf(service, identity.actor, target.urn);
      deps.publishViews([view]);
      pump();
      return { accepted: true, view } as const;
    });
  }

  async function applyRemote(remote: RemoteChange): Promise<void> {
    await loaded;
    await exclusive(async () => {
      const slot = await slotOf(remote.service, remote.actor, remote.target, remote.facet);
      await applyToSlot(remote, slot);
    });
    pump();
  }

  /**
   * LinkedIn's own page changed the member's reaction on a post or comment (a native click,
   * seen by a frame): the service applied it just now, so it is the service's newest state and,
   * unless one of our requests explains it, a change made elsewhere: every tab follows. Ignored
   * while an intent of ours is queued or out for the slot (the page may be showing an echo of
   * an earlier request of ours, older than the click being sent, and the clicked tab painted the
   * click already), where the page does not show the actor the service reacts as (a page the
   * member acts for), and where it says what the engine already knows.
   */
  async function observePage(target: TargetRef, state: string | null): Promise<void> {
    // As old as when it reached the background, like a click: a click that arrives after it
    // (while the engine is busy) is newer, and one that arrived before it is older.
    const seenAt = Math.max(now(), (heardAt.get(target.urn) ?? -1) + 1);
    await loaded;
    const { service, model } = KINDS[target.kind];
    const backend = backendOf(service);
    if (model !== 'one' || !backend?.pageShows) return;
    const identity = await backend.identity();
    if (!('actor' in identity) || !backend.pageShows(identity.actor)) return;
    const { actor } = identity;
    const observed = await exclusive(async () => {
      const slot = await slotOf(service, actor, target, '');
      if (intents.has(slot.id) || inFlight.has(slot.id)) return false;
      if (slot.state === state && slot.latest.state === state) return false;
      // A click that reached the engine after the page was read is the newer intent.
      if (seenAt < slot.latest.at) return false;
      // After every change the engine had seen on the target: the page showed it then.
      const at = Math.max(seenAt, slot.asOf + 1, slot.latest.at + 1);
      await applyToSlot({ service, actor, target, facet: '', state, at }, slot);
      return true;
    });
    if (observed) pump();
  }

  /** A change seen on the service, on its slot; inside the exclusive section. */
  async function applyToSlot(remote: RemoteChange, slot: ConfirmedSlot): Promise<void> {
    const { service, actor, target, state, at } = remote;
    const intent = intents.get(slot.id);
    const ours = explainedBy([...slot.own, ...(intent?.sent ?? [])], state, at);
    const previous = slot.state;
    slot.heardAt = Math.max(slot.heardAt ?? 0, at);
    slot.own = withWindows(slot.own, [], now(), slot.heardAt);
    const fresh = at > slot.asOf;
    if (fresh) {
      slot.state = state;
      slot.asOf = at;
    }
    const change: EngineChange = { putConfirmed: [slot] };
    if (!ours) {
      // Made elsewhere: an intent of its own, at the service's time. Seen for the first time
      // only if it is newer than what the slot knew (a replay or duplicate is not).
      const newest = at > slot.latest.at;
      if (newest) slot.latest = { state, at };
      if (fresh || newest) change.history = [remoteLine(remote, previous)];
    }
    reconcile(slot, target, intent?.credentialId ?? (await credentialFor(service, actor)), change);
    await storage.commit(change);
    remember(heardAt, target.urn, Math.max(heardAt.get(target.urn) ?? 0, at));
    if (change.history) deps.historyChanged();
    await publish(service, actor, target.urn);
  }

  /** The credential to set a slot again with, if the actor is the one the service uses now. */
  async function credentialFor(service: ServiceName, actor: string): Promise<string | undefined> {
    const identity = await backendOf(service)?.identity();
    return identity && 'actor' in identity && identity.actor === actor
      ? identity.credentialId
      : undefined;
  }

  /**
   * The views of these targets as the user's current identities see them. `pageStates`: what
   * LinkedIn's own page shows of the member's reaction on one-model targets (a type, or null),
   * taken for slots the engine has never observed and only where the page shows the actor's
   * reactions (Backend.pageShows); anything the engine knows wins.
   */
  async function views(
    urns: readonly string[],
    pageStates: Readonly<Record<string, string | null>> = {},
  ): Promise<{ views: TargetView[]; ready: Partial<Record<ServiceName, boolean>> }> {
    await loaded;
    const identities = new Map<ServiceName, Identity | null>();
    for (const [service, backend] of Object.entries(deps.backends) as [ServiceName, Backend][]) {
      const identity = await backend.identity();
      identities.set(service, 'actor' in identity ? identity : null);
    }
    const result = await exclusive(() =>
      Promise.all(
        urns.map(async (urn) => {
          const kind = kindOfUrn(urn);
          const identity = kind ? identities.get(KINDS[kind].service) : null;
          if (!kind || !identity) return { urn, active: [], pending: [] };
          const { service, model } = KINDS[kind];
          const shown = pageStates[urn];
          // Only where the page shows this actor's reactions (not a page the member acts for).
          const pageShowsActor = backendOf(service)?.pageShows?.(identity.actor) === true;
          if (model === 'one' && shown !== undefined && kind !== 'message' && pageShowsActor) {
            const slot = await slotOf(service, identity.actor, { kind, urn }, '');
            const neverObserved = slot.asOf === 0 && slot.latest.at === 0;
            if (neverObserved && !intents.has(slot.id)) {
              slot.state = shown;
              slot.latest = { state: shown, at: 0 };
            }
          }
          return viewOf(service, identity.actor, urn);
        }),
      ),
    );
    return {
      views: result,
      ready: Object.fromEntries(
        [...identities].map(([service, identity]) => [service, !!identity]),
      ),
    };
  }

  return {
    react,
    views,
    /** A change seen on the service (the realtime socket), ours or made elsewhere. */
    applyRemote,
    observePage,

    /** Sends what is due (the wake-up asked for through `wakeAt`, or a restart). */
    async wake(): Promise<void> {
      await loaded;
      pump();
    },

    /** Something suggests the network is back: retry what waits on it, now. */
    async retryQueued(): Promise<void> {
      await loaded;
      await exclusive(async () => {
        for (const [id, intent] of intents) {
          if (intent.lastFailure === 'offline' && !inFlight.has(id))
            intents.set(id, { ...intent, nextAttemptAt: now() });
        }
      });
      pump();
    },

    /** A removed key or token: its queued clicks can no longer be sent, so they are undone. */
    async dropCredential(credentialId: string): Promise<void> {
      await loaded;
      const dropped = await exclusive(async () => {
        const gone = [...intents.values()].filter(
          (intent) => intent.credentialId === credentialId && !inFlight.has(intent.id),
        );
        const slots: ConfirmedSlot[] = [];
        for (const intent of gone) {
          intents.delete(intent.id);
          // Undone as a refused click is: the latest intent is what the service has, so a later
          // event on the slot does not send the dropped click again with another credential.
          const slot = await slotOf(intent.service, intent.actor, intent.target, intent.facet);
          slot.own = withWindows(slot.own, intent.sent, now());
          slot.latest = { state: slot.state, at: intent.clickedAt };
          slots.push(slot);
        }
        holds.delete(credentialId);
        await storage.commit({
          deleteIntents: gone.map((intent) => intent.id),
          putConfirmed: slots,
          deleteHolds: [credentialId],
        });
        return gone;
      });
      for (const intent of dropped) await publish(intent.service, intent.actor, intent.target.urn);
    },

    /** Tests: what is in memory. */
    inspect() {
      return { intents: [...intents.values()], inFlight: inFlight.size, cachedTargets: cache.size };
    },
  };
}

export type ReactionEngine = ReturnType<typeof createReactionEngine>;

/** Sets a key in a map kept to the CACHED_TARGETS most recently set. */
function remember<K, V>(map: Map<K, V>, key: K, value: V): void {
  map.delete(key);
  map.set(key, value);
  if (map.size > CACHED_TARGETS) map.delete(map.keys().next().value as K);
}
