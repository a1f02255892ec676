/**
 * The reaction engine: optimistic state, a durable outbox, retries, and remote changes.
 *
 * - A click becomes the latest intent for (account, target, value); it is written to IndexedDB
 *   before any request, so a killed worker or a restarted browser sends it later.
 * - At most one request per (account, target, value) is in flight; clicks made meanwhile
 *   collapse into the last intent, sent once the request in flight has landed.
 * - Network errors, 5xx and 429 are retried with backoff (429 waits for Retry-After);
 *   400/401/404 roll back at once and tell the user why.
 * - Requests are idempotent (react true/false sets a state), so a resend after a crash
 *   cannot apply a reaction twice.
 */
import type { DefaultAccount } from '../accounts/types';
import { type BackoffOptions, backoffDelayEqualJitter } from '../backoff';
import type { ConfirmedReactions, ExpectedEcho, OutboxEntry } from '../db/schema';
import type { ReactResponse } from '../messaging/protocol';
import type { HistoryEntry, Notice, NoticeCode, TargetRef, TargetView } from '../reactions/types';
import { ApiError, type ApiFailure, isRetryable } from '../services/connectsafely/client';

/** Where engine state is persisted (IndexedDB in the extension, memory in unit tests). */
export interface EngineStorage {
  loadOutbox(): Promise<OutboxEntry[]>;
  putOutbox(entry: OutboxEntry): Promise<void>;
  deleteOutbox(id: string): Promise<void>;
  getConfirmed(id: string): Promise<ConfirmedReactions | undefined>;
  putConfirmed(record: ConfirmedReactions): Promise<void>;
  recordHistory(entry: HistoryEntry): Promise<unknown>;
}

/** Sends one reaction to the service in charge of its target kind. */
export type Transport = (entry: OutboxEntry) => Promise<void>;

export interface EngineDeps {
  storage: EngineStorage;
  transport: Transport;
  getDefaultAccount(): Promise<DefaultAccount | null>;
  /** Whether any key is stored (to say "add a key" rather than "choose an account"). */
  hasKeys(): Promise<boolean>;
  publishViews(views: TargetView[]): void;
  publishNotice(notice: Notice, origin?: OutboxEntry['origin']): void;
  historyChanged(): void;
  keyRefused(keyId: string, message: string): void;
  /** Wakes the worker at `at` even if it was stopped meanwhile (an alarm). */
  wakeAt(at: number): void;
  now?: () => number;
  random?: () => number;
}

export interface RemoteReaction {
  accountId: string;
  target: Extract<TargetRef, { kind: 'message' }>;
  value: string;
  react: boolean;
  at: number;
}

/** The user's confirmed values on one target, and the echoes of our own changes still due. */
interface Confirmed {
  values: Set<string>;
  echoes: Map<string, ExpectedEcho[]>;
}

/** The answer to a click: the protocol's own type. */
export type ReactOutcome = ReactResponse;

const OUTBOX_BACKOFF: BackoffOptions = { initialMs: 1000, maxMs: 30_000 };
/** Our own changes whose echo has not come within this time are no longer expected. */
const ECHO_WINDOW_MS = 10 * 60_000;
const MAX_EXPECTED_ECHOES = 20;
/** 5xx: give up after this many tries and roll back; network and 429 wait as long as needed. */
const MAX_SERVER_ATTEMPTS = 6;

/** The wait before retry number `attempt` (1-based) of one outbox entry. */
export function backoffDelay(attempt: number, random: () => number): number {
  return backoffDelayEqualJitter(attempt - 1, OUTBOX_BACKOFF, random);
}

