// @vitest-environment node
/**
 * The LinkedIn backend (what the engine calls) with the real client against the emulator, under
 * both ways a create may answer where a reaction exists; the actors for the popup; the words.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import {
  type Failure,
  type Identity,
  mayHaveApplied,
  type NoticeContext,
  type SendRequest,
  ServiceError,
} from '@/lib/engine/types';
import type { FailureKind, TargetRef } from '@/lib/reactions/types';
import { listActors } from '@/lib/services/linkedin/actors';
import { createLinkedInBackend, type LinkedInBackend } from '@/lib/services/linkedin/backend';
import { createLinkedInClient } from '@/lib/services/linkedin/client';
import {
  connectFailureWords,
  linkedInNoticeWords,
  redirectFailureWords,
} from '@/lib/services/linkedin/words';
import type { EmulatorControl } from '../emulator/client';
import type { CreateWhenExists } from '../emulator/server';
import { DEMO_CREDENTIALS, type Emulator } from '../emulator/server';
import { emulatorPerFile } from '../support/emulator-per-file';

const ACTOR = DEMO_CREDENTIALS.actor;
const PAGE = DEMO_CREDENTIALS.pageActor;
const POST: TargetRef = { kind: 'post', urn: 'urn:li:activity:7067167295080394752' };
const COMMENT: TargetRef = {
  kind: 'comment',
  urn: 'urn:li:comment:(urn:li:activity:6666,120381273128)',
};
const TOKEN_ID = 'token-1';

let emulator: Emulator;
let control: EmulatorControl;
emulatorPerFile((started, itsControl) => {
  emulator = started;
  control = itsControl;
});

function clientWith(accessToken: string) {
  return createLinkedInClient({
    restUrl: emulator.urls.linkedinUrl,
    userinfoUrl: `${emulator.urls.linkedinUrl.replace(/\/rest$/, '')}/v2/userinfo`,
    version: '202609',
    accessToken,
  });
}

interface Harness {
  backend: LinkedInBackend;
  refused: Array<{ credentialId: string; failure: Failure }>;
}

function harness(options: { identity?: Identity; token?: string | null } = {}): Harness {
  const refused: Harness['refused'] = [];
  const token = options.token === undefined ? emulator.credentials.linkedinToken : options.token;
  const backend = createLinkedInBackend({
    identity: async () => options.identity ?? { credentialId: TOKEN_ID, actor: ACTOR },
    clientFor: async (credentialId) =>
      credentialId === TOKEN_ID && token !== null ? clientWith(token) : null,
    tokenRefused: (credentialId, failure) => refused.push({ credentialId, failure }),
  });
  return { backend, refused };
}

const request = (target: TargetRef, state: string | null, actor = ACTOR): SendRequest => ({
  identity: { credentialId: TOKEN_ID, actor },
  target,
  facet: '',
  state,
});

const stateOn = async (urn: string, actor = ACTOR) =>
  (await control.postReactions(urn)).find((reaction) => reaction.created.actor === actor)
    ?.reactionType ?? null;

const calls = async () =>
  (await control.requests()).map((entry) => `${entry.method} ${entry.status}`);

async function failureOf(call: Promise<unknown>): Promise<Failure> {
  const error = await call.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ServiceError);
  return (error as ServiceError).failure;
}

describe('identity and shape', () => {
  it('is the linkedin service in the one model, with the identity its deps give', async () => {
    const { backend } = harness({ identity: { credentialId: TOKEN_ID, actor: PAGE } });
    expect(backend.service).toBe('linkedin');
    expect(backend.model).toBe('one');
    expect(await backend.identity()).toEqual({ credentialId: TOKEN_ID, actor: PAGE });
    const missing = createLinkedInBackend({
      identity: async () => ({ missing: 'credential' }),
      clientFor: async () => null,
      tokenRefused: () => {},
    });
    expect(await missing.identity()).toEqual({ missing: 'credential' });
  });

  it('hands a refused token to its deps', () => {
    const { backend, refused } = harness();
    const failure: Failure = { kind: 'credential-refused', detail: 'expired' };
    backend.credentialRefused(TOKEN_ID, failure);
    expect(refused).toEqual([{ credentialId: TOKEN_ID, failure }]);
  });
});

describe.each<CreateWhenExists>(['upsert', 'conflict'])('send, when a create %ss', (mode) => {
  beforeEach(async () => {
    await control.setCreateWhenExists(mode);
  });

  it('reacts with one create', async () => {
    await harness().backend.send(request(POST, 'LIKE'));
    expect(await stateOn(POST.urn)).toBe('LIKE');
    expect(await calls()).toEqual(['POST 201']);
  });

  it('switches Like → Love, ending with Love', async () => {
    const { backend } = harness();
    await backend.send(request(POST, 'LIKE'));
    await control.clearRequests();
    await backend.send(request(POST, 'EMPATHY'));
    expect(await stateOn(POST.urn)).toBe('EMPATHY');
    expect(await calls()).toEqual(
      mode === 'upsert' ? ['POST 201'] : ['POST 409', 'DELETE 204', 'POST 201'],
    );
  });

  it('sets the same type again (a resend after an unknown outcome) without harm', async () => {
    const { backend } = harness();
    await backend.send(request(COMMENT, 'PRAISE'));
    await backend.send(request(COMMENT, 'PRAISE'));
    expect(await stateOn(COMMENT.urn)).toBe('PRAISE');
  });

  it('removes with a delete; nothing there is already done', async () => {
    const { backend } = harness();
    await backend.send(request(POST, 'LIKE'));
    await backend.send(request(POST, null));
    await backend.send(request(POST, null));
    expect(await stateOn(POST.urn)).toBeNull();
    expect((await calls()).slice(1)).toEqual(['DELETE 204', 'DELETE 404']);
  });

  it('reacts as a page with the page as actor', async () => {
    const { backend } = harness({ identity: { credentialId: TOKEN_ID, actor: PAGE } });
    await backend.send(request(POST, 'APPRECIATION', PAGE));
    await backend.send(request(POST, 'ENTERTAINMENT', PAGE));
    expect(await stateOn(POST.urn, PAGE)).toBe('ENTERTAINMENT');
    expect(await stateOn(POST.urn, ACTOR)).toBeNull();
  });
});

describe('send: a switch that fails half-way', () => {
  beforeEach(async () => {
    await control.setCreateWhenExists('conflict');
    await harness().backend.send(request(POST, 'LIKE'));
    await control.clearRequests();
  });

  it('says partlyApplied when the old reaction was deleted and the new create failed', async () => {
    await control.failNext('li.create', 409);
    await control.failNext('li.create', 500);
    const failure = await failureOf(harness().backend.send(request(POST, 'EMPATHY')));
    expect(failure).toMatchObject({ kind: 'server-error', partlyApplied: true });
    expect(mayHaveApplied(failure)).toBe(true);
    expect(await stateOn(POST.urn)).toBeNull();
    expect(await calls()).toEqual(['POST 409', 'DELETE 204', 'POST 500']);
  });

  it('… a refusal too (the service changed even so)', async () => {
    await control.failNext('li.create', 409);
    await control.failNext('li.create', 403);
    const failure = await failureOf(harness().backend.send(request(POST, 'EMPATHY')));
    expect(failure).toMatchObject({
      kind: 'permission-missing',
      permission: 'w_member_social',
      partlyApplied: true,
    });
  });

  it('also when the delete failed: the reaction the 409 proved may be our own', async () => {
    // E.g. a copy of this very create, sent twice by the browser: the first made the reaction,
    // the second met it. The engine must send the latest intent again, not take it as unsent.
    await control.failNext('li.delete', 429, 1, { retryAfterSeconds: 60 });
    const failure = await failureOf(harness().backend.send(request(POST, 'EMPATHY')));
    expect(failure).toMatchObject({ kind: 'rate-limited', partlyApplied: true });
    expect(mayHaveApplied(failure)).toBe(true);
    expect(await stateOn(POST.urn)).toBe('LIKE');
  });

  it('also when the delete found nothing: the reaction the 409 proved is gone', async () => {
    await harness().backend.send(request(POST, null));
    await control.failNext('li.create', 409);
    await control.failNext('li.create', 400);
    const failure = await failureOf(harness().backend.send(request(POST, 'EMPATHY')));
    expect(failure).toMatchObject({ kind: 'invalid-request', partlyApplied: true });
    expect((await calls()).slice(-3)).toEqual(['POST 409', 'DELETE 404', 'POST 400']);
  });

  it('retries when the reaction is back right after the delete (409 twice)', async () => {
    await control.failNext('li.create', 409, 2);
    const failure = await failureOf(harness().backend.send(request(POST, 'EMPATHY')));
    expect(failure).toMatchObject({ kind: 'server-error', partlyApplied: true });
  });
});

describe('send: what is never sent', () => {
  it.each(['MAYBE', 'WOW', '👍'])('refuses the type %s without a request', async (type) => {
    const failure = await failureOf(harness().backend.send(request(POST, type)));
    expect(failure.kind).toBe('invalid-request');
    expect(await control.requests()).toEqual([]);
  });

  it('refuses a message or a URN that is not a post or comment', async () => {
    const message: TargetRef = {
      kind: 'message',
      urn: 'urn:li:msg_message:(a,b)',
      conversationUrn: 'c',
    };
    expect((await failureOf(harness().backend.send(request(message, 'LIKE')))).kind).toBe(
      'invalid-request',
    );
    const junk: TargetRef = { kind: 'post', urn: 'urn:li:person:abc' };
    expect((await failureOf(harness().backend.send(request(junk, 'LIKE')))).kind).toBe(
      'invalid-request',
    );
    expect(await control.requests()).toEqual([]);
  });

  it('sends a comment in its full form, whatever form the target had', async () => {
    const short: TargetRef = {
      kind: 'comment',
      urn: 'urn:li:comment:(activity:6666,120381273128)',
    };
    await harness().backend.send(request(short, 'LIKE'));
    expect(await stateOn(COMMENT.urn)).toBe('LIKE');
  });

  it('fails with credential-refused when the token was removed', async () => {
    const failure = await failureOf(harness({ token: null }).backend.send(request(POST, 'LIKE')));
    expect(failure).toEqual({
      kind: 'credential-refused',
      detail: 'The LinkedIn token for this reaction was removed.',
    });
  });

  it('passes the client’s failures through (an expired token)', async () => {
    await control.setTokenStatus(DEMO_CREDENTIALS.linkedinToken, 'expired');
    expect((await failureOf(harness().backend.send(request(POST, 'LIKE')))).kind).toBe(
      'credential-refused',
    );
  });
});

describe('readStates', () => {
  it('confirms the actor’s reactions where reading works', async () => {
    const { backend } = harness();
    await backend.send(request(COMMENT, 'INTEREST'));
    const identity = { credentialId: TOKEN_ID, actor: ACTOR };
    expect(
      await backend.readStates(identity, [COMMENT.urn, POST.urn, 'urn:li:msg_message:x']),
    ).toEqual(
      new Map([
        [COMMENT.urn, 'INTEREST'],
        [POST.urn, null],
      ]),
    );
  });

  it('answers null where reading is forbidden, and stops asking', async () => {
    await control.setReadsForbidden(true);
    const { backend } = harness();
    const identity = { credentialId: TOKEN_ID, actor: ACTOR };
    expect(await backend.readStates(identity, [POST.urn])).toBeNull();
    expect(await backend.readStates(identity, [POST.urn])).toBeNull();
    expect(await control.requests({ route: 'li.batchGet' })).toHaveLength(1);
  });
});

describe('listActors', () => {
  it('lists the member and the pages they may react for, with names', async () => {
    expect(await listActors(clientWith(emulator.credentials.linkedinToken))).toEqual({
      member: { sub: DEMO_CREDENTIALS.sub, actor: ACTOR, name: 'Maya Lindqvist' },
      pages: [
        { urn: PAGE, id: '2414183', name: 'Northwind Labs', roles: ['ADMINISTRATOR'] },
        {
          urn: 'urn:li:organization:5100421',
          id: '5100421',
          name: 'Fjord Analytics',
          roles: ['RECRUITING_POSTER'],
        },
      ],
    });
  });

  it('still answers the member when pages cannot be listed, saying why', async () => {
    const { token } = await control.mintToken();
    const actors = await listActors(clientWith(token));
    expect(actors.member.actor).toBe(ACTOR);
    expect(actors.pages).toEqual([]);
    expect(actors.pagesUnavailable).toMatchObject({
      kind: 'permission-missing',
      permission: 'rw_organization_admin',
    });
  });

  it('keeps a page whose name cannot be read, without a name', async () => {
    await control.failNext('li.organization', 500);
    const actors = await listActors(clientWith(emulator.credentials.linkedinToken));
    expect(actors.pages.map((page) => page.name).sort()).toEqual([null, 'Fjord Analytics'].sort());
  });

  it('throws the token’s failure', async () => {
    expect((await failureOf(listActors(clientWith('li_wrong')))).kind).toBe('credential-refused');
  });
});

describe('words', () => {
  const kinds: FailureKind[] = [
    'credential-refused',
    'permission-missing',
    'target-gone',
    'account-not-found',
    'rate-limited',
    'invalid-request',
    'server-error',
    'offline',
  ];
  const context: NoticeContext = { rolledBack: true };

  it('has plain words for every failure and missing setup, none of LinkedIn’s own', () => {
    for (const code of [...kinds, 'credential', 'actor'] as const) {
      const words = linkedInNoticeWords(code, context);
      expect(words.length).toBeGreaterThan(10);
      expect(words).not.toMatch(/\(\d{3}\)/);
    }
    expect(linkedInNoticeWords('credential', context)).toMatch(/^Connect LinkedIn/);
    expect(linkedInNoticeWords('credential-refused', context)).toContain('Reconnect LinkedIn');
  });

  it('names the missing permission and what it is for', () => {
    expect(
      linkedInNoticeWords('permission-missing', { ...context, permission: 'w_member_social' }),
    ).toBe(
      'Your LinkedIn connection lacks the w_member_social permission (to react as you). Reconnect LinkedIn with it in Accounts.',
    );
    expect(
      linkedInNoticeWords('permission-missing', {
        ...context,
        permission: 'w_organization_social',
      }),
    ).toContain('w_organization_social permission (to react as a page)');
  });

  it('says until when LinkedIn is limiting requests', () => {
    const retryAt = new Date(2026, 0, 1, 14, 5).getTime();
    const words = linkedInNoticeWords('rate-limited', { rolledBack: false, retryAt });
    const time = new Date(retryAt).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
    expect(words).toBe(
      `LinkedIn is limiting requests until ${time}: Reactbar will send this reaction then.`,
    );
  });

  it('has words for connecting and for sign-in redirects', () => {
    expect(connectFailureWords('exchange-code', { kind: 'credential-refused' })).toContain(
      'client id or secret',
    );
    expect(connectFailureWords('check-token', { kind: 'credential-refused' })).toContain(
      'expired or revoked',
    );
    expect(
      connectFailureWords('check-token', { kind: 'permission-missing', permission: 'openid' }),
    ).toContain('OpenID Connect');
    for (const kind of kinds) {
      for (const step of ['check-token', 'exchange-code', 'list-pages'] as const) {
        expect(connectFailureWords(step, { kind }).length).toBeGreaterThan(10);
      }
    }
    expect(redirectFailureWords({ ok: false, reason: 'cancelled' })).toBe(
      'Sign-in was cancelled: LinkedIn is not connected.',
    );
    for (const reason of ['refused', 'state-mismatch', 'malformed'] as const) {
      expect(redirectFailureWords({ ok: false, reason }).length).toBeGreaterThan(10);
    }
  });
});
