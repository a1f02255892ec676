/**
 * The one message protocol between the extension's contexts: names, payloads and answers.
 * Kept free of runtime dependencies because the content script imports it on every page;
 * the background validates each payload and sender against `./rules`.
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { AccountsOverview, KeySummary, RealtimeState } from '../accounts/types';
import type { Notice, ServiceName, TargetKind, TargetRef, TargetView } from '../reactions/types';
import type { ConnectionSettings } from '../settings';
import type { ShortcutCommand } from '../shortcut-command';
import type {
  ConnectLinkedInTokenRequest,
  LinkedInActorsView,
  LinkedInConnectionSummary,
  LinkedInOverview,
  LinkedInRowInfo,
  SignInWithLinkedInRequest,
} from './linkedin';

/** Who may send a background message: a LinkedIn frame, or one of our pages. */
export type SenderKind = 'linkedin' | 'popup' | 'options' | 'history';

export interface PingRequest {
  from: 'content' | 'popup' | 'options';
}

export interface PingResponse {
  pong: true;
  version: string;
  /** When this background worker instance started (ms), to tell restarts apart. */
  startedAt: number;
}

export interface BackgroundStatus {
  connection: ConnectionSettings;
  startedAt: number;
}

export interface ReactRequest {
  target: TargetRef;
  /** An emoji (messages) or a reaction type (posts, comments). */
  value: string;
  react: boolean;
  /**
   * A short text of the target's body (≤ 80 characters, never a name), sent only while the
   * member's history snippet option is on; the background keeps it only then.
   */
  snippet?: string;
}

export type ReactResponse =
  | { accepted: true; view: TargetView }
  | { accepted: false; notice: Notice };

export interface ViewsRequest {
  urns: string[];
  /**
   * Posts and comments: the reaction LinkedIn's own page shows the member has (a reaction type,
   * or null for none), by URN; a target whose page state is unknown is left out. The engine
   * takes it only for targets it has never observed.
   */
  pageStates?: Record<string, string | null>;
}

/**
 * LinkedIn's own page changed the member's reaction on a post or comment (a click on its native
 * control, seen in the page): a type, or null for none.
 */
export interface PageReactionChanged {
  target: { kind: 'post' | 'comment'; urn: string };
  state: string | null;
}

/** Undo from a history line: the engine's answer, or why nothing was sent. */
export type UndoResponse =
  | { accepted: true; request: ReactRequest; view: TargetView }
  | { accepted: false; message: string };

/** How much history to keep (see lib/db/items.ts). */
export interface HistoryRetentionSettings {
  maxLines: number;
  /** null: no age limit. */
  maxDays: number | null;
}

/** Per service: whether it can react (a key or token and an actor are set up). */
export type Readiness = Partial<Record<ServiceName, boolean>>;

export interface ViewsResponse {
  views: TargetView[];
  /** A service false has no key, token or actor set up: its bars say how to connect. */
  ready: Readiness;
  /**
   * The keyboard stops' labels per kind, in the browser's language. From the background, which
   * has the catalogue loaded: a frame reading it itself pays a synchronous load of the whole
   * catalogue at startup (10–20 ms measured), in every LinkedIn frame.
   */
  hostLabels?: Record<TargetKind, string>;
}

/** Background handlers, keyed by message name. */
export interface BackgroundProtocol {
  ping(data: PingRequest): PingResponse;
  getStatus(): BackgroundStatus;
  /** From the options page: validated again, stored where only the background can write. */
  saveConnection(data: ConnectionSettings): ConnectionSettings;
  // From LinkedIn tabs.
  react(data: ReactRequest): ReactResponse;
  getViews(data: ViewsRequest): ViewsResponse;
  /** LinkedIn applied a reaction made with its own buttons: every tab follows. */
  pageReactionChanged(data: PageReactionChanged): void;
  openAccounts(): void;
  /** As whom the post and comment rows react, and a warning before the connection ends. */
  getLinkedInRow(): LinkedInRowInfo | null;
  // From the popup.
  getAccounts(): AccountsOverview;
  addKey(data: { apiKey: string; label?: string }): KeySummary;
  renameKey(data: { keyId: string; label: string }): KeySummary;
  recheckKey(data: { keyId: string }): KeySummary;
  removeKey(data: { keyId: string }): void;
  setDefaultAccount(data: { keyId: string; accountId: string }): void;
  // From the popup: the LinkedIn connection (see ./linkedin for what each carries).
  /** The connection, the app and the sign-in under way, from storage (no call to LinkedIn). */
  getLinkedIn(): LinkedInOverview;
  /** The member and the pages they may react for, with names, asked of LinkedIn now. */
  getLinkedInActors(): LinkedInActorsView;
  /** A pasted access token: checked with userinfo, stored only if LinkedIn accepts it. */
  connectLinkedInToken(data: ConnectLinkedInTokenRequest): LinkedInConnectionSummary;
  /** "Sign in with LinkedIn" with the member's app; answers once the window is done. */
  signInWithLinkedIn(data: SignInWithLinkedInRequest): LinkedInConnectionSummary;
  /** Whom LinkedIn reactions act as: the member's person URN or a page's organization URN. */
  setLinkedInActor(data: { actor: string }): void;
  disconnectLinkedIn(): void;
  /** Forgets the app's client id and secret. */
  forgetLinkedInApp(): void;
  // From the popup's History tab and the history page.
  /**
   * Undoes a history line: the opposite of its target's latest state goes through the engine
   * like a click (every tab shows it).
   */
  undoReaction(data: { id: number }): UndoResponse;
  /** Forgets every history line (their snippets with them). */
  clearHistory(): void;
  /** From the options page: stored, then applied to the history at once. */
  setHistoryRetention(data: HistoryRetentionSettings): HistoryRetentionSettings;
}

/** What the background pushes to every LinkedIn frame and open extension page. */
export interface BroadcastProtocol {
  /**
   * `reset`: the reacting account changed; views held so far are stale. `ready` names the
   * services whose readiness is known to the sender (with `reset`, all of them).
   */
  viewsChanged(data: { views: TargetView[]; ready: Readiness; reset?: boolean }): void;
  notice(data: Notice): void;
  /**
   * A new background worker started (the last one was stopped or killed): a view still showing
   * a pending click may have been settled meanwhile, unseen. Its frames ask again.
   */
  backgroundStarted(): void;
  /**
   * Keys, accounts, rate limits, realtime states or the LinkedIn connection changed: the popup
   * refetches.
   */
  accountsChanged(data: { realtime?: Record<string, RealtimeState> }): void;
  historyChanged(): void;
  /**
   * A keyboard shortcut the browser heard in this tab (see lib/shortcuts.ts); a frame answers
   * whether it acted.
   */
  shortcut(data: { command: ShortcutCommand }): boolean;
}

/** The name of the error the background answers a refused message with (its kind, kept
 * across the messaging: a content script tells a refusal from an unreachable background). */
export const REFUSED_MESSAGE_ERROR = 'RefusedMessageError';

export const backgroundMessenger = defineExtensionMessaging<BackgroundProtocol>();
export const broadcastMessenger = defineExtensionMessaging<BroadcastProtocol>();
