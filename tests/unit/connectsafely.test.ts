// @vitest-environment node
/**
 * The ConnectSafely client against the real emulator over HTTP (and, for answers the emulator
 * never gives, a tiny local server), plus the pure header helpers.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RateLimitBudget } from '@/lib/accounts/types';
import {
  type Failure,
  isRetryable,
  mayHaveApplied,
  REQUEST_TIMEOUT_MS,
  ServiceError,
} from '@/lib/engine/types';
import {
  type ConnectSafelyOptions,
  createConnectSafelyClient,
  type ReactCall,
  readRateLimit,
  retryAtFrom,
} from '@/lib/services/connectsafely/client';
import { type EmulatorControl, reactPath } from '../emulator/client';
import { buildMessageFixture } from '../emulator/fixtures';
import { DEMO_CREDENTIALS, type Emulator } from '../emulator/server';
import { emulatorPerFile } from '../support/emulator-per-file';

const MESSAGE = buildMessageFixture({ profileId: DEMO_CREDENTIALS.mailboxProfileId });
const UNKNOWN_ACCOUNT = '0123456789abcdef01234567';

let emulator: Emulator;
let control: EmulatorControl;
emulatorPerFile((started, itsControl) => {
  emulator = started;
  control = itsControl;
});

function client(overrides: Partial<ConnectSafelyOptions> = {}) {
  return createConnectSafelyClient({
    baseUrl: emulator.urls.connectSafelyUrl,
    apiKey: emulator.credentials.connectSafelyKey,
    ...overrides,
  });
}

function reactCall(overrides: Partial<ReactCall> = {}): ReactCall {
  return {
    conversationUrn: MESSAGE.conversationUrn,
    messageUrn: MESSAGE.messageUrn,
    accountId: emulator.credentials.accountId,
    emoji: '👍',
    react: true,
    ...overrides,
  };
}

/**
 * The ServiceError's failure a call rejected with (fails the test if it resolved or threw
 * otherwise). The error's message is the service's words (`detail`), never a URL or the key.
 */
async function failureOf(call: Promise<unknown>): Promise<Failure> {
  const error = await call.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ServiceError);
  const { failure, message } = error as ServiceError;
  expect(message).toBe(failure.detail);
  expect(message).not.toContain(emulator.credentials.connectSafelyKey);
  return failure;
}

const reactionsOnMessage = () =>
  control.messageReactions(MESSAGE.conversationUrn, MESSAGE.messageUrn);

describe('react: the request on the wire', () => {
  it('sends exactly the documented request and resolves on 200', async () => {
    await client().react(reactCall());

    const requests = await control.requests({ route: 'cs.react' });
    expect(requests).toHaveLength(1);
    const [request] = requests;
    expect(request?.method).toBe('POST');
    // Both URNs encodeURIComponent-encoded in the raw path.
    expect(request?.path).toBe(
      `/linkedin/conversations/${encodeURIComponent(MESSAGE.conversationUrn)}/messages/${encodeURIComponent(MESSAGE.messageUrn)}/react`,
    );
    expect(request?.path).toBe(
      `/linkedin${reactPath(MESSAGE.conversationUrn, MESSAGE.messageUrn)}`,
    );
    expect(request?.query).toEqual({ accountId: emulator.credentials.accountId });
    expect(request?.body).toEqual({ emoji: '👍', react: true });
    expect(request?.headers.authorization).toBe(`Bearer ${emulator.credentials.connectSafelyKey}`);
    expect(request?.headers['content-type']).toMatch(/^application\/json/);
    expect(request?.status).toBe(200);
    expect(await reactionsOnMessage()).toEqual(['👍']);
  });

  it('sends react:false to remove, and acts as the account given', async () => {
    const second = DEMO_CREDENTIALS.secondAccountId;
    await client().react(reactCall({ accountId: second, emoji: '🎉' }));
    await client().react(reactCall({ accountId: second, emoji: '❤️' }));
    await client().react(reactCall({ accountId: second, emoji: '🎉', react: false }));

    const requests = await control.requests({ route: 'cs.react' });
    expect(requests.map((request) => request.body)).toEqual([
      { emoji: '🎉', react: true },
      { emoji: '❤️', react: true },
      { emoji: '🎉', react: false },
    ]);
    expect(requests.every((request) => request.query.accountId === second)).toBe(true);
    expect(
      await control.messageReactions(MESSAGE.conversationUrn, MESSAGE.messageUrn, second),
    ).toEqual(['❤️']);
    expect(await reactionsOnMessage()).toEqual([]);
  });

  it('tolerates a trailing slash on the base URL', async () => {
    await client({ baseUrl: `${emulator.urls.connectSafelyUrl}/` }).react(reactCall());
    const [request] = await control.requests({ route: 'cs.react' });
    expect(request?.path.startsWith('/linkedin/conversations/')).toBe(true);
    expect(request?.status).toBe(200);
  });
});

