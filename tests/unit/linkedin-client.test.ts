// @vitest-environment node
/**
 * The LinkedIn client against the real emulator over HTTP (and, for answers the emulator never
 * gives, a tiny local server): the exact requests, and every error mapped to the engine's kinds.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { isRetryable, mayHaveApplied, ServiceError } from '@/lib/engine/types';
import type { ReactionType } from '@/lib/kinds/registry';
import {
  createLinkedInClient,
  createThrottleStreak,
  type LinkedInClientOptions,
  RATE_LIMIT_BACKOFF,
  rateLimitBackoffMs,
  reactionKey,
  restliValue,
  retryAfterAt,
} from '@/lib/services/linkedin/client';
import {
  connectionSettingsSchema,
  DEFAULT_CONNECTION_SETTINGS,
  linkedinEndpoints,
} from '@/lib/settings';
import type { EmulatorControl } from '../emulator/client';
import { DEMO_CREDENTIALS, type Emulator } from '../emulator/server';
import { emulatorPerFile } from '../support/emulator-per-file';

const ACTOR = DEMO_CREDENTIALS.actor;
const PAGE = DEMO_CREDENTIALS.pageActor;
const POST = 'urn:li:activity:7067167295080394752';
const UGC = 'urn:li:ugcPost:7067167295080394999';
const COMMENT = 'urn:li:comment:(urn:li:activity:6666,120381273128)';
const VERSION = '202609';
const ENCODED_ACTOR = 'urn%3Ali%3Aperson%3Ax7Kp2QmZ9a';
const ENCODED_COMMENT = 'urn%3Ali%3Acomment%3A%28urn%3Ali%3Aactivity%3A6666%2C120381273128%29';

let emulator: Emulator;
let control: EmulatorControl;
emulatorPerFile((started, itsControl) => {
  emulator = started;
  control = itsControl;
});

function client(overrides: Partial<LinkedInClientOptions> = {}) {
  const endpoints = linkedinEndpoints({
    connectSafelyUrl: emulator.urls.connectSafelyUrl,
    socketUrl: emulator.urls.socketUrl,
    linkedinUrl: emulator.urls.linkedinUrl,
    linkedinVersion: VERSION,
  });
  return createLinkedInClient({
    ...endpoints,
    accessToken: emulator.credentials.linkedinToken,
    ...overrides,
  });
}

/** The failure a call rejected with; its message is LinkedIn's words (detail), never the token. */
async function failureOf(call: Promise<unknown>, token = emulator.credentials.linkedinToken) {
  const error = await call.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ServiceError);
  const { failure, message } = error as ServiceError;
  expect(message).toBe(failure.detail);
  expect(message).not.toContain(token);
  return failure;
}

const like = (entity = POST, reactionType: ReactionType = 'LIKE', actor = ACTOR) => ({
  actor,
  entity,
  reactionType,
});
const typesOn = async (entity: string) =>
  (await control.postReactions(entity)).map((reaction) => [
    reaction.created.actor,
    reaction.reactionType,
  ]);

describe('Rest.li encoding', () => {
  it('encodes every character Rest.li reserves, parentheses included', () => {
    expect(restliValue(ACTOR)).toBe(ENCODED_ACTOR);
    expect(restliValue(COMMENT)).toBe(ENCODED_COMMENT);
    expect(restliValue("a'b!c*d e")).toBe('a%27b%21c%2Ad%20e');
    expect(decodeURIComponent(restliValue(COMMENT))).toBe(COMMENT);
  });

  it('builds a compound key with a literal structure', () => {
    expect(reactionKey({ actor: ACTOR, entity: COMMENT })).toBe(
      `(actor:${ENCODED_ACTOR},entity:${ENCODED_COMMENT})`,
    );
  });
});