export function createReactionEngine(deps: EngineDeps) {
  const now = deps.now ?? Date.now;
  const random = deps.random ?? Math.random;
  const outbox = new Map<string, OutboxEntry>();
  /** What was sent, per outbox id, while its request is out. */
  const inFlight = new Map<string, OutboxEntry>();
  /** Ids whose latest intent is still being written: never sent before it is durable. */
  const persisting = new Set<string>();
  /** Ids whose echo arrived before the answer to the request in flight. */
  const earlyEchoes = new Set<string>();
  /** Per key: a 429 holds every request of that key until then, not just the one refused. */
  const rateLimitedUntil = new Map<string, number>();
  const confirmedCache = new Map<string, Confirmed>();
  let timer: ReturnType<typeof setTimeout> | undefined;

  const loaded = deps.storage.loadOutbox().then((entries) => {
    for (const entry of entries) outbox.set(entry.id, entry);
  });

  async function confirmedRecord(accountId: string, urn: string): Promise<Confirmed> {
    const id = `${accountId}|${urn}`;
    let record = confirmedCache.get(id);
    if (!record) {
      const stored = await deps.storage.getConfirmed(id);
      // Another caller may have filled (and updated) the cache while this one was reading.
      record = confirmedCache.get(id) ?? {
        values: new Set(stored?.values ?? []),
        echoes: new Map(Object.entries(stored?.expectedEchoes ?? {})),
      };
      confirmedCache.set(id, record);
    }
    return record;
  }

  async function confirmedValues(accountId: string, urn: string): Promise<Set<string>> {
    return (await confirmedRecord(accountId, urn)).values;
  }

  async function saveConfirmed(accountId: string, urn: string, record: Confirmed): Promise<void> {
    await deps.storage.putConfirmed({
      id: `${accountId}|${urn}`,
      accountId,
      urn,
      values: [...record.values],
      updatedAt: now(),
      expectedEchoes: Object.fromEntries(
        [...record.echoes].filter(([, echoes]) => echoes.length > 0),
      ),
    });
  }

  async function setConfirmed(
    accountId: string,
    urn: string,
    value: string,
    react: boolean,
    expectEcho = false,
  ): Promise<void> {
    const record = await confirmedRecord(accountId, urn);
    if (react) record.values.add(value);
    else record.values.delete(value);
    if (expectEcho) {
      const echoes = [...(record.echoes.get(value) ?? []), { react, at: now() }];
      record.echoes.set(value, echoes.slice(-MAX_EXPECTED_ECHOES));
    }
    await saveConfirmed(accountId, urn, record);
  }

  /** Takes the oldest expected echo of `value` if it matches `react`: that event is ours. */
  async function takeOwnEcho(
    accountId: string,
    urn: string,
    value: string,
    react: boolean,
  ): Promise<boolean> {
    const record = await confirmedRecord(accountId, urn);
    const echoes = (record.echoes.get(value) ?? []).filter(
      (echo) => echo.at > now() - ECHO_WINDOW_MS,
    );
    const ours = echoes[0]?.react === react;
    record.echoes.set(value, ours ? echoes.slice(1) : echoes);
    if (ours) await saveConfirmed(accountId, urn, record);
    return ours;
  }

  async function viewOf(accountId: string, urn: string): Promise<TargetView> {
    const active = new Set(await confirmedValues(accountId, urn));
    const pending: string[] = [];
    for (const entry of outbox.values()) {
      if (entry.accountId !== accountId || entry.target.urn !== urn) continue;
      pending.push(entry.value);
      if (entry.react) active.add(entry.value);
      else active.delete(entry.value);
    }
    return { urn, active: [...active], pending };
  }

  async function publish(accountId: string, urn: string): Promise<TargetView | null> {
    const account = await deps.getDefaultAccount();
    if (account?.accountId !== accountId) return null;
    const view = await viewOf(accountId, urn);
    deps.publishViews([view]);
    return view;
  }

  async function removeEntry(id: string): Promise<void> {
    outbox.delete(id);
    await deps.storage.deleteOutbox(id);
  }

  async function record(
    entry: OutboxEntry,
    outcome: HistoryEntry['outcome'],
    error?: string,
  ): Promise<void> {
    await deps.storage.recordHistory({
      at: now(),
      kind: entry.target.kind,
      urn: entry.target.urn,
      conversationUrn: entry.target.kind === 'message' ? entry.target.conversationUrn : undefined,
      value: entry.value,
      react: entry.react,
      accountId: entry.accountId,
      source: 'own',
      outcome,
      error,
      link: linkTo(entry.target),
    });
    deps.historyChanged();
  }

  function dueAt(entry: OutboxEntry): number {
    return Math.max(entry.nextAttemptAt, rateLimitedUntil.get(entry.keyId) ?? 0);
  }

  function schedule(): void {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    let next = Number.POSITIVE_INFINITY;
    for (const entry of outbox.values()) {
      if (!inFlight.has(entry.id) && !persisting.has(entry.id)) next = Math.min(next, dueAt(entry));
    }
    if (next === Number.POSITIVE_INFINITY) return;
    timer = setTimeout(pump, Math.max(0, next - now()));
    deps.wakeAt(next);
  }

  function pump(): void {
    timer = undefined;
    for (const entry of outbox.values()) {
      if (!inFlight.has(entry.id) && !persisting.has(entry.id) && dueAt(entry) <= now())
        void send(entry);
    }
    schedule();
  }

  async function send(entry: OutboxEntry): Promise<void> {
    const sent = { ...entry };
    inFlight.set(entry.id, sent);
    try {
      await deps.transport(sent);
      await landed(sent);
    } catch (error) {
      const failure: ApiFailure =
        error instanceof ApiError
          ? error.failure
          : { kind: 'network', message: 'The request could not be sent.' };
      await failed(sent, failure);
    } finally {
      inFlight.delete(entry.id);
      pump();
    }
  }

  async function landed(sent: OutboxEntry): Promise<void> {
    // Its echo may have come already, while the request was out; else expect it later.
    const echoedEarly = earlyEchoes.delete(sent.id);
    await setConfirmed(sent.accountId, sent.target.urn, sent.value, sent.react, !echoedEarly);
    const current = outbox.get(sent.id);
    if (!current || current.version === sent.version || current.react === sent.react) {
      await removeEntry(sent.id);
    } else {
      // The user changed their mind while this was in flight: send the newest intent next.
      const next = { ...current, attempts: 0, nextAttemptAt: now(), lastFailure: undefined };
      outbox.set(next.id, next);
      await deps.storage.putOutbox(next);
    }
    await record(sent, 'applied');
    await publish(sent.accountId, sent.target.urn);
  }

  async function failed(sent: OutboxEntry, failure: ApiFailure): Promise<void> {
    const current = outbox.get(sent.id) ?? sent;
    // Only answers that say the service is broken count toward giving up; network trouble and
    // rate limits wait as long as needed.
    const attempts = (current.lastFailure === failure.kind ? current.attempts : 0) + 1;
    const broken = failure.kind === 'server' || failure.kind === 'malformed';
    const giveUp = !isRetryable(failure) || (broken && attempts >= MAX_SERVER_ATTEMPTS);
    if (giveUp) {
      await removeEntry(sent.id);
      if (failure.kind === 'unauthorized') deps.keyRefused(sent.keyId, failure.message);
      await record(sent, 'failed', failure.message);
      await publish(sent.accountId, sent.target.urn);
      deps.publishNotice(noticeFor(sent.target.urn, failure, true), current.origin);
      return;
    }
    const waitUntil =
      failure.kind === 'rate-limited'
        ? Math.max(failure.retryAt, now())
        : now() + backoffDelay(attempts, random);
    if (failure.kind === 'rate-limited') rateLimitedUntil.set(sent.keyId, waitUntil);
    const next: OutboxEntry = {
      ...current,
      attempts,
      nextAttemptAt: waitUntil,
      lastFailure: failure.kind,
    };
    outbox.set(next.id, next);
    await deps.storage.putOutbox(next);
    // Say it once per kind of trouble, not on every retry.
    if (current.lastFailure !== failure.kind) {
      deps.publishNotice(noticeFor(sent.target.urn, failure, false, waitUntil), current.origin);
    }
  }

  return {
    /** Resends whatever was queued before the worker stopped. */
    async resume(): Promise<void> {
      await loaded;
      pump();
    },

    /** Something suggests the network is back: retry what waits on it, now. */
    async retryQueued(): Promise<void> {
      await loaded;
      for (const [id, entry] of outbox) {
        if (entry.lastFailure === 'network' && !inFlight.has(id))
          outbox.set(id, { ...entry, nextAttemptAt: now() });
      }
      pump();
    },

    async react(
      request: { target: TargetRef; value: string; react: boolean },
      origin?: OutboxEntry['origin'],
    ): Promise<ReactOutcome> {
      await loaded;
      const account = await deps.getDefaultAccount();
      if (!account) {
        const code: NoticeCode = (await deps.hasKeys()) ? 'no-account' : 'no-key';
        return {
          accepted: false,
          notice: noticeFor(request.target.urn, { kind: code, message: '' }, true),
        };
      }
      const { urn } = request.target;
      const id = `${account.accountId}|${urn}|${request.value}`;
      const isConfirmed = (await confirmedValues(account.accountId, urn)).has(request.value);
      // Read after the await: a click that arrived meanwhile may have queued an intent.
      const existing = outbox.get(id);
      let durable: Promise<void> = Promise.resolve();
      if (existing && !inFlight.has(id) && request.react === isConfirmed) {
        // Toggled back to where the service already is: drop the queued request unsent.
        outbox.delete(id);
        durable = deps.storage.deleteOutbox(id);
      } else if (existing || request.react !== isConfirmed) {
        const entry: OutboxEntry = {
          id,
          target: request.target,
          value: request.value,
          keyId: account.keyId,
          accountId: account.accountId,
          react: request.react,
          version: (existing?.version ?? 0) + 1,
          attempts: existing?.attempts ?? 0,
          // A key's rate limit holds new clicks too; stored, so it survives a restart.
          nextAttemptAt: Math.max(now(), rateLimitedUntil.get(account.keyId) ?? 0),
          createdAt: existing?.createdAt ?? now(),
          lastFailure: existing?.lastFailure,
          origin,
        };
        outbox.set(id, entry);
        // Durable before any request leaves: pump() skips ids still being written.
        persisting.add(id);
        durable = deps.storage.putOutbox(entry).finally(() => {
          persisting.delete(id);
          pump();
        });
      }
      // Other tabs see the click at once, while it is being written.
      const view = await viewOf(account.accountId, urn);
      deps.publishViews([view]);
      await durable;
      return { accepted: true, view };
    },

    async views(urns: readonly string[]): Promise<{ views: TargetView[]; ready: boolean }> {
      await loaded;
      const account = await deps.getDefaultAccount();
      if (!account)
        return { views: urns.map((urn) => ({ urn, active: [], pending: [] })), ready: false };
      return {
        views: await Promise.all(urns.map((urn) => viewOf(account.accountId, urn))),
        ready: true,
      };
    },

    /** A reaction made elsewhere (or the echo of our own), from the realtime socket. */
    async applyRemote(remote: RemoteReaction): Promise<void> {
      await loaded;
      const { accountId, target, value, react } = remote;
      const id = `${accountId}|${target.urn}|${value}`;
      // Our own change coming back over the socket: already applied, nothing to do.
      if (await takeOwnEcho(accountId, target.urn, value, react)) return;
      if (inFlight.get(id)?.react === react) {
        // Echo of the request still waiting for its answer.
        earlyEchoes.add(id);
        await setConfirmed(accountId, target.urn, value, react);
        await publish(accountId, target.urn);
        return;
      }
      if ((await confirmedValues(accountId, target.urn)).has(value) === react) return; // Known already.
      // A change made elsewhere. A click queued here for the same state has nothing left to do.
      await setConfirmed(accountId, target.urn, value, react);
      const queued = outbox.get(id);
      if (queued && !inFlight.has(id) && queued.react === react) await removeEntry(id);
      await deps.storage.recordHistory({
        at: remote.at,
        kind: 'message',
        urn: target.urn,
        conversationUrn: target.conversationUrn,
        value,
        react,
        accountId,
        source: 'remote',
        outcome: 'applied',
        link: linkTo(target),
      });
      deps.historyChanged();
      await publish(accountId, target.urn);
    },

    /** A removed key: its queued clicks can no longer be sent, so they are undone. */
    async dropKey(keyId: string): Promise<void> {
      await loaded;
      const dropped = [...outbox.values()].filter(
        (entry) => entry.keyId === keyId && !inFlight.has(entry.id),
      );
      for (const entry of dropped) await removeEntry(entry.id);
      for (const entry of dropped) await publish(entry.accountId, entry.target.urn);
    },

    /** Tests and shutdown: stop the retry timer. */
    stop(): void {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
    },
  };
}

