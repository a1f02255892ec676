/**
 * The realtime socket of one API key, as the background worker uses it: connects, authenticates,
 * resumes from the persisted cursor, hands each new event on once and in order, keeps the worker
 * alive with pings, and reconnects with backoff unless the key was refused.
 */
import type { RealtimeState } from '../../../accounts/types';
import { type BackoffOptions, backoffDelay, DEFAULT_BACKOFF } from '../../../backoff';
import { createInbox, type RealtimeCursor, type RealtimeLog, type SeenEventIds } from './inbox';
import {
  defaultIsOnline,
  defaultOnlineEvents,
  defaultWebSocket,
  type OnlineEvents,
  type RealtimeSocket,
  SOCKET_OPEN,
  type WebSocketConstructor,
} from './socket';
import { authFrame, CLOSE_CODES, parseServerFrame, pingFrame, type RealtimeEvent } from './wire';

export type { BackoffOptions } from '../../../backoff';
export type { RealtimeCursor, RealtimeLog, SeenEventIds } from './inbox';
export type { OnlineEvents, RealtimeSocket, WebSocketConstructor } from './socket';
export type { RealtimeEvent } from './wire';

/** Browsers end an idle extension worker after 30 s; only application messages count. */
export const DEFAULT_PING_INTERVAL_MS = 20_000;
export const DEFAULT_PONG_TIMEOUT_MS = 10_000;

export interface RealtimeClientOptions {
  url: string;
  apiKey: string;
  cursor: RealtimeCursor;
  seen: SeenEventIds;
  /** Called once per new event, in seq order; the next one waits until this one resolved. */
  onEvent(event: RealtimeEvent): Promise<void> | void;
  onState(state: RealtimeState): void;
  /** Default globalThis.WebSocket (Node 20 has none: pass the `ws` package's). */
  WebSocketImpl?: WebSocketConstructor;
  pingIntervalMs?: number;
  /** How long the server may take to answer (ready after connecting, pong after a ping). */
  pongTimeoutMs?: number;
  backoff?: BackoffOptions;
  random?: () => number;
  now?: () => number;
  isOnline?: () => boolean;
  /** Where `online` is heard; default globalThis when it has addEventListener. */
  onlineEvents?: OnlineEvents;
  /** Never receives the key nor whole frames. */
  log?: RealtimeLog;
}

export interface RealtimeClient {
  start(): void;
  /** Closes the socket and cancels timers; resolves once an event being handled is done. */
  stop(): Promise<void>;
  /**
   * Connects at once, cancelling a pending retry (after the key was re-checked, or from an alarm
   * once the worker was restarted). A no-op while connecting or connected, or when stopped.
   */
  reconnectNow(): void;
  readonly state: RealtimeState;
}

const defaultLog: RealtimeLog = (message, details) => {
  console.debug(`[realtime] ${message}`, details ?? '');
};

const sameState = (a: RealtimeState, b: RealtimeState): boolean =>
  JSON.stringify(a) === JSON.stringify(b);