describe('createReaction: the request on the wire', () => {
  it('sends exactly the documented create and resolves "created" on 201', async () => {
    expect(await client().createReaction(like())).toBe('created');
    const [request] = await control.requests({ route: 'li.create' });
    expect(request?.method).toBe('POST');
    expect(request?.path).toBe('/rest/reactions');
    expect(request?.rawQuery).toBe(`actor=${ENCODED_ACTOR}`);
    expect(request?.body).toEqual({ root: POST, reactionType: 'LIKE' });
    expect(request?.headers).toMatchObject({
      authorization: `Bearer ${DEMO_CREDENTIALS.linkedinToken}`,
      'linkedin-version': VERSION,
      'x-restli-protocol-version': '2.0.0',
      'content-type': 'application/json',
    });
    expect(request?.headers.cookie).toBeUndefined();
    expect(request?.status).toBe(201);
    expect(await typesOn(POST)).toEqual([[ACTOR, 'LIKE']]);
  });

  it('sends a comment URN unencoded in the body, and acts as a page when asked', async () => {
    await client().createReaction(like(COMMENT, 'PRAISE', PAGE));
    const [request] = await control.requests({ route: 'li.create' });
    expect(request?.rawQuery).toBe('actor=urn%3Ali%3Aorganization%3A2414183');
    expect(request?.body).toEqual({ root: COMMENT, reactionType: 'PRAISE' });
    expect(await typesOn(COMMENT)).toEqual([[PAGE, 'PRAISE']]);
  });

  it('replaces the type on a service that upserts', async () => {
    await client().createReaction(like());
    expect(await client().createReaction(like(POST, 'EMPATHY'))).toBe('created');
    expect(await typesOn(POST)).toEqual([[ACTOR, 'EMPATHY']]);
  });

  it('answers "conflict" (nothing changed) on a service that refuses a second create', async () => {
    await control.setCreateWhenExists('conflict');
    await client().createReaction(like());
    expect(await client().createReaction(like(POST, 'EMPATHY'))).toBe('conflict');
    expect(await typesOn(POST)).toEqual([[ACTOR, 'LIKE']]);
  });

  it('never sends MAYBE or anything but the six types', async () => {
    for (const type of ['MAYBE', 'WOW', 'like']) {
      const failure = await failureOf(
        client().createReaction({ ...like(), reactionType: type as ReactionType }),
      );
      expect(failure.kind).toBe('invalid-request');
    }
    expect(await control.requests({ route: 'li.create' })).toEqual([]);
  });

  it('does not compare the answer’s root with the entity sent', async () => {
    await control.failNext('li.create', 201, 1, {
      body: { id: `urn:li:reaction:(${ACTOR},${UGC})`, reactionType: 'LIKE', root: UGC },
    });
    expect(await client().createReaction(like())).toBe('created');
  });
});

describe('deleteReaction', () => {
  it('sends the delete with a correctly encoded key; 204 is "deleted", 404 "absent"', async () => {
    await client().createReaction(like(COMMENT));
    expect(await client().deleteReaction({ actor: ACTOR, entity: COMMENT })).toBe('deleted');
    expect(await client().deleteReaction({ actor: ACTOR, entity: COMMENT })).toBe('absent');
    const requests = await control.requests({ route: 'li.delete' });
    expect(requests.map((request) => [request.method, request.path, request.status])).toEqual([
      ['DELETE', `/rest/reactions/(actor:${ENCODED_ACTOR},entity:${ENCODED_COMMENT})`, 204],
      ['DELETE', `/rest/reactions/(actor:${ENCODED_ACTOR},entity:${ENCODED_COMMENT})`, 404],
    ]);
    expect(requests[0]?.headers).toMatchObject({
      'linkedin-version': VERSION,
      'x-restli-protocol-version': '2.0.0',
    });
    expect(requests[0]?.headers['content-type']).toBeUndefined();
    expect(await typesOn(COMMENT)).toEqual([]);
  });
});

describe('getReactions (batch get)', () => {
  it('reads each entity’s type or none, keyed by the entity asked for', async () => {
    await client().createReaction(like(COMMENT, 'INTEREST'));
    const found = await client().getReactions(ACTOR, [COMMENT, POST, COMMENT]);
    expect(found).toEqual(
      new Map<string, string | null>([
        [COMMENT, 'INTEREST'],
        [POST, null],
      ]),
    );
    const [request] = await control.requests({ route: 'li.batchGet' });
    expect(request?.rawQuery).toBe(
      `ids=List((actor:${ENCODED_ACTOR},entity:${ENCODED_COMMENT}),` +
        `(actor:${ENCODED_ACTOR},entity:${restliValue(POST)}))`,
    );
  });

  it('asks in batches of 25', async () => {
    const entities = Array.from({ length: 30 }, (_, index) => `urn:li:activity:${index + 1}`);
    const found = await client().getReactions(ACTOR, entities);
    expect(found.size).toBe(30);
    expect(await control.requests({ route: 'li.batchGet' })).toHaveLength(2);
  });

  it('maps a 403 (no r_member_social) to permission-missing, naming the read permission', async () => {
    await control.setReadsForbidden(true);
    const failure = await failureOf(client().getReactions(ACTOR, [POST]));
    expect(failure).toMatchObject({ kind: 'permission-missing', permission: 'r_member_social' });
    const asPage = await failureOf(client().getReactions(PAGE, [POST]));
    expect(asPage.permission).toBe('r_organization_social');
  });
});