export type ReactionEngine = ReturnType<typeof createReactionEngine>;

const NOTICE_TEXT: Record<NoticeCode, string> = {
  'no-key': 'Add your ConnectSafely key to react from here.',
  'no-account': 'Choose which LinkedIn account reacts, in Accounts.',
  unauthorized: 'ConnectSafely refused your key. Check it in Accounts.',
  'account-not-found':
    'ConnectSafely does not know the chosen LinkedIn account. Choose another in Accounts.',
  rejected: 'ConnectSafely refused this reaction.',
  'rate-limited': 'Rate limited: Reactbar will send this reaction when the limit resets.',
  offline: 'Offline: this reaction is queued and will be sent when the connection is back.',
  'server-error': 'ConnectSafely kept failing, so this reaction was undone. Try again later.',
  'too-fast':
    'That was faster than a person clicks, so Reactbar paused. Try again in a few seconds.',
};

/** The notice shown in the page: fixed words only; the service's own text stays in the history. */
export function noticeFor(
  urn: string,
  failure: ApiFailure | { kind: 'no-key' | 'no-account' | 'too-fast'; message: string },
  rolledBack: boolean,
  retryAt?: number,
): Notice {
  const code: NoticeCode =
    failure.kind === 'not-found'
      ? 'account-not-found'
      : failure.kind === 'server' || failure.kind === 'malformed'
        ? rolledBack
          ? 'server-error'
          : 'offline'
        : failure.kind === 'network'
          ? 'offline'
          : failure.kind;
  let message = NOTICE_TEXT[code];
  if (code === 'rate-limited' && retryAt) {
    message = `Rate limited until ${formatTime(retryAt)}: Reactbar will send this reaction then.`;
  }
  if (code === 'offline' && (failure.kind === 'server' || failure.kind === 'malformed')) {
    message = 'ConnectSafely had a problem: Reactbar will try again shortly.';
  }
  const fixInAccounts = ['no-key', 'no-account', 'unauthorized', 'account-not-found'].includes(
    code,
  );
  return { urn, code, message, retryAt, fixInAccounts, rolledBack };
}

function formatTime(at: number): string {
  return new Date(at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
}

/** Where the target can be opened on LinkedIn. */
export function linkTo(target: TargetRef): string {
  if (target.kind === 'message') {
    const threadId = target.conversationUrn.match(/,(2-[^)]+)\)$/)?.[1] ?? '';
    return `https://www.linkedin.com/messaging/thread/${encodeURIComponent(threadId)}/`;
  }
  const postUrn =
    target.kind === 'comment' ? (target.urn.match(/\((urn:li:[^,]+),/)?.[1] ?? '') : target.urn;
  return `https://www.linkedin.com/feed/update/${postUrn}/`;
}
