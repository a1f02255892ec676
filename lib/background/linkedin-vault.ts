/**
 * The LinkedIn connection's secrets and choices, in the extension's IndexedDB (typed items, see
 * lib/db/items.ts): the access token, the member's own app (client id and secret), and whom
 * reactions act as. Only the background imports this module; what leaves it is a summary with
 * the token and the secret masked (summarizeConnection, summarizeApp).
 *
 * LinkedIn's terms allow keeping person URNs only, so the member is kept as
 * `urn:li:person:<sub>` and their name, like the pages' names, is fetched when shown.
 */

import { i18n } from '#i18n';
import type { StoredLinkedInApp, StoredLinkedInToken } from '../db/items';
import { linkedinActor, linkedinApp, linkedinToken } from '../db/items';
import type { Identity, NotReady } from '../engine/types';
import type {
  LinkedInAppSummary,
  LinkedInConnectionSummary,
  LinkedInConnectionVia,
} from '../messaging/linkedin';
import { maskKey } from './vault';

export type { StoredLinkedInApp, StoredLinkedInToken };

/** LinkedIn's access tokens last 60 days, and ordinary apps get no refresh token. */
export const TOKEN_LIFETIME_DAYS = 60;
const DAY_MS = 86_400_000;

/** Plain words for a connection LinkedIn stopped accepting, from the catalogue. */
export function tokenRefusedWords(): string {
  return i18n.t('linkedinConnectFailure.connectionRefused');
}

// Read on every click and every view request: kept in memory, written through.
let tokenCache: Promise<StoredLinkedInToken | null> | undefined;
let actorCache: Promise<{ member: string; actor: string } | null> | undefined;

function cached<T>(
  current: Promise<T> | undefined,
  read: () => Promise<T>,
  store: (value: Promise<T> | undefined) => void,
): Promise<T> {
  if (current) return current;
  const reading = read().catch((error: unknown) => {
    store(undefined);
    throw error;
  });
  store(reading);
  return reading;
}

export function getConnection(): Promise<StoredLinkedInToken | null> {
  return cached(
    tokenCache,
    () => linkedinToken.get(),
    (value) => {
      tokenCache = value;
    },
  );
}

async function writeConnection(token: StoredLinkedInToken | null): Promise<void> {
  if (token) await linkedinToken.set(token);
  else await linkedinToken.remove();
  tokenCache = Promise.resolve(token);
}

function getActorChoice(): Promise<{ member: string; actor: string } | null> {
  return cached(
    actorCache,
    () => linkedinActor.get(),
    (value) => {
      actorCache = value;
    },
  );
}

/** Whom reactions act as for this token: the chosen page, or the member themself. */
export async function actorFor(token: StoredLinkedInToken): Promise<string> {
  const choice = await getActorChoice();
  // A choice made by another member (before a reconnect as someone else) is not theirs.
  return choice && choice.member === token.member ? choice.actor : token.member;
}

/** The LinkedIn backend's identity: the token's id and the chosen actor. */
export async function linkedInIdentity(): Promise<Identity | NotReady> {
  const token = await getConnection();
  if (!token) return { missing: 'credential' };
  // A refused token still names who reacts: a click is then refused by LinkedIn with words
  // that say to reconnect, rather than a bar asking to connect what is connected.
  return { credentialId: token.id, actor: await actorFor(token) };
}

export interface NewConnection {
  accessToken: string;
  /** `urn:li:person:<sub>`, from userinfo. */
  member: string;
  via: LinkedInConnectionVia;
  expiresAt: number | null;
  scopes: string[] | null;
}

/**
 * Stores a token LinkedIn has just accepted, replacing the one before. The same token again
 * keeps its id (the engine's credential); another token gets a new one. Returns the stored
 * token and the id of the one it replaced, if any (its queued reactions cannot be sent).
 */