describe('react: failures', () => {
  it('maps a 400 to invalid-request, with the service’s reason in detail', async () => {
    const failure = await failureOf(client().react(reactCall({ emoji: 'not an emoji' })));
    expect(failure.kind).toBe('invalid-request');
    expect(failure.detail).toMatch(/^ConnectSafely refused this reaction: /);
    expect(failure.detail).toContain('emoji must be exactly one emoji');
    expect(isRetryable(failure.kind)).toBe(false);
  });

  it('maps an injected 400 body to invalid-request with its error text', async () => {
    await control.failNext('cs.react', 400, 1, { body: { error: 'Reaction failed' } });
    const failure = await failureOf(client().react(reactCall()));
    expect(failure).toEqual({
      kind: 'invalid-request',
      detail: 'ConnectSafely refused this reaction: Reaction failed',
    });
    expect(await reactionsOnMessage()).toEqual([]);
  });

  it('maps a 401 (unknown key) to credential-refused', async () => {
    const failure = await failureOf(client({ apiKey: 'cs_wrong_key' }).react(reactCall()));
    expect(failure).toEqual({
      kind: 'credential-refused',
      detail: 'ConnectSafely refused the API key (401).',
    });
    expect(isRetryable(failure.kind)).toBe(false);
    const [request] = await control.requests({ route: 'cs.react' });
    expect(request?.status).toBe(401);
  });

  it('maps a 404 (unknown account) to account-not-found', async () => {
    const failure = await failureOf(client().react(reactCall({ accountId: UNKNOWN_ACCOUNT })));
    expect(failure).toEqual({
      kind: 'account-not-found',
      detail: 'ConnectSafely does not know this LinkedIn account (404).',
    });
    expect(isRetryable(failure.kind)).toBe(false);
  });

  it.each([500, 502, 503])(
    'maps a %i to server-error: retried, outcome unknown',
    async (status) => {
      await control.failNext('cs.react', status);
      const failure = await failureOf(client().react(reactCall()));
      expect(failure).toEqual({
        kind: 'server-error',
        detail: `ConnectSafely had a problem (${status}).`,
      });
      expect(isRetryable(failure.kind)).toBe(true);
      // A 5xx may come after the service applied it: the engine resends the latest intent.
      expect(mayHaveApplied(failure)).toBe(true);
      expect(await reactionsOnMessage()).toEqual([]);
    },
  );

  it('maps a 429 with Retry-After to rate-limited with retryAt = now + the seconds', async () => {
    const now = 1_767_225_600_000;
    await control.failNext('cs.react', 429, 1, { retryAfterSeconds: 120 });
    const failure = await failureOf(client({ now: () => now }).react(reactCall()));
    expect(failure).toEqual({
      kind: 'rate-limited',
      detail: 'ConnectSafely rate limit reached.',
      retryAt: now + 120_000,
    });
    expect(isRetryable(failure.kind)).toBe(true);
    // A refused request was not applied.
    expect(mayHaveApplied(failure)).toBe(false);
  });

  it('maps the real hourly limit to rate-limited, retrying at the window end', async () => {
    await control.setRateLimit(1);
    await client().react(reactCall());
    const before = Date.now();
    const failure = await failureOf(client().react(reactCall({ emoji: '🎉' })));
    expect(failure.kind).toBe('rate-limited');
    expect(failure.retryAt).toBeGreaterThan(before);
    expect(failure.retryAt).toBeLessThanOrEqual(before + 3600_000 + 1000);
    expect(await reactionsOnMessage()).toEqual(['👍']);
  });

  it('maps a refused connection (closed port) to offline, without the URL in the detail', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    await new Promise<void>((resolve) => server.close(() => resolve()));

    const baseUrl = `http://127.0.0.1:${port}/linkedin`;
    const failure = await failureOf(client({ baseUrl }).react(reactCall()));
    expect(failure).toEqual({ kind: 'offline', detail: 'ConnectSafely could not be reached.' });
    expect(failure.detail).not.toContain(String(port));
    expect(isRetryable(failure.kind)).toBe(true);
    expect(mayHaveApplied(failure)).toBe(true);
  });

  it('maps a dropped connection to offline', async () => {
    await control.failNext('cs.react', 0);
    const failure = await failureOf(client().react(reactCall()));
    expect(failure.kind).toBe('offline');
  });

  it('maps a timeout to offline', async () => {
    await control.setLatency(1000, 'cs.react');
    const failure = await failureOf(client({ timeoutMs: 100 }).react(reactCall()));
    expect(failure.kind).toBe('offline');
  });

  it('gives a request up after the engine’s REQUEST_TIMEOUT_MS by default', () => {
    // The engine keeps a dead worker's request window open this long: the two must agree.
    expect(REQUEST_TIMEOUT_MS).toBe(15_000);
  });
});

