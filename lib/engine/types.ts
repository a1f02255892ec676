/**
 * The engine's records and the seams it is built on: storage, backends (one per service) and
 * the failure kinds every backend maps its errors to. Nothing here names a service.
 */
import type {
  FailureKind,
  HistoryEntry,
  ServiceName,
  TargetRef,
  ValueModel,
} from '../reactions/types';

/** Who acts on a service: the credential that authorizes requests and the actor they act as. */
export interface Identity {
  /** The stored key or token the requests use (its id, never the secret). */
  credentialId: string;
  /** The ConnectSafely account id, or the LinkedIn person or organization URN. */
  actor: string;
}

/** Why a service cannot react yet: nothing to authorize with, or nobody chosen to react as. */
export type NotReady = { missing: 'credential' | 'actor' };

/**
 * A state the service holds for one slot: a value, or null for none. A slot is one thing the
 * service sets independently: (target, emoji) in the many model, (target) in the one model.
 */
export type SlotState = string | null;

/** One request we sent: the state it sets, and the window in which the service may apply it. */
export interface SentState {
  state: SlotState;
  /** When it was sent (ms). */
  at: number;
  /** When its outcome became known or moot (answer, failure, restart); absent while out. */
  until?: number;
  /** Written, but the request has not left yet: nothing it sets can have echoed. */
  leaving?: boolean;
}

/** The latest intent for a slot by time: a click here, or a change made elsewhere. */
export interface LatestIntent {
  state: SlotState;
  at: number;
}

/** A click waiting to reach the service: the latest intent per slot (the outbox). */
export interface Intent {
  /** The slot id: `${service}|${actor}|${urn}|${facet}`. */
  id: string;
  service: ServiceName;
  credentialId: string;
  actor: string;
  target: TargetRef;
  /** The emoji of a many-model slot; '' for a one-model slot. */
  facet: string;
  /** The state to set: the value, or null to remove. */
  desired: SlotState;
  /** When the intent was made (a click, or the remote change it now follows). */
  clickedAt: number;
  /** Bumped by every change, so a request that lands knows whether a newer intent exists. */
  version: number;
  /** Failed tries of the current kind of failure, for backoff. */
  attempts: number;
  nextAttemptAt: number;
  lastFailure?: FailureKind;
  /** Requests sent for this slot that the service may have applied (outcome unknown). */
  sent: SentState[];
  /** The tab and frame that clicked, to show a notice there. */
  origin?: { tabId: number; frameId?: number };
  /** A short text of the target, for its history line (the member's snippet option). */
  snippet?: string;
}

/** What the engine knows of one slot on the service. */
export interface ConfirmedSlot {
  /** The slot id. */
  id: string;
  /** `${service}|${actor}|${urn}`: the slots of one target, read together. */
  targetKey: string;
  service: ServiceName;
  actor: string;
  urn: string;
  facet: string;
  /** The service's state as last observed. */
  state: SlotState;
  /** When that observation was true on the service (ms); older observations are stale. */
  asOf: number;
  /** The latest intent by time, which the service must end in. */
  latest: LatestIntent;
  /** Our recent requests, so their echoes are not taken for changes made elsewhere. */
  own: SentState[];
  /** The service's time of the newest event seen on this slot: none can come from before. */
  heardAt?: number;
}

/** A key-wide (or token-wide) hold after a rate limit: nothing is sent with it until then. */
export interface Hold {
  credentialId: string;
  until: number;
}

/**
 * One atomic write: all of it lands, or none of it (one IndexedDB transaction). An intent id
 * is in at most one of putIntents and deleteIntents (see engine/changes.ts).
 */
export interface EngineChange {
  putIntents?: Intent[];
  deleteIntents?: string[];
  putConfirmed?: ConfirmedSlot[];
  putHolds?: Hold[];
  /** Credential ids whose hold is over (the credential was removed). */
  deleteHolds?: string[];
  history?: HistoryEntry[];
}

/** Where engine state is persisted (IndexedDB in the extension, memory in tests). */
export interface EngineStorage {
  loadIntents(): Promise<Intent[]>;
  loadHolds(): Promise<Hold[]>;
  /** Every slot known for one target (`ConfirmedSlot.targetKey`). */
  confirmedFor(targetKey: string): Promise<ConfirmedSlot[]>;
  commit(change: EngineChange): Promise<void>;
}

/** A failure, in the one set of kinds every backend maps its errors to. */
export interface Failure {
  kind: FailureKind;
  /** Rate limits: when the service accepts requests again. */
  retryAt?: number;
  /** Missing permissions: which one (e.g. w_member_social). */
  permission?: string;
  /** The service's own words, kept for the history, never shown as the notice. */
  detail?: string;
  /**
   * A step of this request changed the service before a later step failed (a switch made of
   * a delete and a create): the failure does not mean nothing was applied.
   */
  partlyApplied?: boolean;
  /** With partlyApplied: the state the service is known to be left in, when the backend knows. */
  stateNow?: SlotState;
}

export class ServiceError extends Error {
  override name = 'ServiceError';
  constructor(readonly failure: Failure) {
    super(failure.detail ?? failure.kind);
  }
}

/**
 * A request not answered within this time is given up by its client (a network failure); the
 * service may still apply it until then, never later.
 */
export const REQUEST_TIMEOUT_MS = 15_000;

/** Failures after which the request may have been applied: the latest intent is resent. */
export function mayHaveApplied(failure: Failure): boolean {
  return failure.kind === 'server-error' || failure.kind === 'offline' || !!failure.partlyApplied;
}

/** Failures worth waiting out; every other kind gives the intent up at once. */
export function isRetryable(kind: FailureKind): boolean {
  return kind === 'server-error' || kind === 'offline' || kind === 'rate-limited';
}

/** One request to a service: set this slot of this target to `state`, acting as `identity`. */
export interface SendRequest {
  identity: Identity;
  target: TargetRef;
  facet: string;
  state: SlotState;
}

/** The words a service uses for its notices (its name, where its fix is). */
export interface NoticeWords {
  /** Plain words for a failure or a missing setup; `retryAt` formatted by the engine. */
  message(code: FailureKind | NotReady['missing'], context: NoticeContext): string;
}

export interface NoticeContext {
  /** The reaction was given up (false: it is still queued). */
  rolledBack: boolean;
  retryAt?: number;
  permission?: string;
}

/** A service, as the engine sees it. */
export interface Backend {
  service: ServiceName;
  model: ValueModel;
  /** Who reacts now, or what is missing. */
  identity(): Promise<Identity | NotReady>;
  /** Sets one slot; throws ServiceError. Must be safe to repeat (it sets a state). */
  send(request: SendRequest): Promise<void>;
  words: NoticeWords;
  /** The service refused the credential: mark it so the user sees why, and stop using it. */
  credentialRefused(credentialId: string, failure: Failure): void;
  /**
   * Whether the service's own web page shows this actor's reactions (LinkedIn's page shows the
   * signed-in member's, not those of a page they act for). Absent: the page is never read.
   */
  pageShows?(actor: string): boolean;
}

/** A change observed on the service that the engine did not just make itself (or its echo). */
export interface RemoteChange {
  service: ServiceName;
  actor: string;
  target: TargetRef;
  facet: string;
  state: SlotState;
  /** When the service applied it (ms). */
  at: number;
}
