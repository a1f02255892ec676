/**
 * The LinkedIn connection as the popup sees it, through the protocol's LinkedIn actions. The
 * access token and the app's client secret never leave the background: what comes here is
 * masked or derived from them. Names are not here either: LinkedIn's terms allow keeping person
 * URNs only, so names are fetched live (LinkedInActorsView) and shown, never stored.
 */

/** How the token was obtained. */
export type LinkedInConnectionVia = 'token' | 'sign-in';

export interface LinkedInConnectionSummary {
  /** The token's id: the engine's credential id for LinkedIn reactions. */
  id: string;
  /** `urn:li:person:<sub>`: the member the token belongs to. */
  member: string;
  via: LinkedInConnectionVia;
  /** e.g. "AQX7…0bC3": enough to recognise, never enough to use. */
  maskedToken: string;
  addedAt: number;
  /** When LinkedIn last accepted the token (userinfo). */
  checkedAt: number;
  /**
   * When the token ends (epoch ms). Known from LinkedIn's answer at sign-in, or from the days
   * the member said were left when pasting it; otherwise the latest it can end (LinkedIn's
   * tokens last 60 days, so 60 days after it was pasted) and `expiryKnown` is false.
   */
  expiresAt: number;
  expiryKnown: boolean;
  /** The scopes LinkedIn granted, or null where it did not say (a pasted token). */
  scopes: string[] | null;
  /** valid: LinkedIn accepted it when last asked; refused: it answered 401 since. */
  status: 'valid' | 'refused';
  /** Plain words for the refusal. */
  error?: string;
  /** Who reacts: this member (`member`) or an `urn:li:organization:<id>` page. */
  actor: string;
}

/** The member's own LinkedIn app, for "Sign in with LinkedIn". */
export interface LinkedInAppSummary {
  clientId: string;
  /** e.g. "WPL_…Y==": the secret itself stays in the background. */
  maskedSecret: string;
  /** unchecked until a sign-in exchanged a code with it; refused after invalid_client. */
  status: 'unchecked' | 'valid' | 'refused';
  error?: string;
}

/**
 * The sign-in the background runs (it outlives the popup, which closes when the LinkedIn
 * window takes the focus): waiting for the member in LinkedIn's window, or how the last one
 * failed.
 */
export type LinkedInSignInState =
  | { state: 'idle' }
  | { state: 'waiting'; since: number }
  | { state: 'failed'; message: string; at: number };

export interface LinkedInOverview {
  connection: LinkedInConnectionSummary | null;
  app: LinkedInAppSummary | null;
  /** The exact redirect URL to register in the app (`browser.identity.getRedirectURL()`). */
  redirectUrl: string;
  signIn: LinkedInSignInState;
}

/** Whom the connection can react as, read from LinkedIn now (names included, never stored). */
export interface LinkedInActorsView {
  member: { actor: string; name: string | null };
  pages: Array<{ urn: string; name: string | null; roles: string[] }>;
  /** Plain words for why no pages could be listed, or null when they were. */
  pagesNote: string | null;
}

/**
 * What a post's or comment's row says of the LinkedIn connection (for LinkedIn frames: no
 * token, no member name; a page's name is LinkedIn's public page name, asked live and held in
 * the background's memory only). Null from the background: not connected.
 */
export interface LinkedInRowInfo {
  /** As whom the row reacts, in words: "you", or the chosen page's name. */
  reactsAs: string;
  /**
   * From 7 days before the connection ends (or once it has, or once LinkedIn refused it): what
   * to do, in words ("Your LinkedIn connection ends in 5 days: reconnect in Accounts"); else null.
   */
  warning: string | null;
}

export interface ConnectLinkedInTokenRequest {
  accessToken: string;
  /** Days the token has left, when the member knows (LinkedIn's token generator says). */
  daysLeft?: number;
}

export interface SignInWithLinkedInRequest {
  /** Ask for the page scopes too (react as a page, list the pages). */
  asPages: boolean;
  /** The app to sign in with, stored first; absent: the stored one. */
  app?: { clientId: string; clientSecret: string };
}
