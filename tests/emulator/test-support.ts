/** Shared helpers of the emulator's own tests: a fresh emulator per test, fetch and socket helpers. */
import { afterEach, beforeEach } from 'vitest';
import { WebSocket } from 'ws';
import { EmulatorControl } from './client';
import { DEMO_CREDENTIALS } from './demo';
import { buildMessageFixture } from './fixtures';
import { startEmulator } from './server';
import type { Emulator, EmulatorOptions } from './types';

export interface EmulatorHandle {
  emulator: Emulator;
  control: EmulatorControl;
}

/** Starts an emulator on a free port before each test and closes it after. */
export function useEmulator(options: EmulatorOptions = {}): EmulatorHandle {
  const handle = {} as EmulatorHandle;
  beforeEach(async () => {
    handle.emulator = await startEmulator({ port: 0, ...options });
    handle.control = new EmulatorControl(handle.emulator.urls.controlUrl);
  });
  afterEach(async () => {
    await handle.emulator.close();
  });
  return handle;
}

export const MESSAGE = buildMessageFixture({ profileId: DEMO_CREDENTIALS.mailboxProfileId });
export const OTHER_THREAD_MESSAGE = buildMessageFixture({
  profileId: DEMO_CREDENTIALS.mailboxProfileId,
  threadUuid: '7d1e9b20-4c3a-4f5e-8a6b-1c2d3e4f5a6b',
  shard: 101,
});

export const LINKEDIN_VERSION = '202510';

interface CallInit {
  method?: string;
  /** Sent as JSON unless a string. */
  body?: unknown;
  headers?: Record<string, string>;
}

function toRequestInit(init: CallInit, defaultHeaders: Record<string, string>): RequestInit {
  const headers: Record<string, string> = { ...defaultHeaders, ...init.headers };
  let body: string | undefined;
  if (init.body !== undefined) {
    body = typeof init.body === 'string' ? init.body : JSON.stringify(init.body);
    headers['Content-Type'] ??= 'application/json';
  }
  return { method: init.method ?? 'GET', headers, body };
}

/** A ConnectSafely call with the demo key unless `headers.Authorization` says otherwise. */
export function csFetch(emulator: Emulator, path: string, init: CallInit = {}): Promise<Response> {
  const auth = { Authorization: `Bearer ${emulator.credentials.connectSafelyKey}` };
  return fetch(`${emulator.urls.connectSafelyUrl}${path}`, toRequestInit(init, auth));
}

/** A LinkedIn call with the demo token and the two required headers, unless overridden. */
export function liFetch(emulator: Emulator, path: string, init: CallInit = {}): Promise<Response> {
  const defaults = {
    Authorization: `Bearer ${emulator.credentials.linkedinToken}`,
    'LinkedIn-Version': LINKEDIN_VERSION,
    'X-Restli-Protocol-Version': '2.0.0',
  };
  const origin = emulator.urls.linkedinUrl.replace(/\/rest$/, '');
  return fetch(`${origin}${path}`, toRequestInit(init, defaults));
}

/** A `ws` client that queues incoming frames so tests can await them in order. */
export class TestSocket {
  private readonly queue: unknown[] = [];
  private readonly waiters: Array<(frame: unknown) => void> = [];
  readonly closed: Promise<{ code: number; reason: string }>;

  private constructor(readonly socket: WebSocket) {
    socket.on('message', (data) => {
      const frame: unknown = JSON.parse(String(data));
      const waiter = this.waiters.shift();
      if (waiter) waiter(frame);
      else this.queue.push(frame);
    });
    this.closed = new Promise((resolve) => {
      socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() }));
    });
  }

  static open(url: string): Promise<TestSocket> {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(url);
      const wrapper = new TestSocket(socket);
      socket.once('open', () => resolve(wrapper));
      socket.once('error', reject);
    });
  }

  /** Opens and authenticates; resolves with the socket and its ready frame. */
  static async ready(
    url: string,
    apiKey: string,
    resumeFrom: number | null = null,
  ): Promise<{ socket: TestSocket; ready: unknown }> {
    const socket = await TestSocket.open(url);
    socket.send({ type: 'auth', apiKey, resumeFrom });
    return { socket, ready: await socket.next() };
  }

  send(frame: unknown): void {
    this.socket.send(typeof frame === 'string' ? frame : JSON.stringify(frame));
  }

  next(timeoutMs = 2000): Promise<unknown> {
    const queued = this.queue.shift();
    if (queued !== undefined) return Promise.resolve(queued);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        const index = this.waiters.indexOf(waiter);
        if (index >= 0) this.waiters.splice(index, 1);
        reject(new Error('No frame arrived in time'));
      }, timeoutMs);
      const waiter = (frame: unknown) => {
        clearTimeout(timer);
        resolve(frame);
      };
      this.waiters.push(waiter);
    });
  }

  /** Resolves with whatever arrived within `ms` (nothing, ideally). */
  async drain(ms = 150): Promise<unknown[]> {
    await new Promise((resolve) => setTimeout(resolve, ms));
    return this.queue.splice(0);
  }

  close(): void {
    this.socket.close();
  }
}

/** Tries to open a socket the server should refuse; resolves with the HTTP status (0: none). */
export function upgradeStatus(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url);
    socket.on('unexpected-response', (request, response) => {
      resolve(response.statusCode ?? -1);
      request.destroy();
    });
    // A dropped connection (no HTTP answer at all) reads as status 0.
    socket.on('error', () => resolve(0));
    socket.on('open', () => {
      socket.close();
      reject(new Error('The upgrade was accepted'));
    });
  });
}
