import { z } from 'zod';
import type { EmulatorCore } from '../core';
import type { TokenRecord } from '../credentials';
import { type ApiResponse, jsonResponse, parseJson, type RequestContext } from '../http';
import type { ListSort } from '../stores';
import {
  LINKEDIN_REACTION_TYPES,
  type LinkedInReaction,
  type LinkedInReactionType,
} from '../types';
import { liError } from './errors';
import { writeRefusal } from './organizations';
import {
  type Parsed,
  parseRestliKey,
  parseRestliKeyList,
  type RestliKey,
  rawQueryParam,
  requireFields,
} from './restli';
import { checkActorUrn, checkEntityUrn } from './urns';

/** What a Reactions handler gets once token and headers are known good. */
export interface LiCall {
  ctx: RequestContext;
  core: EmulatorCore;
  member: TokenRecord;
  /** The LinkedIn-Version sent, used in permission messages as the real service does. */
  version: string;
}

const REACTIONS_PREFIX = '/rest/reactions/';
const RESERVED = /[:(),]/;

const CreateBody = z.object({ root: z.string(), reactionType: z.string() });

const forbiddenRead = (method: string, version: string): ApiResponse =>
  liError(403, `Not enough permissions to access: reactions.${method}.${version}`);

interface ReactionKey {
  actor: string;
  entity: string;
}

/** An `(actor:…,entity:…)` key with both URNs checked. */
function toReactionKey(key: RestliKey): Parsed<ReactionKey> {
  const fields = requireFields(key, ['actor', 'entity']);
  if (!fields.ok) return fields;
  const actor = fields.value.actor ?? '';
  const entity = fields.value.entity ?? '';
  const problem = checkActorUrn(actor) ?? checkEntityUrn(entity);
  return problem ? { ok: false, error: problem } : { ok: true, value: { actor, entity } };
}

function reactionKeyFromPath(path: string): Parsed<ReactionKey> {
  const key = parseRestliKey(path.slice(REACTIONS_PREFIX.length));
  return key.ok ? toReactionKey(key.value) : key;
}

function parseReactionType(value: string): Parsed<LinkedInReactionType> {
  if (value === 'MAYBE') {
    return { ok: false, error: 'reactionType MAYBE is deprecated and can no longer be created' };
  }
  const known = LINKEDIN_REACTION_TYPES.find((type) => type === value);
  return known
    ? { ok: true, value: known }
    : { ok: false, error: `reactionType must be one of ${LINKEDIN_REACTION_TYPES.join(', ')}` };
}

/**
 * One reaction per actor and entity. Creating where the actor already reacted replaces the type
 * (`upsert`, the default) or answers 409 (`conflict`): LinkedIn does not document which.
 */
export function handleCreate({ ctx, core, member, version }: LiCall): ApiResponse {
  const rawActor = rawQueryParam(ctx.rawQuery, 'actor');
  if (!rawActor) return liError(400, 'The actor query parameter is required');
  if (RESERVED.test(rawActor)) return liError(400, 'The actor query parameter must be URL-encoded');
  const actor = new URLSearchParams(`actor=${rawActor}`).get('actor') ?? '';
  const actorProblem = checkActorUrn(actor);
  if (actorProblem) return liError(400, actorProblem);
  const refusal = writeRefusal(core, member, actor, 'CREATE', version);
  if (refusal) return refusal;

  const json = parseJson(ctx.bodyText);
  if (!json.ok) return liError(400, 'The request body must be JSON');
  const body = CreateBody.safeParse(json.value);
  if (!body.success)
    return liError(400, 'The body must be {"root": string, "reactionType": string}');
  const type = parseReactionType(body.data.reactionType);
  if (!type.ok) return liError(400, type.error);
  const rootProblem = checkEntityUrn(body.data.root);
  if (rootProblem) return liError(400, rootProblem);

  if (core.linkedin.createWhenExists === 'conflict' && core.posts.get(actor, body.data.root)) {
    return liError(409, `A reaction by ${actor} on ${body.data.root} already exists`);
  }
  const reaction = core.posts.upsert(actor, body.data.root, type.value, core.now());
  return jsonResponse(201, reaction, { 'x-restli-id': reaction.id });
}

