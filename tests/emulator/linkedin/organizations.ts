import type { EmulatorCore } from '../core';
import type { OrganizationRecord, TokenRecord } from '../credentials';
import { type ApiResponse, jsonResponse } from '../http';
import { ORGANIZATION_ROLES, ROLE_STATES } from '../types';
import { liError } from './errors';
import type { LiCall } from './reactions';

/** The roles that may react (and post, and comment) for a page, with w_organization_social. */
const REACTING_ROLES = new Set([
  'ADMINISTRATOR',
  'DIRECT_SPONSORED_CONTENT_POSTER',
  'RECRUITING_POSTER',
]);
const ORGANIZATION_ACTOR = /^urn:li:organization:(\d+)$/;

const hasScope = (member: TokenRecord, ...scopes: string[]) =>
  scopes.some((scope) => member.scopes.includes(scope));

/**
 * Whether this token may write reactions as `actor`: as its own member with w_member_social, or
 * as a page with w_organization_social where the member holds an approved reacting role. The
 * answer's message names the actor or the missing permission, as LinkedIn's 403s do.
 */
export function writeRefusal(
  core: EmulatorCore,
  member: TokenRecord,
  actor: string,
  method: 'CREATE' | 'DELETE',
  version: string,
): ApiResponse | null {
  const page = ORGANIZATION_ACTOR.exec(actor)?.[1];
  if (page === undefined) {
    if (actor !== member.actor) return liError(403, `Not enough permissions to act as ${actor}`);
    return hasScope(member, 'w_member_social')
      ? null
      : liError(403, `Not enough permissions to access: reactions.${method}.${version}`);
  }
  if (!hasScope(member, 'w_organization_social')) {
    return liError(403, `Not enough permissions to access: reactions.${method}.${version}`);
  }
  const allowed = core.registry
    .organization(page)
    ?.roles.some(
      (role) =>
        role.sub === member.sub && role.state === 'APPROVED' && REACTING_ROLES.has(role.role),
    );
  return allowed ? null : liError(403, `Not enough permissions to act as ${actor}`);
}

function nonNegativeInt(value: string | null, fallback: number): number | null {
  if (value === null) return fallback;
  return /^\d+$/.test(value) ? Number(value) : null;
}

/**
 * `GET /rest/organizationAcls?q=roleAssignee[&role=…][&state=…][&start&count]`: the token's
 * member's roles on pages. Needs rw_organization_admin or r_organization_admin.
 */
export function handleOrganizationAcls({ ctx, core, member, version }: LiCall): ApiResponse {
  if (!hasScope(member, 'rw_organization_admin', 'r_organization_admin')) {
    return liError(
      403,
      `Not enough permissions to access: organizationAcls.FINDER-roleAssignee.${version}`,
    );
  }
  const query = ctx.query;
  if (query.get('q') !== 'roleAssignee') return liError(400, 'The finder needs q=roleAssignee');
  const role = query.get('role');
  if (role !== null && !(ORGANIZATION_ROLES as readonly string[]).includes(role)) {
    return liError(400, `role must be one of ${ORGANIZATION_ROLES.join(', ')}`);
  }
  const state = query.get('state');
  if (state !== null && !(ROLE_STATES as readonly string[]).includes(state)) {
    return liError(400, `state must be one of ${ROLE_STATES.join(', ')}`);
  }
  const start = nonNegativeInt(query.get('start'), 0);
  const count = nonNegativeInt(query.get('count'), 10);
  if (start === null || count === null) {
    return liError(400, 'start and count must be non-negative integers');
  }
  const all = core.registry.allOrganizations().flatMap((page) =>
    page.roles
      .filter(
        (entry) =>
          entry.sub === member.sub &&
          (role === null || entry.role === role) &&
          (state === null || entry.state === state),
      )
      .map((entry) => ({
        organization: page.urn,
        roleAssignee: member.actor,
        role: entry.role,
        state: entry.state,
      })),
  );
  return jsonResponse(200, {
    elements: all.slice(start, start + count),
    paging: { count, start, total: all.length, links: [] },
  });
}

function organizationBody(page: OrganizationRecord) {
  return {
    id: Number(page.id),
    localizedName: page.localizedName,
    vanityName: page.vanityName,
    name: {
      localized: { en_US: page.localizedName },
      preferredLocale: { country: 'US', language: 'en' },
    },
  };
}

/** `GET /rest/organizations/{id}`: a page's names. */
export function handleOrganization({ ctx, core }: LiCall): ApiResponse {
  const id = ctx.path.slice('/rest/organizations/'.length);
  if (!/^\d+$/.test(id)) return liError(400, `${id} is not a valid organization id`);
  const page = core.registry.organization(id);
  return page ? jsonResponse(200, organizationBody(page)) : liError(404, 'Organization not found');
}
