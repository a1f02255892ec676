import { describe, expect, it } from 'vitest';
import { DEMO_CREDENTIALS } from './demo';
import { encodeRestliValue, restliKey } from './fixtures';
import { liFetch, useEmulator } from './test-support';
import type { LinkedInReaction } from './types';

const ACTOR = DEMO_CREDENTIALS.actor;
const POST = 'urn:li:activity:7067167295080394752';
const COMMENT = 'urn:li:comment:(urn:li:activity:6666,120381273128)';
const OTHER_MEMBER = 'urn:li:person:someoneElse9';

const createPath = (actor = ACTOR) => `/rest/reactions?actor=${encodeRestliValue(actor)}`;
const keyPath = (entity: string, actor = ACTOR) =>
  `/rest/reactions/${restliKey({ actor, entity })}`;
const listPath = (entity: string, query = 'q=entity') =>
  `/rest/reactions/${restliKey({ entity })}?${query}`;

describe('LinkedIn guard', () => {
  const t = useEmulator();

  it.each([
    ['no token', { Authorization: '' }],
    ['an unknown token', { Authorization: 'Bearer expired-token' }],
  ])('answers 401 with %s', async (_name, headers) => {
    const response = await liFetch(t.emulator, keyPath(POST), { headers });
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({
      status: 401,
      message: 'Invalid access token',
      serviceErrorCode: 65600,
    });
  });

  it.each([
    ['a missing LinkedIn-Version', { 'LinkedIn-Version': '' }],
    ['a badly formatted LinkedIn-Version', { 'LinkedIn-Version': '2025-10' }],
    ['a missing X-Restli-Protocol-Version', { 'X-Restli-Protocol-Version': '' }],
    ['Rest.li protocol 1.0.0', { 'X-Restli-Protocol-Version': '1.0.0' }],
  ])('answers 400 for %s', async (_name, headers) => {
    const response = await liFetch(t.emulator, keyPath(POST), { headers });
    expect(response.status).toBe(400);
    const body = (await response.json()) as {
      status: number;
      message: string;
      serviceErrorCode: number;
    };
    expect(body.status).toBe(400);
    expect(typeof body.message).toBe('string');
    expect(typeof body.serviceErrorCode).toBe('number');
  });

  it('answers 404 in its own format for unknown routes', async () => {
    for (const path of ['/rest/posts', '/v2/me']) {
      const response = await liFetch(t.emulator, path);
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({
        status: 404,
        message: 'No virtual resource found',
        serviceErrorCode: 0,
      });
    }
  });
});

