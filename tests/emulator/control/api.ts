import { z } from 'zod';
import { type EmulatorCore, resetCore } from '../core';
import { type ApiResponse, jsonResponse, parseJson, type RequestContext } from '../http';
import { TOKEN_LIFETIME_SECONDS } from '../linkedin/auth';
import { CLOSE_CODES } from '../realtime/frames';
import type { RealtimeSocketServer } from '../realtime/socket-server';
import { CONTROL_BASE } from '../routes';
import { type ControlState, LINKEDIN_REACTION_TYPES, ROUTE_IDS } from '../types';

export interface ControlDeps {
  core: EmulatorCore;
  sockets: RealtimeSocketServer;
}

type ControlHandler = (
  ctx: RequestContext,
  deps: ControlDeps,
) => ApiResponse | Promise<ApiResponse>;

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/** The control interface changes the emulator's behaviour, so only this machine may use it. */
export const isLoopbackAddress = (address: string | undefined): boolean =>
  address !== undefined && LOOPBACK.has(address);

const controlError = (status: number, message: string): ApiResponse =>
  jsonResponse(status, { error: message });

const RouteIdSchema = z.enum(ROUTE_IDS);

const Schemas = {
  latency: z.object({ ms: z.number().int().min(0).max(600_000), route: RouteIdSchema.optional() }),
  fail: z.object({
    route: RouteIdSchema,
    // 0 drops the connection without an answer (a network error for the client).
    status: z
      .number()
      .int()
      .refine((status) => status === 0 || (status >= 200 && status <= 599), {
        message: 'status must be 0 or 200-599',
      }),
    count: z.number().int().min(1).default(1),
    retryAfterSeconds: z.number().int().min(0).optional(),
    body: z.unknown().optional(),
  }),
  sockets: z.object({ mode: z.enum(['accept', 'drop', 'refuse']) }),
  send: z.object({ raw: z.string(), apiKey: z.string().optional() }),
  readsForbidden: z.object({ on: z.boolean() }),
  rateLimit: z.object({
    perHour: z.number().int().min(0).nullable(),
    apiKey: z.string().optional(),
  }),
  seedPostReaction: z.object({
    actor: z.string().regex(/^urn:li:(person|organization):[A-Za-z0-9_-]+$/),
    root: z.string().min(1),
    reactionType: z.enum(LINKEDIN_REACTION_TYPES),
    time: z.number().int().optional(),
  }),
  createWhenExists: z.object({ mode: z.enum(['upsert', 'conflict']) }),
  dailyLimit: z.object({
    perDay: z.number().int().min(0).nullable(),
    retryAfter: z.boolean().default(false),
  }),
  mintToken: z.object({
    sub: z.string().optional(),
    scopes: z.array(z.string()).optional(),
    // null: never expires; default LinkedIn's 60 days.
    expiresInSeconds: z.number().int().min(0).nullable().default(TOKEN_LIFETIME_SECONDS),
  }),
  tokenStatus: z.object({
    token: z.string(),
    status: z.enum(['active', 'expired', 'revoked']),
  }),
};

type Body<S extends z.ZodType> =
  | { ok: true; data: z.infer<S> }
  | { ok: false; response: ApiResponse };