describe('rate-limit headers', () => {
  it('reach onRateLimit on a success', async () => {
    await control.setRateLimit(5);
    const budgets: RateLimitBudget[] = [];
    const before = Date.now();
    await client({ onRateLimit: (budget) => budgets.push(budget) }).react(reactCall());
    expect(budgets).toHaveLength(1);
    const [budget] = budgets;
    expect(budget).toMatchObject({ limit: 5, remaining: 4 });
    // X-RateLimit-Reset is in Unix seconds: the budget is in epoch ms, about an hour ahead.
    expect(budget?.resetAt).toBeGreaterThan(before);
    expect(budget?.resetAt).toBeLessThanOrEqual(before + 3600_000 + 1000);
    expect((budget?.resetAt ?? 0) % 1000).toBe(0);
  });

  it('reach onRateLimit on an error answer too', async () => {
    const budgets: RateLimitBudget[] = [];
    await failureOf(
      client({ onRateLimit: (budget) => budgets.push(budget) }).react(
        reactCall({ accountId: UNKNOWN_ACCOUNT }),
      ),
    );
    expect(budgets).toHaveLength(1);
    expect(budgets[0]).toMatchObject({ limit: 1000, remaining: 999 });
  });

  it('count down across calls of one key', async () => {
    const budgets: RateLimitBudget[] = [];
    const cs = client({ onRateLimit: (budget) => budgets.push(budget) });
    await cs.accounts();
    await cs.react(reactCall());
    expect(budgets.map((budget) => budget.remaining)).toEqual([999, 998]);
  });
});

describe('accounts()', () => {
  it('lists the key’s accounts with display names', async () => {
    expect(await client().accounts()).toEqual([
      {
        id: DEMO_CREDENTIALS.accountId,
        name: 'Maya Lindqvist',
        publicId: 'maya-lindqvist',
        status: 'active',
        apiSeatAllocated: true,
      },
      {
        id: DEMO_CREDENTIALS.secondAccountId,
        name: 'Tomás Herrera',
        publicId: 'tomas-herrera-7b2',
        status: 'active',
        apiSeatAllocated: true,
      },
    ]);
    const [request] = await control.requests({ route: 'cs.accounts' });
    expect(request?.method).toBe('GET');
    expect(request?.headers.authorization).toBe(`Bearer ${emulator.credentials.connectSafelyKey}`);
  });

  it('answers credential-refused for a refused key', async () => {
    const failure = await failureOf(client({ apiKey: 'cs_wrong_key' }).accounts());
    expect(failure.kind).toBe('credential-refused');
  });
});

