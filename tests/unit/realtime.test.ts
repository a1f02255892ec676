// @vitest-environment node
/**
 * The realtime client against the real emulator over real sockets (the `ws` package stands in
 * for the browser's WebSocket). Backoff and ping values are shrunk to keep the tests fast.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import type { RealtimeState } from '@/lib/accounts/types';
import {
  createRealtimeClient,
  type RealtimeClient,
  type RealtimeClientOptions,
  type RealtimeEvent,
  type WebSocketConstructor,
} from '@/lib/services/connectsafely/realtime/client';
import { EmulatorControl, reactPath } from '../emulator/client';
import { buildMessageFixture } from '../emulator/fixtures';
import { DEMO_CREDENTIALS, type Emulator, startEmulator } from '../emulator/server';

const MESSAGE = buildMessageFixture({ profileId: DEMO_CREDENTIALS.mailboxProfileId });
const SMALL_BACKOFF = { initialMs: 20, maxMs: 200 };

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function memoryCursor(initial: number | null = null) {
  const store = {
    value: initial,
    async load() {
      return store.value;
    },
    async save(seq: number) {
      store.value = seq;
    },
  };
  return store;
}

function memorySeen(initial: string[] = []) {
  const ids = new Set(initial);
  return {
    ids,
    async has(id: string) {
      return ids.has(id);
    },
    async add(id: string) {
      ids.add(id);
    },
  };
}

/** The `ws` WebSocket, recording every frame the client sends (the sockets stay real). */
function recordingWebSocket(sent: string[]): WebSocketConstructor {
  return class RecordingWebSocket extends WebSocket {
    constructor(url: string) {
      super(url);
      const send = this.send.bind(this);
      this.send = ((data: string) => {
        sent.push(data);
        send(data);
      }) as typeof this.send;
    }
  };
}

interface Harness {
  client: RealtimeClient;
  events: RealtimeEvent[];
  states: RealtimeState[];
  logs: string[];
  sent: string[];
  cursor: ReturnType<typeof memoryCursor>;
  seen: ReturnType<typeof memorySeen>;
}

let emulator: Emulator;
let control: EmulatorControl;
const clients: RealtimeClient[] = [];

beforeEach(async () => {
  emulator = await startEmulator({ port: 0 });
  control = new EmulatorControl(emulator.urls.controlUrl);
});

afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.stop()));
  await emulator.close();
});

function harness(
  overrides: Partial<RealtimeClientOptions> = {},
  cursorStart: number | null = null,
) {
  const h = {
    events: [],
    states: [],
    logs: [],
    sent: [],
    cursor: memoryCursor(cursorStart),
    seen: memorySeen(),
  } as unknown as Harness;
  const options: RealtimeClientOptions = {
    url: emulator.urls.socketUrl,
    apiKey: emulator.credentials.connectSafelyKey,
    cursor: h.cursor,
    seen: h.seen,
    onEvent: (event) => {
      h.events.push(event);
    },
    onState: (state) => h.states.push(state),
    WebSocketImpl: recordingWebSocket(h.sent),
    backoff: SMALL_BACKOFF,
    log: (message, details) => h.logs.push(`${message} ${JSON.stringify(details ?? {})}`),
    ...overrides,
  };
  h.client = createRealtimeClient(options);
  clients.push(h.client);
  return h;
}

