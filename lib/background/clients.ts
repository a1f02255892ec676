/** API clients built from the current settings and a stored key. */

import { type ConnectSafelyClient, createConnectSafelyClient } from './connectsafely';
import { getKey, updateRateLimit } from './keys';
import { loadConnectionSettings } from './settings-store';

export async function connectSafelyFor(
  apiKey: string,
  keyId?: string,
): Promise<ConnectSafelyClient> {
  const { connectSafelyUrl } = await loadConnectionSettings();
  return createConnectSafelyClient({
    baseUrl: connectSafelyUrl,
    apiKey,
    onRateLimit: keyId ? (budget) => void updateRateLimit(keyId, budget) : undefined,
  });
}

export async function connectSafelyForKeyId(keyId: string): Promise<ConnectSafelyClient | null> {
  const key = await getKey(keyId);
  return key ? connectSafelyFor(key.apiKey, key.id) : null;
}
