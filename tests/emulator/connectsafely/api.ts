import type { EmulatorCore } from '../core';
import { type ApiResponse, bearerToken, type RequestContext } from '../http';
import { rateLimitHeaders } from '../rate-limit';
import type { RouteId } from '../types';
import { csError } from './errors';
import { type CsCall, handleAccounts, handleReact, handleStatus } from './handlers';

const HANDLERS: Partial<Record<RouteId, (call: CsCall) => ApiResponse>> = {
  'cs.react': handleReact,
  'cs.accounts': handleAccounts,
  'cs.status': handleStatus,
};

/** ConnectSafely: key check, then quota (headers on every answer after auth), then the route. */
export function handleConnectSafely(
  route: RouteId | null,
  ctx: RequestContext,
  core: EmulatorCore,
): ApiResponse {
  if (route === 'socket') return csError(426, 'This endpoint only accepts WebSocket upgrades');
  const apiKey = bearerToken(ctx.headers);
  if (!apiKey) return csError(401, 'Missing API key: send Authorization: Bearer <key>');
  if (!core.registry.hasKey(apiKey)) return csError(401, 'Invalid API key');

  const quota = core.rateLimiter.consume(apiKey);
  const quotaHeaders = rateLimitHeaders(quota);
  if (!quota.allowed) {
    return csError(429, 'Rate limit exceeded', {
      ...quotaHeaders,
      'Retry-After': String(quota.retryAfterSeconds),
    });
  }
  const handler = route ? HANDLERS[route] : undefined;
  const response = handler ? handler({ ctx, core, apiKey }) : csError(404, 'Not found');
  return { ...response, headers: { ...quotaHeaders, ...response.headers } };
}
