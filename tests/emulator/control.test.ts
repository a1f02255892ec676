import { networkInterfaces } from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { isLoopbackAddress } from './control/api';
import { DEMO_CREDENTIALS } from './demo';
import { reactPath, restliKey } from './fixtures';
import { startEmulator } from './server';
import { csFetch, liFetch, MESSAGE, useEmulator } from './test-support';
import type { Emulator } from './types';

const REACT = reactPath(MESSAGE.conversationUrn, MESSAGE.messageUrn);
const POST = 'urn:li:activity:42';
const reactBody = { method: 'POST', body: { emoji: '👍', react: true } };

describe('control: latency', () => {
  const t = useEmulator();

  const timed = async (call: () => Promise<Response>) => {
    const started = Date.now();
    await call();
    return Date.now() - started;
  };

  it('delays every route, and a route of its own wins', async () => {
    await t.control.setLatency(120);
    expect(await timed(() => csFetch(t.emulator, '/accounts'))).toBeGreaterThanOrEqual(110);
    await t.control.setLatency(0, 'cs.accounts');
    expect(await timed(() => csFetch(t.emulator, '/accounts'))).toBeLessThan(100);
    expect(await timed(() => liFetch(t.emulator, '/v2/userinfo'))).toBeGreaterThanOrEqual(110);
    expect((await t.control.state()).latency).toEqual({ all: 120, routes: { 'cs.accounts': 0 } });
  });

  it('tells which requests wait out their latency, before they are applied or logged', async () => {
    await t.control.setLatency(400, 'cs.react');
    const answer = csFetch(t.emulator, REACT, reactBody);
    await t.control.waitForHeld('cs.react', 1);
    expect(await t.control.requests({ route: 'cs.react' })).toEqual([]);
    expect(await t.control.messageReactions(MESSAGE.conversationUrn, MESSAGE.messageUrn)).toEqual(
      [],
    );
    expect((await answer).status).toBe(200);
    expect((await t.control.state()).held).toEqual({});
    await expect(t.control.waitForHeld('cs.react', 1, 100)).rejects.toThrow('saw 0');
  });
});

describe('control: failNext', () => {
  const t = useEmulator();

  it('fails the next N calls of a route in the ConnectSafely format, then lets calls through', async () => {
    await t.control.failNext('cs.react', 500, 2);
    for (let index = 0; index < 2; index += 1) {
      const response = await csFetch(t.emulator, REACT, reactBody);
      expect(response.status).toBe(500);
      expect(await response.json()).toEqual({ error: 'Internal server error' });
    }
    expect(await t.control.messageReactions(MESSAGE.conversationUrn, MESSAGE.messageUrn)).toEqual(
      [],
    );
    expect((await csFetch(t.emulator, REACT, reactBody)).status).toBe(200);
    expect((await csFetch(t.emulator, '/accounts')).status).toBe(200);
  });

  it('uses the LinkedIn format for LinkedIn routes, with Retry-After when asked', async () => {
    await t.control.failNext('li.create', 429, 1, { retryAfterSeconds: 7 });
    const response = await liFetch(
      t.emulator,
      `/rest/reactions?actor=${encodeURIComponent(DEMO_CREDENTIALS.actor)}`,
      {
        method: 'POST',
        body: { root: POST, reactionType: 'LIKE' },
      },
    );
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('7');
    const body = (await response.json()) as {
      status: number;
      message: string;
      serviceErrorCode: number;
    };
    expect(body.status).toBe(429);
    expect(typeof body.message).toBe('string');
    expect(typeof body.serviceErrorCode).toBe('number');
  });

  it('answers a custom body when given one', async () => {
    await t.control.failNext('cs.accounts', 503, 1, { body: { error: 'Maintenance' } });
    const response = await csFetch(t.emulator, '/accounts');
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ error: 'Maintenance' });
  });

  it('queues failures one after another', async () => {
    await t.control.failNext('cs.status', 500);
    await t.control.failNext('cs.status', 404);
    const statuses = [];
    for (let index = 0; index < 3; index += 1) {
      statuses.push(
        (await csFetch(t.emulator, `/account/status?accountId=${DEMO_CREDENTIALS.accountId}`))
          .status,
      );
    }
    expect(statuses).toEqual([500, 404, 200]);
  });

  it('drops the connection for status 0', async () => {
    await t.control.failNext('li.userinfo', 0);
    await expect(liFetch(t.emulator, '/v2/userinfo')).rejects.toThrow();
    const [entry] = await t.control.requests({ route: 'li.userinfo' });
    expect(entry).toMatchObject({ status: 0, injected: true });
  });

  it('can answer 200 with a body of its choice (a malformed success)', async () => {
    await t.control.failNext('cs.accounts', 200, 1, { body: 'not the documented answer' });
    const response = await fetch(`${t.emulator.urls.connectSafelyUrl}/accounts`, {
      headers: { Authorization: `Bearer ${t.emulator.credentials.connectSafelyKey}` },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toBe('not the documented answer');
  });

  it('refuses bad requests', async () => {
    await expect(t.control.failNext('cs.nope' as 'cs.react', 500)).rejects.toThrow(/400/);
    await expect(t.control.failNext('cs.react', 199)).rejects.toThrow(/400/);
    await expect(t.control.failNext('cs.react', 600)).rejects.toThrow(/400/);
    await expect(t.control.failNext('cs.react', 500, 0)).rejects.toThrow(/400/);
  });
});

