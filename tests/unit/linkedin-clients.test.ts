/**
 * The LinkedIn clients the background builds for the engine (lib/background/clients.ts): from
 * the stored token and the settings, one streak of 429s per token, none for a token gone.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { forgetThrottle, linkedInFor, linkedInForTokenId } from '@/lib/background/clients';
import * as vault from '@/lib/background/linkedin-vault';
import { saveConnectionSettings } from '@/lib/background/settings-store';
import { closeDatabaseForTests } from '@/lib/db/schema';
import { ServiceError } from '@/lib/engine/types';
import { DEFAULT_CONNECTION_SETTINGS } from '@/lib/settings';

const MAYA = 'urn:li:person:x7Kp2QmZ9a';
const CALL = { actor: MAYA, entity: 'urn:li:activity:7402140017720651776' } as const;

let calls: Array<{ url: string; authorization: string | null }>;

beforeEach(async () => {
  closeDatabaseForTests();
  vault.forgetCachesForTests();
  globalThis.indexedDB = new IDBFactory();
  calls = [];
  // LinkedIn's daily limit, without Retry-After: the wait grows with the streak.
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit) => {
      calls.push({
        url,
        authorization: new Headers(init.headers).get('Authorization'),
      });
      return new Response(JSON.stringify({ status: 429, message: 'Throttled' }), { status: 429 });
    }),
  );
  await saveConnectionSettings({
    ...DEFAULT_CONNECTION_SETTINGS,
    linkedinUrl: 'http://127.0.0.1:9/rest',
    linkedinVersion: '202611',
  });
});

afterEach(() => {
  vi.unstubAllGlobals();
  closeDatabaseForTests();
});

/** When a rate-limited delete says to come back, in ms from now. */
async function waitAfter429(client: Awaited<ReturnType<typeof linkedInFor>>): Promise<number> {
  const before = Date.now();
  const error = await client.deleteReaction(CALL).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(ServiceError);
  const { failure } = error as ServiceError;
  expect(failure.kind).toBe('rate-limited');
  return Math.round(((failure.retryAt ?? 0) - before) / 60_000);
}

describe('LinkedIn clients of the background', () => {
  it('use the stored token, to the URLs in the settings; none once the token is gone', async () => {
    expect(await linkedInForTokenId('nothing-stored')).toBeNull();
    const { token } = await vault.saveConnection({
      accessToken: 'stored-token-0000000000',
      member: MAYA,
      via: 'token',
      expiresAt: null,
      scopes: null,
    });
    const client = await linkedInForTokenId(token.id);
    if (!client) throw new Error('no client for the stored token');
    await waitAfter429(client);
    expect(calls[0]?.url.startsWith('http://127.0.0.1:9/rest/reactions/(actor:')).toBe(true);
    expect(calls[0]?.authorization).toBe('Bearer stored-token-0000000000');
    expect(await linkedInForTokenId('another-id')).toBeNull();
    await vault.removeConnection();
    expect(await linkedInForTokenId(token.id)).toBeNull();
  });

  it('share one streak of 429s per token, so the wait grows across clients', async () => {
    const first = await linkedInFor('token-a-000000000000', 'token-a');
    const second = await linkedInFor('token-a-000000000000', 'token-a');
    const other = await linkedInFor('token-b-000000000000', 'token-b');
    expect(await waitAfter429(first)).toBe(1);
    expect(await waitAfter429(second)).toBe(2);
    expect(await waitAfter429(first)).toBe(4);
    // Another token has its own streak; a token being checked (no id) too.
    expect(await waitAfter429(other)).toBe(1);
    expect(await waitAfter429(await linkedInFor('token-a-000000000000'))).toBe(1);
    // A token gone starts again.
    forgetThrottle('token-a');
    expect(await waitAfter429(await linkedInFor('token-a-000000000000', 'token-a'))).toBe(1);
  });
});
