/**
 * The little of the WebSocket API the client uses, so that both the browser's WebSocket and the
 * `ws` package's (Node tests) fit without adapters.
 */

export interface SocketMessageEvent {
  data: unknown;
}

export interface SocketCloseEvent {
  code: number;
}

export interface RealtimeSocket {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  addEventListener(type: 'open', listener: () => void): void;
  addEventListener(type: 'message', listener: (event: SocketMessageEvent) => void): void;
  addEventListener(type: 'close', listener: (event: SocketCloseEvent) => void): void;
  addEventListener(type: 'error', listener: () => void): void;
}

export type WebSocketConstructor = new (url: string) => RealtimeSocket;

/** readyState of an open socket, the same number in every implementation. */
export const SOCKET_OPEN = 1;

/** Where the `online` event is heard: globalThis in a browser or worker. */
export interface OnlineEvents {
  addEventListener(type: 'online', listener: () => void): void;
  removeEventListener(type: 'online', listener: () => void): void;
}

export function defaultWebSocket(): WebSocketConstructor {
  if (typeof globalThis.WebSocket !== 'function') {
    throw new Error('No global WebSocket here: pass WebSocketImpl');
  }
  return globalThis.WebSocket;
}

export function defaultOnlineEvents(): OnlineEvents | undefined {
  const target: Partial<OnlineEvents> = globalThis;
  return typeof target.addEventListener === 'function' &&
    typeof target.removeEventListener === 'function'
    ? (target as OnlineEvents)
    : undefined;
}

/** navigator.onLine is only trusted when it says "offline"; no navigator at all means online. */
export function defaultIsOnline(): boolean {
  return typeof navigator === 'undefined' || navigator.onLine !== false;
}