describe('LinkedIn create', () => {
  const t = useEmulator();

  it('creates a reaction: 201, body and x-restli-id', async () => {
    const response = await liFetch(t.emulator, createPath(), {
      method: 'POST',
      body: { root: POST, reactionType: 'LIKE' },
    });
    expect(response.status).toBe(201);
    const id = `urn:li:reaction:(${ACTOR},${POST})`;
    expect(response.headers.get('x-restli-id')).toBe(id);
    const reaction = (await response.json()) as LinkedInReaction;
    expect(reaction).toMatchObject({ id, reactionType: 'LIKE', root: POST });
    expect(reaction.created.actor).toBe(ACTOR);
    expect(reaction.lastModified).toEqual(reaction.created);
    expect(await t.control.postReactions(POST)).toEqual([reaction]);
  });

  it('replaces the type of an existing reaction, keeping its creation stamp', async () => {
    const first = (await (
      await liFetch(t.emulator, createPath(), {
        method: 'POST',
        body: { root: POST, reactionType: 'LIKE' },
      })
    ).json()) as LinkedInReaction;
    await new Promise((resolve) => setTimeout(resolve, 5));
    const second = await liFetch(t.emulator, createPath(), {
      method: 'POST',
      body: { root: POST, reactionType: 'EMPATHY' },
    });
    expect(second.status).toBe(201);
    const replaced = (await second.json()) as LinkedInReaction;
    expect(replaced.reactionType).toBe('EMPATHY');
    expect(replaced.created).toEqual(first.created);
    expect(replaced.lastModified.time).toBeGreaterThan(first.created.time);
    expect(await t.control.postReactions(POST)).toHaveLength(1);
  });

  it.each([
    ['an activity', 'urn:li:activity:1'],
    ['a share', 'urn:li:share:2'],
    ['a ugcPost', 'urn:li:ugcPost:3'],
    ['a comment in full form', COMMENT],
    ['a comment on a ugcPost', 'urn:li:comment:(urn:li:ugcPost:4,5)'],
  ])('accepts %s as root', async (_name, root) => {
    const response = await liFetch(t.emulator, createPath(), {
      method: 'POST',
      body: { root, reactionType: 'PRAISE' },
    });
    expect(response.status).toBe(201);
  });

  it.each([
    ['MAYBE (retired)', { root: POST, reactionType: 'MAYBE' }],
    ['an unknown type', { root: POST, reactionType: 'WOW' }],
    ['a lower-case type', { root: POST, reactionType: 'like' }],
    [
      'the short comment form',
      { root: 'urn:li:comment:(activity:6666,120381273128)', reactionType: 'LIKE' },
    ],
    ['a person as root', { root: ACTOR, reactionType: 'LIKE' }],
    ['a non-numeric activity', { root: 'urn:li:activity:abc', reactionType: 'LIKE' }],
    ['a missing root', { reactionType: 'LIKE' }],
    ['a body that is not JSON', 'root=urn:li:activity:1'],
  ])('answers 400 for %s', async (_name, body) => {
    const response = await liFetch(t.emulator, createPath(), { method: 'POST', body });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { status: number }).status).toBe(400);
    expect(await t.control.postReactions(POST)).toEqual([]);
  });

  it('answers 403 when acting as someone else', async () => {
    const response = await liFetch(t.emulator, createPath(OTHER_MEMBER), {
      method: 'POST',
      body: { root: POST, reactionType: 'LIKE' },
    });
    expect(response.status).toBe(403);
    expect(((await response.json()) as { serviceErrorCode: number }).serviceErrorCode).toBe(100);
  });

  it('answers 400 without actor, or with an unencoded actor', async () => {
    for (const path of ['/rest/reactions', `/rest/reactions?actor=${ACTOR}`]) {
      const response = await liFetch(t.emulator, path, {
        method: 'POST',
        body: { root: POST, reactionType: 'LIKE' },
      });
      expect(response.status).toBe(400);
    }
  });
});

describe('LinkedIn delete and get', () => {
  const t = useEmulator();
  const create = (root: string, reactionType = 'LIKE') =>
    liFetch(t.emulator, createPath(), { method: 'POST', body: { root, reactionType } });

  it('deletes a reaction (204), then answers 404', async () => {
    await create(COMMENT);
    const deleted = await liFetch(t.emulator, keyPath(COMMENT), { method: 'DELETE' });
    expect(deleted.status).toBe(204);
    expect(await deleted.text()).toBe('');
    expect(await t.control.postReactions(COMMENT)).toEqual([]);
    const again = await liFetch(t.emulator, keyPath(COMMENT), { method: 'DELETE' });
    expect(again.status).toBe(404);
  });

  it("answers 403 when deleting someone else's reaction", async () => {
    await t.control.seedPostReaction({ actor: OTHER_MEMBER, root: POST, reactionType: 'LIKE' });
    const response = await liFetch(t.emulator, keyPath(POST, OTHER_MEMBER), { method: 'DELETE' });
    expect(response.status).toBe(403);
    expect(await t.control.postReactions(POST)).toHaveLength(1);
  });

  it('gets one reaction, or 404', async () => {
    await create(POST, 'INTEREST');
    const found = await liFetch(t.emulator, keyPath(POST));
    expect(found.status).toBe(200);
    expect(((await found.json()) as LinkedInReaction).reactionType).toBe('INTEREST');
    const missing = await liFetch(t.emulator, keyPath('urn:li:activity:1'));
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { status: number }).status).toBe(404);
  });

  it('accepts the key fields in either order', async () => {
    await create(POST);
    const path = `/rest/reactions/${restliKey({ entity: POST, actor: ACTOR })}`;
    expect((await liFetch(t.emulator, path)).status).toBe(200);
  });

  const badKeys: Array<[string, string]> = [
    ['a raw ":" in the actor', `(actor:${ACTOR},entity:${encodeRestliValue(POST)})`],
    [
      'an encodeURIComponent-only comment (raw parentheses)',
      `(actor:${encodeRestliValue(ACTOR)},entity:${encodeURIComponent(COMMENT)})`,
    ],
    ['a wholly encoded key', encodeURIComponent(restliKey({ actor: ACTOR, entity: POST }))],
    ['the whole key unencoded', `(actor:${ACTOR},entity:${COMMENT})`],
    ['wrong field names', `(member:${encodeRestliValue(ACTOR)},post:${encodeRestliValue(POST)})`],
    ['a missing entity', `(actor:${encodeRestliValue(ACTOR)})`],
    ['an invalid entity URN', restliKey({ actor: ACTOR, entity: 'urn:li:comment:(activity:1,2)' })],
  ];

  it.each(badKeys)('answers 400 on get and delete for %s', async (_name, key) => {
    await create(POST);
    for (const method of ['GET', 'DELETE']) {
      const response = await liFetch(t.emulator, `/rest/reactions/${key}`, { method });
      expect(response.status).toBe(400);
      expect(((await response.json()) as { status: number }).status).toBe(400);
    }
    expect(await t.control.postReactions(POST)).toHaveLength(1);
  });
});