describe('answers the emulator never gives (local server)', () => {
  let server: Server;
  let baseUrl: string;
  let answer: (req: IncomingMessage, res: ServerResponse) => void;

  beforeAll(async () => {
    server = createServer((req, res) => answer(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/linkedin`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  afterEach(() => {
    answer = (_req, res) => res.end();
  });

  const local = () => client({ baseUrl, apiKey: 'cs_local' });
  const respond = (status: number, body: string, headers: Record<string, string> = {}) => {
    answer = (req, res) => {
      req.resume();
      res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
      res.end(body);
    };
  };

  it('maps a 200 that is not JSON to server-error (it may have been applied)', async () => {
    respond(200, '<html>garbage</html>');
    const failure = await failureOf(local().react(reactCall()));
    expect(failure).toEqual({
      kind: 'server-error',
      detail: 'ConnectSafely sent an answer Reactbar could not read.',
    });
    expect(isRetryable(failure.kind)).toBe(true);
    expect(mayHaveApplied(failure)).toBe(true);
  });

  it('maps a 200 JSON body without success:true to server-error', async () => {
    respond(200, JSON.stringify({ success: false }));
    expect((await failureOf(local().react(reactCall()))).kind).toBe('server-error');
  });

  it('maps an account list of the wrong shape to server-error', async () => {
    respond(200, JSON.stringify({ accounts: [] }));
    expect(await failureOf(local().accounts())).toEqual({
      kind: 'server-error',
      detail: 'ConnectSafely sent an account list Reactbar could not read.',
    });
  });

  it('names accounts by publicId, then id, when names are missing', async () => {
    respond(
      200,
      JSON.stringify([
        { id: 'a1', firstName: null, lastName: null, publicId: 'only-public' },
        { id: 'a2', firstName: 'Solo' },
        { id: 'a3' },
      ]),
    );
    expect(await local().accounts()).toEqual([
      {
        id: 'a1',
        name: 'only-public',
        publicId: 'only-public',
        status: 'unknown',
        apiSeatAllocated: false,
      },
      { id: 'a2', name: 'Solo', publicId: '', status: 'unknown', apiSeatAllocated: false },
      { id: 'a3', name: 'a3', publicId: '', status: 'unknown', apiSeatAllocated: false },
    ]);
  });

  it('maps a 429 without Retry-After to the X-RateLimit-Reset time', async () => {
    const now = 1_767_225_600_000;
    respond(429, JSON.stringify({ error: 'Rate limit exceeded' }), {
      'X-RateLimit-Limit': '1000',
      'X-RateLimit-Remaining': '0',
      'X-RateLimit-Reset': String(now / 1000 + 900),
    });
    const budgets: RateLimitBudget[] = [];
    const failure = await failureOf(
      client({ baseUrl, now: () => now, onRateLimit: (b) => budgets.push(b) }).react(reactCall()),
    );
    expect(failure).toMatchObject({ kind: 'rate-limited', retryAt: now + 900_000 });
    expect(budgets).toEqual([{ limit: 1000, remaining: 0, resetAt: now + 900_000 }]);
  });

  it('maps another 4xx to invalid-request with the service’s words, a 5xx without JSON to server-error', async () => {
    respond(409, JSON.stringify({ error: 'Conflict' }));
    expect(await failureOf(local().react(reactCall()))).toEqual({
      kind: 'invalid-request',
      detail: 'ConnectSafely answered 409: Conflict',
    });
    respond(422, 'not json');
    expect(await failureOf(local().react(reactCall()))).toEqual({
      kind: 'invalid-request',
      detail: 'ConnectSafely answered 422.',
    });
    respond(400, '');
    expect(await failureOf(local().react(reactCall()))).toEqual({
      kind: 'invalid-request',
      detail: 'ConnectSafely refused this reaction.',
    });
    respond(502, '<html>Bad gateway</html>');
    expect(await failureOf(local().react(reactCall()))).toEqual({
      kind: 'server-error',
      detail: 'ConnectSafely had a problem (502).',
    });
  });

  it('keeps a 429’s own words out of detail but its time in retryAt; a bare 429 waits a minute', async () => {
    const now = 1_767_225_600_000;
    respond(429, '');
    expect(await failureOf(client({ baseUrl, now: () => now }).react(reactCall()))).toEqual({
      kind: 'rate-limited',
      detail: 'ConnectSafely rate limit reached.',
      retryAt: now + 60_000,
    });
  });
});

describe('retryAtFrom', () => {
  const now = Date.UTC(2026, 0, 1, 12, 0, 0);
  const headers = (init: Record<string, string>) => new Headers(init);

  it('reads Retry-After in seconds', () => {
    expect(retryAtFrom(headers({ 'Retry-After': '120' }), now)).toBe(now + 120_000);
    expect(retryAtFrom(headers({ 'Retry-After': '0' }), now)).toBe(now);
  });

  it('prefers Retry-After over X-RateLimit-Reset', () => {
    const h = headers({ 'Retry-After': '30', 'X-RateLimit-Reset': String(now / 1000 + 900) });
    expect(retryAtFrom(h, now)).toBe(now + 30_000);
  });

  it('reads Retry-After as an HTTP date, never in the past', () => {
    const later = new Date(now + 5 * 60_000).toUTCString();
    expect(retryAtFrom(headers({ 'Retry-After': later }), now)).toBe(now + 5 * 60_000);
    const earlier = new Date(now - 5 * 60_000).toUTCString();
    expect(retryAtFrom(headers({ 'Retry-After': earlier }), now)).toBe(now);
  });

  it('falls back to X-RateLimit-Reset (Unix seconds), never in the past', () => {
    expect(retryAtFrom(headers({ 'X-RateLimit-Reset': String(now / 1000 + 900) }), now)).toBe(
      now + 900_000,
    );
    expect(retryAtFrom(headers({ 'X-RateLimit-Reset': String(now / 1000 - 900) }), now)).toBe(now);
  });

  it('falls back to X-RateLimit-Reset when Retry-After is unreadable', () => {
    const h = headers({ 'Retry-After': 'soon', 'X-RateLimit-Reset': String(now / 1000 + 60) });
    expect(retryAtFrom(h, now)).toBe(now + 60_000);
  });

  it('defaults to a minute', () => {
    expect(retryAtFrom(headers({}), now)).toBe(now + 60_000);
    expect(retryAtFrom(headers({ 'Retry-After': 'soon' }), now)).toBe(now + 60_000);
    expect(retryAtFrom(headers({ 'X-RateLimit-Reset': 'never' }), now)).toBe(now + 60_000);
  });
});

describe('readRateLimit', () => {
  it('reads the three headers, reset in epoch ms', () => {
    const h = new Headers({
      'X-RateLimit-Limit': '1000',
      'X-RateLimit-Remaining': '998',
      'X-RateLimit-Reset': '1767229200',
    });
    expect(readRateLimit(h)).toEqual({ limit: 1000, remaining: 998, resetAt: 1_767_229_200_000 });
  });

  it('is null without the headers or with unreadable values', () => {
    expect(readRateLimit(new Headers())).toBeNull();
    expect(
      readRateLimit(
        new Headers({ 'X-RateLimit-Remaining': '5', 'X-RateLimit-Reset': '1767229200' }),
      ),
    ).toBeNull();
    expect(
      readRateLimit(
        new Headers({
          'X-RateLimit-Limit': 'lots',
          'X-RateLimit-Remaining': '5',
          'X-RateLimit-Reset': '1767229200',
        }),
      ),
    ).toBeNull();
  });

  it('is null when Remaining or Reset is missing, rather than inventing 0 and 1970', () => {
    // Number(null) is 0, so a missing header must not pass as "0 left, resets at epoch 0".
    expect(readRateLimit(new Headers({ 'X-RateLimit-Limit': '1000' }))).toBeNull();
    expect(
      readRateLimit(new Headers({ 'X-RateLimit-Limit': '1000', 'X-RateLimit-Remaining': '7' })),
    ).toBeNull();
  });
});