describe('control: rate limit', () => {
  const t = useEmulator();

  it('overrides the limit for every key, or one key, and returns to the plan', async () => {
    await t.control.setRateLimit(1);
    expect((await csFetch(t.emulator, '/accounts')).headers.get('x-ratelimit-limit')).toBe('1');
    expect((await csFetch(t.emulator, '/accounts')).status).toBe(429);

    await t.control.setRateLimit(null);
    expect((await csFetch(t.emulator, '/accounts')).status).toBe(200);

    await t.control.setRateLimit(5, DEMO_CREDENTIALS.otherConnectSafelyKey);
    const other = await csFetch(t.emulator, '/accounts', {
      headers: { Authorization: `Bearer ${DEMO_CREDENTIALS.otherConnectSafelyKey}` },
    });
    expect(other.headers.get('x-ratelimit-limit')).toBe('5');
    expect((await csFetch(t.emulator, '/accounts')).headers.get('x-ratelimit-limit')).toBe('1000');
  });
});

describe('control: request log', () => {
  const t = useEmulator();

  it('records route, method, raw path, query, headers, body, status and time', async () => {
    const before = Date.now();
    await csFetch(t.emulator, `${REACT}?accountId=${DEMO_CREDENTIALS.accountId}`, reactBody);
    await csFetch(t.emulator, '/accounts?q=maya');
    const [entry] = await t.control.requests({ route: 'cs.react' });
    expect(entry).toMatchObject({
      route: 'cs.react',
      method: 'POST',
      path: `/linkedin${REACT}`,
      query: { accountId: DEMO_CREDENTIALS.accountId },
      rawQuery: `accountId=${DEMO_CREDENTIALS.accountId}`,
      body: { emoji: '👍', react: true },
      status: 200,
      injected: false,
    });
    expect(entry?.headers.authorization).toBe(`Bearer ${DEMO_CREDENTIALS.connectSafelyKey}`);
    expect(entry?.at).toBeGreaterThanOrEqual(before);
    expect((await t.control.requests()).map((item) => item.route)).toEqual([
      'cs.react',
      'cs.accounts',
    ]);
  });

  it('keeps the Rest.li key exactly as sent', async () => {
    const key = restliKey({ actor: DEMO_CREDENTIALS.actor, entity: POST });
    await liFetch(t.emulator, `/rest/reactions/${key}`, { method: 'DELETE' });
    const [entry] = await t.control.requests({ route: 'li.delete' });
    expect(entry?.path).toBe(`/rest/reactions/${key}`);
    expect(entry?.status).toBe(404);
  });

  it('logs unknown paths with a null route and clears on demand', async () => {
    await fetch(`${t.emulator.urls.connectSafelyUrl.replace('/linkedin', '')}/elsewhere`);
    expect((await t.control.requests()).map((item) => [item.route, item.status])).toEqual([
      [null, 404],
    ]);
    await t.control.clearRequests();
    expect(await t.control.requests()).toEqual([]);
  });

  it('waits for requests to arrive', async () => {
    setTimeout(() => void csFetch(t.emulator, '/accounts'), 100);
    const found = await t.control.waitForRequests({ route: 'cs.accounts' }, 1, 2000);
    expect(found).toHaveLength(1);
    await expect(t.control.waitForRequests({ route: 'li.list' }, 1, 100)).rejects.toThrow();
  });

  it('refuses an unknown route filter', async () => {
    await expect(t.control.requests({ route: 'nope' as 'socket' })).rejects.toThrow(/400/);
  });
});

