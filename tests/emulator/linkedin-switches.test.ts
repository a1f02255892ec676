import { describe, expect, it } from 'vitest';
import { DEMO_CREDENTIALS } from './demo';
import { encodeRestliValue, restliKey } from './fixtures';
import { liFetch, useEmulator } from './test-support';
import type { LinkedInReaction } from './types';

const ACTOR = DEMO_CREDENTIALS.actor;
const POST = 'urn:li:activity:7067167295080394752';
const create = (reactionType: string) => ({
  method: 'POST',
  body: { root: POST, reactionType },
});
const CREATE_PATH = `/rest/reactions?actor=${encodeRestliValue(ACTOR)}`;
const KEY_PATH = `/rest/reactions/${restliKey({ actor: ACTOR, entity: POST })}`;

describe('LinkedIn: a create where the actor already reacted', () => {
  const t = useEmulator();

  it('replaces the type by default (upsert)', async () => {
    expect((await liFetch(t.emulator, CREATE_PATH, create('LIKE'))).status).toBe(201);
    expect((await liFetch(t.emulator, CREATE_PATH, create('EMPATHY'))).status).toBe(201);
    expect((await t.control.postReactions(POST)).map((r) => r.reactionType)).toEqual(['EMPATHY']);
  });

  it('answers 409 and keeps the reaction when switched to conflict, the same type too', async () => {
    await t.control.setCreateWhenExists('conflict');
    expect((await t.control.state()).createWhenExists).toBe('conflict');
    expect((await liFetch(t.emulator, CREATE_PATH, create('LIKE'))).status).toBe(201);
    for (const type of ['EMPATHY', 'LIKE']) {
      const response = await liFetch(t.emulator, CREATE_PATH, create(type));
      expect(response.status).toBe(409);
      expect(await response.json()).toEqual({
        status: 409,
        message: `A reaction by ${ACTOR} on ${POST} already exists`,
        serviceErrorCode: 0,
      });
    }
    expect((await t.control.postReactions(POST)).map((r) => r.reactionType)).toEqual(['LIKE']);
    // Delete, then create: the switch that works either way.
    expect((await liFetch(t.emulator, KEY_PATH, { method: 'DELETE' })).status).toBe(204);
    const created = await liFetch(t.emulator, CREATE_PATH, create('EMPATHY'));
    expect(created.status).toBe(201);
    expect(((await created.json()) as LinkedInReaction).reactionType).toBe('EMPATHY');
  });

  it('does not mind another member’s reaction on the same post', async () => {
    await t.control.setCreateWhenExists('conflict');
    await t.control.seedPostReaction({
      actor: 'urn:li:person:someoneElse9',
      root: POST,
      reactionType: 'LIKE',
    });
    expect((await liFetch(t.emulator, CREATE_PATH, create('LIKE'))).status).toBe(201);
  });
});

describe('LinkedIn: conflict from start-up', () => {
  const t = useEmulator({ createWhenExists: 'conflict' });

  it('starts in conflict mode, and reset keeps the start-up mode', async () => {
    await t.control.setCreateWhenExists('upsert');
    await t.control.reset();
    expect((await t.control.state()).createWhenExists).toBe('conflict');
  });
});

describe('LinkedIn: the daily limit', () => {
  let now = Date.UTC(2026, 0, 15, 22, 0, 0);
  const t = useEmulator({ now: () => now });

  it('answers 429 without Retry-After once the day’s calls are spent, until midnight UTC', async () => {
    now = Date.UTC(2026, 0, 15, 22, 0, 0);
    await t.control.setLinkedInDailyLimit(2);
    expect((await liFetch(t.emulator, CREATE_PATH, create('LIKE'))).status).toBe(201);
    expect((await liFetch(t.emulator, KEY_PATH)).status).toBe(200);
    const limited = await liFetch(t.emulator, KEY_PATH, { method: 'DELETE' });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBeNull();
    expect(await limited.json()).toEqual({
      status: 429,
      message: 'Resource level throttle limit for calls to this resource is reached.',
      serviceErrorCode: 101,
    });
    // A refused call changes nothing; userinfo is not counted.
    expect(await t.control.postReactions(POST)).toHaveLength(1);
    expect((await liFetch(t.emulator, '/v2/userinfo')).status).toBe(200);

    now = Date.UTC(2026, 0, 16, 0, 0, 1);
    expect((await liFetch(t.emulator, KEY_PATH, { method: 'DELETE' })).status).toBe(204);
  });

  it('says until when in Retry-After when switched to', async () => {
    now = Date.UTC(2026, 0, 15, 22, 0, 0);
    await t.control.setLinkedInDailyLimit(0, true);
    expect((await t.control.state()).linkedinDailyLimit).toEqual({ perDay: 0, retryAfter: true });
    const limited = await liFetch(t.emulator, CREATE_PATH, create('LIKE'));
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe(String(2 * 60 * 60));
    await t.control.setLinkedInDailyLimit(null);
    expect((await liFetch(t.emulator, CREATE_PATH, create('LIKE'))).status).toBe(201);
  });

  it('counts per member', async () => {
    await t.control.setLinkedInDailyLimit(1);
    expect((await liFetch(t.emulator, KEY_PATH)).status).toBe(404);
    expect((await liFetch(t.emulator, KEY_PATH)).status).toBe(429);
  });
});