describe('LinkedIn batch get', () => {
  const t = useEmulator();

  it('answers statuses, results and errors keyed by the keys as sent', async () => {
    await liFetch(t.emulator, createPath(), {
      method: 'POST',
      body: { root: POST, reactionType: 'LIKE' },
    });
    const found = restliKey({ actor: ACTOR, entity: POST });
    const missing = restliKey({ actor: ACTOR, entity: COMMENT });
    const response = await liFetch(t.emulator, `/rest/reactions?ids=List(${found},${missing})`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      statuses: Record<string, number>;
      results: Record<string, LinkedInReaction>;
      errors: Record<string, { status: number; message: string }>;
    };
    expect(body.statuses).toEqual({ [found]: 200, [missing]: 404 });
    expect(Object.keys(body.results)).toEqual([found]);
    expect(body.results[found]?.root).toBe(POST);
    expect(body.errors[missing]?.status).toBe(404);
    expect(Object.keys(body.errors)).toEqual([missing]);
  });

  it.each([
    ['no ids', '/rest/reactions'],
    [
      'an encoded List',
      `/rest/reactions?ids=${encodeURIComponent(`List(${restliKey({ actor: ACTOR, entity: POST })})`)}`,
    ],
    ['an unencoded key', `/rest/reactions?ids=List((actor:${ACTOR},entity:${POST}))`],
    ['an empty List', '/rest/reactions?ids=List()'],
    ['a key with wrong fields', `/rest/reactions?ids=List(${restliKey({ entity: POST })})`],
  ])('answers 400 for %s', async (_name, path) => {
    const response = await liFetch(t.emulator, path);
    expect(response.status).toBe(400);
  });
});