function readBody<S extends z.ZodType>(ctx: RequestContext, schema: S): Body<S> {
  const json = parseJson(ctx.bodyText === '' ? '{}' : ctx.bodyText);
  if (!json.ok) return { ok: false, response: controlError(400, 'The body must be JSON') };
  const parsed = schema.safeParse(json.value);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`,
    );
    return { ok: false, response: controlError(400, problems.join('; ')) };
  }
  return { ok: true, data: parsed.data };
}

function state({ core, sockets }: ControlDeps): ControlState {
  return {
    ...core.faults.snapshot(),
    rateLimitPerHour: core.rateLimiter.override,
    openSockets: sockets.openCount(),
    credentials: core.registry.primaryCredentials(),
    createWhenExists: core.linkedin.createWhenExists,
    linkedinDailyLimit: core.dailyLimit.settings,
  };
}

const HANDLERS: Record<string, ControlHandler> = {
  'GET /state': (_ctx, deps) => jsonResponse(200, state(deps)),

  'POST /latency': (ctx, { core }) => {
    const body = readBody(ctx, Schemas.latency);
    if (!body.ok) return body.response;
    core.faults.setLatency(body.data.ms, body.data.route);
    return jsonResponse(200, core.faults.snapshot().latency);
  },

  'POST /fail': (ctx, { core }) => {
    const body = readBody(ctx, Schemas.fail);
    if (!body.ok) return body.response;
    const { route, status, count, retryAfterSeconds, body: errorBody } = body.data;
    core.faults.failNext(route, status, count, { retryAfterSeconds, body: errorBody });
    return jsonResponse(200, { failures: core.faults.snapshot().failures });
  },

  'POST /sockets': (ctx, { core, sockets }) => {
    const body = readBody(ctx, Schemas.sockets);
    if (!body.ok) return body.response;
    // 'drop' is an action, not a lasting mode: it kills the open sockets and leaves the mode as
    // it was, so 'refuse' then 'drop' keeps the client out, 'drop' alone lets it reconnect.
    const dropped = body.data.mode === 'drop' ? sockets.dropAll() : 0;
    if (body.data.mode !== 'drop') core.faults.socketMode = body.data.mode;
    return jsonResponse(200, { mode: core.faults.socketMode, dropped });
  },

  'POST /sockets/send': (ctx, { sockets }) => {
    const body = readBody(ctx, Schemas.send);
    if (!body.ok) return body.response;
    return jsonResponse(200, { sent: sockets.sendRaw(body.data.raw, body.data.apiKey) });
  },

  'POST /reads-forbidden': (ctx, { core }) => {
    const body = readBody(ctx, Schemas.readsForbidden);
    if (!body.ok) return body.response;
    core.faults.readsForbidden = body.data.on;
    return jsonResponse(200, { readsForbidden: core.faults.readsForbidden });
  },

  'POST /rate-limit': (ctx, { core }) => {
    const body = readBody(ctx, Schemas.rateLimit);
    if (!body.ok) return body.response;
    core.rateLimiter.setLimit(body.data.perHour, body.data.apiKey);
    return jsonResponse(200, { rateLimitPerHour: core.rateLimiter.override });
  },

  'GET /requests': (ctx, { core }) => {
    const route = ctx.query.get('route');
    if (route !== null && !RouteIdSchema.safeParse(route).success) {
      return controlError(400, `Unknown route id ${route}`);
    }
    const requests = core.log.list(route ? { route: RouteIdSchema.parse(route) } : {});
    return jsonResponse(200, { requests });
  },

  'DELETE /requests': (_ctx, { core }) => {
    core.log.clear();
    return jsonResponse(200, { requests: [] });
  },

  'POST /reset': async (_ctx, { core, sockets }) => {
    resetCore(core);
    // Sequences restart at 0, so open sockets are closed and their clients resynchronise.
    const closedSockets = await sockets.closeAll(CLOSE_CODES.serviceRestart, 'Emulator reset');
    return jsonResponse(200, { reset: true, closedSockets });
  },

  'GET /message-reactions': (ctx, { core }) => {
    const messageUrn = ctx.query.get('messageUrn');
    if (!messageUrn) return controlError(400, 'messageUrn is required');
    const accountId = ctx.query.get('accountId') ?? core.registry.primaryCredentials().accountId;
    if (!core.registry.anyAccount(accountId)) return controlError(404, 'Account not found');
    return jsonResponse(200, {
      accountId,
      conversationUrn: ctx.query.get('conversationUrn'),
      messageUrn,
      emojis: core.messages.emojisFor(accountId, messageUrn),
    });
  },

  'GET /post-reactions': (ctx, { core }) => {
    const entity = ctx.query.get('entity');
    if (!entity) return controlError(400, 'entity is required');
    return jsonResponse(200, { reactions: core.posts.listByEntity(entity, 'CHRONOLOGICAL') });
  },

  'POST /post-reactions': (ctx, { core }) => {
    const body = readBody(ctx, Schemas.seedPostReaction);
    if (!body.ok) return body.response;
    const { actor, root, reactionType, time } = body.data;
    const reaction = core.posts.upsert(actor, root, reactionType, time ?? core.now());
    return jsonResponse(201, { reaction });
  },

  'POST /create-when-exists': (ctx, { core }) => {
    const body = readBody(ctx, Schemas.createWhenExists);
    if (!body.ok) return body.response;
    core.linkedin.createWhenExists = body.data.mode;
    return jsonResponse(200, { createWhenExists: core.linkedin.createWhenExists });
  },

  'POST /linkedin-daily-limit': (ctx, { core }) => {
    const body = readBody(ctx, Schemas.dailyLimit);
    if (!body.ok) return body.response;
    core.dailyLimit.set(body.data);
    return jsonResponse(200, { linkedinDailyLimit: core.dailyLimit.settings });
  },

  'POST /tokens': (ctx, { core }) => {
    const body = readBody(ctx, Schemas.mintToken);
    if (!body.ok) return body.response;
    const sub = body.data.sub ?? core.registry.allMembers()[0]?.sub ?? '';
    const member = core.registry.member(sub);
    if (!member) return controlError(404, `No member with sub ${sub}`);
    const scopes = body.data.scopes ?? ['openid', 'profile', 'w_member_social'];
    const token = core.auth.issue(member, scopes, body.data.expiresInSeconds);
    return jsonResponse(201, core.auth.info(token));
  },

  'POST /tokens/status': (ctx, { core }) => {
    const body = readBody(ctx, Schemas.tokenStatus);
    if (!body.ok) return body.response;
    const token = core.auth.setStatus(body.data.token, body.data.status);
    return token ? jsonResponse(200, core.auth.info(token)) : controlError(404, 'Unknown token');
  },

  'GET /tokens': (ctx, { core }) => {
    const token = ctx.query.get('token');
    if (!token) return controlError(400, 'token is required');
    const record = core.auth.lookup(token);
    return record ? jsonResponse(200, core.auth.info(record)) : controlError(404, 'Unknown token');
  },

  'GET /events': (ctx, { core }) => {
    const apiKey = ctx.query.get('apiKey') ?? core.registry.primaryCredentials().connectSafelyKey;
    return jsonResponse(200, {
      latestSeq: core.events.latestSeq(apiKey),
      events: core.events.eventsAfter(apiKey, 0),
    });
  },
};

export async function handleControl(
  ctx: RequestContext,
  remoteAddress: string | undefined,
  deps: ControlDeps,
): Promise<ApiResponse> {
  if (!isLoopbackAddress(remoteAddress)) {
    return controlError(403, 'The control interface only answers loopback clients');
  }
  const handler = HANDLERS[`${ctx.method} ${ctx.path.slice(CONTROL_BASE.length)}`];
  return handler
    ? handler(ctx, deps)
    : controlError(404, `Unknown control route ${ctx.method} ${ctx.path}`);
}