describe('LinkedIn: tokens that expire or are revoked', () => {
  let now = 1_767_225_600_000;
  const t = useEmulator({
    now: () => now,
    tokens: [
      { token: 'li_short', sub: 'shortLived1', expiresInSeconds: 60 },
      { token: 'li_other', sub: 'otherMember2' },
    ],
  });
  const userinfo = (token: string) =>
    liFetch(t.emulator, '/v2/userinfo', { headers: { Authorization: `Bearer ${token}` } });

  it('expires a seeded token with a lifetime', async () => {
    now = 1_767_225_600_000;
    expect((await userinfo('li_short')).status).toBe(200);
    expect((await t.control.token('li_short')).status).toBe('active');
    now += 60_000;
    const response = await userinfo('li_short');
    expect(response.status).toBe(401);
    expect(((await response.json()) as { serviceErrorCode: number }).serviceErrorCode).toBe(65602);
    expect((await t.control.token('li_short')).status).toBe('expired');
    // Switched back to active: another 60 days.
    const renewed = await t.control.setTokenStatus('li_short', 'active');
    expect(renewed).toMatchObject({ status: 'active', expiresAt: now + 5_184_000_000 });
    expect((await userinfo('li_short')).status).toBe(200);
  });

  it('switches a token to expired or revoked, on every route, and back', async () => {
    await t.control.setTokenStatus('li_other', 'expired');
    const expired = await liFetch(t.emulator, '/rest/organizations/1', {
      headers: { Authorization: 'Bearer li_other' },
    });
    expect(await expired.json()).toEqual({
      status: 401,
      message: 'The token used in the request has expired',
      serviceErrorCode: 65602,
    });
    await t.control.setTokenStatus('li_other', 'revoked');
    const revoked = await userinfo('li_other');
    expect(revoked.status).toBe(401);
    expect(((await revoked.json()) as { serviceErrorCode: number }).serviceErrorCode).toBe(65601);
    expect((await userinfo('li_short')).status).toBe(200);
    await t.control.setTokenStatus('li_other', 'active');
    expect((await userinfo('li_other')).status).toBe(200);
  });

  it('mints tokens with chosen scopes and lifetimes', async () => {
    const minted = await t.control.mintToken({ sub: 'otherMember2', expiresInSeconds: null });
    expect(minted).toMatchObject({
      sub: 'otherMember2',
      actor: 'urn:li:person:otherMember2',
      scopes: ['openid', 'profile', 'w_member_social'],
      expiresAt: null,
      status: 'active',
    });
    expect((await userinfo(minted.token)).status).toBe(200);
    await expect(t.control.mintToken({ sub: 'nobody' })).rejects.toThrow(/404/);
    await expect(t.control.setTokenStatus('unknown', 'expired')).rejects.toThrow(/404/);
  });
});

describe('LinkedIn userinfo and scopes', () => {
  const t = useEmulator();
  const userinfo = (token: string) =>
    liFetch(t.emulator, '/v2/userinfo', { headers: { Authorization: `Bearer ${token}` } });

  it('needs openid, gives names with profile only', async () => {
    const noOpenid = await t.control.mintToken({ scopes: ['w_member_social'] });
    const refused = await userinfo(noOpenid.token);
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { serviceErrorCode: number }).serviceErrorCode).toBe(100);

    const openidOnly = await t.control.mintToken({ scopes: ['openid'] });
    expect(await (await userinfo(openidOnly.token)).json()).toEqual({ sub: DEMO_CREDENTIALS.sub });

    const withProfile = await t.control.mintToken({ scopes: ['openid', 'profile'] });
    expect(await (await userinfo(withProfile.token)).json()).toMatchObject({
      sub: DEMO_CREDENTIALS.sub,
      name: 'Maya Lindqvist',
    });
  });
});