/** One successful react call: the emulator emits one event per call. */
async function react(emoji = '👍', on = true): Promise<void> {
  const response = await fetch(
    `${emulator.urls.connectSafelyUrl}${reactPath(MESSAGE.conversationUrn, MESSAGE.messageUrn)}`,
    {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${emulator.credentials.connectSafelyKey}`,
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({ emoji, react: on }),
    },
  );
  expect(response.status).toBe(200);
}

const waitFor = (check: () => void, timeout = 5000) => vi.waitFor(check, { timeout, interval: 10 });
const socketRequests = async () => control.requests({ route: 'socket' });
const seqs = (events: RealtimeEvent[]) => events.map((event) => event.seq);
const kinds = (states: RealtimeState[]) => states.map((state) => state.state);
const authFrames = (sent: string[]) =>
  sent.map((frame) => JSON.parse(frame)).filter((frame) => frame.type === 'auth');

async function connected(h: Harness): Promise<void> {
  await waitFor(() => expect(h.client.state.state).toBe('connected'));
}

describe('realtime client against the emulator', { timeout: 20_000 }, () => {
  it('authenticates with the first frame, becomes connected and hands on a live event', async () => {
    const h = harness();
    h.client.start();
    await connected(h);
    expect(kinds(h.states)).toEqual(['connecting', 'connected']);
    expect(authFrames(h.sent)).toEqual([
      { type: 'auth', apiKey: emulator.credentials.connectSafelyKey, resumeFrom: null },
    ]);
    expect(JSON.parse(h.sent[0] ?? '{}').type).toBe('auth');
    // No cursor yet: the ready seq becomes the baseline, so a later resume misses nothing.
    await waitFor(() => expect(h.cursor.value).toBe(0));

    await react('👍', true);
    await waitFor(() => expect(h.events).toHaveLength(1));
    const [held] = (await control.events()).events;
    expect(h.events[0]).toEqual({
      id: held?.id,
      seq: 1,
      accountId: DEMO_CREDENTIALS.accountId,
      conversationUrn: MESSAGE.conversationUrn,
      messageUrn: MESSAGE.messageUrn,
      emoji: '👍',
      react: true,
      at: held?.at,
    });
    await waitFor(() => expect(h.cursor.value).toBe(1));
    expect(h.seen.ids.has(held?.id ?? '')).toBe(true);

    // The key never goes in the URL, and never in the logs.
    const [upgrade] = await socketRequests();
    expect(`${upgrade?.path}?${JSON.stringify(upgrade?.query)}`).not.toContain(
      emulator.credentials.connectSafelyKey,
    );
    expect(h.logs.join('\n')).not.toContain(emulator.credentials.connectSafelyKey);
  });

  it('resumes after a drop: exactly the missed events are replayed, nothing twice', async () => {
    // The first retry comes late enough for the test to refuse sockets before it.
    const h = harness({ random: () => 1, backoff: { initialMs: 300, maxMs: 300 } });
    h.client.start();
    await connected(h);
    await react('👍', true);
    await react('👍', false);
    await waitFor(() => expect(seqs(h.events)).toEqual([1, 2]));
    await waitFor(() => expect(h.cursor.value).toBe(2));

    // Drop, and keep the socket refused while three events happen.
    await control.setSockets('drop');
    await control.setSockets('refuse');
    await react('🎉', true);
    await react('🎉', false);
    await react('❤️', true);
    await waitFor(() => expect(h.client.state.state).toBe('reconnecting'));
    await control.setSockets('accept');
    await connected(h);

    await waitFor(() => expect(seqs(h.events)).toEqual([1, 2, 3, 4, 5]));
    expect(authFrames(h.sent).at(-1)).toMatchObject({ resumeFrom: 2 });
    await react('❤️', false);
    await waitFor(() => expect(seqs(h.events)).toEqual([1, 2, 3, 4, 5, 6]));
    await sleep(100);
    expect(seqs(h.events)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(new Set(h.events.map((event) => event.id)).size).toBe(6);
    const held = (await control.events()).events;
    expect(h.events.map((event) => event.id)).toEqual(held.map((event) => event.id));
  });

  it('skips a replayed event whose id was already seen, and still moves the cursor past it', async () => {
    await react('👍', true);
    await react('👍', false);
    await react('👍', true);
    const held = (await control.events()).events;
    const h = harness({}, 0);
    h.seen.ids.add(held[1]?.id ?? '');
    h.client.start();
    await waitFor(() => expect(h.cursor.value).toBe(3));
    expect(seqs(h.events)).toEqual([1, 3]);
    expect(authFrames(h.sent)).toMatchObject([{ resumeFrom: 0 }]);
  });

  it('skips duplicates and events at or before the cursor sent on the live socket', async () => {
    const h = harness();
    h.client.start();
    await connected(h);
    await react('👍', true);
    await react('👍', false);
    await waitFor(() => expect(h.cursor.value).toBe(2));
    const [first, second] = (await control.events()).events;

    // The same event twice, and an unknown id with an old seq.
    expect(await control.sendRawSocketFrame(JSON.stringify(second))).toBe(1);
    await control.sendRawSocketFrame(JSON.stringify({ ...first, id: 'evt_unknown' }));
    await react('🎉', true);
    await waitFor(() => expect(seqs(h.events)).toEqual([1, 2, 3]));
    await sleep(50);
    expect(seqs(h.events)).toEqual([1, 2, 3]);
    expect(h.events.map((event) => event.id)).not.toContain('evt_unknown');
  });

  it('stops at unauthorized on a bad key, without a reconnect loop, until reconnectNow()', async () => {
    const badKey = 'cs_live_not_a_real_key_123456';
    const h = harness({ apiKey: badKey });
    h.client.start();
    await waitFor(() => expect(h.client.state.state).toBe('unauthorized'));
    await sleep(300); // many backoff periods of SMALL_BACKOFF
    expect(kinds(h.states)).toEqual(['connecting', 'unauthorized']);
    expect(await socketRequests()).toHaveLength(1);

    h.client.reconnectNow();
    await waitFor(async () => expect(await socketRequests()).toHaveLength(2));
    await waitFor(() => expect(h.client.state.state).toBe('unauthorized'));
    await sleep(100);
    expect(await socketRequests()).toHaveLength(2);
    expect(h.logs.join('\n')).not.toContain(badKey);
  });

  it('retries a refused socket with capped exponential backoff, then resets it once ready', async () => {
    // The delay as the client computed it: retryAt minus the `now` it used, exactly.
    let lastNow = 0;
    const waits: number[] = [];
    const h = harness({
      random: () => 1,
      backoff: { initialMs: 40, maxMs: 160 },
      now: () => {
        lastNow = Date.now();
        return lastNow;
      },
      onState: (state) => {
        if (state.state === 'reconnecting') waits.push(state.retryAt - lastNow);
      },
    });
    await control.setSockets('refuse');
    h.client.start();
    await waitFor(async () =>
      expect((await socketRequests()).filter((r) => r.status === 503).length).toBeGreaterThan(4),
    );
    await control.setSockets('accept');
    await connected(h);

    const refused = (await socketRequests()).filter((r) => r.status === 503).length;
    const expected = Array.from({ length: refused }, (_, attempt) =>
      Math.min(160, 40 * 2 ** attempt),
    );
    expect(waits).toEqual(expected);
    // The attempts really were spaced out by those delays.
    const times = (await socketRequests()).map((r) => r.at);
    for (let i = 1; i < times.length; i += 1) {
      expect((times[i] ?? 0) - (times[i - 1] ?? 0)).toBeGreaterThanOrEqual(
        (expected[i - 1] ?? 0) - 5,
      );
    }

    // A ready resets the backoff: the next drop waits the initial delay again.
    await control.setSockets('drop');
    await waitFor(() => expect(waits).toHaveLength(refused + 1));
    expect(waits.at(-1)).toBe(40);
    await connected(h);
  });

  it('keeps pinging, and stays on one socket while the server answers with pongs', async () => {
    // Long enough for several pong timeouts: a pong that did not count would show.
    const h = harness({ pingIntervalMs: 25, pongTimeoutMs: 300 });
    h.client.start();
    await connected(h);
    await sleep(1200);
    const pings = h.sent.filter((frame) => JSON.parse(frame).type === 'ping');
    expect(pings.length).toBeGreaterThanOrEqual(10);
    expect(h.client.state.state).toBe('connected');
    expect(kinds(h.states)).toEqual(['connecting', 'connected']);
    expect(await socketRequests()).toHaveLength(1);
    // The socket still carries events.
    await react();
    await waitFor(() => expect(h.events).toHaveLength(1));
  });

  it('handles malformed and unknown frames by ignoring them, and the stream goes on', async () => {
    const h = harness();
    h.client.start();
    await connected(h);
    await react('👍', true);
    await waitFor(() => expect(h.cursor.value).toBe(1));
    const junk = [
      'not json',
      '{"type":"reaction"',
      'null',
      '[]',
      '42',
      '{"type":"mystery"}',
      '{"type":"ready"}',
      '{"type":"ready","seq":-1}',
      '{"type":"reaction","seq":"2","id":"evt_x"}',
      JSON.stringify({ type: 'reaction', seq: 2, id: '', accountId: 'a' }),
      '{"type":"error","message":"Unknown frame"}',
    ];
    for (const raw of junk) expect(await control.sendRawSocketFrame(raw)).toBe(1);
    await react('👍', false);
    await waitFor(() => expect(seqs(h.events)).toEqual([1, 2]));
    expect(h.client.state.state).toBe('connected');
    expect(await socketRequests()).toHaveLength(1);
    expect(h.logs.filter((line) => line.startsWith('Ignored a frame'))).toHaveLength(junk.length);
  });

  it('hands events on one at a time in seq order, saving the cursor only after each resolved', async () => {
    const trace: string[] = [];
    let running = 0;
    let maxRunning = 0;
    const h = harness({
      onEvent: async (event) => {
        running += 1;
        maxRunning = Math.max(maxRunning, running);
        trace.push(`start ${event.seq}`);
        await sleep(30);
        trace.push(`end ${event.seq}`);
        running -= 1;
      },
    });
    const save = h.cursor.save;
    h.cursor.save = async (seq) => {
      trace.push(`save ${seq}`);
      await save(seq);
    };
    h.client.start();
    await connected(h);
    await waitFor(() => expect(h.cursor.value).toBe(0));
    trace.length = 0;
    // Five events arrive in a burst, far faster than the handler.
    for (let i = 0; i < 5; i += 1) await react('👍', i % 2 === 0);
    await waitFor(() => expect(h.cursor.value).toBe(5));
    expect(maxRunning).toBe(1);
    expect(trace).toEqual(
      [1, 2, 3, 4, 5].flatMap((seq) => [`start ${seq}`, `end ${seq}`, `save ${seq}`]),
    );
  });

  it('loses nothing when stopped mid-queue: a new client resumes where the cursor stopped', async () => {
    const handled: number[] = [];
    const started: number[] = [];
    let releaseSecond = () => {};
    const secondHeld = new Promise<void>((resolve) => {
      releaseSecond = resolve;
    });
    const first = harness({
      onEvent: async (event) => {
        started.push(event.seq);
        if (event.seq === 2) await secondHeld;
        handled.push(event.seq);
      },
    });
    first.client.start();
    await connected(first);
    await waitFor(() => expect(first.cursor.value).toBe(0));
    for (let i = 0; i < 4; i += 1) await react('👍', i % 2 === 0);
    await waitFor(() => expect(started).toEqual([1, 2]));
    await sleep(50); // events 3 and 4 are queued behind 2 by now
    // The worker goes away while event 2 is being handled: 2 completes, 3 and 4 are dropped.
    const stopped = first.client.stop();
    releaseSecond();
    await stopped;
    expect(handled).toEqual([1, 2]);
    expect(first.cursor.value).toBe(2);

    const second = harness(
      { onEvent: (event) => void handled.push(event.seq) },
      first.cursor.value,
    );
    for (const id of first.seen.ids) second.seen.ids.add(id);
    second.client.start();
    await waitFor(() => expect(handled).toEqual([1, 2, 3, 4]));
    expect(authFrames(second.sent)).toMatchObject([{ resumeFrom: 2 }]);
  });

  it('reconnects to have an event replayed when the handler throws', async () => {
    let failOnce = true;
    const handled: number[] = [];
    const h = harness({
      onEvent: (event) => {
        if (event.seq === 2 && failOnce) {
          failOnce = false;
          throw new Error('storage busy');
        }
        handled.push(event.seq);
      },
    });
    h.client.start();
    await connected(h);
    await react('👍', true);
    await react('👍', false);
    await react('👍', true);
    await waitFor(() => expect(handled).toEqual([1, 2, 3]));
    expect(h.cursor.value).toBe(3);
    expect(authFrames(h.sent).map((frame) => frame.resumeFrom)).toEqual([null, 1]);
  });

  it('follows the server when its sequence restarts (emulator reset, close 1012)', async () => {
    const h = harness();
    h.client.start();
    await connected(h);
    await react();
    await react();
    await waitFor(() => expect(h.cursor.value).toBe(2));
    await control.reset();
    await waitFor(() => expect(authFrames(h.sent)).toHaveLength(2));
    await connected(h);
    await waitFor(() => expect(h.cursor.value).toBe(0));
    await react();
    await waitFor(() => expect(seqs(h.events)).toEqual([1, 2, 1]));
  });

  it('reconnectNow() is a no-op while connected, and skips a pending retry otherwise', async () => {
    const h = harness({ backoff: { initialMs: 60_000, maxMs: 60_000 }, random: () => 1 });
    h.client.start();
    await connected(h);
    h.client.reconnectNow();
    await sleep(100);
    expect(await socketRequests()).toHaveLength(1);

    await control.setSockets('drop');
    await waitFor(() => expect(h.client.state.state).toBe('reconnecting'));
    h.client.reconnectNow();
    await connected(h);
    expect(await socketRequests()).toHaveLength(2);
  });

  it('waits offline until the online event, then connects at once', async () => {
    let online = false;
    const onlineEvents = new EventTarget();
    const h = harness({
      isOnline: () => online,
      onlineEvents,
      backoff: { initialMs: 60_000, maxMs: 60_000 },
      random: () => 1,
    });
    h.client.start();
    expect(h.client.state).toEqual({ state: 'offline' });
    await sleep(100);
    expect(await socketRequests()).toHaveLength(0);

    online = true;
    onlineEvents.dispatchEvent(new Event('online'));
    await connected(h);
    expect(kinds(h.states)).toEqual(['offline', 'connecting', 'connected']);
  });

  it('goes offline when the socket drops while the network is gone, and retries on the timer', async () => {
    let online = true;
    const h = harness({ isOnline: () => online, random: () => 1, backoff: SMALL_BACKOFF });
    h.client.start();
    await connected(h);
    online = false;
    await control.setSockets('drop');
    await waitFor(() => expect(h.client.state.state).toBe('offline'));
    await sleep(150);
    expect(await socketRequests()).toHaveLength(1);
    online = true; // no online event here: the backoff timer notices
    await connected(h);
  });
});

describe('realtime client against a server that stops answering', { timeout: 20_000 }, () => {
  /** A bare socket server speaking just enough of the contract; it never answers pings. */
  async function silentServer(sendReady: boolean) {
    const server = new WebSocketServer({ port: 0, host: '127.0.0.1' });
    await once(server, 'listening');
    const connections: { closeCode?: number }[] = [];
    server.on('connection', (socket) => {
      const connection: { closeCode?: number } = {};
      connections.push(connection);
      socket.on('message', (data) => {
        const frame = JSON.parse(String(data));
        if (frame.type === 'auth' && sendReady)
          socket.send(JSON.stringify({ type: 'ready', seq: 0 }));
      });
      socket.on('close', (code) => {
        connection.closeCode = code;
      });
    });
    const { port } = server.address() as AddressInfo;
    const close = () =>
      new Promise<void>((resolve) => {
        for (const client of server.clients) client.terminate();
        server.close(() => resolve());
      });
    return { url: `ws://127.0.0.1:${port}`, connections, close };
  }

  it('treats a missing pong as a dead socket and reconnects', async () => {
    const server = await silentServer(true);
    try {
      const h = harness({
        url: server.url,
        pingIntervalMs: 30,
        pongTimeoutMs: 300,
        random: () => 0,
      });
      h.client.start();
      await connected(h);
      await waitFor(() => expect(server.connections.length).toBeGreaterThanOrEqual(2));
      await waitFor(() => expect(server.connections[0]?.closeCode).toBe(4000));
      expect(kinds(h.states).slice(0, 4)).toEqual([
        'connecting',
        'connected',
        'reconnecting',
        'connecting',
      ]);
      expect(h.logs.some((line) => line.includes('"waitingFor":"pong"'))).toBe(true);
    } finally {
      await server.close();
    }
  });

  it('gives up on a socket whose ready never comes', async () => {
    const server = await silentServer(false);
    try {
      const h = harness({ url: server.url, pongTimeoutMs: 100, random: () => 0 });
      h.client.start();
      await waitFor(() => expect(server.connections.length).toBeGreaterThanOrEqual(2));
      expect(h.client.state.state).not.toBe('connected');
      expect(h.logs.some((line) => line.includes('"waitingFor":"ready"'))).toBe(true);
    } finally {
      await server.close();
    }
  });
});

