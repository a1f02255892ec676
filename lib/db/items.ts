/**
 * Settings and small state, one typed item each, in the database's `items` store. Here rather
 * than in `browser.storage`, which content scripts can read and write: the settings say where
 * the keys are sent, so only the background may change them.
 *
 * Each item checks what it reads: a value written by an older version, or damaged, reads as the
 * item's fallback instead of reaching the code that uses it.
 */
import { z } from 'zod';
import type { DefaultAccount } from '../accounts/types';
import {
  type ConnectionSettings,
  connectionSettingsSchema,
  DEFAULT_CONNECTION_SETTINGS,
} from '../settings';
import { openDatabase } from './schema';

export interface Item<T> {
  /** Its key in the `items` store. */
  readonly key: string;
  /** The stored value if it is valid, else the fallback. */
  get(): Promise<T>;
  set(value: T): Promise<void>;
  /** Back to the fallback. */
  remove(): Promise<void>;
}

function defineItem<T>(key: string, schema: z.ZodType<T>, fallback: T): Item<T> {
  return {
    key,
    async get() {
      const parsed = schema.safeParse(await (await openDatabase()).get('items', key));
      return parsed.success ? parsed.data : fallback;
    },
    async set(value) {
      await (await openDatabase()).put('items', value, key);
    },
    async remove() {
      await (await openDatabase()).delete('items', key);
    },
  };
}

/**
 * The ConnectSafely account that reacts to messages, and the key it is used with; null until
 * one is chosen (or after its key was removed and no other key has an account).
 */
export const defaultAccount: Item<DefaultAccount | null> = defineItem(
  'defaultAccount',
  z.object({ keyId: z.string(), accountId: z.string() }).nullable(),
  null,
);

/**
 * Where the background sends API calls and opens sockets. Checked with the current rules, so a
 * URL saved under looser rules falls back to the real services.
 */
export const connectionSettings: Item<ConnectionSettings> = defineItem(
  'settings.connection',
  connectionSettingsSchema,
  DEFAULT_CONNECTION_SETTINGS,
);

/** A LinkedIn access token, as stored (see linkedinToken). */
export const storedLinkedInTokenSchema = z.object({
  /** Ours, random: the engine's credential id. Never the token. */
  id: z.string().min(1),
  /** The secret. Read only by the background. */
  accessToken: z.string().min(1),
  /** `urn:li:person:<sub>`: the only profile data LinkedIn allows keeping. */
  member: z.string().regex(/^urn:li:person:[A-Za-z0-9_-]+$/),
  via: z.enum(['token', 'sign-in']),
  addedAt: z.number(),
  checkedAt: z.number(),
  /** Epoch ms when it ends, if known (sign-in; or the days left the member gave). */
  expiresAt: z.number().nullable(),
  /** Granted scopes, if LinkedIn said. */
  scopes: z.array(z.string()).nullable(),
  status: z.enum(['valid', 'refused']),
  error: z.string().optional(),
});
export type StoredLinkedInToken = z.infer<typeof storedLinkedInTokenSchema>;

/**
 * The LinkedIn connection: one token, for one member, that every post and comment reaction
 * uses; null until the member connects (or after disconnecting). Holds a secret: the
 * background alone reads it, and only masked data leaves (lib/background/linkedin-vault.ts).
 */
export const linkedinToken: Item<StoredLinkedInToken | null> = defineItem(
  'linkedin.token',
  storedLinkedInTokenSchema.nullable(),
  null,
);

/** The member's own LinkedIn app, as stored (see linkedinApp). */
export const storedLinkedInAppSchema = z.object({
  clientId: z.string().min(1),
  /** The secret. Read only by the background. */
  clientSecret: z.string().min(1),
  addedAt: z.number(),
  status: z.enum(['unchecked', 'valid', 'refused']),
  error: z.string().optional(),
});
export type StoredLinkedInApp = z.infer<typeof storedLinkedInAppSchema>;

/**
 * The member's own LinkedIn app (client id and secret) for "Sign in with LinkedIn", entered
 * once; null until then. The code is exchanged with it in the background, never in a page.
 */
export const linkedinApp: Item<StoredLinkedInApp | null> = defineItem(
  'linkedin.app',
  storedLinkedInAppSchema.nullable(),
  null,
);

/**
 * Whom LinkedIn reactions act as, chosen in the popup: an organization page's URN, or the
 * member's own person URN; for the member it was chosen by (a new member starts as themself).
 * null: the member themself.
 */
export const linkedinActor: Item<{ member: string; actor: string } | null> = defineItem(
  'linkedin.actor',
  z
    .object({
      member: z.string().regex(/^urn:li:person:[A-Za-z0-9_-]+$/),
      actor: z.string().regex(/^urn:li:(person:[A-Za-z0-9_-]+|organization:\d+)$/),
    })
    .nullable(),
  null,
);

/** How much history to keep: at most `maxLines` lines, and none older than `maxDays` days. */
export const historyRetentionSchema = z.object({
  maxLines: z.number().int().min(100).max(1_000_000),
  /** null: no age limit. */
  maxDays: z.number().int().min(1).max(36_500).nullable(),
});
export type HistoryRetention = z.infer<typeof historyRetentionSchema>;
export const DEFAULT_HISTORY_RETENTION: HistoryRetention = { maxLines: 100_000, maxDays: null };

/**
 * The history's retention, set on the options page: 100,000 lines and no age limit until the
 * member changes it. Read by the engine's commits when they trim (lib/db/history.ts).
 */
export const historyRetention: Item<HistoryRetention> = defineItem(
  'settings.historyRetention',
  historyRetentionSchema,
  DEFAULT_HISTORY_RETENTION,
);

/** The seq of the last realtime event handled for a key, to resume from; null before any. */
export function realtimeCursor(keyId: string): Item<number | null> {
  return defineItem(`realtime.cursor.${keyId}`, z.number().int().nonnegative().nullable(), null);
}

/** Realtime event ids recently handled for a key, oldest first: a replay is not applied twice. */
export function realtimeSeen(keyId: string): Item<string[]> {
  return defineItem(`realtime.seen.${keyId}`, z.array(z.string()), []);
}
