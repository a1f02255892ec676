import { describe, expect, it } from 'vitest';
import { DEMO_CREDENTIALS } from './demo';
import { buildMessageFixture, reactPath } from './fixtures';
import { csFetch, MESSAGE, OTHER_THREAD_MESSAGE, useEmulator } from './test-support';

const enc = encodeURIComponent;
const REACT = reactPath(MESSAGE.conversationUrn, MESSAGE.messageUrn);

describe('ConnectSafely react', () => {
  const t = useEmulator();

  it('adds a reaction and answers as documented', async () => {
    const response = await csFetch(t.emulator, REACT, {
      method: 'POST',
      body: { emoji: '👍', react: true },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      success: true,
      messageUrn: MESSAGE.messageUrn,
      emoji: '👍',
      react: true,
    });
    expect(await t.control.messageReactions(MESSAGE.conversationUrn, MESSAGE.messageUrn)).toEqual([
      '👍',
    ]);
  });

  it('is idempotent both ways', async () => {
    for (const react of [true, true, false, false]) {
      const response = await csFetch(t.emulator, REACT, {
        method: 'POST',
        body: { emoji: '🎉', react },
      });
      expect(response.status).toBe(200);
    }
    expect(await t.control.messageReactions(MESSAGE.conversationUrn, MESSAGE.messageUrn)).toEqual(
      [],
    );
  });

  it('keeps several emoji per message and removes only the one asked', async () => {
    for (const emoji of ['👍', '❤️', '👩‍💻']) {
      await csFetch(t.emulator, REACT, { method: 'POST', body: { emoji, react: true } });
    }
    await csFetch(t.emulator, REACT, { method: 'POST', body: { emoji: '❤️', react: false } });
    expect(await t.control.messageReactions(MESSAGE.conversationUrn, MESSAGE.messageUrn)).toEqual([
      '👍',
      '👩‍💻',
    ]);
  });

  it('acts as the account given, separately from the default one', async () => {
    const path = `${REACT}?accountId=${DEMO_CREDENTIALS.secondAccountId}`;
    const response = await csFetch(t.emulator, path, {
      method: 'POST',
      body: { emoji: '👏', react: true },
    });
    expect(response.status).toBe(200);
    const { conversationUrn, messageUrn } = MESSAGE;
    expect(
      await t.control.messageReactions(
        conversationUrn,
        messageUrn,
        DEMO_CREDENTIALS.secondAccountId,
      ),
    ).toEqual(['👏']);
    expect(await t.control.messageReactions(conversationUrn, messageUrn)).toEqual([]);
  });

  it.each([
    ['an unknown account', '0123456789abcdef01234567'],
    ["another key's account", DEMO_CREDENTIALS.otherAccountId],
  ])('answers 404 for %s', async (_name, accountId) => {
    const response = await csFetch(t.emulator, `${REACT}?accountId=${accountId}`, {
      method: 'POST',
      body: { emoji: '👍', react: true },
    });
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: 'Account not found' });
  });

  it.each([
    ['no Authorization header', {}],
    ['an unknown key', { Authorization: 'Bearer cs_nope' }],
    ['a non-Bearer scheme', { Authorization: `Basic ${DEMO_CREDENTIALS.connectSafelyKey}` }],
  ])('answers 401 with %s', async (_name, headers) => {
    const init = { method: 'POST', body: { emoji: '👍', react: true } };
    const response = await fetch(`${t.emulator.urls.connectSafelyUrl}${REACT}`, {
      method: init.method,
      headers: { 'Content-Type': 'application/json', ...headers },
      body: JSON.stringify(init.body),
    });
    expect(response.status).toBe(401);
    const body = (await response.json()) as { error: unknown };
    expect(typeof body.error).toBe('string');
    expect(response.headers.get('x-ratelimit-limit')).toBeNull();
  });

  const badPaths: Array<[string, string, string]> = [
    [
      'a raw conversation URN',
      `/conversations/${MESSAGE.conversationUrn}/messages/${enc(MESSAGE.messageUrn)}/react`,
      'conversationUrn must be URL-encoded',
    ],
    [
      'a raw message URN',
      `/conversations/${enc(MESSAGE.conversationUrn)}/messages/${MESSAGE.messageUrn}/react`,
      'messageUrn must be URL-encoded',
    ],
    [
      'lower-case percent escapes',
      `/conversations/${enc(MESSAGE.conversationUrn).replaceAll('%3A', '%3a')}/messages/${enc(MESSAGE.messageUrn)}/react`,
      'conversationUrn must be URL-encoded',
    ],
    [
      'a base64 "=" left raw',
      `/conversations/${enc(MESSAGE.conversationUrn).replaceAll('%3D', '=')}/messages/${enc(MESSAGE.messageUrn)}/react`,
      'conversationUrn must be URL-encoded',
    ],
    [
      'a double-encoded URN',
      `/conversations/${enc(enc(MESSAGE.conversationUrn))}/messages/${enc(MESSAGE.messageUrn)}/react`,
      'conversationUrn must look like urn:li:msg_conversation:(urn:li:fsd_profile:<id>,2-<base64>)',
    ],
    [
      'a message of another conversation',
      reactPath(MESSAGE.conversationUrn, OTHER_THREAD_MESSAGE.messageUrn),
      'The message does not belong to this conversation',
    ],
    [
      'a message of another mailbox',
      reactPath(
        MESSAGE.conversationUrn,
        buildMessageFixture({ profileId: 'ACoAAOther' }).messageUrn,
      ),
      'conversationUrn and messageUrn are from different mailboxes',
    ],
    [
      'a post URN instead of a message',
      `/conversations/${enc(MESSAGE.conversationUrn)}/messages/${enc('urn:li:activity:1')}/react`,
      'messageUrn must look like urn:li:msg_message:(urn:li:fsd_profile:<id>,2-<base64>)',
    ],
  ];

  it.each(badPaths)('answers 400 for %s', async (_name, path, error) => {
    const response = await csFetch(t.emulator, path, {
      method: 'POST',
      body: { emoji: '👍', react: true },
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error });
  });

  it('answers 400 when a raw "/" splits the path', async () => {
    const withSlash = MESSAGE.conversationUrn.replace('2-', '2-ab/');
    const path = `/conversations/${enc(withSlash).replace('%2F', '/')}/messages/${enc(MESSAGE.messageUrn)}/react`;
    const response = await csFetch(t.emulator, path, {
      method: 'POST',
      body: { emoji: '👍', react: true },
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: 'conversationUrn and messageUrn must be URL-encoded',
    });
  });

  it.each([
    ['not JSON', 'emoji=👍', 'The request body must be JSON'],
    ['missing react', { emoji: '👍' }, 'The body must be {"emoji": string, "react": boolean}'],
    [
      'react as a string',
      { emoji: '👍', react: 'true' },
      'The body must be {"emoji": string, "react": boolean}',
    ],
    ['two emoji', { emoji: '👍👍', react: true }, 'emoji must be exactly one emoji'],
    ['a word', { emoji: 'like', react: true }, 'emoji must be exactly one emoji'],
    ['an empty emoji', { emoji: '', react: true }, 'emoji must be exactly one emoji'],
  ])('answers 400 for a body %s', async (_name, body, error) => {
    const response = await csFetch(t.emulator, REACT, { method: 'POST', body });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error });
  });

  it('changes no state on a failed call', async () => {
    await csFetch(t.emulator, REACT, { method: 'POST', body: { emoji: 'xx', react: true } });
    expect(await t.control.messageReactions(MESSAGE.conversationUrn, MESSAGE.messageUrn)).toEqual(
      [],
    );
    expect((await t.control.events()).latestSeq).toBe(0);
  });

  it('answers 404 in its own format for unknown routes and methods', async () => {
    for (const [path, method] of [
      ['/nope', 'GET'],
      [REACT, 'GET'],
      ['/accounts', 'POST'],
    ] as const) {
      const response = await csFetch(t.emulator, path, { method });
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({ error: 'Not found' });
    }
  });
});

