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

/** The seq of the last realtime event handled for a key, to resume from; null before any. */
export function realtimeCursor(keyId: string): Item<number | null> {
  return defineItem(`realtime.cursor.${keyId}`, z.number().int().nonnegative().nullable(), null);
}

/** Realtime event ids recently handled for a key, oldest first: a replay is not applied twice. */
export function realtimeSeen(keyId: string): Item<string[]> {
  return defineItem(`realtime.seen.${keyId}`, z.array(z.string()), []);
}