export function createRealtimeClient(options: RealtimeClientOptions): RealtimeClient {
  const WebSocketImpl = options.WebSocketImpl ?? defaultWebSocket();
  const pingIntervalMs = options.pingIntervalMs ?? DEFAULT_PING_INTERVAL_MS;
  const pongTimeoutMs = options.pongTimeoutMs ?? DEFAULT_PONG_TIMEOUT_MS;
  const backoff = options.backoff ?? DEFAULT_BACKOFF;
  const random = options.random ?? Math.random;
  const now = options.now ?? Date.now;
  const isOnline = options.isOnline ?? defaultIsOnline;
  const onlineEvents = options.onlineEvents ?? defaultOnlineEvents();
  const log = options.log ?? defaultLog;

  let running = false;
  let current: RealtimeState = { state: 'idle' };
  let socket: RealtimeSocket | null = null;
  // True while the cursor loads, before the socket exists: counts as "connecting".
  let preparing = false;
  // Failed attempts since the last `ready`: the backoff exponent.
  let attempt = 0;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let pingTimer: ReturnType<typeof setInterval> | undefined;
  // Armed while the server owes an answer (ready or pong); firing means the socket is dead.
  let answerTimer: ReturnType<typeof setTimeout> | undefined;

  const inbox = createInbox({
    cursor: options.cursor,
    seen: options.seen,
    onEvent: options.onEvent,
    log,
    onFailure(error, consecutiveFailures) {
      log('Handling an event failed; reconnecting to have it replayed', {
        error: error instanceof Error ? error.message : String(error),
      });
      // A poison event fails on every replay: let the failures grow the backoff, although
      // each successful `ready` resets it.
      attempt = Math.max(attempt, consecutiveFailures);
      if (socket) abandonSocket(CLOSE_CODES.unresponsive, 'Replay needed');
    },
  });

  function setState(next: RealtimeState): void {
    if (sameState(current, next)) return;
    current = next;
    try {
      options.onState(next);
    } catch (error) {
      // A listener's bug must not break the connection logic that called it.
      log('onState threw', { error: String(error) });
    }
  }

  function clearRetry(): void {
    if (retryTimer !== undefined) clearTimeout(retryTimer);
    retryTimer = undefined;
  }

  function clearAnswerTimer(): void {
    if (answerTimer !== undefined) clearTimeout(answerTimer);
    answerTimer = undefined;
  }

  /** Forgets the socket (its late events are ignored) and its timers. */
  function detachSocket(): RealtimeSocket | null {
    const detached = socket;
    socket = null;
    if (pingTimer !== undefined) clearInterval(pingTimer);
    pingTimer = undefined;
    clearAnswerTimer();
    return detached;
  }

  function scheduleRetry(): void {
    clearRetry();
    const delay = backoffDelay(attempt, backoff, random);
    attempt += 1;
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      void connect();
    }, delay);
    setState(isOnline() ? { state: 'reconnecting', retryAt: now() + delay } : { state: 'offline' });
  }

  /** Closes a socket we gave up on without waiting for its close event, then retries. */
  function abandonSocket(code: number, reason: string): void {
    const abandoned = detachSocket();
    try {
      abandoned?.close(code, reason);
    } catch (error) {
      log('Closing the socket failed', { error: String(error) });
    }
    if (running) scheduleRetry();
  }

  function armAnswerTimer(waitingFor: string): void {
    if (answerTimer !== undefined) return;
    answerTimer = setTimeout(() => {
      answerTimer = undefined;
      log('The server did not answer in time; reconnecting', { waitingFor });
      abandonSocket(CLOSE_CODES.unresponsive, 'No answer');
    }, pongTimeoutMs);
  }

  function sendFrame(target: RealtimeSocket, frame: string): void {
    if (target.readyState !== SOCKET_OPEN) return;
    try {
      target.send(frame);
    } catch (error) {
      log('Sending a frame failed', { error: String(error) });
    }
  }

  function handleFrame(data: unknown): void {
    const frame = parseServerFrame(data);
    if (!frame) {
      // The length only: frames are never logged whole.
      log('Ignored a frame', { length: typeof data === 'string' ? data.length : null });
      return;
    }
    switch (frame.kind) {
      case 'ready':
        clearAnswerTimer();
        attempt = 0;
        setState({ state: 'connected', since: now() });
        inbox.acceptReady(frame.latestSeq);
        break;
      case 'event':
        inbox.acceptEvent(frame.event);
        break;
      case 'pong':
        clearAnswerTimer();
        break;
    }
  }

  function handleClose(code: number): void {
    detachSocket();
    if (!running) return;
    if (code === CLOSE_CODES.unauthorized) {
      // Retrying the same key is pointless: wait for reconnectNow() after it was re-checked.
      log('The server refused the key');
      clearRetry();
      setState({ state: 'unauthorized' });
      return;
    }
    log('The socket closed', { code });
    scheduleRetry();
  }

  function openSocket(): void {
    let opened: RealtimeSocket;
    try {
      opened = new WebSocketImpl(options.url);
    } catch (error) {
      log('Could not create the socket', { error: String(error) });
      scheduleRetry();
      return;
    }
    socket = opened;
    // Every listener checks it still owns the client's socket: an abandoned one is ignored.
    const owns = () => socket === opened;
    armAnswerTimer('ready');
    opened.addEventListener('open', () => {
      if (!owns()) return;
      // Resume from the latest position, which may have moved while the socket opened.
      sendFrame(opened, authFrame(options.apiKey, inbox.position));
      pingTimer = setInterval(() => {
        if (!owns()) return;
        sendFrame(opened, pingFrame());
        armAnswerTimer('pong');
      }, pingIntervalMs);
    });
    opened.addEventListener('message', (event) => {
      if (owns()) handleFrame(event.data);
    });
    opened.addEventListener('close', (event) => {
      if (owns()) handleClose(event.code);
    });
    // A close event always follows an error; this listener also keeps `ws` from throwing.
    opened.addEventListener('error', () => {
      if (owns()) log('Socket error');
    });
  }

  async function connect(): Promise<void> {
    clearRetry();
    if (!running || socket || preparing) return;
    if (!isOnline()) {
      scheduleRetry();
      return;
    }
    preparing = true;
    setState({ state: 'connecting' });
    try {
      await inbox.load();
    } catch (error) {
      preparing = false;
      log('Loading the cursor failed', { error: String(error) });
      if (running) scheduleRetry();
      return;
    }
    preparing = false;
    if (!running || socket) return;
    openSocket();
  }

  const handleOnline = (): void => {
    if (current.state === 'offline' || current.state === 'reconnecting') void connect();
  };

  return {
    start() {
      if (running) return;
      running = true;
      attempt = 0;
      onlineEvents?.addEventListener('online', handleOnline);
      void connect();
    },

    async stop() {
      running = false;
      clearRetry();
      onlineEvents?.removeEventListener('online', handleOnline);
      const closing = detachSocket();
      try {
        closing?.close(CLOSE_CODES.normal, 'Client stopped');
      } catch (error) {
        log('Closing the socket failed', { error: String(error) });
      }
      // Queued events are not lost: the cursor did not pass them, so they are replayed.
      inbox.discardPending();
      setState({ state: 'idle' });
      await inbox.idle();
    },

    reconnectNow() {
      if (!running || socket || preparing) return;
      attempt = 0;
      void connect();
    },

    get state() {
      return current;
    },
  };
}