describe('member (userinfo)', () => {
  it('answers the person URN and the name to show, sending only the token', async () => {
    expect(await client().member()).toEqual({
      sub: DEMO_CREDENTIALS.sub,
      actor: ACTOR,
      name: 'Maya Lindqvist',
    });
    const [request] = await control.requests({ route: 'li.userinfo' });
    expect(request?.path).toBe('/v2/userinfo');
    expect(request?.headers.authorization).toBe(`Bearer ${DEMO_CREDENTIALS.linkedinToken}`);
    expect(request?.headers['linkedin-version']).toBeUndefined();
  });

  it('has no name without the profile scope', async () => {
    const { token } = await control.mintToken({ scopes: ['openid', 'w_member_social'] });
    expect(await client({ accessToken: token }).member()).toEqual({
      sub: DEMO_CREDENTIALS.sub,
      actor: ACTOR,
      name: null,
    });
  });

  it('maps a token without openid to permission-missing (openid)', async () => {
    const { token } = await control.mintToken({ scopes: ['w_member_social'] });
    const failure = await failureOf(client({ accessToken: token }).member(), token);
    expect(failure).toMatchObject({ kind: 'permission-missing', permission: 'openid' });
  });
});

describe('organizationAccess and organization', () => {
  it('lists the pages the member may react for, asking per role for approved roles', async () => {
    expect(await client().organizationAccess()).toEqual([
      { urn: PAGE, id: '2414183', roles: ['ADMINISTRATOR'] },
      { urn: 'urn:li:organization:5100421', id: '5100421', roles: ['RECRUITING_POSTER'] },
    ]);
    const requests = await control.requests({ route: 'li.organizationAcls' });
    expect(requests.map((request) => request.rawQuery)).toEqual(
      ['ADMINISTRATOR', 'DIRECT_SPONSORED_CONTENT_POSTER', 'RECRUITING_POSTER'].map(
        (role) => `q=roleAssignee&role=${role}&state=APPROVED&start=0&count=50`,
      ),
    );
    expect(requests[0]?.headers).toMatchObject({
      'linkedin-version': VERSION,
      'x-restli-protocol-version': '2.0.0',
    });
  });

  it('maps a token without the page scopes to permission-missing (rw_organization_admin)', async () => {
    const { token } = await control.mintToken();
    const failure = await failureOf(client({ accessToken: token }).organizationAccess(), token);
    expect(failure).toMatchObject({
      kind: 'permission-missing',
      permission: 'rw_organization_admin',
    });
  });

  it("reads a page's name by id or URN; an unknown page is account-not-found", async () => {
    expect(await client().organization('2414183')).toEqual({
      urn: PAGE,
      id: '2414183',
      name: 'Northwind Labs',
    });
    expect((await client().organization(PAGE)).name).toBe('Northwind Labs');
    expect((await failureOf(client().organization('1'))).kind).toBe('account-not-found');
    expect((await failureOf(client().organization('../reactions'))).kind).toBe('invalid-request');
    expect(await control.requests({ route: 'li.organization' })).toHaveLength(3);
  });
});