describe('LinkedIn list', () => {
  let now = 1_700_000_000_000;
  const t = useEmulator({ now: () => now });

  const seed = async () => {
    now = 1_700_000_000_000;
    await t.control.seedPostReaction({
      actor: 'urn:li:person:first1',
      root: POST,
      reactionType: 'LIKE',
      time: now,
    });
    await t.control.seedPostReaction({
      actor: 'urn:li:person:second2',
      root: POST,
      reactionType: 'PRAISE',
      time: now + 1000,
    });
    now += 2000;
    await liFetch(t.emulator, createPath(), {
      method: 'POST',
      body: { root: POST, reactionType: 'EMPATHY' },
    });
    await t.control.seedPostReaction({
      actor: 'urn:li:person:elsewhere',
      root: COMMENT,
      reactionType: 'LIKE',
    });
  };

  const actorsOf = async (response: Response) => {
    const body = (await response.json()) as { elements: LinkedInReaction[] };
    return body.elements.map((reaction) => reaction.created.actor);
  };

  it('lists newest first by default, with paging', async () => {
    await seed();
    const response = await liFetch(t.emulator, listPath(POST));
    expect(response.status).toBe(200);
    const body = (await response.clone().json()) as { paging: unknown };
    expect(body.paging).toEqual({ count: 10, start: 0, total: 3, links: [] });
    expect(await actorsOf(response)).toEqual([
      ACTOR,
      'urn:li:person:second2',
      'urn:li:person:first1',
    ]);
  });

  it('sorts chronologically and pages with start and count', async () => {
    await seed();
    const chronological = await liFetch(
      t.emulator,
      listPath(POST, 'q=entity&sort=(value:CHRONOLOGICAL)'),
    );
    expect(await actorsOf(chronological)).toEqual([
      'urn:li:person:first1',
      'urn:li:person:second2',
      ACTOR,
    ]);
    const page = await liFetch(
      t.emulator,
      listPath(POST, 'q=entity&sort=(value:REVERSE_CHRONOLOGICAL)&start=1&count=1'),
    );
    const body = (await page.clone().json()) as { paging: unknown };
    expect(body.paging).toEqual({ count: 1, start: 1, total: 3, links: [] });
    expect(await actorsOf(page)).toEqual(['urn:li:person:second2']);
  });

  it('lists the reactions of a comment', async () => {
    await seed();
    const response = await liFetch(
      t.emulator,
      listPath(COMMENT, 'q=entity&sort=(value:RELEVANCE)'),
    );
    expect(await actorsOf(response)).toEqual(['urn:li:person:elsewhere']);
  });

  it.each([
    ['no q', listPath(POST, 'sort=(value:CHRONOLOGICAL)')],
    ['another finder', listPath(POST, 'q=actor')],
    ['an unknown sort', listPath(POST, 'q=entity&sort=(value:NEWEST)')],
    [
      'an encoded sort',
      listPath(POST, `q=entity&sort=${encodeURIComponent('(value:CHRONOLOGICAL)')}`),
    ],
    ['a negative start', listPath(POST, 'q=entity&start=-1')],
    ['an unencoded entity', `/rest/reactions/(entity:${POST})?q=entity`],
    ['the short comment form', listPath('urn:li:comment:(activity:6666,1)')],
  ])('answers 400 for %s', async (_name, path) => {
    const response = await liFetch(t.emulator, path);
    expect(response.status).toBe(400);
  });
});

describe('LinkedIn reads forbidden', () => {
  const t = useEmulator();

  it('answers 403 to get, batch get and list, but still lets the member write', async () => {
    await t.control.setReadsForbidden(true);
    const paths = [
      keyPath(POST),
      `/rest/reactions?ids=List(${restliKey({ actor: ACTOR, entity: POST })})`,
      listPath(POST),
    ];
    for (const path of paths) {
      const response = await liFetch(t.emulator, path);
      expect(response.status).toBe(403);
      const body = (await response.json()) as {
        status: number;
        message: string;
        serviceErrorCode: number;
      };
      expect(body.status).toBe(403);
      expect(body.serviceErrorCode).toBe(100);
      expect(body.message).toMatch(/^Not enough permissions to access: /);
    }
    const created = await liFetch(t.emulator, createPath(), {
      method: 'POST',
      body: { root: POST, reactionType: 'LIKE' },
    });
    expect(created.status).toBe(201);
    expect((await liFetch(t.emulator, keyPath(POST), { method: 'DELETE' })).status).toBe(204);

    await t.control.setReadsForbidden(false);
    expect((await liFetch(t.emulator, listPath(POST))).status).toBe(200);
  });
});

describe('LinkedIn userinfo', () => {
  const t = useEmulator();

  it('answers the member behind the token, without needing the Rest.li headers', async () => {
    const response = await fetch(
      `${t.emulator.urls.linkedinUrl.replace(/\/rest$/, '')}/v2/userinfo`,
      {
        headers: { Authorization: `Bearer ${DEMO_CREDENTIALS.linkedinToken}` },
      },
    );
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toMatchObject({
      sub: DEMO_CREDENTIALS.sub,
      name: 'Maya Lindqvist',
      given_name: 'Maya',
      family_name: 'Lindqvist',
      email_verified: true,
    });
    expect(body.locale).toBeDefined();
    expect(`urn:li:person:${body.sub}`).toBe(t.emulator.credentials.actor);
  });

  it('answers 401 for a bad token', async () => {
    const response = await liFetch(t.emulator, '/v2/userinfo', {
      headers: { Authorization: 'Bearer nope' },
    });
    expect(response.status).toBe(401);
    expect(((await response.json()) as { serviceErrorCode: number }).serviceErrorCode).toBe(65600);
  });
});
