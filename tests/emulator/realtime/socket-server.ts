import { type IncomingMessage, STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer } from 'ws';
import { csDefaultErrorBody } from '../connectsafely/errors';
import type { EmulatorCore } from '../core';
import { sleep, splitRawUrl } from '../http';
import { flattenHeaders, queryToRecord } from '../request-log';
import { identifyRoute } from '../routes';
import type { RouteId } from '../types';
import { AuthFrame, CLOSE_CODES, PingFrame, parseFrame } from './frames';

interface Session {
  socket: WebSocket;
  /** Set once the auth frame is accepted. */
  apiKey: string | null;
  authTimer: NodeJS.Timeout;
  unsubscribe?: () => void;
}

/** Writes a plain HTTP answer on a socket that asked to upgrade, then hangs up. */
function rejectUpgrade(socket: Duplex, status: number, body: unknown, retryAfter?: number): void {
  const text = JSON.stringify(body);
  const lines = [
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Error'}`,
    'Connection: close',
    'Content-Type: application/json; charset=utf-8',
    `Content-Length: ${Buffer.byteLength(text)}`,
    ...(retryAfter === undefined ? [] : [`Retry-After: ${retryAfter}`]),
  ];
  socket.end(`${lines.join('\r\n')}\r\n\r\n${text}`);
}

/** The realtime socket at /linkedin/ws: upgrade faults, the auth handshake, replay and events. */
export class RealtimeSocketServer {
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  private readonly sessions = new Set<Session>();

  constructor(
    private readonly core: EmulatorCore,
    private readonly authTimeoutMs: number,
  ) {}

  async handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    socket.on('error', () => socket.destroy());
    const { path, rawQuery } = splitRawUrl(req.url ?? '/');
    const route = identifyRoute(req.method ?? 'GET', path);
    const record = (status: number, injected = false) =>
      this.core.log.add({
        route,
        method: req.method ?? 'GET',
        path,
        query: queryToRecord(new URLSearchParams(rawQuery)),
        rawQuery,
        headers: flattenHeaders(req.headers),
        body: null,
        status,
        at: this.core.now(),
        injected,
      });

    if (route !== 'socket') {
      record(404);
      rejectUpgrade(socket, 404, { error: 'Not found' });
      return;
    }
    const latency = this.core.faults.latencyFor(route);
    if (latency > 0) await sleep(latency);
    if (socket.destroyed) return;
    if (this.core.faults.socketMode === 'refuse') {
      record(503);
      rejectUpgrade(socket, 503, { error: 'Service unavailable' });
      return;
    }
    if (this.rejectedByInjectedFailure(route, socket, record)) return;
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      record(101);
      this.attach(ws);
    });
  }

  private rejectedByInjectedFailure(
    route: RouteId,
    socket: Duplex,
    record: (status: number, injected: boolean) => void,
  ): boolean {
    const failure = this.core.faults.takeFailure(route);
    if (!failure) return false;
    record(failure.status, true);
    if (failure.status === 0) socket.destroy();
    else {
      const body = failure.body ?? csDefaultErrorBody(failure.status);
      rejectUpgrade(socket, failure.status, body, failure.retryAfterSeconds);
    }
    return true;
  }

  private attach(socket: WebSocket): void {
    const session: Session = {
      socket,
      apiKey: null,
      authTimer: setTimeout(
        () => socket.close(CLOSE_CODES.authTimeout, 'Auth timeout'),
        this.authTimeoutMs,
      ),
    };
    this.sessions.add(session);
    socket.on('message', (data, isBinary) => this.onFrame(session, parseFrame(data, isBinary)));
    socket.on('close', () => {
      clearTimeout(session.authTimer);
      session.unsubscribe?.();
      this.sessions.delete(session);
    });
    socket.on('error', () => socket.terminate());
  }

  private onFrame(session: Session, frame: unknown): void {
    if (session.socket.readyState !== WebSocket.OPEN) return;
    if (session.apiKey === null) {
      this.authenticate(session, frame);
      return;
    }
    if (PingFrame.safeParse(frame).success) {
      send(session.socket, { type: 'pong' });
      return;
    }
    // Never fatal after auth: a confused client keeps its socket and learns why.
    const message = AuthFrame.safeParse(frame).success ? 'Already authenticated' : 'Unknown frame';
    send(session.socket, { type: 'error', message });
  }

  private authenticate(session: Session, frame: unknown): void {
    clearTimeout(session.authTimer);
    const auth = AuthFrame.safeParse(frame);
    if (!auth.success) {
      session.socket.close(CLOSE_CODES.badAuthFrame, 'First frame must be an auth frame');
      return;
    }
    const { apiKey, resumeFrom } = auth.data;
    if (!this.core.registry.hasKey(apiKey)) {
      session.socket.close(CLOSE_CODES.badKey, 'Invalid API key');
      return;
    }
    session.apiKey = apiKey;
    // Ready, replay and subscription happen in one tick, so no event can fall between them.
    send(session.socket, { type: 'ready', seq: this.core.events.latestSeq(apiKey) });
    if (resumeFrom !== null) {
      for (const event of this.core.events.eventsAfter(apiKey, resumeFrom)) {
        send(session.socket, event);
      }
    }
    session.unsubscribe = this.core.events.subscribe(apiKey, (event) =>
      send(session.socket, event),
    );
  }

  /** Open sockets, authenticated or not. */
  openCount(): number {
    return this.sessions.size;
  }

  /** Kills every open socket without a close frame (the client sees 1006). */
  dropAll(): number {
    const count = this.sessions.size;
    for (const session of this.sessions) session.socket.terminate();
    return count;
  }

  /** Sends a frame verbatim to every authenticated socket (of one key, if given). */
  sendRaw(raw: string, apiKey?: string): number {
    let sent = 0;
    for (const session of this.sessions) {
      if (session.apiKey === null || (apiKey !== undefined && session.apiKey !== apiKey)) continue;
      if (session.socket.readyState !== WebSocket.OPEN) continue;
      session.socket.send(raw);
      sent += 1;
    }
    return sent;
  }

  /** Closes every socket with a close frame, terminating those that do not answer quickly. */
  async closeAll(code: number, reason: string): Promise<number> {
    const sockets = [...this.sessions].map((session) => session.socket);
    const closed = sockets.map(
      (socket) =>
        new Promise<void>((resolve) => {
          if (socket.readyState === WebSocket.CLOSED) resolve();
          else socket.once('close', () => resolve());
        }),
    );
    for (const socket of sockets) socket.close(code, reason);
    const timer = setTimeout(() => {
      for (const socket of sockets) socket.terminate();
    }, 500);
    await Promise.all(closed);
    clearTimeout(timer);
    return sockets.length;
  }

  async close(): Promise<void> {
    await this.closeAll(CLOSE_CODES.goingAway, 'Emulator shutting down');
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }
}

function send(socket: WebSocket, frame: unknown): void {
  if (socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify(frame));
}
