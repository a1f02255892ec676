import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createCore } from './core';
import { RealtimeSocketServer } from './realtime/socket-server';
import { createRequestHandler } from './request-handler';
import { CONNECTSAFELY_BASE, CONTROL_BASE, LINKEDIN_BASE, OAUTH_BASE, SOCKET_PATH } from './routes';
import type { Emulator, EmulatorOptions, EmulatorUrls } from './types';

export {
  DEMO_CREDENTIALS,
  DEMO_KEYS,
  DEMO_OAUTH_CLIENTS,
  DEMO_ORGANIZATIONS,
  DEMO_TOKENS,
} from './demo';
export type * from './types';
export { LINKEDIN_REACTION_TYPES, ORGANIZATION_ROLES, ROUTE_IDS } from './types';

const DEFAULT_AUTH_TIMEOUT_MS = 10_000;

function urlsFor(host: string, port: number): EmulatorUrls {
  // A wildcard bind is still reached through loopback, which the control interface requires.
  const reachable = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  const authority = reachable.includes(':') ? `[${reachable}]:${port}` : `${reachable}:${port}`;
  return {
    connectSafelyUrl: `http://${authority}${CONNECTSAFELY_BASE}`,
    socketUrl: `ws://${authority}${SOCKET_PATH}`,
    linkedinUrl: `http://${authority}${LINKEDIN_BASE}`,
    linkedinOAuthUrl: `http://${authority}${OAUTH_BASE}`,
    controlUrl: `http://${authority}${CONTROL_BASE}`,
  };
}

/**
 * Starts the emulator of ConnectSafely, LinkedIn's Reactions API and OAuth, and the realtime
 * socket on one port. Without options: a free port on 127.0.0.1 and the demo credentials.
 */
export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const host = options.host ?? '127.0.0.1';
  const core = createCore(options);
  const sockets = new RealtimeSocketServer(
    core,
    options.socketAuthTimeoutMs ?? DEFAULT_AUTH_TIMEOUT_MS,
  );
  const handleRequest = createRequestHandler({ core, sockets });
  const server = createServer((req, res) => {
    handleRequest(req, res).catch(() => res.destroy());
  });
  server.on('upgrade', (req, socket, head) => {
    sockets.handleUpgrade(req, socket, head).catch(() => socket.destroy());
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;

  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= (async () => {
      await sockets.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    })();
    return closing;
  };

  return {
    port,
    urls: urlsFor(host, port),
    credentials: core.registry.primaryCredentials(),
    close,
  };
}
