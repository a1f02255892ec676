import { describe, expect, it } from 'vitest';
import { DEMO_CREDENTIALS } from './demo';
import { reactPath } from './fixtures';
import { csFetch, MESSAGE, TestSocket, upgradeStatus, useEmulator } from './test-support';
import type { Emulator } from './types';

const KEY = DEMO_CREDENTIALS.connectSafelyKey;
const REACT = reactPath(MESSAGE.conversationUrn, MESSAGE.messageUrn);

const react = (emulator: Emulator, emoji: string, on = true, apiKey = KEY) =>
  csFetch(emulator, REACT, {
    method: 'POST',
    body: { emoji, react: on },
    headers: { Authorization: `Bearer ${apiKey}` },
  });

describe('socket auth', () => {
  const t = useEmulator({ socketAuthTimeoutMs: 200 });

  it('answers ready with seq 0 for a fresh key', async () => {
    const { socket, ready } = await TestSocket.ready(t.emulator.urls.socketUrl, KEY);
    expect(ready).toEqual({ type: 'ready', seq: 0 });
    socket.close();
  });

  it('closes with 4401 for a bad key', async () => {
    const socket = await TestSocket.open(t.emulator.urls.socketUrl);
    socket.send({ type: 'auth', apiKey: 'cs_wrong', resumeFrom: null });
    expect((await socket.closed).code).toBe(4401);
  });

  it.each([
    ['not JSON', 'hello'],
    ['a ping before auth', { type: 'ping' }],
    ['auth without resumeFrom', { type: 'auth', apiKey: KEY }],
    ['auth with a negative resumeFrom', { type: 'auth', apiKey: KEY, resumeFrom: -1 }],
    ['auth with a string resumeFrom', { type: 'auth', apiKey: KEY, resumeFrom: '3' }],
    ['auth with an empty key', { type: 'auth', apiKey: '', resumeFrom: null }],
  ])('closes with 4400 when the first frame is %s', async (_name, frame) => {
    const socket = await TestSocket.open(t.emulator.urls.socketUrl);
    socket.send(frame);
    expect((await socket.closed).code).toBe(4400);
  });

  it('closes with 4408 when no auth frame comes in time', async () => {
    const socket = await TestSocket.open(t.emulator.urls.socketUrl);
    expect((await socket.closed).code).toBe(4408);
  });

  it('answers 404 to an upgrade on another path', async () => {
    const url = t.emulator.urls.socketUrl.replace(/\/ws$/, '/socket');
    expect(await upgradeStatus(url)).toBe(404);
  });
});

