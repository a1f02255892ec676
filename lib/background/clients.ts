/** API clients built from the current settings and a stored key. */

import {
  type ConnectSafelyClient,
  createConnectSafelyClient,
} from '../services/connectsafely/client';
import { loadConnectionSettings } from './settings-store';
import { getKey, updateRateLimit } from './vault';

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
