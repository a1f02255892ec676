/** The connection settings, kept in the extension's IndexedDB: only the background writes them. */

import { openDatabase } from '../db/schema';
import {
  type ConnectionSettings,
  connectionSettingsSchema,
  DEFAULT_CONNECTION_SETTINGS,
} from '../settings';

const KEY = 'settings.connection';

/** The stored settings, or the defaults if what is stored is missing or no longer valid. */
export async function loadConnectionSettings(): Promise<ConnectionSettings> {
  const parsed = connectionSettingsSchema.safeParse(await (await openDatabase()).get('meta', KEY));
  return parsed.success ? parsed.data : DEFAULT_CONNECTION_SETTINGS;
}

export async function saveConnectionSettings(
  settings: ConnectionSettings,
): Promise<ConnectionSettings> {
  await (await openDatabase()).put('meta', settings, KEY);
  return settings;
}
