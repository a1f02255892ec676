/** API clients built from the current settings and a stored key or token. */

import {
  type ConnectSafelyClient,
  createConnectSafelyClient,
} from '../services/connectsafely/client';
import {
  createLinkedInClient,
  createThrottleStreak,
  type LinkedInClient,
  type ThrottleStreak,
} from '../services/linkedin/client';
import { linkedinEndpoints } from '../settings';
import { getConnection } from './linkedin-vault';
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

/**
 * One streak of 429s per stored token, shared by every client made with it while the worker
 * lives, so LinkedIn's waits grow across requests (a new worker starts again at a minute).
 */
const throttles = new Map<string, ThrottleStreak>();

function throttleOf(tokenId: string): ThrottleStreak {
  let streak = throttles.get(tokenId);
  if (!streak) {
    streak = createThrottleStreak();
    throttles.set(tokenId, streak);
  }
  return streak;
}

/** A token that is gone: its streak goes with it. */
export function forgetThrottle(tokenId: string): void {
  throttles.delete(tokenId);
}

/**
 * A LinkedIn client with this token, to the URLs in the settings. With the stored token's id,
 * its requests share that token's streak of 429s; without (a token being checked), its own.
 */
export async function linkedInFor(accessToken: string, tokenId?: string): Promise<LinkedInClient> {
  const { restUrl, userinfoUrl, version } = linkedinEndpoints(await loadConnectionSettings());
  return createLinkedInClient({
    restUrl,
    userinfoUrl,
    version,
    accessToken,
    throttle: tokenId ? throttleOf(tokenId) : undefined,
  });
}

/** A client with the stored token of that id; null once it was removed or replaced. */
export async function linkedInForTokenId(tokenId: string): Promise<LinkedInClient | null> {
  const token = await getConnection();
  return token && token.id === tokenId ? linkedInFor(token.accessToken, token.id) : null;
}
