/**
 * The LinkedIn part of the vault: the token, the member's app and the chosen actor, as stored;
 * the identity the LinkedIn backend reacts with; and what leaves the background (masked).
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as vault from '@/lib/background/linkedin-vault';
import { linkedinActor, linkedinToken } from '@/lib/db/items';
import { closeDatabaseForTests, openDatabase } from '@/lib/db/schema';

const MAYA = 'urn:li:person:x7Kp2QmZ9a';
const TOMAS = 'urn:li:person:t0Mas11';
const PAGE = 'urn:li:organization:2414183';
const TOKEN = 'AQX7kP2qMz9aLs8vT1nYhR4wE6uJ0bC3secret';
const DAY = 86_400_000;

function connection(overrides: Partial<vault.NewConnection> = {}): vault.NewConnection {
  return {
    accessToken: TOKEN,
    member: MAYA,
    via: 'token',
    expiresAt: null,
    scopes: null,
    ...overrides,
  };
}

beforeEach(() => {
  closeDatabaseForTests();
  vault.forgetCachesForTests();
  globalThis.indexedDB = new IDBFactory();
});

afterEach(() => closeDatabaseForTests());

describe('the connection', () => {
  it('is missing until a token is stored, then names its id and the member as the actor', async () => {
    expect(await vault.linkedInIdentity()).toEqual({ missing: 'credential' });
    const { token, replaced } = await vault.saveConnection(connection(), 1000);
    expect(replaced).toBeNull();
    expect(token).toMatchObject({ member: MAYA, status: 'valid', addedAt: 1000, checkedAt: 1000 });
    expect(await vault.linkedInIdentity()).toEqual({ credentialId: token.id, actor: MAYA });
    // Written through: a new worker reads the same.
    vault.forgetCachesForTests();
    expect(await vault.linkedInIdentity()).toEqual({ credentialId: token.id, actor: MAYA });
  });

  it('keeps its id when the same token is stored again, and a new id for another token', async () => {
    const first = await vault.saveConnection(connection({ expiresAt: 50 * DAY }), 1000);
    const again = await vault.saveConnection(connection(), 2000);
    expect(again.token.id).toBe(first.token.id);
    expect(again.replaced).toBeNull();
    // What was known of its end is kept when pasted again without days.
    expect(again.token.expiresAt).toBe(50 * DAY);
    expect(again.token.addedAt).toBe(1000);

    const other = await vault.saveConnection(connection({ accessToken: 'another-token-00000' }));
    expect(other.token.id).not.toBe(first.token.id);
    expect(other.replaced).toBe(first.token.id);
  });

  it('acts as the chosen page, until the connection is another member’s', async () => {
    const { token } = await vault.saveConnection(connection());
    await vault.setActor(token, PAGE);
    expect(await vault.linkedInIdentity()).toEqual({ credentialId: token.id, actor: PAGE });
    expect(await linkedinActor.get()).toEqual({ member: MAYA, actor: PAGE });
    // Choosing the member again forgets the choice.
    await vault.setActor(token, MAYA);
    expect(await linkedinActor.get()).toBeNull();

    await vault.setActor(token, PAGE);
    const tomas = await vault.saveConnection(
      connection({ accessToken: 'tomas-token-000000', member: TOMAS }),
    );
    expect(await vault.linkedInIdentity()).toEqual({ credentialId: tomas.token.id, actor: TOMAS });
    expect(await linkedinActor.get()).toBeNull();
  });

  it('is marked refused (once) and accepted again, only for its own id', async () => {
    const { token } = await vault.saveConnection(connection(), 1000);
    expect(await vault.markRefused('another-id', 'no')).toBe(false);
    expect(await vault.markRefused(token.id, vault.tokenRefusedWords())).toBe(true);
    expect(await vault.markRefused(token.id, vault.tokenRefusedWords())).toBe(false);
    expect(await linkedinToken.get()).toMatchObject({
      status: 'refused',
      error: vault.tokenRefusedWords(),
    });
    // A refused token still names who reacts: LinkedIn's refusal says to reconnect.
    expect(await vault.linkedInIdentity()).toEqual({ credentialId: token.id, actor: MAYA });
    expect(await vault.markAccepted(token.id, 5000)).toBe(true);
    const stored = await linkedinToken.get();
    expect(stored).toMatchObject({ status: 'valid', checkedAt: 5000 });
    expect(stored?.error).toBeUndefined();
  });

  it('is forgotten with the actor chosen with it', async () => {
    const { token } = await vault.saveConnection(connection());
    await vault.setActor(token, PAGE);
    expect(await vault.removeConnection()).toBe(token.id);
    expect(await vault.linkedInIdentity()).toEqual({ missing: 'credential' });
    expect(await linkedinToken.get()).toBeNull();
    expect(await linkedinActor.get()).toBeNull();
    expect(await vault.removeConnection()).toBeNull();
  });

  it('leaves the background masked, with the latest end when it is not known', async () => {
    const { token } = await vault.saveConnection(connection(), 1000);
    const summary = vault.summarizeConnection(token, PAGE);
    expect(summary).toMatchObject({
      id: token.id,
      member: MAYA,
      maskedToken: 'AQX7…cret',
      expiresAt: 1000 + 60 * DAY,
      expiryKnown: false,
      scopes: null,
      actor: PAGE,
    });
    expect(JSON.stringify(summary)).not.toContain(TOKEN);

    const signedIn = await vault.saveConnection(
      connection({ accessToken: 'signed-in-token-0000', via: 'sign-in', expiresAt: 9 * DAY }),
    );
    expect(vault.summarizeConnection(signedIn.token, MAYA)).toMatchObject({
      expiresAt: 9 * DAY,
      expiryKnown: true,
    });
  });
});

describe('the member’s app', () => {
  const app = { clientId: '78rb4demo2kq9x', clientSecret: 'WPL_AP1.dEm0Rb7kQ2mZ9aLs.8vT1nY==' };

  it('is stored unchecked, marked by the exchange, and leaves masked', async () => {
    expect(await vault.getApp()).toBeNull();
    await vault.saveApp(app, 1000);
    expect(await vault.getApp()).toEqual({ ...app, addedAt: 1000, status: 'unchecked' });
    await vault.markApp(app.clientId, { status: 'refused', error: 'Refused.' });
    expect(await vault.getApp()).toMatchObject({ status: 'refused', error: 'Refused.' });
    // The same app entered again keeps what is known of it; a new secret starts unchecked.
    await vault.saveApp(app, 2000);
    expect(await vault.getApp()).toMatchObject({ status: 'refused', addedAt: 1000 });
    await vault.saveApp({ ...app, clientSecret: 'WPL_AP1.fixed.secret' }, 3000);
    expect(await vault.getApp()).toMatchObject({ status: 'unchecked', addedAt: 3000 });
    await vault.markApp(app.clientId, { status: 'valid' });
    const stored = await vault.getApp();
    expect(stored).toMatchObject({ status: 'valid' });
    expect(stored?.error).toBeUndefined();

    if (!stored) throw new Error('The app is gone');
    expect(vault.summarizeApp(stored)).toEqual({
      clientId: app.clientId,
      maskedSecret: 'WPL_…cret',
      status: 'valid',
    });

    await vault.removeApp();
    expect(await vault.getApp()).toBeNull();
  });

  it('is read as missing when what is stored is damaged', async () => {
    await (await openDatabase()).put('items', { clientId: 1 }, 'linkedin.app');
    await (await openDatabase()).put('items', { accessToken: 'x' }, 'linkedin.token');
    expect(await vault.getApp()).toBeNull();
    expect(await vault.linkedInIdentity()).toEqual({ missing: 'credential' });
  });
});
