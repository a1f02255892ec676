/**
 * LinkedIn's REST API (Reactions, organization roles and names) and OpenID userinfo, as the
 * background calls them with a member's access token. Every answer is validated; every failure
 * becomes a ServiceError of one of the engine's failure kinds (failureFor is the one place that
 * decides which), with LinkedIn's own words kept in `detail` for the history.
 *
 * Wire format: Rest.li 2.0 (`X-Restli-Protocol-Version: 2.0.0`), so in a compound key such as
 * `(actor:…,entity:…)` the structure is literal and each value is percent-encoded, parentheses
 * included (restliValue).
 */
import { z } from 'zod';
import { type BackoffOptions, backoffCeiling } from '../../backoff';
import { type Failure, REQUEST_TIMEOUT_MS, ServiceError } from '../../engine/types';
import { REACTION_TYPES, type ReactionType } from '../../kinds/registry';

/** The company page roles that may react for a page (LinkedIn's w_organization_social rule). */
export const ORGANIZATION_ROLES = [
  'ADMINISTRATOR',
  'DIRECT_SPONSORED_CONTENT_POSTER',
  'RECRUITING_POSTER',
] as const;
export type OrganizationRole = (typeof ORGANIZATION_ROLES)[number];

/**
 * Waits after a 429 that names no time. LinkedIn's limits are daily and it rarely says when they
 * end: a minute after the first 429, doubling with each one in a row, never more than an hour.
 */
export const RATE_LIMIT_BACKOFF: BackoffOptions = { initialMs: 60_000, maxMs: 3_600_000 };

/**
 * How many 429s in a row one token has met. Shared by every client of that token (the background
 * keeps one per token), so the wait grows across requests; any other answer ends the streak.
 */
export interface ThrottleStreak {
  count: number;
}

export function createThrottleStreak(): ThrottleStreak {
  return { count: 0 };
}

export interface LinkedInClientOptions {
  /** The versioned REST base, e.g. https://api.linkedin.com/rest. */
  restUrl: string;
  /** OpenID userinfo, e.g. https://api.linkedin.com/v2/userinfo. */
  userinfoUrl: string;
  /** The `LinkedIn-Version` header, YYYYMM. */
  version: string;
  accessToken: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
  now?: () => number;
  /** This token's streak of 429s; a client of its own when absent. */
  throttle?: ThrottleStreak;
}

/** One member's (or page's) reaction slot on one post or comment. */
export interface ReactionKey {
  /** `urn:li:person:<id>` or `urn:li:organization:<id>`. */
  actor: string;
  /** The post's activity, share or ugcPost URN, or a full comment URN. */
  entity: string;
}

export interface CreateReactionCall extends ReactionKey {
  reactionType: ReactionType;
}

/**
 * What a create did: made (or, on a service that replaces, switched) the reaction; or nothing,
 * because the actor already has a reaction there and the service answered 409 Conflict.
 */
export type CreateOutcome = 'created' | 'conflict';

/** What a delete did: removed the reaction, or found none (404: what was asked is true). */
export type DeleteOutcome = 'deleted' | 'absent';

/** The member behind the token. The name is for showing now: LinkedIn forbids storing it. */
export interface LinkedInMember {
  sub: string;
  /** `urn:li:person:<sub>`, the actor a member reacts as. */
  actor: string;
  name: string | null;
}

/** A page the member may react for, with the roles that allow it. */
export interface OrganizationAccess {
  /** `urn:li:organization:<id>`. */
  urn: string;
  id: string;
  roles: OrganizationRole[];
}

export interface OrganizationInfo {
  urn: string;
  id: string;
  /** For showing now, not for storing. */
  name: string;
}

/** Which call failed: decides the permission a 403 names and what a 404 means. */
type Operation =
  | { name: 'create'; actor: string }
  | { name: 'delete'; actor: string }
  | { name: 'read-reactions'; actor: string }
  | { name: 'userinfo' }
  | { name: 'organization-acls' }
  | { name: 'organization' };

const PERSON_SUB = /^[A-Za-z0-9_-]+$/;
const ORGANIZATION_URN = /^urn:li:organization:(\d+)$/;
const BATCH_SIZE = 25;
const ACL_PAGE_SIZE = 50;
const ACL_MAX_PAGES = 20;