describe('stopping', () => {
  /**
   * Run in a child process, so "no timer left" means what it means in the worker: the process
   * exits by itself. It stops one client while connected and pinging (an answer timer armed) and
   * one waiting a minute to retry; a leaked interval or retry timer keeps the child alive.
   */
  const CHILD_SCRIPT = `
    import { WebSocket } from 'ws';
    import { createRealtimeClient } from './lib/services/connectsafely/realtime/client.ts';
    import { startEmulator } from './tests/emulator/server.ts';

    const emulator = await startEmulator({ port: 0 });
    const stores = {
      cursor: { load: async () => null, save: async () => {} },
      seen: { has: async () => false, add: async () => {} },
      onEvent: () => {},
      WebSocketImpl: WebSocket,
      log: () => {},
    };
    const reached = (wanted) => {
      let resolve;
      const promise = new Promise((r) => (resolve = r));
      return { promise, onState: (state) => state.state === wanted && resolve() };
    };
    const live = reached('connected');
    const pinging = createRealtimeClient({
      ...stores, url: emulator.urls.socketUrl, apiKey: emulator.credentials.connectSafelyKey,
      onState: live.onState, pingIntervalMs: 20, pongTimeoutMs: 60_000,
    });
    pinging.start();
    await live.promise;
    await new Promise((r) => setTimeout(r, 50));
    await pinging.stop();

    const retrying = reached('reconnecting');
    const waiting = createRealtimeClient({
      ...stores, url: 'ws://127.0.0.1:1/nothing-listens-here', apiKey: 'k',
      onState: retrying.onState, backoff: { initialMs: 60_000, maxMs: 60_000 }, random: () => 1,
    });
    waiting.start();
    await retrying.promise;
    await waiting.stop();
    await emulator.close();
    console.log(JSON.stringify({ stopped: [pinging.state, waiting.state] }));
  `;

  it('leaves nothing running: the process exits by itself', async () => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '--eval', CHILD_SCRIPT],
      { cwd: fileURLToPath(new URL('../..', import.meta.url)), stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += String(chunk)));
    child.stderr.on('data', (chunk) => (stderr += String(chunk)));
    const started = Date.now();
    const exited = await Promise.race([
      once(child, 'exit').then(([code]) => ({ code })),
      sleep(10_000).then(() => ({ code: 'still running' })),
    ]);
    if (exited.code === 'still running') child.kill('SIGKILL');
    expect(exited, stderr).toEqual({ code: 0 });
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(JSON.parse(stdout)).toEqual({ stopped: [{ state: 'idle' }, { state: 'idle' }] });
  }, 15_000);

  it('closes the socket cleanly and does not reconnect after stop()', async () => {
    const h = harness();
    h.client.start();
    await connected(h);
    await h.client.stop();
    await waitFor(async () => expect((await control.state()).openSockets).toBe(0));
    await sleep(150);
    expect(await socketRequests()).toHaveLength(1);
    h.client.reconnectNow(); // stopped: nothing to reopen
    await sleep(50);
    expect(await socketRequests()).toHaveLength(1);
    expect(kinds(h.states)).toEqual(['connecting', 'connected', 'idle']);
  });
});
