/** The engine's test doubles keep the promises other tests rely on (tests/support/engine-doubles). */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EngineChange, Intent } from '@/lib/engine/types';
import {
  confirmedSlot,
  createTestBackend,
  MemoryEngineStorage,
  settle,
  TEST_IDENTITY,
} from '@/tests/support/engine-doubles';

const T0 = 1_767_225_600_000;
const TARGET = { kind: 'post', urn: 'urn:li:activity:1' } as const;

function intent(id: string, desired: string | null = 'LIKE'): Intent {
  return {
    id,
    service: 'linkedin',
    credentialId: 'token-1',
    actor: 'urn:li:person:1',
    target: TARGET,
    facet: '',
    desired,
    clickedAt: T0,
    version: 1,
    attempts: 0,
    nextAttemptAt: T0,
    sent: [],
  };
}

const put = (id: string, desired?: string | null): EngineChange => ({
  putIntents: [intent(id, desired)],
});

beforeEach(() => {
  vi.useFakeTimers({ now: T0 });
});

afterEach(() => {
  vi.useRealTimers();
});

describe('MemoryEngineStorage', () => {
  it('lands commits whole, in call order, copied when committed', async () => {
    const storage = new MemoryEngineStorage();
    const session = storage.open();
    const a = intent('a');
    const first = session.commit({ putIntents: [a] });
    a.desired = 'changed after the call';
    await Promise.all([first, session.commit({ ...put('b'), deleteIntents: ['a'] })]);
    expect([...storage.intents.keys()]).toEqual(['b']);
    expect(storage.landed.map((landed) => landed.putIntents?.[0]?.desired)).toEqual([
      'LIKE',
      'LIKE',
    ]);
  });

  it('applies puts, then deletes: an intent put and deleted in one change ends deleted', async () => {
    const storage = new MemoryEngineStorage();
    await storage.open().commit({ ...put('a'), deleteIntents: ['a'] });
    expect(storage.intents.size).toBe(0);
  });

  it('a held commit keeps later commits and reads waiting until released', async () => {
    const storage = new MemoryEngineStorage();
    const session = storage.open();
    const held = storage.hold();
    const answered: string[] = [];
    void session.commit(put('a')).then(() => answered.push('a'));
    void session.commit(put('b')).then(() => answered.push('b'));
    void session.loadIntents().then((all) => answered.push(`read ${all.length}`));
    await settle();
    expect(held.caught).toBe(true);
    expect(held.change?.putIntents?.[0]?.id).toBe('a');
    expect(answered).toEqual([]);
    expect(storage.queued).toBe(3);

    held.release();
    await settle();
    expect(answered).toEqual(['a', 'b', 'read 2']);
    expect(storage.queued).toBe(0);
  });

  it('holds the next matching commit only', async () => {
    const storage = new MemoryEngineStorage();
    const session = storage.open();
    const held = storage.hold((change) => change.putIntents?.[0]?.id === 'b');
    await session.commit(put('a'));
    const b = session.commit(put('b'));
    await settle();
    expect([...storage.intents.keys()]).toEqual(['a']);
    held.release();
    await b;
    expect([...storage.intents.keys()]).toEqual(['a', 'b']);
  });

  it('a dropped commit never lands nor answers; a failed one rejects; later commits land', async () => {
    const storage = new MemoryEngineStorage();
    const session = storage.open();
    const dropped = storage.hold();
    const failed = storage.hold();
    let droppedAnswered = false;
    void session.commit(put('a')).finally(() => {
      droppedAnswered = true;
    });
    const second = session.commit(put('b'));
    await settle();
    dropped.drop();
    await settle();
    failed.fail(new Error('quota'));
    await expect(second).rejects.toThrow('quota');
    await session.commit(put('c'));
    await settle();
    expect(droppedAnswered).toBe(false);
    expect([...storage.intents.keys()]).toEqual(['c']);
  });

  it('a killed session’s held and later commits never land, and its reads never answer', async () => {
    const storage = new MemoryEngineStorage();
    const dead = storage.open();
    const held = storage.hold();
    void dead.commit(put('a'));
    await settle();
    expect(held.caught).toBe(true);
    dead.kill();
    let answered = false;
    void dead.commit(put('b')).then(() => {
      answered = true;
    });
    void dead.loadIntents().then(() => {
      answered = true;
    });

    // The next worker's storage is what landed before the kill.
    const next = storage.open();
    await next.commit(put('c'));
    expect(await next.loadIntents()).toEqual([intent('c')]);
    await settle();
    expect(answered).toBe(false);
    expect(dead.alive).toBe(false);
    expect([...storage.intents.keys()]).toEqual(['c']);
  });

  it('a held read takes its snapshot in turn but answers when released', async () => {
    const storage = new MemoryEngineStorage();
    const session = storage.open();
    const slot = confirmedSlot('linkedin', 'urn:li:person:1', TARGET, '', 'LIKE', T0);
    const release = storage.holdNextRead();
    const read = session.confirmedFor(slot.targetKey);
    await session.commit({ putConfirmed: [slot] });
    let answer: unknown;
    void read.then((slots) => {
      answer = slots;
    });
    await settle();
    expect(answer).toBeUndefined();
    release();
    await settle();
    expect(answer).toEqual([]);
    expect(await session.confirmedFor(slot.targetKey)).toEqual([slot]);
  });
});

describe('TestBackend', () => {
  const request = (state: string | null) => ({
    identity: TEST_IDENTITY,
    target: TARGET,
    facet: '',
    state,
  });

  it('applies, answers, loses and refuses by hand, and emits what it applied', async () => {
    const backend = createTestBackend({ service: 'linkedin', model: 'one' });
    const outcomes: string[] = [];
    const track = (sent: Promise<void>) =>
      sent.then(
        () => outcomes.push('ok'),
        (error) => outcomes.push(error.failure.kind),
      );
    void track(backend.send(request('LIKE')));
    backend.last().applyAndLose();
    void track(backend.send(request('PRAISE')));
    backend.last().lose();
    void track(backend.send(request(null)));
    backend.last().fail('invalid-request');
    void track(backend.send(request('EMPATHY')));
    backend.last().apply().apply();
    backend.last().answer();
    await settle();

    expect(outcomes).toEqual(['offline', 'offline', 'invalid-request', 'ok']);
    expect(backend.stateOf(TARGET)).toBe('EMPATHY');
    expect(backend.events.map((event) => event.state)).toEqual(['LIKE', 'EMPATHY', 'EMPATHY']);
    expect(backend.calls.map((call) => call.applied)).toEqual([1, 0, 0, 2]);
    expect(() => backend.last().answer()).toThrow('already answered');
  });

  it('counts requests of one slot out together', async () => {
    const backend = createTestBackend({ service: 'linkedin', model: 'one' });
    void backend.send(request('LIKE'));
    void backend.send(request('PRAISE'));
    for (const call of backend.open()) call.succeed();
    void backend.send(request(null));
    expect(backend.maxInFlightPerSlot()).toBe(2);
    expect(backend.open()).toHaveLength(1);
  });
});