describe('ConnectSafely accounts and status', () => {
  const t = useEmulator();

  it('lists the accounts of the key', async () => {
    const response = await csFetch(t.emulator, '/accounts');
    expect(response.status).toBe(200);
    const accounts = (await response.json()) as Array<Record<string, unknown>>;
    expect(accounts.map((account) => account.id)).toEqual([
      DEMO_CREDENTIALS.accountId,
      DEMO_CREDENTIALS.secondAccountId,
    ]);
    expect(Object.keys(accounts[0] ?? {}).sort()).toEqual([
      'apiSeatAllocated',
      'createdAt',
      'firstName',
      'id',
      'lastName',
      'picture',
      'publicId',
      'status',
    ]);
    expect(accounts[0]).toMatchObject({
      status: 'active',
      apiSeatAllocated: true,
      firstName: 'Maya',
    });
  });

  it('filters by name or publicId, case-insensitively', async () => {
    const byName = (await (await csFetch(t.emulator, '/accounts?q=HERRERA')).json()) as Array<{
      id: string;
    }>;
    expect(byName.map((account) => account.id)).toEqual([DEMO_CREDENTIALS.secondAccountId]);
    const byPublicId = (await (
      await csFetch(t.emulator, '/accounts?q=maya-lind')
    ).json()) as Array<{ id: string }>;
    expect(byPublicId.map((account) => account.id)).toEqual([DEMO_CREDENTIALS.accountId]);
    expect(await (await csFetch(t.emulator, '/accounts?q=nobody')).json()).toEqual([]);
  });

  it("shows another key only that key's account", async () => {
    const response = await csFetch(t.emulator, '/accounts', {
      headers: { Authorization: `Bearer ${DEMO_CREDENTIALS.otherConnectSafelyKey}` },
    });
    const accounts = (await response.json()) as Array<{ id: string }>;
    expect(accounts.map((account) => account.id)).toEqual([DEMO_CREDENTIALS.otherAccountId]);
  });

  it('answers 401 without a key', async () => {
    const response = await fetch(`${t.emulator.urls.connectSafelyUrl}/accounts`);
    expect(response.status).toBe(401);
  });

  it('reports an account status, with lastUsed set by a reaction', async () => {
    const path = `/account/status?accountId=${DEMO_CREDENTIALS.accountId}`;
    const before = await (await csFetch(t.emulator, path)).json();
    expect(before).toEqual({
      id: DEMO_CREDENTIALS.accountId,
      firstName: 'Maya',
      lastName: 'Lindqvist',
      publicId: 'maya-lindqvist',
      status: 'active',
      enabled: true,
      hasTokens: true,
      lastUsed: null,
    });
    await csFetch(t.emulator, REACT, { method: 'POST', body: { emoji: '👍', react: true } });
    const after = (await (await csFetch(t.emulator, path)).json()) as { lastUsed: string };
    expect(Number.isNaN(Date.parse(after.lastUsed))).toBe(false);
  });

  it('answers 400 without accountId and 404 for an unknown or foreign one', async () => {
    const missing = await csFetch(t.emulator, '/account/status');
    expect(missing.status).toBe(400);
    expect(await missing.json()).toEqual({ error: 'accountId is required' });
    for (const id of ['ffffffffffffffffffffffff', DEMO_CREDENTIALS.otherAccountId]) {
      const response = await csFetch(t.emulator, `/account/status?accountId=${id}`);
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({ error: 'Account not found' });
    }
  });
});