export function handleDelete({ ctx, core, member, version }: LiCall): ApiResponse {
  const key = reactionKeyFromPath(ctx.path);
  if (!key.ok) return liError(400, key.error);
  const refusal = writeRefusal(core, member, key.value.actor, 'DELETE', version);
  if (refusal) return refusal;
  if (!core.posts.remove(key.value.actor, key.value.entity)) {
    return liError(404, 'Reaction not found');
  }
  return { status: 204 };
}

export function handleGet({ ctx, core, version }: LiCall): ApiResponse {
  if (core.faults.readsForbidden) return forbiddenRead('GET', version);
  const key = reactionKeyFromPath(ctx.path);
  if (!key.ok) return liError(400, key.error);
  const reaction = core.posts.get(key.value.actor, key.value.entity);
  return reaction ? jsonResponse(200, reaction) : liError(404, 'Reaction not found');
}

export function handleBatchGet({ ctx, core, version }: LiCall): ApiResponse {
  if (core.faults.readsForbidden) return forbiddenRead('BATCH_GET', version);
  const rawIds = rawQueryParam(ctx.rawQuery, 'ids');
  if (rawIds === undefined) return liError(400, 'The ids query parameter is required');
  const keys = parseRestliKeyList(rawIds);
  if (!keys.ok) return liError(400, keys.error);

  const statuses: Record<string, number> = {};
  const results: Record<string, LinkedInReaction> = {};
  const errors: Record<string, { status: number; message: string }> = {};
  for (const key of keys.value) {
    const parsed = toReactionKey(key);
    if (!parsed.ok) return liError(400, parsed.error);
    const reaction = core.posts.get(parsed.value.actor, parsed.value.entity);
    // Keyed by the key string as sent, so a client can match answers to its own keys.
    if (reaction) {
      statuses[key.raw] = 200;
      results[key.raw] = reaction;
    } else {
      statuses[key.raw] = 404;
      errors[key.raw] = { status: 404, message: 'Reaction not found' };
    }
  }
  return jsonResponse(200, { statuses, results, errors });
}

const SORT = /^\(value:(REVERSE_CHRONOLOGICAL|CHRONOLOGICAL|RELEVANCE)\)$/;

function nonNegativeInt(value: string | null, fallback: number): number | null {
  if (value === null) return fallback;
  return /^\d+$/.test(value) ? Number(value) : null;
}

export function handleList({ ctx, core, version }: LiCall): ApiResponse {
  if (core.faults.readsForbidden) return forbiddenRead('FINDER-entity', version);
  const key = parseRestliKey(ctx.path.slice(REACTIONS_PREFIX.length));
  if (!key.ok) return liError(400, key.error);
  const fields = requireFields(key.value, ['entity']);
  if (!fields.ok) return liError(400, fields.error);
  const entity = fields.value.entity ?? '';
  const entityProblem = checkEntityUrn(entity);
  if (entityProblem) return liError(400, entityProblem);
  if (ctx.query.get('q') !== 'entity') return liError(400, 'The finder needs q=entity');

  const rawSort = rawQueryParam(ctx.rawQuery, 'sort');
  const sortMatch = rawSort === undefined ? undefined : SORT.exec(rawSort);
  if (rawSort !== undefined && !sortMatch) {
    return liError(400, 'sort must be (value:REVERSE_CHRONOLOGICAL|CHRONOLOGICAL|RELEVANCE)');
  }
  const sort = (sortMatch?.[1] ?? 'REVERSE_CHRONOLOGICAL') as ListSort;
  const start = nonNegativeInt(ctx.query.get('start'), 0);
  const count = nonNegativeInt(ctx.query.get('count'), 10);
  if (start === null || count === null) {
    return liError(400, 'start and count must be non-negative integers');
  }

  const all = core.posts.listByEntity(entity, sort);
  return jsonResponse(200, {
    elements: all.slice(start, start + count),
    paging: { count, start, total: all.length, links: [] },
  });
}
