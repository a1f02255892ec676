/**
 * Connecting LinkedIn, in the background: checking a pasted token, "Sign in with LinkedIn"
 * with the member's own app (the browser's auth window, `state` checked, the code exchanged
 * here with the client secret), whom to react as, and disconnecting. Every failure reaches the
 * popup as a LinkedInConnectError in plain words (lib/services/linkedin/words.ts); the token and
 * the secret never do.
 *
 * Its world is injected (clients, the browser's identity API, the clock), so that tests drive
 * it against the emulator and a scripted auth window.
 */

import { i18n } from '#i18n';
import { type Failure, ServiceError } from '../engine/types';
import type {
  ConnectLinkedInTokenRequest,
  LinkedInActorsView,
  LinkedInConnectionSummary,
  LinkedInOverview,
  LinkedInRowInfo,
  LinkedInSignInState,
  SignInWithLinkedInRequest,
} from '../messaging/linkedin';
import { listActors } from '../services/linkedin/actors';
import type { LinkedInClient, LinkedInMember } from '../services/linkedin/client';
import {
  authorizationUrl,
  createOAuthState,
  exchangeCode,
  parseRedirect,
  type TokenGrant,
  tokenExpiry,
} from '../services/linkedin/oauth';
import {
  type ConnectStep,
  connectFailureWords,
  redirectFailureWords,
  rowWarningWords,
} from '../services/linkedin/words';
import * as vault from './linkedin-vault';

/** Plain words for the popup; never a token, a secret or a URL. */
export class LinkedInConnectError extends Error {
  override name = 'LinkedInConnectError';
}

/** The part of `browser.identity` that sign-in uses. */
export interface WebAuthFlow {
  getRedirectURL(): string;
  launchWebAuthFlow(details: { url: string; interactive: boolean }): Promise<string | undefined>;
}

export interface LinkedInConnectorDeps {
  /** A client with this token; with the stored token's id, sharing its streak of 429s. */
  clientFor(accessToken: string, tokenId?: string): Promise<LinkedInClient>;
  /** The OAuth base from the settings (`…/authorization`, `…/accessToken`). */
  oauthUrl(): Promise<string>;
  identity: WebAuthFlow;
  /** The exchange's fetch (tests); the global one otherwise. */
  fetch?: typeof fetch;
  now?: () => number;
  /** The connection or the actor changed: the popup and the LinkedIn tabs refresh. */
  changed(): void;
  /** Only what the popup shows changed (the sign-in under way, the app): the popup refreshes. */
  popupChanged(): void;
  /** A token is gone (replaced or disconnected): its queued reactions are undone. */
  tokenGone(tokenId: string): Promise<void>;
}

const DAY_MS = 86_400_000;
/** A sign-in window the member left open longer than this no longer blocks a new one. */
const SIGN_IN_STALE_MS = 15 * 60_000;

/**
 * The words of failures that are the background's own (no LinkedIn answer behind them), from the
 * catalogue (`linkedinConnectFailure`, `linkedinRow`) when read.
 */
export const CONNECT_WORDS = {
  get noApp() {
    return i18n.t('linkedinConnectFailure.noApp');
  },
  get busy() {
    return i18n.t('linkedinConnectFailure.busy');
  },
  get windowClosed() {
    return i18n.t('linkedinConnectFailure.windowClosed');
  },
  get notConnected() {
    return i18n.t('linkedinConnectFailure.notConnected');
  },
  get notYourPage() {
    return i18n.t('linkedinConnectFailure.notYourPage');
  },
  get notYou() {
    return i18n.t('linkedinConnectFailure.notYou');
  },
  get noRedirect() {
    return i18n.t('linkedinConnectFailure.noRedirect');
  },
  /** Signing in failed for a reason without words of its own. */
  get signInFailed() {
    return i18n.t('linkedinConnectFailure.signInFailed');
  },
  /** The row's words for the member themself, as whom it reacts. */
  get you() {
    return i18n.t('linkedinRow.you');
  },
  /** The row's words for a page whose name LinkedIn did not give. */
  get unnamedPage() {
    return i18n.t('linkedinRow.unnamedPage');
  },
};

const ORGANIZATION_PREFIX = 'urn:li:organization:';

/** Why the member's pages could not be listed, in words that say what to do. */
function pagesWords(failure: Failure): string {
  if (failure.kind === 'permission-missing')
    return i18n.t('linkedinConnectFailure.pagesPermission');
  return connectFailureWords('list-pages', failure);
}

