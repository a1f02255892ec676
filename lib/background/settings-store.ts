/** The connection settings, kept in the extension's IndexedDB: only the background writes them. */

import { connectionSettings } from '../db/items';
import type { ConnectionSettings } from '../settings';

/** The stored settings, or the defaults if what is stored is missing or no longer valid. */
export function loadConnectionSettings(): Promise<ConnectionSettings> {
  return connectionSettings.get();
}

export async function saveConnectionSettings(
  settings: ConnectionSettings,
): Promise<ConnectionSettings> {
  await connectionSettings.set(settings);
  return settings;
}