export async function saveConnection(
  connection: NewConnection,
  now = Date.now(),
): Promise<{ token: StoredLinkedInToken; replaced: string | null }> {
  const previous = await getConnection();
  const same = previous?.accessToken === connection.accessToken;
  const token: StoredLinkedInToken = {
    id: same && previous ? previous.id : crypto.randomUUID(),
    accessToken: connection.accessToken,
    member: connection.member,
    via: connection.via,
    addedAt: same && previous ? previous.addedAt : now,
    checkedAt: now,
    // Pasting the same token again without days keeps what was known of its end.
    expiresAt: connection.expiresAt ?? (same && previous ? previous.expiresAt : null),
    scopes: connection.scopes ?? (same && previous ? previous.scopes : null),
    status: 'valid',
  };
  await writeConnection(token);
  if (previous && previous.member !== token.member) await setActorChoice(null);
  return { token, replaced: previous && !same ? previous.id : null };
}

/** LinkedIn refused the token (401): kept, marked, so the popup says to reconnect. */
export async function markRefused(tokenId: string, message: string): Promise<boolean> {
  const token = await getConnection();
  if (!token || token.id !== tokenId) return false;
  if (token.status === 'refused' && token.error === message) return false;
  await writeConnection({ ...token, status: 'refused', error: message });
  return true;
}

/** LinkedIn accepted the token just now. Returns whether its status changed. */
export async function markAccepted(tokenId: string, now = Date.now()): Promise<boolean> {
  const token = await getConnection();
  if (!token || token.id !== tokenId) return false;
  const changed = token.status !== 'valid';
  await writeConnection({ ...token, status: 'valid', error: undefined, checkedAt: now });
  return changed;
}

/** Forgets the token and the actor chosen with it. Returns the forgotten token's id. */
export async function removeConnection(): Promise<string | null> {
  const token = await getConnection();
  await writeConnection(null);
  await setActorChoice(null);
  return token?.id ?? null;
}

/** Chooses whom reactions act as: `actor` must already be checked against the token. */
export async function setActor(token: StoredLinkedInToken, actor: string): Promise<void> {
  await setActorChoice(actor === token.member ? null : { member: token.member, actor });
}

async function setActorChoice(choice: { member: string; actor: string } | null): Promise<void> {
  if (choice) await linkedinActor.set(choice);
  else await linkedinActor.remove();
  actorCache = Promise.resolve(choice);
}

export function getApp(): Promise<StoredLinkedInApp | null> {
  return linkedinApp.get();
}

/** Stores the member's app; the same id and secret again keep what is known of them. */
export async function saveApp(
  app: { clientId: string; clientSecret: string },
  now = Date.now(),
): Promise<StoredLinkedInApp> {
  const previous = await getApp();
  if (previous?.clientId === app.clientId && previous.clientSecret === app.clientSecret) {
    return previous;
  }
  const stored: StoredLinkedInApp = { ...app, addedAt: now, status: 'unchecked' };
  await linkedinApp.set(stored);
  return stored;
}

/** What the last code exchange said of the app: accepted, or refused with these words. */
export async function markApp(
  clientId: string,
  outcome: { status: 'valid' } | { status: 'refused'; error: string },
): Promise<void> {
  const app = await getApp();
  if (!app || app.clientId !== clientId) return;
  const { clientSecret, addedAt } = app;
  await linkedinApp.set({ clientId, clientSecret, addedAt, ...outcome });
}

export async function removeApp(): Promise<void> {
  await linkedinApp.remove();
}

export function summarizeConnection(
  token: StoredLinkedInToken,
  actor: string,
): LinkedInConnectionSummary {
  const { accessToken, expiresAt, error, ...rest } = token;
  return {
    ...rest,
    ...(error === undefined ? {} : { error }),
    maskedToken: maskKey(accessToken),
    // Unknown: a token lasts 60 days from when it was made, at or before it was pasted.
    expiresAt: expiresAt ?? token.addedAt + TOKEN_LIFETIME_DAYS * DAY_MS,
    expiryKnown: expiresAt !== null,
    actor,
  };
}

export function summarizeApp(app: StoredLinkedInApp): LinkedInAppSummary {
  return {
    clientId: app.clientId,
    maskedSecret: maskKey(app.clientSecret),
    status: app.status,
    ...(app.error === undefined ? {} : { error: app.error }),
  };
}

/** Tests only: forget what is held in memory (the database was replaced). */
export function forgetCachesForTests(): void {
  tokenCache = undefined;
  actorCache = undefined;
}