export function createLinkedInConnector(deps: LinkedInConnectorDeps) {
  const now = deps.now ?? Date.now;
  let signIn: LinkedInSignInState = { state: 'idle' };
  /**
   * Pages' names by organization URN, as LinkedIn last gave them: in this worker's memory only,
   * never stored (LinkedIn allows keeping URNs only), so a new worker asks again.
   */
  const pageNames = new Map<string, string>();

  /** The chosen page's name, asked of LinkedIn once per worker; words if it cannot be read. */
  async function pageName(token: vault.StoredLinkedInToken, actor: string): Promise<string> {
    const known = pageNames.get(actor);
    if (known !== undefined) return known;
    try {
      const client = await deps.clientFor(token.accessToken, token.id);
      const { name } = await client.organization(actor.slice(ORGANIZATION_PREFIX.length));
      if (name) {
        pageNames.set(actor, name);
        return name;
      }
    } catch (error) {
      // The row still works; the popup is where a refused token is looked into.
      if (!(error instanceof ServiceError)) throw error;
    }
    return CONNECT_WORDS.unnamedPage;
  }

  function setSignIn(state: LinkedInSignInState): void {
    signIn = state;
    deps.popupChanged();
  }

  /** A ServiceError as words for the popup; anything else as it is. */
  function wordsFor(step: ConnectStep, error: unknown): unknown {
    return error instanceof ServiceError
      ? new LinkedInConnectError(connectFailureWords(step, error.failure), { cause: error })
      : error;
  }

  /** Who the token belongs to (userinfo): the check every new token passes. */
  async function checkToken(accessToken: string): Promise<LinkedInMember> {
    const client = await deps.clientFor(accessToken);
    try {
      return await client.member();
    } catch (error) {
      throw wordsFor('check-token', error);
    }
  }

  async function store(connection: vault.NewConnection): Promise<LinkedInConnectionSummary> {
    const { token, replaced } = await vault.saveConnection(connection, now());
    if (replaced) await deps.tokenGone(replaced);
    deps.changed();
    return vault.summarizeConnection(token, await vault.actorFor(token));
  }

  async function requireConnection(): Promise<vault.StoredLinkedInToken> {
    const token = await vault.getConnection();
    if (!token) throw new LinkedInConnectError(CONNECT_WORDS.notConnected);
    return token;
  }

  /** LinkedIn answered about the stored token: a 401 marks it refused, a success valid again. */
  async function noteAnswer(token: vault.StoredLinkedInToken, error?: unknown): Promise<void> {
    if (error === undefined) {
      if (await vault.markAccepted(token.id, now())) deps.changed();
    } else if (error instanceof ServiceError && error.failure.kind === 'credential-refused') {
      if (await vault.markRefused(token.id, vault.tokenRefusedWords())) deps.changed();
    }
  }

  function redirectUrl(): string {
    try {
      return deps.identity.getRedirectURL();
    } catch {
      return '';
    }
  }

  /** Runs LinkedIn's window and trades the code for a token; throws words. */
  async function authorize(request: SignInWithLinkedInRequest): Promise<TokenGrant> {
    const app = await vault.getApp();
    if (!app) throw new LinkedInConnectError(CONNECT_WORDS.noApp);
    const redirectUri = redirectUrl();
    if (!redirectUri) throw new LinkedInConnectError(CONNECT_WORDS.noRedirect);
    const oauthUrl = await deps.oauthUrl();
    const state = createOAuthState();
    const url = authorizationUrl({
      oauthUrl,
      clientId: app.clientId,
      redirectUri,
      state,
      asPages: request.asPages,
    });
    let redirectedTo: string | undefined;
    try {
      redirectedTo = await deps.identity.launchWebAuthFlow({ url, interactive: true });
    } catch {
      // The browser gives only text here (the window was closed, or its page failed to load).
      throw new LinkedInConnectError(CONNECT_WORDS.windowClosed);
    }
    const result = parseRedirect(redirectedTo ?? '', { state, redirectUri });
    if (!result.ok) throw new LinkedInConnectError(redirectFailureWords(result));
    try {
      const grant = await exchangeCode({
        oauthUrl,
        clientId: app.clientId,
        clientSecret: app.clientSecret,
        code: result.code,
        redirectUri,
        fetch: deps.fetch,
        now,
      });
      await vault.markApp(app.clientId, { status: 'valid' });
      return grant;
    } catch (error) {
      if (!(error instanceof ServiceError)) throw error;
      const words = connectFailureWords('exchange-code', error.failure);
      // invalid_client: the id or the secret is wrong; kept, marked, until the member changes it.
      if (error.failure.kind === 'credential-refused') {
        await vault.markApp(app.clientId, { status: 'refused', error: words });
      }
      throw new LinkedInConnectError(words, { cause: error });
    }
  }

  return {
    /** What the popup shows without asking LinkedIn. */
    async overview(): Promise<LinkedInOverview> {
      const [token, app] = await Promise.all([vault.getConnection(), vault.getApp()]);
      return {
        connection: token ? vault.summarizeConnection(token, await vault.actorFor(token)) : null,
        app: app ? vault.summarizeApp(app) : null,
        redirectUrl: redirectUrl(),
        signIn,
      };
    },

    /** A pasted token: checked with userinfo, stored only if LinkedIn accepts it. */
    async connectToken(request: ConnectLinkedInTokenRequest): Promise<LinkedInConnectionSummary> {
      const member = await checkToken(request.accessToken);
      // A failed sign-in is no longer the news once connected another way.
      if (signIn.state === 'failed') signIn = { state: 'idle' };
      return store({
        accessToken: request.accessToken,
        member: member.actor,
        via: 'token',
        expiresAt: request.daysLeft === undefined ? null : now() + request.daysLeft * DAY_MS,
        scopes: null,
      });
    },

    /**
     * "Sign in with LinkedIn": stores the app if one is given (entered once), opens LinkedIn's
     * window, checks the answer's `state`, exchanges the code, checks the token, stores it.
     * The outcome is kept (signIn) for a popup that closed meanwhile.
     */
    async signIn(request: SignInWithLinkedInRequest): Promise<LinkedInConnectionSummary> {
      if (signIn.state === 'waiting' && now() - signIn.since < SIGN_IN_STALE_MS) {
        throw new LinkedInConnectError(CONNECT_WORDS.busy);
      }
      if (request.app) await vault.saveApp(request.app, now());
      setSignIn({ state: 'waiting', since: now() });
      try {
        const grant = await authorize(request);
        const member = await checkToken(grant.accessToken);
        signIn = { state: 'idle' };
        // Stored, then one refresh for the popup and the tabs.
        return await store({
          accessToken: grant.accessToken,
          member: member.actor,
          via: 'sign-in',
          expiresAt: grant.expiresAt,
          scopes: grant.scopes,
        });
      } catch (error) {
        const message =
          error instanceof LinkedInConnectError ? error.message : CONNECT_WORDS.signInFailed;
        setSignIn({ state: 'failed', message, at: now() });
        throw error instanceof LinkedInConnectError ? error : new LinkedInConnectError(message);
      }
    },

    /** Whom the connection can react as, with names, read from LinkedIn now. */
    async actors(): Promise<LinkedInActorsView> {
      const token = await requireConnection();
      const client = await deps.clientFor(token.accessToken, token.id);
      let found: Awaited<ReturnType<typeof listActors>>;
      try {
        found = await listActors(client);
      } catch (error) {
        await noteAnswer(token, error);
        throw wordsFor('check-token', error);
      }
      await noteAnswer(token);
      for (const page of found.pages) if (page.name) pageNames.set(page.urn, page.name);
      return {
        member: { actor: found.member.actor, name: found.member.name },
        pages: found.pages.map((page) => ({ urn: page.urn, name: page.name, roles: page.roles })),
        pagesNote: found.pagesUnavailable ? pagesWords(found.pagesUnavailable) : null,
      };
    },

    /**
     * What the post and comment rows say: as whom they react ("you" or the page's name) and,
     * from 7 days before the connection ends, a warning. Null when not connected.
     */
    async rowInfo(): Promise<LinkedInRowInfo | null> {
      const token = await vault.getConnection();
      if (!token) return null;
      const actor = await vault.actorFor(token);
      const summary = vault.summarizeConnection(token, actor);
      return {
        reactsAs: actor.startsWith(ORGANIZATION_PREFIX)
          ? await pageName(token, actor)
          : CONNECT_WORDS.you,
        warning: rowWarningWords({
          refused: token.status === 'refused',
          expiry: tokenExpiry(summary.expiresAt, now()),
          expiryKnown: summary.expiryKnown,
        }),
      };
    },

    /** Whom reactions act as: the member, or a page LinkedIn says they may react for. */
    async chooseActor(actor: string): Promise<void> {
      const token = await requireConnection();
      if (actor !== token.member) {
        if (!actor.startsWith('urn:li:organization:')) {
          throw new LinkedInConnectError(CONNECT_WORDS.notYou);
        }
        const client = await deps.clientFor(token.accessToken, token.id);
        let pages: Awaited<ReturnType<LinkedInClient['organizationAccess']>>;
        try {
          pages = await client.organizationAccess();
        } catch (error) {
          await noteAnswer(token, error);
          throw wordsFor('list-pages', error);
        }
        if (!pages.some((page) => page.urn === actor)) {
          throw new LinkedInConnectError(CONNECT_WORDS.notYourPage);
        }
      }
      await vault.setActor(token, actor);
      deps.changed();
    },

    /** Forgets the token (and the actor chosen with it); the app stays for the next sign-in. */
    async disconnect(): Promise<void> {
      const removed = await vault.removeConnection();
      if (removed) await deps.tokenGone(removed);
      if (signIn.state === 'failed') signIn = { state: 'idle' };
      deps.changed();
    },

    /** Forgets the member's app (client id and secret). */
    async forgetApp(): Promise<void> {
      await vault.removeApp();
      deps.popupChanged();
    },
  };
}

export type LinkedInConnector = ReturnType<typeof createLinkedInConnector>;