describe('ConnectSafely rate limits', () => {
  describe('plan defaults', () => {
    const t = useEmulator();

    it('sends the three headers on every answer after auth, counting down', async () => {
      const first = await csFetch(t.emulator, '/accounts');
      const second = await csFetch(t.emulator, '/account/status');
      expect(first.headers.get('x-ratelimit-limit')).toBe('1000');
      expect(first.headers.get('x-ratelimit-remaining')).toBe('999');
      expect(second.status).toBe(400);
      expect(second.headers.get('x-ratelimit-remaining')).toBe('998');
      const reset = Number(first.headers.get('x-ratelimit-reset'));
      const expected = Date.now() / 1000 + 3600;
      expect(Math.abs(reset - expected)).toBeLessThan(5);
    });

    it('gives an enterprise key 10000', async () => {
      const response = await csFetch(t.emulator, '/accounts', {
        headers: { Authorization: `Bearer ${DEMO_CREDENTIALS.otherConnectSafelyKey}` },
      });
      expect(response.headers.get('x-ratelimit-limit')).toBe('10000');
    });

    it('does not count calls with a bad key', async () => {
      await csFetch(t.emulator, '/accounts', { headers: { Authorization: 'Bearer wrong' } });
      const response = await csFetch(t.emulator, '/accounts');
      expect(response.headers.get('x-ratelimit-remaining')).toBe('999');
    });
  });

  describe('with a limit of 2 and a movable clock', () => {
    let now = Date.UTC(2026, 0, 1, 12, 0, 0);
    const t = useEmulator({ rateLimitPerHour: 2, now: () => now });

    it('answers 429 with Retry-After once the hour is spent, and recovers after it', async () => {
      now = Date.UTC(2026, 0, 1, 12, 0, 0);
      expect((await csFetch(t.emulator, '/accounts')).status).toBe(200);
      expect((await csFetch(t.emulator, '/accounts')).status).toBe(200);
      now += 10 * 60 * 1000;
      const refused = await csFetch(t.emulator, REACT, {
        method: 'POST',
        body: { emoji: '👍', react: true },
      });
      expect(refused.status).toBe(429);
      expect(await refused.json()).toEqual({ error: 'Rate limit exceeded' });
      expect(refused.headers.get('retry-after')).toBe(String(50 * 60));
      expect(refused.headers.get('x-ratelimit-remaining')).toBe('0');
      expect(refused.headers.get('x-ratelimit-reset')).toBe(
        String(Date.UTC(2026, 0, 1, 13) / 1000),
      );
      expect(await t.control.messageReactions(MESSAGE.conversationUrn, MESSAGE.messageUrn)).toEqual(
        [],
      );

      now = Date.UTC(2026, 0, 1, 13, 0, 1);
      const again = await csFetch(t.emulator, '/accounts');
      expect(again.status).toBe(200);
      expect(again.headers.get('x-ratelimit-remaining')).toBe('1');
    });

    it('counts each key separately', async () => {
      await csFetch(t.emulator, '/accounts');
      await csFetch(t.emulator, '/accounts');
      expect((await csFetch(t.emulator, '/accounts')).status).toBe(429);
      const other = await csFetch(t.emulator, '/accounts', {
        headers: { Authorization: `Bearer ${DEMO_CREDENTIALS.otherConnectSafelyKey}` },
      });
      expect(other.status).toBe(200);
    });
  });
});