const errorBody = z.object({
  status: z.number().optional(),
  message: z.string(),
  serviceErrorCode: z.number().optional(),
});
const reactionAnswer = z.object({ reactionType: z.string(), root: z.string() });
const batchAnswer = z.object({
  statuses: z.record(z.string(), z.number()).optional(),
  results: z.record(z.string(), reactionAnswer).optional(),
  errors: z.record(z.string(), z.unknown()).optional(),
});
const userinfoAnswer = z.object({
  sub: z.string().regex(PERSON_SUB),
  name: z.string().nullish(),
  given_name: z.string().nullish(),
  family_name: z.string().nullish(),
});
const aclAnswer = z.object({
  elements: z.array(
    z.object({
      organization: z.string(),
      role: z.string(),
      state: z.string().optional(),
    }),
  ),
  paging: z
    .object({ start: z.number().optional(), count: z.number().optional(), total: z.number() })
    .partial()
    .optional(),
});
const organizationAnswer = z.object({
  id: z.union([z.number(), z.string()]).optional(),
  localizedName: z.string(),
});

/**
 * A Rest.li 2.0 key or parameter value: `encodeURIComponent`, plus the characters it leaves raw
 * that Rest.li reserves or URLs treat specially (`(`, `)`, `'`, `!`, `*`), so that a comment
 * URN's parentheses cannot break the key's structure.
 */
