import type { EmulatorCore } from '../core';
import type { TokenRecord } from '../credentials';
import {
  type ApiResponse,
  bearerToken,
  headerValue,
  jsonResponse,
  type RequestContext,
} from '../http';
import { LINKEDIN_BASE } from '../routes';
import type { RouteId } from '../types';
import { liError } from './errors';
import {
  handleBatchGet,
  handleCreate,
  handleDelete,
  handleGet,
  handleList,
  type LiCall,
} from './reactions';

const HANDLERS: Partial<Record<RouteId, (call: LiCall) => ApiResponse>> = {
  'li.create': handleCreate,
  'li.delete': handleDelete,
  'li.get': handleGet,
  'li.batchGet': handleBatchGet,
  'li.list': handleList,
};

const VERSION = /^\d{6}$/;

/** OpenID userinfo: the member behind the token (the actor is `urn:li:person:<sub>`). */
function userinfo(member: TokenRecord): ApiResponse {
  return jsonResponse(200, {
    sub: member.sub,
    name: `${member.givenName} ${member.familyName}`,
    given_name: member.givenName,
    family_name: member.familyName,
    locale: { country: 'US', language: 'en' },
    email_verified: true,
  });
}

/** LinkedIn: token, then (for /rest) the version and protocol headers, then the route. */
export function handleLinkedIn(
  route: RouteId | null,
  ctx: RequestContext,
  core: EmulatorCore,
): ApiResponse {
  const token = bearerToken(ctx.headers);
  const member = token ? core.registry.tokenRecord(token) : undefined;
  if (!member) return liError(401, 'Invalid access token');
  if (route === 'li.userinfo') return userinfo(member);
  if (!ctx.path.startsWith(`${LINKEDIN_BASE}/`)) return liError(404, 'No virtual resource found');

  const version = headerValue(ctx.headers, 'linkedin-version');
  if (!version) return liError(400, 'A version must be given in the LinkedIn-Version header');
  if (!VERSION.test(version)) {
    return liError(400, `LinkedIn-Version ${version} must be formatted YYYYMM`);
  }
  const protocol = headerValue(ctx.headers, 'x-restli-protocol-version');
  if (protocol !== '2.0.0') {
    return liError(400, 'X-Restli-Protocol-Version: 2.0.0 is required');
  }
  const handler = route ? HANDLERS[route] : undefined;
  const response = handler
    ? handler({ ctx, core, member, version })
    : liError(404, 'No virtual resource found');
  return { ...response, headers: { 'X-RestLi-Protocol-Version': '2.0.0', ...response.headers } };
}