describe('failures, mapped in one place', () => {
  it('maps a refused token (401) to credential-refused, with LinkedIn’s words', async () => {
    const failure = await failureOf(
      client({ accessToken: 'li_wrong' }).createReaction(like()),
      'li_wrong',
    );
    expect(failure).toEqual({
      kind: 'credential-refused',
      detail: 'LinkedIn refused the access token (401): Invalid access token',
    });
    expect(isRetryable(failure.kind)).toBe(false);
  });

  it('maps an expired or revoked token to credential-refused', async () => {
    await control.setTokenStatus(DEMO_CREDENTIALS.linkedinToken, 'expired');
    expect(await failureOf(client().deleteReaction({ actor: ACTOR, entity: POST }))).toEqual({
      kind: 'credential-refused',
      detail: 'LinkedIn refused the access token (401): The token used in the request has expired',
    });
    await control.setTokenStatus(DEMO_CREDENTIALS.linkedinToken, 'revoked');
    expect((await failureOf(client().member())).kind).toBe('credential-refused');
  });

  it('maps a 403 on a write to permission-missing: w_member_social as a member', async () => {
    const { token } = await control.mintToken({ scopes: ['openid'] });
    const failure = await failureOf(client({ accessToken: token }).createReaction(like()), token);
    expect(failure).toEqual({
      kind: 'permission-missing',
      permission: 'w_member_social',
      detail: `LinkedIn refused: the token lacks w_member_social (403): Not enough permissions to access: reactions.CREATE.${VERSION}`,
    });
    expect(isRetryable(failure.kind)).toBe(false);
  });

  it('… and w_organization_social as a page, on create and delete', async () => {
    const { token } = await control.mintToken({ scopes: ['openid', 'w_member_social'] });
    const asPage = client({ accessToken: token });
    const created = await failureOf(asPage.createReaction(like(POST, 'LIKE', PAGE)), token);
    expect(created).toMatchObject({
      kind: 'permission-missing',
      permission: 'w_organization_social',
    });
    const deleted = await failureOf(asPage.deleteReaction({ actor: PAGE, entity: POST }), token);
    expect(deleted.permission).toBe('w_organization_social');
  });

  it('maps a 404 on create to target-gone', async () => {
    await control.failNext('li.create', 404, 1, {
      body: { status: 404, message: 'Post not found', serviceErrorCode: 0 },
    });
    expect(await failureOf(client().createReaction(like()))).toEqual({
      kind: 'target-gone',
      detail: 'LinkedIn does not know this post or comment (404): Post not found',
    });
  });

  it('maps 400 and 422 to invalid-request', async () => {
    const refused = await failureOf(
      client().createReaction(like('urn:li:comment:(activity:6666,1)')),
    );
    expect(refused.kind).toBe('invalid-request');
    expect(refused.detail).toMatch(/^LinkedIn refused the request \(400\): .*not a valid entity/);
    await control.failNext('li.delete', 422);
    expect(await failureOf(client().deleteReaction({ actor: ACTOR, entity: POST }))).toEqual({
      kind: 'invalid-request',
      detail: 'LinkedIn refused the request (422): Unprocessable entity',
    });
  });

  it('maps a 429 with Retry-After to rate-limited at that time; not applied', async () => {
    const now = 1_767_225_600_000;
    await control.failNext('li.create', 429, 1, { retryAfterSeconds: 300 });
    const failure = await failureOf(client({ now: () => now }).createReaction(like()));
    expect(failure).toEqual({
      kind: 'rate-limited',
      retryAt: now + 300_000,
      detail:
        'LinkedIn is limiting requests (429): Resource level throttle limit for calls to this resource is reached.',
    });
    expect(isRetryable(failure.kind)).toBe(true);
    expect(mayHaveApplied(failure)).toBe(false);
  });

  it('backs off from a minute to an hour on 429s without Retry-After, per token, until another answer', async () => {
    const now = 1_767_225_600_000;
    const throttle = createThrottleStreak();
    const waits: number[] = [];
    await control.failNext('li.create', 429, 8);
    for (let index = 0; index < 8; index++) {
      // A fresh client each time, sharing the token's streak, as the background builds them.
      const failure = await failureOf(client({ now: () => now, throttle }).createReaction(like()));
      waits.push(((failure.retryAt ?? 0) - now) / 60_000);
    }
    expect(waits).toEqual([1, 2, 4, 8, 16, 32, 60, 60]);
    await client({ throttle }).createReaction(like());
    expect(throttle.count).toBe(0);
    await control.failNext('li.create', 429);
    const again = await failureOf(client({ now: () => now, throttle }).createReaction(like()));
    expect(again.retryAt).toBe(now + 60_000);
  });

  it('maps the real daily limit to rate-limited, with or without Retry-After', async () => {
    await control.setLinkedInDailyLimit(0);
    const before = Date.now();
    const bare = await failureOf(client().deleteReaction({ actor: ACTOR, entity: POST }));
    expect(bare.kind).toBe('rate-limited');
    expect(bare.retryAt).toBeGreaterThanOrEqual(before + 60_000);
    expect(bare.retryAt).toBeLessThan(Date.now() + 60_000 + 1000);

    await control.setLinkedInDailyLimit(0, true);
    const named = await failureOf(client().deleteReaction({ actor: ACTOR, entity: POST }));
    const midnight = Math.ceil(Date.now() / 86_400_000) * 86_400_000;
    expect(Math.abs((named.retryAt ?? 0) - midnight)).toBeLessThan(2000);
  });

  it.each([500, 502, 503])(
    'maps a %i to server-error: retried, outcome unknown',
    async (status) => {
      await control.failNext('li.create', status);
      const failure = await failureOf(client().createReaction(like()));
      expect(failure.kind).toBe('server-error');
      expect(failure.detail).toMatch(new RegExp(`^LinkedIn had a problem \\(${status}\\)`));
      expect(mayHaveApplied(failure)).toBe(true);
    },
  );

  it('maps a 2xx nobody can read to server-error', async () => {
    await control.failNext('li.create', 201, 1, { body: 'not a reaction' });
    expect(await failureOf(client().createReaction(like()))).toEqual({
      kind: 'server-error',
      detail: 'LinkedIn sent an answer Reactbar could not read.',
    });
    await control.failNext('li.userinfo', 200, 1, { body: { sub: 'has spaces' } });
    expect((await failureOf(client().member())).kind).toBe('server-error');
    await control.failNext('li.organizationAcls', 200, 1, { body: { elements: 'none' } });
    expect((await failureOf(client().organizationAccess())).kind).toBe('server-error');
    await control.failNext('li.batchGet', 200, 1, { body: { results: [1, 2] } });
    expect((await failureOf(client().getReactions(ACTOR, [POST]))).kind).toBe('server-error');
  });

  it('maps a refused connection, a dropped one and a timeout to offline, without the URL', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const closed = await failureOf(
      client({ restUrl: `http://127.0.0.1:${port}/rest` }).createReaction(like()),
    );
    expect(closed).toEqual({ kind: 'offline', detail: 'LinkedIn could not be reached.' });

    await control.failNext('li.delete', 0);
    expect((await failureOf(client().deleteReaction({ actor: ACTOR, entity: POST }))).kind).toBe(
      'offline',
    );

    await control.setLatency(1000, 'li.create');
    const slow = await failureOf(client({ timeoutMs: 100 }).createReaction(like()));
    expect(slow.kind).toBe('offline');
    expect(mayHaveApplied(slow)).toBe(true);
  });
});