describe('socket events', () => {
  const t = useEmulator();

  it('sends one event per successful react call, to every socket of the key', async () => {
    const a = await TestSocket.ready(t.emulator.urls.socketUrl, KEY);
    const b = await TestSocket.ready(t.emulator.urls.socketUrl, KEY);
    const other = await TestSocket.ready(
      t.emulator.urls.socketUrl,
      DEMO_CREDENTIALS.otherConnectSafelyKey,
    );

    const before = Date.now();
    expect((await react(t.emulator, '👍')).status).toBe(200);
    const event = (await a.socket.next()) as Record<string, unknown>;
    expect(event).toMatchObject({
      type: 'reaction',
      seq: 1,
      accountId: DEMO_CREDENTIALS.accountId,
      conversationUrn: MESSAGE.conversationUrn,
      messageUrn: MESSAGE.messageUrn,
      emoji: '👍',
      react: true,
    });
    expect(typeof event.id).toBe('string');
    expect(event.at).toBeGreaterThanOrEqual(before);
    expect(await b.socket.next()).toEqual(event);
    expect(await other.socket.drain()).toEqual([]);
    expect(await a.socket.drain()).toEqual([]);
    for (const s of [a, b, other]) s.socket.close();
  });

  it('numbers events per key and gives each a unique id', async () => {
    const { socket } = await TestSocket.ready(t.emulator.urls.socketUrl, KEY);
    await react(t.emulator, '👍');
    await react(t.emulator, '👍', false);
    await react(t.emulator, '🎉', true, DEMO_CREDENTIALS.otherConnectSafelyKey);
    const first = (await socket.next()) as { seq: number; id: string; react: boolean };
    const second = (await socket.next()) as { seq: number; id: string; react: boolean };
    expect([first.seq, second.seq]).toEqual([1, 2]);
    expect(second.react).toBe(false);
    expect(first.id).not.toBe(second.id);
    expect((await t.control.events(DEMO_CREDENTIALS.otherConnectSafelyKey)).latestSeq).toBe(1);
    socket.close();
  });

  it('sends no event for a failed react call', async () => {
    const { socket } = await TestSocket.ready(t.emulator.urls.socketUrl, KEY);
    await react(t.emulator, 'not an emoji');
    expect(await socket.drain()).toEqual([]);
    socket.close();
  });

  it('replays held events after resumeFrom, in order, after ready', async () => {
    for (const emoji of ['👍', '🎉', '👏']) await react(t.emulator, emoji);
    const { socket, ready } = await TestSocket.ready(t.emulator.urls.socketUrl, KEY, 1);
    expect(ready).toEqual({ type: 'ready', seq: 3 });
    const replayed = [await socket.next(), await socket.next()] as Array<{
      seq: number;
      emoji: string;
    }>;
    expect(replayed.map((event) => [event.seq, event.emoji])).toEqual([
      [2, '🎉'],
      [3, '👏'],
    ]);
    expect(await socket.drain()).toEqual([]);

    await react(t.emulator, '😊');
    expect(((await socket.next()) as { seq: number }).seq).toBe(4);
    socket.close();
  });

  it('replays everything from 0 and nothing for null or an up-to-date seq', async () => {
    await react(t.emulator, '👍');
    await react(t.emulator, '🎉');
    const fromZero = await TestSocket.ready(t.emulator.urls.socketUrl, KEY, 0);
    expect(((await fromZero.socket.next()) as { seq: number }).seq).toBe(1);
    expect(((await fromZero.socket.next()) as { seq: number }).seq).toBe(2);
    for (const resumeFrom of [null, 2, 99]) {
      const { socket, ready } = await TestSocket.ready(t.emulator.urls.socketUrl, KEY, resumeFrom);
      expect(ready).toEqual({ type: 'ready', seq: 2 });
      expect(await socket.drain(80)).toEqual([]);
      socket.close();
    }
    fromZero.socket.close();
  });

  it('answers ping with pong, and survives malformed frames after auth', async () => {
    const { socket } = await TestSocket.ready(t.emulator.urls.socketUrl, KEY);
    socket.send({ type: 'ping' });
    expect(await socket.next()).toEqual({ type: 'pong' });
    for (const frame of [
      '{oops',
      { type: 'dance' },
      { type: 'auth', apiKey: KEY, resumeFrom: null },
      42,
    ]) {
      socket.send(frame);
      expect(await socket.next()).toMatchObject({ type: 'error' });
    }
    socket.socket.send(Buffer.from([0xde, 0xad]), { binary: true });
    expect(await socket.next()).toMatchObject({ type: 'error' });
    socket.send({ type: 'ping' });
    expect(await socket.next()).toEqual({ type: 'pong' });
    socket.close();
  });
});