export function restliValue(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** `(actor:<encoded>,entity:<encoded>)`: the key of one reaction. */
export function reactionKey({ actor, entity }: ReactionKey): string {
  return `(actor:${restliValue(actor)},entity:${restliValue(entity)})`;
}

/** Reads a key back (as a batch get's answer names it): null if it is not one of ours. */
function parseReactionKey(raw: string): ReactionKey | null {
  const match = /^\(([^()]*)\)$/.exec(raw);
  if (!match?.[1]) return null;
  const fields: Record<string, string> = {};
  for (const part of match[1].split(',')) {
    const colon = part.indexOf(':');
    if (colon <= 0) return null;
    try {
      fields[part.slice(0, colon)] = decodeURIComponent(part.slice(colon + 1));
    } catch {
      return null;
    }
  }
  return fields.actor && fields.entity ? { actor: fields.actor, entity: fields.entity } : null;
}

export function isReactionType(value: string): value is ReactionType {
  return (REACTION_TYPES as readonly string[]).includes(value);
}

/** The permission an actor needs to react: its own for a member, the page one for a page. */
export function writePermissionFor(actor: string): string {
  return ORGANIZATION_URN.test(actor) ? 'w_organization_social' : 'w_member_social';
}

function readPermissionFor(actor: string): string {
  return ORGANIZATION_URN.test(actor) ? 'r_organization_social' : 'r_member_social';
}

/** `Retry-After` in seconds or as an HTTP date (never in the past); null when absent or unreadable. */
export function retryAfterAt(headers: Headers, now: number): number | null {
  const raw = headers.get('Retry-After')?.trim();
  if (!raw) return null;
  if (/^\d+$/.test(raw)) return now + Number(raw) * 1000;
  const date = Date.parse(raw);
  return Number.isFinite(date) ? Math.max(now, date) : null;
}

/** The wait after the `streak`-th 429 in a row (1-based) that named no time. */
export function rateLimitBackoffMs(streak: number): number {
  return backoffCeiling(streak - 1, RATE_LIMIT_BACKOFF);
}

export function createLinkedInClient(options: LinkedInClientOptions) {
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const now = options.now ?? Date.now;
  const throttle = options.throttle ?? createThrottleStreak();
  const restUrl = options.restUrl.replace(/\/+$/, '');

  interface Answer {
    status: number;
    headers: Headers;
    /** Parsed JSON, or undefined for an empty or unreadable body. */
    body: unknown;
    /** Whether the body had any text at all. */
    empty: boolean;
  }

  /** One request; resolves with any HTTP answer (the caller decides), rejects when offline. */
  async function request(url: string, init: RequestInit, rest: boolean): Promise<Answer> {
    const headers: Record<string, string> = {
      Authorization: `Bearer ${options.accessToken}`,
      Accept: 'application/json',
    };
    if (rest) {
      headers['LinkedIn-Version'] = options.version;
      headers['X-Restli-Protocol-Version'] = '2.0.0';
    }
    if (init.body !== undefined) headers['Content-Type'] = 'application/json';
    let response: Response;
    let text: string;
    try {
      response = await doFetch(url, {
        ...init,
        headers,
        credentials: 'omit',
        signal: AbortSignal.timeout(options.timeoutMs ?? REQUEST_TIMEOUT_MS),
      });
      text = await response.text();
    } catch {
      // Our words: a fetch error can carry the URL, which stays out of the history.
      throw new ServiceError({ kind: 'offline', detail: 'LinkedIn could not be reached.' });
    }
    // Only a 429 continues a streak of them; any other answer means the limit is not in force.
    if (response.status === 429) throttle.count += 1;
    else throttle.count = 0;
    let body: unknown;
    try {
      body = text === '' ? undefined : JSON.parse(text);
    } catch {
      body = undefined;
    }
    return { status: response.status, headers: response.headers, body, empty: text === '' };
  }

  /** The one place an answer's status becomes a failure kind. */
  function failureFor(answer: Answer, operation: Operation): Failure {
    const parsed = errorBody.safeParse(answer.body);
    const said = parsed.success ? `: ${parsed.data.message}` : '.';
    const status = answer.status;
    switch (status) {
      case 401:
        return {
          kind: 'credential-refused',
          detail: `LinkedIn refused the access token (401)${said}`,
        };
      case 403: {
        const permission = permissionFor(operation);
        return {
          kind: 'permission-missing',
          permission,
          detail: `LinkedIn refused: the token lacks ${permission} (403)${said}`,
        };
      }
      case 404:
        return notFound(operation, said);
      case 429: {
        const named = retryAfterAt(answer.headers, now());
        return {
          kind: 'rate-limited',
          retryAt: named ?? now() + rateLimitBackoffMs(Math.max(1, throttle.count)),
          detail: `LinkedIn is limiting requests (429)${said}`,
        };
      }
      default:
        if (status >= 500) {
          return { kind: 'server-error', detail: `LinkedIn had a problem (${status})${said}` };
        }
        if (status >= 200 && status < 300) return unreadable();
        return {
          kind: 'invalid-request',
          detail: `LinkedIn refused the request (${status})${said}`,
        };
    }
  }

  function rest(path: string): string {
    return `${restUrl}${path}`;
  }

  /** Throws the failure of any answer but the wanted ones. */
  function ensure(answer: Answer, operation: Operation, ok: (status: number) => boolean): void {
    if (!ok(answer.status)) throw new ServiceError(failureFor(answer, operation));
  }

  const is2xx = (status: number) => status >= 200 && status < 300;

  return {
    /** Sets the actor's reaction on the entity (`POST /reactions?actor=…`). Never MAYBE. */
    async createReaction(call: CreateReactionCall): Promise<CreateOutcome> {
      if (!isReactionType(call.reactionType)) {
        throw new ServiceError({
          kind: 'invalid-request',
          detail: `${String(call.reactionType)} is not a reaction type Reactbar sends.`,
        });
      }
      const operation = { name: 'create', actor: call.actor } as const;
      const answer = await request(
        rest(`/reactions?actor=${restliValue(call.actor)}`),
        {
          method: 'POST',
          body: JSON.stringify({ root: call.entity, reactionType: call.reactionType }),
        },
        true,
      );
      if (answer.status === 409) return 'conflict';
      ensure(answer, operation, is2xx);
      // The answer's root may name another URN of the same post (activity → ugcPost): only
      // its shape is checked, never that it equals the entity sent.
      const readable =
        reactionAnswer.safeParse(answer.body).success ||
        (answer.empty && !!answer.headers.get('x-restli-id'));
      if (!readable) throw new ServiceError(unreadable());
      return 'created';
    },

    /** Removes the actor's reaction (`DELETE /reactions/(actor:…,entity:…)`); 404 is "absent". */
    async deleteReaction(key: ReactionKey): Promise<DeleteOutcome> {
      const answer = await request(
        rest(`/reactions/${reactionKey(key)}`),
        { method: 'DELETE' },
        true,
      );
      if (answer.status === 404) return 'absent';
      ensure(answer, { name: 'delete', actor: key.actor }, is2xx);
      // 204 has no body. Any other body must at least be JSON: a page of HTML with a 200 comes
      // from something between us and LinkedIn (a portal, a proxy), not from LinkedIn.
      if (!answer.empty && answer.body === undefined) throw new ServiceError(unreadable());
      return 'deleted';
    },

    /**
     * The actor's reaction on each entity (batch get): its type, null for none, and no entry
     * where LinkedIn did not say. Needs r_member_social (r_organization_social for a page),
     * which few apps have: a 403 is permission-missing.
     */
    async getReactions(
      actor: string,
      entities: readonly string[],
    ): Promise<Map<string, string | null>> {
      const found = new Map<string, string | null>();
      const unique = [...new Set(entities)];
      for (let start = 0; start < unique.length; start += BATCH_SIZE) {
        const chunk = unique.slice(start, start + BATCH_SIZE);
        const ids = chunk.map((entity) => reactionKey({ actor, entity })).join(',');
        const answer = await request(rest(`/reactions?ids=List(${ids})`), { method: 'GET' }, true);
        ensure(answer, { name: 'read-reactions', actor }, is2xx);
        const parsed = batchAnswer.safeParse(answer.body);
        if (!parsed.success) throw new ServiceError(unreadable());
        const { statuses = {}, results = {} } = parsed.data;
        for (const [raw, status] of Object.entries(statuses)) {
          const key = parseReactionKey(raw);
          if (key && status === 404) found.set(key.entity, null);
        }
        for (const [raw, reaction] of Object.entries(results)) {
          // By the key's entity, not the answer's root (which may name another URN).
          const key = parseReactionKey(raw);
          if (key) found.set(key.entity, reaction.reactionType);
        }
      }
      return found;
    },

    /** Who the token belongs to (`GET /v2/userinfo`): the cheap way to check a token. */
    async member(): Promise<LinkedInMember> {
      const answer = await request(options.userinfoUrl, { method: 'GET' }, false);
      ensure(answer, { name: 'userinfo' }, is2xx);
      const parsed = userinfoAnswer.safeParse(answer.body);
      if (!parsed.success) throw new ServiceError(unreadable());
      const { sub, name, given_name, family_name } = parsed.data;
      return {
        sub,
        actor: `urn:li:person:${sub}`,
        name: name || [given_name, family_name].filter(Boolean).join(' ') || null,
      };
    },

    /**
     * The pages the member may react for: approved roles that allow it, one entry per page
     * (`GET /organizationAcls?q=roleAssignee&role=…&state=APPROVED`, one role at a time, paged).
     * Needs rw_organization_admin (or r_organization_admin).
     */
    async organizationAccess(): Promise<OrganizationAccess[]> {
      const pages = new Map<string, OrganizationAccess>();
      for (const role of ORGANIZATION_ROLES) {
        for (let page = 0; page < ACL_MAX_PAGES; page++) {
          const start = page * ACL_PAGE_SIZE;
          const answer = await request(
            rest(
              `/organizationAcls?q=roleAssignee&role=${role}&state=APPROVED` +
                `&start=${start}&count=${ACL_PAGE_SIZE}`,
            ),
            { method: 'GET' },
            true,
          );
          ensure(answer, { name: 'organization-acls' }, is2xx);
          const parsed = aclAnswer.safeParse(answer.body);
          if (!parsed.success) throw new ServiceError(unreadable());
          for (const element of parsed.data.elements) {
            const id = ORGANIZATION_URN.exec(element.organization)?.[1];
            // Only what was asked for: an answer listing other roles or states gives nothing.
            if (!id || element.role !== role) continue;
            if (element.state !== undefined && element.state !== 'APPROVED') continue;
            const entry = pages.get(id) ?? { urn: element.organization, id, roles: [] };
            if (!entry.roles.includes(role)) entry.roles.push(role);
            pages.set(id, entry);
          }
          const total = parsed.data.paging?.total;
          const more =
            parsed.data.elements.length >= ACL_PAGE_SIZE &&
            (total === undefined || start + ACL_PAGE_SIZE < total);
          if (!more) break;
        }
      }
      return [...pages.values()];
    },

    /** A page's name (`GET /organizations/{id}` → localizedName). */
    async organization(idOrUrn: string): Promise<OrganizationInfo> {
      const id = ORGANIZATION_URN.exec(idOrUrn)?.[1] ?? idOrUrn;
      if (!/^\d+$/.test(id)) {
        throw new ServiceError({
          kind: 'invalid-request',
          detail: `${idOrUrn} is not an organization id.`,
        });
      }
      const answer = await request(rest(`/organizations/${id}`), { method: 'GET' }, true);
      ensure(answer, { name: 'organization' }, is2xx);
      const parsed = organizationAnswer.safeParse(answer.body);
      if (!parsed.success) throw new ServiceError(unreadable());
      return { urn: `urn:li:organization:${id}`, id, name: parsed.data.localizedName };
    },
  };
}

export type LinkedInClient = ReturnType<typeof createLinkedInClient>;

function permissionFor(operation: Operation): string {
  switch (operation.name) {
    case 'create':
    case 'delete':
      return writePermissionFor(operation.actor);
    case 'read-reactions':
      return readPermissionFor(operation.actor);
    case 'userinfo':
      return 'openid';
    case 'organization-acls':
    case 'organization':
      return 'rw_organization_admin';
  }
}

function notFound(operation: Operation, said: string): Failure {
  switch (operation.name) {
    case 'create':
      return {
        kind: 'target-gone',
        detail: `LinkedIn does not know this post or comment (404)${said}`,
      };
    case 'organization':
      return { kind: 'account-not-found', detail: `LinkedIn does not know this page (404)${said}` };
    default:
      return { kind: 'invalid-request', detail: `LinkedIn found nothing there (404)${said}` };
  }
}

/** A 2xx nobody can read may still have been applied: an unknown outcome, retried. */
function unreadable(): Failure {
  return { kind: 'server-error', detail: 'LinkedIn sent an answer Reactbar could not read.' };
}