describe('answers the emulator never gives (local server)', () => {
  let server: Server;
  let restUrl: string;
  let answer: (req: IncomingMessage, res: ServerResponse) => void;

  beforeAll(async () => {
    server = createServer((req, res) => answer(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    restUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/rest`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  afterEach(() => {
    answer = (_req, res) => res.end();
  });

  const respond = (status: number, body: string, headers: Record<string, string> = {}) => {
    answer = (req, res) => {
      req.resume();
      res.writeHead(status, headers);
      res.end(body);
    };
  };
  const local = (now = 1_767_225_600_000) => client({ restUrl, now: () => now });

  it('accepts a 201 with no body but an x-restli-id', async () => {
    respond(201, '', { 'x-restli-id': `urn:li:reaction:(${ACTOR},${POST})` });
    expect(await local().createReaction(like())).toBe('created');
    respond(201, '');
    expect((await failureOf(local().createReaction(like()))).kind).toBe('server-error');
  });

  it('takes a delete as done on 204 or a JSON 2xx, never on a page of HTML', async () => {
    const key = { actor: ACTOR, entity: POST };
    respond(204, '');
    expect(await local().deleteReaction(key)).toBe('deleted');
    respond(200, '{}', { 'Content-Type': 'application/json' });
    expect(await local().deleteReaction(key)).toBe('deleted');
    respond(200, '<html>Sign in to the hotel wifi</html>', { 'Content-Type': 'text/html' });
    expect(await failureOf(local().deleteReaction(key))).toEqual({
      kind: 'server-error',
      detail: 'LinkedIn sent an answer Reactbar could not read.',
    });
  });

  it('reads Retry-After as an HTTP date', async () => {
    const now = Date.UTC(2026, 0, 1, 12, 0, 0);
    respond(429, '', { 'Retry-After': new Date(now + 600_000).toUTCString() });
    expect((await failureOf(local(now).createReaction(like()))).retryAt).toBe(now + 600_000);
  });

  it('maps a 5xx or 4xx without LinkedIn’s body by status, with a plain detail', async () => {
    respond(502, '<html>Bad gateway</html>');
    expect(await failureOf(local().createReaction(like()))).toEqual({
      kind: 'server-error',
      detail: 'LinkedIn had a problem (502).',
    });
    respond(401, '');
    expect(await failureOf(local().createReaction(like()))).toEqual({
      kind: 'credential-refused',
      detail: 'LinkedIn refused the access token (401).',
    });
  });

  it('follows organizationAcls pages while they are full', async () => {
    const calls: string[] = [];
    answer = (req, res) => {
      req.resume();
      const url = new URL(req.url ?? '/', 'http://x');
      calls.push(`${url.searchParams.get('role')}@${url.searchParams.get('start')}`);
      const start = Number(url.searchParams.get('start'));
      const administrators = url.searchParams.get('role') === 'ADMINISTRATOR';
      const elements =
        administrators && start < 100
          ? Array.from({ length: start === 0 ? 50 : 10 }, (_, index) => ({
              organization: `urn:li:organization:${start + index + 1}`,
              role: 'ADMINISTRATOR',
              state: 'APPROVED',
            }))
          : [];
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ elements, paging: { start, count: 50 } }));
    };
    expect(await local().organizationAccess()).toHaveLength(60);
    expect(calls).toEqual([
      'ADMINISTRATOR@0',
      'ADMINISTRATOR@50',
      'DIRECT_SPONSORED_CONTENT_POSTER@0',
      'RECRUITING_POSTER@0',
    ]);
  });
});

describe('pure helpers', () => {
  it('retryAfterAt reads seconds or a date, never in the past; null otherwise', () => {
    const now = Date.UTC(2026, 0, 1, 12, 0, 0);
    const at = (value: string) => retryAfterAt(new Headers({ 'Retry-After': value }), now);
    expect(at('120')).toBe(now + 120_000);
    expect(at(new Date(now - 60_000).toUTCString())).toBe(now);
    expect(at('soon')).toBeNull();
    expect(retryAfterAt(new Headers(), now)).toBeNull();
  });

  it('rateLimitBackoffMs doubles from a minute and stops at an hour', () => {
    expect(RATE_LIMIT_BACKOFF).toEqual({ initialMs: 60_000, maxMs: 3_600_000 });
    expect([1, 2, 3, 6, 7, 50].map(rateLimitBackoffMs)).toEqual([
      60_000, 120_000, 240_000, 1_920_000, 3_600_000, 3_600_000,
    ]);
  });

  it('the OAuth URL setting: https anywhere, http on this machine only, optional', () => {
    const parse = (linkedinOAuthUrl?: string) =>
      connectionSettingsSchema.safeParse({ ...DEFAULT_CONNECTION_SETTINGS, linkedinOAuthUrl })
        .success;
    expect(DEFAULT_CONNECTION_SETTINGS.linkedinOAuthUrl).toBe('https://www.linkedin.com/oauth/v2');
    expect(parse('https://www.linkedin.com/oauth/v2/')).toBe(true);
    expect(parse('http://127.0.0.1:8787/oauth/v2')).toBe(true);
    expect(parse('http://www.linkedin.com/oauth/v2')).toBe(false);
    expect(parse('ftp://www.linkedin.com/oauth/v2')).toBe(false);
    expect(parse(undefined)).toBe(true);
    expect(
      connectionSettingsSchema.parse({
        ...DEFAULT_CONNECTION_SETTINGS,
        linkedinOAuthUrl: 'https://www.linkedin.com/oauth/v2/',
      }).linkedinOAuthUrl,
    ).toBe('https://www.linkedin.com/oauth/v2');
  });

  it('linkedinEndpoints puts userinfo beside the REST base and defaults the OAuth base', () => {
    const base = {
      connectSafelyUrl: 'https://api.connectsafely.ai/linkedin',
      socketUrl: 'wss://api.connectsafely.ai/linkedin/ws',
      linkedinVersion: '202610',
    };
    expect(linkedinEndpoints({ ...base, linkedinUrl: 'https://api.linkedin.com/rest' })).toEqual({
      restUrl: 'https://api.linkedin.com/rest',
      userinfoUrl: 'https://api.linkedin.com/v2/userinfo',
      oauthUrl: 'https://www.linkedin.com/oauth/v2',
      version: '202610',
    });
    expect(
      linkedinEndpoints({
        ...base,
        linkedinUrl: 'http://localhost:8788',
        linkedinOAuthUrl: 'http://localhost:8788/oauth/v2',
      }),
    ).toMatchObject({
      userinfoUrl: 'http://localhost:8788/v2/userinfo',
      oauthUrl: 'http://localhost:8788/oauth/v2',
    });
  });
});
