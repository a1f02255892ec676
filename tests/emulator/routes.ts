import type { RouteId } from './types';

/** Which error format and guard a path falls under. */
export type ApiName = 'connectSafely' | 'linkedin' | 'oauth' | 'control';

export const CONNECTSAFELY_BASE = '/linkedin';
export const SOCKET_PATH = '/linkedin/ws';
export const LINKEDIN_BASE = '/rest';
export const USERINFO_PATH = '/v2/userinfo';
export const OAUTH_BASE = '/oauth/v2';
export const AUTHORIZATION_PATH = `${OAUTH_BASE}/authorization`;
/** Where the consent page's form posts Allow or Cancel. */
export const CONSENT_PATH = `${OAUTH_BASE}/authorization/consent`;
export const ACCESS_TOKEN_PATH = `${OAUTH_BASE}/accessToken`;
export const CONTROL_BASE = '/__control';

const isUnder = (path: string, base: string): boolean =>
  path === base || path.startsWith(`${base}/`);

export function identifyApi(path: string): ApiName | null {
  if (isUnder(path, CONTROL_BASE)) return 'control';
  if (isUnder(path, CONNECTSAFELY_BASE)) return 'connectSafely';
  if (isUnder(path, '/oauth')) return 'oauth';
  if (isUnder(path, LINKEDIN_BASE) || isUnder(path, '/v2')) return 'linkedin';
  return null;
}

const REACTIONS = `${LINKEDIN_BASE}/reactions`;
const ORGANIZATIONS = `${LINKEDIN_BASE}/organizations`;

/**
 * The route a request targets, judged on the raw path and method only; whether its URNs and
 * keys are well formed is the handler's business (so a badly encoded key is a 400 of the right
 * route, not a 404).
 */
export function identifyRoute(method: string, path: string): RouteId | null {
  if (path === SOCKET_PATH) return method === 'GET' ? 'socket' : null;
  if (path.startsWith(`${CONNECTSAFELY_BASE}/conversations/`) && path.endsWith('/react')) {
    return method === 'POST' ? 'cs.react' : null;
  }
  if (path === `${CONNECTSAFELY_BASE}/accounts`) return method === 'GET' ? 'cs.accounts' : null;
  if (path === `${CONNECTSAFELY_BASE}/account/status`) return method === 'GET' ? 'cs.status' : null;
  if (path === USERINFO_PATH) return method === 'GET' ? 'li.userinfo' : null;
  if (path === AUTHORIZATION_PATH) return method === 'GET' ? 'li.authorize' : null;
  if (path === CONSENT_PATH) return method === 'POST' ? 'li.consent' : null;
  if (path === ACCESS_TOKEN_PATH) return method === 'POST' ? 'li.accessToken' : null;
  if (path === `${LINKEDIN_BASE}/organizationAcls`) {
    return method === 'GET' ? 'li.organizationAcls' : null;
  }
  if (path.startsWith(`${ORGANIZATIONS}/`)) return method === 'GET' ? 'li.organization' : null;
  if (path === REACTIONS) {
    if (method === 'POST') return 'li.create';
    return method === 'GET' ? 'li.batchGet' : null;
  }
  if (path.startsWith(`${REACTIONS}/`)) {
    const key = path.slice(REACTIONS.length + 1);
    if (method === 'DELETE') return 'li.delete';
    if (method !== 'GET') return null;
    // A finder key names only the entity; a single-reaction key names actor and entity.
    return key.startsWith('(entity:') && !key.includes('actor:') ? 'li.list' : 'li.get';
  }
  return null;
}