describe('socket faults', () => {
  const t = useEmulator();

  it('drop terminates open sockets without a close frame, then accepts new ones', async () => {
    const { socket } = await TestSocket.ready(t.emulator.urls.socketUrl, KEY);
    const result = await t.control.setSockets('drop');
    expect(result).toEqual({ mode: 'accept', dropped: 1 });
    expect((await socket.closed).code).toBe(1006);
    const again = await TestSocket.ready(t.emulator.urls.socketUrl, KEY);
    expect(again.ready).toEqual({ type: 'ready', seq: 0 });
    again.socket.close();
  });

  it('refuse answers new upgrades 503 and leaves open sockets alone until accept', async () => {
    const { socket } = await TestSocket.ready(t.emulator.urls.socketUrl, KEY);
    await t.control.setSockets('refuse');
    expect(await upgradeStatus(t.emulator.urls.socketUrl)).toBe(503);
    socket.send({ type: 'ping' });
    expect(await socket.next()).toEqual({ type: 'pong' });
    await t.control.setSockets('accept');
    const again = await TestSocket.ready(t.emulator.urls.socketUrl, KEY);
    expect(again.ready).toMatchObject({ type: 'ready' });
    again.socket.close();
    socket.close();
  });

  it('refuse then drop keeps clients out until accept', async () => {
    const { socket } = await TestSocket.ready(t.emulator.urls.socketUrl, KEY);
    await t.control.setSockets('refuse');
    expect(await t.control.setSockets('drop')).toEqual({ mode: 'refuse', dropped: 1 });
    expect((await socket.closed).code).toBe(1006);
    expect(await upgradeStatus(t.emulator.urls.socketUrl)).toBe(503);
    await t.control.setSockets('accept');
    const again = await TestSocket.ready(t.emulator.urls.socketUrl, KEY);
    again.socket.close();
  });

  it('failNext on the socket route rejects that many upgrades', async () => {
    await t.control.failNext('socket', 500, 2, { retryAfterSeconds: 3 });
    expect(await upgradeStatus(t.emulator.urls.socketUrl)).toBe(500);
    expect(await upgradeStatus(t.emulator.urls.socketUrl)).toBe(500);
    const { socket } = await TestSocket.ready(t.emulator.urls.socketUrl, KEY);
    socket.close();
    const log = await t.control.requests({ route: 'socket' });
    expect(log.map((entry) => [entry.status, entry.injected])).toEqual([
      [500, true],
      [500, true],
      [101, false],
    ]);
  });

  it('failNext with status 0 drops the upgrade without an answer', async () => {
    await t.control.failNext('socket', 0);
    expect(await upgradeStatus(t.emulator.urls.socketUrl)).toBe(0);
  });

  it('latency on the socket route delays the upgrade', async () => {
    await t.control.setLatency(150, 'socket');
    const started = Date.now();
    const { socket } = await TestSocket.ready(t.emulator.urls.socketUrl, KEY);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    socket.close();
  });

  it('sends raw frames to authenticated sockets only, optionally of one key', async () => {
    const main = await TestSocket.ready(t.emulator.urls.socketUrl, KEY);
    const other = await TestSocket.ready(
      t.emulator.urls.socketUrl,
      DEMO_CREDENTIALS.otherConnectSafelyKey,
    );
    const unauthenticated = await TestSocket.open(t.emulator.urls.socketUrl);

    expect(await t.control.sendRawSocketFrame('{"type":"surprise"}')).toBe(2);
    expect(await main.socket.next()).toEqual({ type: 'surprise' });
    expect(await other.socket.next()).toEqual({ type: 'surprise' });

    expect(await t.control.sendRawSocketFrame('{"type":"only-main"}', KEY)).toBe(1);
    expect(await main.socket.next()).toEqual({ type: 'only-main' });
    expect(await other.socket.drain()).toEqual([]);
    expect(await unauthenticated.drain(0)).toEqual([]);
    for (const s of [main.socket, other.socket, unauthenticated]) s.close();
  });

  it('reset closes open sockets with 1012 and restarts sequences', async () => {
    await react(t.emulator, '👍');
    const { socket, ready } = await TestSocket.ready(t.emulator.urls.socketUrl, KEY);
    expect(ready).toEqual({ type: 'ready', seq: 1 });
    await t.control.reset();
    expect((await socket.closed).code).toBe(1012);
    const again = await TestSocket.ready(t.emulator.urls.socketUrl, KEY, 0);
    expect(again.ready).toEqual({ type: 'ready', seq: 0 });
    expect(await again.socket.drain(80)).toEqual([]);
    again.socket.close();
  });

  it('close() ends open sockets with 1001', async () => {
    const { socket } = await TestSocket.ready(t.emulator.urls.socketUrl, KEY);
    const closing = socket.closed;
    await t.emulator.close();
    expect((await closing).code).toBe(1001);
  });
});