describe('control: state readers and reset', () => {
  const t = useEmulator();

  it('reads message and post reactions, seeds post reactions, lists events', async () => {
    await csFetch(t.emulator, REACT, reactBody);
    expect(await t.control.messageReactions(MESSAGE.conversationUrn, MESSAGE.messageUrn)).toEqual([
      '👍',
    ]);
    const seeded = await t.control.seedPostReaction({
      actor: 'urn:li:person:other1',
      root: POST,
      reactionType: 'ENTERTAINMENT',
      time: 1234,
    });
    expect(seeded.created).toEqual({ actor: 'urn:li:person:other1', time: 1234 });
    expect(await t.control.postReactions(POST)).toEqual([seeded]);
    const { latestSeq, events } = await t.control.events();
    expect(latestSeq).toBe(1);
    expect(events[0]).toMatchObject({ type: 'reaction', seq: 1, emoji: '👍' });
  });

  it('answers 404 for an unknown account', async () => {
    await expect(
      t.control.messageReactions(MESSAGE.conversationUrn, MESSAGE.messageUrn, 'f'.repeat(24)),
    ).rejects.toThrow(/404/);
  });

  it('resets state, logs, faults and events but keeps credentials', async () => {
    await csFetch(t.emulator, REACT, reactBody);
    await t.control.seedPostReaction({
      actor: 'urn:li:person:other1',
      root: POST,
      reactionType: 'LIKE',
    });
    await t.control.setLatency(50);
    await t.control.failNext('cs.accounts', 500, 3);
    await t.control.setReadsForbidden(true);
    await t.control.setRateLimit(1);
    await t.control.setSockets('refuse');
    await t.control.setCreateWhenExists('conflict');
    await t.control.setLinkedInDailyLimit(0, true);
    const minted = await t.control.mintToken();
    await t.control.setTokenStatus(DEMO_CREDENTIALS.linkedinToken, 'revoked');

    await t.control.reset();

    expect(await t.control.messageReactions(MESSAGE.conversationUrn, MESSAGE.messageUrn)).toEqual(
      [],
    );
    expect(await t.control.postReactions(POST)).toEqual([]);
    expect((await t.control.events()).latestSeq).toBe(0);
    expect(await t.control.requests()).toEqual([]);
    expect(await t.control.state()).toEqual({
      latency: { all: 0, routes: {} },
      held: {},
      failures: {},
      socketMode: 'accept',
      readsForbidden: false,
      rateLimitPerHour: null,
      openSockets: 0,
      credentials: t.emulator.credentials,
      createWhenExists: 'upsert',
      linkedinDailyLimit: { perDay: null, retryAfter: false },
    });
    // Seeded tokens stay, switched back; minted (and signed-in) tokens are gone.
    expect((await liFetch(t.emulator, '/v2/userinfo')).status).toBe(200);
    await expect(t.control.token(minted.token)).rejects.toThrow(/404/);
    const accounts = await csFetch(t.emulator, '/accounts');
    expect(accounts.status).toBe(200);
    expect(accounts.headers.get('x-ratelimit-remaining')).toBe('999');
  });

  it('answers 404 for an unknown control route and 400 for a bad body', async () => {
    const unknown = await fetch(`${t.emulator.urls.controlUrl}/nope`);
    expect(unknown.status).toBe(404);
    const badJson = await fetch(`${t.emulator.urls.controlUrl}/latency`, {
      method: 'POST',
      body: '{',
    });
    expect(badJson.status).toBe(400);
    const badShape = await fetch(`${t.emulator.urls.controlUrl}/sockets`, {
      method: 'POST',
      body: JSON.stringify({ mode: 'sometimes' }),
    });
    expect(badShape.status).toBe(400);
    expect(((await badShape.json()) as { error: string }).error).toMatch(/mode/);
  });
});

describe('control: loopback only', () => {
  it.each([
    ['127.0.0.1', true],
    ['::1', true],
    ['::ffff:127.0.0.1', true],
    ['192.0.2.2', false],
    ['::ffff:10.0.0.1', false],
    [undefined, false],
  ])('isLoopbackAddress(%s) is %s', (address, expected) => {
    expect(isLoopbackAddress(address)).toBe(expected);
  });

  const externalAddress = Object.values(networkInterfaces())
    .flat()
    .find((info) => info && info.family === 'IPv4' && !info.internal)?.address;

  let emulator: Emulator | undefined;
  afterEach(async () => {
    await emulator?.close();
  });

  it.skipIf(!externalAddress)(
    'answers 403 to a non-loopback client, but serves the APIs',
    async () => {
      emulator = await startEmulator({ host: '0.0.0.0' });
      const origin = `http://${externalAddress}:${emulator.port}`;
      const control = await fetch(`${origin}/__control/state`);
      expect(control.status).toBe(403);
      const api = await fetch(`${origin}/linkedin/accounts`, {
        headers: { Authorization: `Bearer ${DEMO_CREDENTIALS.connectSafelyKey}` },
      });
      expect(api.status).toBe(200);
      const local = await fetch(`${emulator.urls.controlUrl}/state`);
      expect(local.status).toBe(200);
    },
  );
});
