// @vitest-environment node
/**
 * The real engine with the real LinkedIn backend and client, against the emulator over HTTP:
 * clicks on posts and comments end in what LinkedIn holds, under both create behaviours.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { TargetRef } from '@/lib/reactions/types';
import { createLinkedInBackend } from '@/lib/services/linkedin/backend';
import { createLinkedInClient } from '@/lib/services/linkedin/client';
import type { EmulatorControl } from '../emulator/client';
import { type CreateWhenExists, DEMO_CREDENTIALS, type Emulator } from '../emulator/server';
import { emulatorPerFile } from '../support/emulator-per-file';
import { type EngineRun, MemoryEngineStorage, startEngine } from '../support/engine-doubles';

const ACTOR = DEMO_CREDENTIALS.actor;
const POST: TargetRef = { kind: 'post', urn: 'urn:li:activity:7067167295080394752' };
const COMMENT: TargetRef = {
  kind: 'comment',
  urn: 'urn:li:comment:(urn:li:activity:6666,120381273128)',
};

let emulator: Emulator;
let control: EmulatorControl;
emulatorPerFile((started, itsControl) => {
  emulator = started;
  control = itsControl;
});

function start(
  storage = new MemoryEngineStorage(),
  actor: () => string = () => ACTOR,
  now: () => number = Date.now,
): EngineRun {
  const backend = createLinkedInBackend({
    identity: async () => ({ credentialId: 'token-1', actor: actor() }),
    clientFor: async () =>
      createLinkedInClient({
        restUrl: emulator.urls.linkedinUrl,
        userinfoUrl: `${emulator.urls.linkedinUrl.replace(/\/rest$/, '')}/v2/userinfo`,
        version: '202609',
        accessToken: emulator.credentials.linkedinToken,
      }),
    tokenRefused: () => {},
  });
  return startEngine({ storage, backends: [backend], now });
}

/** Until the outbox is empty and nothing is out. */
async function idle(run: EngineRun): Promise<void> {
  const deadline = Date.now() + 5000;
  while (run.engine.inspect().intents.length > 0 || run.engine.inspect().inFlight > 0) {
    if (Date.now() > deadline) throw new Error(JSON.stringify(run.engine.inspect()));
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const onService = async (target: TargetRef) =>
  (await control.postReactions(target.urn))
    .filter((reaction) => reaction.created.actor === ACTOR)
    .map((reaction) => reaction.reactionType);

describe.each<CreateWhenExists>(['upsert', 'conflict'])('when a create %ss', (mode) => {
  beforeEach(async () => {
    await control.setCreateWhenExists(mode);
  });

  it('Like, then Love, then removing Love: the service and the view follow', async () => {
    const run = start();
    for (const target of [POST, COMMENT]) {
      await run.engine.react({ target, value: 'LIKE', react: true });
      await idle(run);
      expect(await onService(target)).toEqual(['LIKE']);
      await run.engine.react({ target, value: 'EMPATHY', react: true });
      await idle(run);
      expect(await onService(target)).toEqual(['EMPATHY']);
      expect(await run.view(target.urn)).toEqual({
        urn: target.urn,
        active: ['EMPATHY'],
        pending: [],
      });
      await run.engine.react({ target, value: 'EMPATHY', react: false });
      await idle(run);
      expect(await onService(target)).toEqual([]);
      expect((await run.view(target.urn))?.active).toEqual([]);
    }
    expect(run.notices).toEqual([]);
  });

  it('clicks made while a switch is out end in the last one', async () => {
    const run = start();
    await control.setLatency(50, 'li.create');
    await run.engine.react({ target: POST, value: 'LIKE', react: true });
    await run.engine.react({ target: POST, value: 'PRAISE', react: true });
    await run.engine.react({ target: POST, value: 'INTEREST', react: true });
    await idle(run);
    expect(await onService(POST)).toEqual(['INTEREST']);
  });
});

describe('a switch refused half-way (known engine issue)', () => {
  // Reported, not fixed (lib/engine is not this branch's): with a service that answers 409, a
  // switch is delete + create. If the delete lands and the create is refused (403, 400, 404),
  // the backend says partlyApplied, yet the engine rolls the view back to the old type, which
  // LinkedIn no longer has. No realtime feed tells it otherwise.
  it('shows what LinkedIn has after the delete landed and the create was refused', async () => {
    await control.setCreateWhenExists('conflict');
    const run = start();
    await run.engine.react({ target: POST, value: 'LIKE', react: true });
    await idle(run);
    await control.failNext('li.create', 409);
    await control.failNext('li.create', 403);
    await run.engine.react({ target: POST, value: 'EMPATHY', react: true });
    await idle(run);
    expect(await onService(POST)).toEqual([]);
    expect((await run.view(POST.urn))?.active).toEqual([]);
  });
});

describe("a reaction made with LinkedIn's own buttons", () => {
  it("is LinkedIn's newest state: the view follows everywhere, no request leaves", async () => {
    const storage = new MemoryEngineStorage();
    const run = start(storage);
    await run.engine.react({ target: POST, value: 'LIKE', react: true });
    await idle(run);
    await control.clearRequests();
    const published = run.published.length;
    await run.engine.observePage(POST, 'PRAISE');
    expect(await run.view(POST.urn)).toEqual({ urn: POST.urn, active: ['PRAISE'], pending: [] });
    expect(run.published.length).toBe(published + 1);
    expect(storage.history.at(-1)).toMatchObject({ source: 'remote', urn: POST.urn });
    // Said again (the page re-rendered): nothing new.
    await run.engine.observePage(POST, 'PRAISE');
    expect(run.published.length).toBe(published + 1);
    await run.engine.observePage(POST, null);
    expect((await run.view(POST.urn))?.active).toEqual([]);
    await idle(run);
    expect(await control.requests()).toEqual([]);
    // A click after it is newer: removing nothing takes nothing away, a new type is sent.
    await run.engine.react({ target: POST, value: 'INTEREST', react: true });
    await idle(run);
    expect(await onService(POST)).toEqual(['INTEREST']);
  });

  it('seeds a target the engine never observed, and is ignored while a click of ours is out', async () => {
    const run = start();
    await run.engine.observePage(COMMENT, 'EMPATHY');
    expect((await run.view(COMMENT.urn))?.active).toEqual(['EMPATHY']);
    await control.setLatency(200, 'li.create');
    await run.engine.react({ target: POST, value: 'LIKE', react: true });
    // The page may show an older echo meanwhile; the click being sent is what the member wants.
    await run.engine.observePage(POST, null);
    expect(await run.view(POST.urn)).toEqual({
      urn: POST.urn,
      active: ['LIKE'],
      pending: ['LIKE'],
    });
    await idle(run);
    expect(await onService(POST)).toEqual(['LIKE']);
    expect((await run.view(POST.urn))?.active).toEqual(['LIKE']);
  });

  it('is as old as when it arrived: a click that came after it, while the engine was busy, wins', async () => {
    const storage = new MemoryEngineStorage();
    let clock = Date.now();
    const run = start(
      storage,
      () => ACTOR,
      () => clock,
    );
    // A slow disk: the engine is still writing down a click on the comment.
    const held = storage.hold();
    const busy = run.engine.react({ target: COMMENT, value: 'LIKE', react: true });
    await held.reached;
    const observed = run.engine.observePage(POST, 'PRAISE');
    clock += 5;
    const clicked = run.engine.react({ target: POST, value: 'LIKE', react: true });
    clock += 5;
    held.release();
    await Promise.all([busy, observed, clicked]);
    await idle(run);
    expect(await onService(POST)).toEqual(['LIKE']);
    expect((await run.view(POST.urn))?.active).toEqual(['LIKE']);
  });

  it("is not taken for a page the member reacts as: LinkedIn shows the member's own", async () => {
    const run = start(new MemoryEngineStorage(), () => 'urn:li:organization:2414183');
    await run.engine.observePage(POST, 'LIKE');
    expect((await run.view(POST.urn))?.active).toEqual([]);
    // Nor at load: the page's pressed Like is the member's, not the page's.
    const { views } = await run.engine.views([POST.urn], { [POST.urn]: 'LIKE' });
    expect(views).toEqual([{ urn: POST.urn, active: [], pending: [] }]);
  });
});
