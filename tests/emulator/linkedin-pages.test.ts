import { describe, expect, it } from 'vitest';
import { DEMO_CREDENTIALS } from './demo';
import { encodeRestliValue, restliKey } from './fixtures';
import { LINKEDIN_VERSION, liFetch, useEmulator } from './test-support';

const PAGE = DEMO_CREDENTIALS.pageActor;
const POST = 'urn:li:activity:7067167295080394752';

const acls = (query = 'q=roleAssignee') => `/rest/organizationAcls?${query}`;
const as = (token: string) => ({ headers: { Authorization: `Bearer ${token}` } });

interface AclAnswer {
  elements: Array<{ organization: string; roleAssignee: string; role: string; state: string }>;
  paging: { count: number; start: number; total: number; links: unknown[] };
}

describe('LinkedIn organizationAcls', () => {
  const t = useEmulator();

  it("lists the member's roles on pages, filtered by role and state", async () => {
    const all = (await (await liFetch(t.emulator, acls())).json()) as AclAnswer;
    expect(
      all.elements.map((element) => [element.organization, element.role, element.state]),
    ).toEqual([
      ['urn:li:organization:2414183', 'ADMINISTRATOR', 'APPROVED'],
      ['urn:li:organization:5100421', 'RECRUITING_POSTER', 'APPROVED'],
      ['urn:li:organization:7788990', 'ANALYST', 'APPROVED'],
      ['urn:li:organization:3300112', 'ADMINISTRATOR', 'REQUESTED'],
    ]);
    expect(all.elements.every((element) => element.roleAssignee === DEMO_CREDENTIALS.actor)).toBe(
      true,
    );
    expect(all.paging).toEqual({ count: 10, start: 0, total: 4, links: [] });

    const response = await liFetch(
      t.emulator,
      acls('q=roleAssignee&role=ADMINISTRATOR&state=APPROVED&start=0&count=50'),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('x-restli-protocol-version')).toBe('2.0.0');
    const admin = (await response.json()) as AclAnswer;
    expect(admin).toEqual({
      elements: [
        {
          organization: PAGE,
          roleAssignee: DEMO_CREDENTIALS.actor,
          role: 'ADMINISTRATOR',
          state: 'APPROVED',
        },
      ],
      paging: { count: 50, start: 0, total: 1, links: [] },
    });
  });

  it('pages with start and count', async () => {
    const page = (await (
      await liFetch(t.emulator, acls('q=roleAssignee&start=1&count=2'))
    ).json()) as AclAnswer;
    expect(page.elements.map((element) => element.organization)).toEqual([
      'urn:li:organization:5100421',
      'urn:li:organization:7788990',
    ]);
    expect(page.paging).toEqual({ count: 2, start: 1, total: 4, links: [] });
  });

  it.each([
    ['no finder', acls('role=ADMINISTRATOR')],
    ['another finder', acls('q=organization')],
    ['an unknown role', acls('q=roleAssignee&role=OWNER')],
    ['an unknown state', acls('q=roleAssignee&state=MAYBE')],
    ['a negative start', acls('q=roleAssignee&start=-1')],
  ])('answers 400 for %s', async (_name, path) => {
    const response = await liFetch(t.emulator, path);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { status: number }).status).toBe(400);
  });

  it('answers 403 without rw_organization_admin or r_organization_admin', async () => {
    const member = await t.control.mintToken({ scopes: ['openid', 'profile', 'w_member_social'] });
    const response = await liFetch(t.emulator, acls(), as(member.token));
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({
      status: 403,
      message: `Not enough permissions to access: organizationAcls.FINDER-roleAssignee.${LINKEDIN_VERSION}`,
      serviceErrorCode: 100,
    });
    const reader = await t.control.mintToken({ scopes: ['r_organization_admin'] });
    expect((await liFetch(t.emulator, acls(), as(reader.token))).status).toBe(200);
  });
});

describe('LinkedIn organizations', () => {
  const t = useEmulator();

  it("answers a page's names", async () => {
    const response = await liFetch(t.emulator, '/rest/organizations/2414183');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      id: 2414183,
      localizedName: 'Northwind Labs',
      vanityName: 'northwind-labs',
      name: {
        localized: { en_US: 'Northwind Labs' },
        preferredLocale: { country: 'US', language: 'en' },
      },
    });
  });

  it('answers 404 for an unknown page and 400 for an id that is not one', async () => {
    expect((await liFetch(t.emulator, '/rest/organizations/1')).status).toBe(404);
    const encoded = `/rest/organizations/${encodeRestliValue('urn:li:organization:2414183')}`;
    expect((await liFetch(t.emulator, encoded)).status).toBe(400);
  });
});

describe('LinkedIn: reacting as a page', () => {
  const t = useEmulator();
  const createAs = (actor: string, token?: string) =>
    liFetch(t.emulator, `/rest/reactions?actor=${encodeRestliValue(actor)}`, {
      method: 'POST',
      body: { root: POST, reactionType: 'PRAISE' },
      ...(token ? as(token) : {}),
    });

  it('creates and deletes as a page the member administers', async () => {
    const created = await createAs(PAGE);
    expect(created.status).toBe(201);
    expect(created.headers.get('x-restli-id')).toBe(`urn:li:reaction:(${PAGE},${POST})`);
    const [reaction] = await t.control.postReactions(POST);
    expect(reaction?.created.actor).toBe(PAGE);
    const deleted = await liFetch(
      t.emulator,
      `/rest/reactions/${restliKey({ actor: PAGE, entity: POST })}`,
      {
        method: 'DELETE',
      },
    );
    expect(deleted.status).toBe(204);
  });

  it('also as a recruiting poster', async () => {
    expect((await createAs('urn:li:organization:5100421')).status).toBe(201);
  });

  it.each([
    ['a page where the role does not allow it', 'urn:li:organization:7788990'],
    ['a page where the role is only requested', 'urn:li:organization:3300112'],
    ['an unknown page', 'urn:li:organization:1'],
  ])('answers 403 as %s', async (_name, actor) => {
    const response = await createAs(actor);
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({
      status: 403,
      message: `Not enough permissions to act as ${actor}`,
      serviceErrorCode: 100,
    });
    expect(await t.control.postReactions(POST)).toEqual([]);
  });

  it('answers 403 naming the resource without w_organization_social', async () => {
    const member = await t.control.mintToken({ scopes: ['openid', 'w_member_social'] });
    const response = await createAs(PAGE, member.token);
    expect(response.status).toBe(403);
    expect(((await response.json()) as { message: string }).message).toBe(
      `Not enough permissions to access: reactions.CREATE.${LINKEDIN_VERSION}`,
    );
    // The member itself still may.
    expect((await createAs(DEMO_CREDENTIALS.actor, member.token)).status).toBe(201);
  });

  it('answers 403 as the member without w_member_social, on create and delete', async () => {
    const pagesOnly = await t.control.mintToken({ scopes: ['w_organization_social'] });
    expect((await createAs(DEMO_CREDENTIALS.actor, pagesOnly.token)).status).toBe(403);
    const key = restliKey({ actor: DEMO_CREDENTIALS.actor, entity: POST });
    const deleted = await liFetch(t.emulator, `/rest/reactions/${key}`, {
      method: 'DELETE',
      ...as(pagesOnly.token),
    });
    expect(deleted.status).toBe(403);
    expect(((await deleted.json()) as { message: string }).message).toBe(
      `Not enough permissions to access: reactions.DELETE.${LINKEDIN_VERSION}`,
    );
  });
});
