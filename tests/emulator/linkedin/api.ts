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
import { handleOrganization, handleOrganizationAcls } from './organizations';
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
  'li.organizationAcls': handleOrganizationAcls,
  'li.organization': handleOrganization,
};

const VERSION = /^\d{6}$/;

/**
 * OpenID userinfo: the member behind the token (the actor is `urn:li:person:<sub>`). Needs
 * openid; the names come with profile, the email with email.
 */
function userinfo(member: TokenRecord): ApiResponse {
  if (!member.scopes.includes('openid')) {
    return liError(403, 'Not enough permissions to access: userinfo.GET.NO_VERSION');
  }
  const profile = member.scopes.includes('profile');
  const email = member.scopes.includes('email');
  return jsonResponse(200, {
    sub: member.sub,
    ...(profile && {
      name: `${member.givenName} ${member.familyName}`,
      given_name: member.givenName,
      family_name: member.familyName,
      locale: { country: 'US', language: 'en' },
    }),
    ...(email && {
      email: `${member.givenName}.${member.familyName}@example.com`.toLowerCase(),
      email_verified: true,
    }),
  });
}

/** Why a token is refused (401), with LinkedIn's service error codes; null if it is good. */
function tokenRefusal(token: string | null, core: EmulatorCore): ApiResponse | null {
  const record = token ? core.auth.lookup(token) : undefined;
  if (!record) return liError(401, 'Invalid access token');
  switch (core.auth.statusOf(record)) {
    case 'expired':
      return liError(401, 'The token used in the request has expired', undefined, 65602);
    case 'revoked':
      return liError(
        401,
        'The token used in the request has been revoked by the user',
        undefined,
        65601,
      );
    case 'active':
      return null;
  }
}

/**
 * LinkedIn: token, then (for /rest) the version and protocol headers, the route, and the
 * member's daily limit.
 */
export function handleLinkedIn(
  route: RouteId | null,
  ctx: RequestContext,
  core: EmulatorCore,
): ApiResponse {
  const token = bearerToken(ctx.headers);
  const refusal = tokenRefusal(token, core);
  const member = token ? core.auth.lookup(token) : undefined;
  if (refusal || !member) return refusal ?? liError(401, 'Invalid access token');
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
  let response: ApiResponse;
  if (!handler) {
    response = liError(404, 'No virtual resource found');
  } else {
    const quota = core.dailyLimit.consume(member.sub);
    response = quota.allowed
      ? handler({ ctx, core, member, version })
      : liError(
          429,
          'Resource level throttle limit for calls to this resource is reached.',
          quota.retryAfterSeconds === undefined
            ? undefined
            : { 'Retry-After': String(quota.retryAfterSeconds) },
        );
  }
  return { ...response, headers: { 'X-RestLi-Protocol-Version': '2.0.0', ...response.headers } };
}
