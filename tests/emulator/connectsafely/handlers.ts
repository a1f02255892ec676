import { z } from 'zod';
import type { EmulatorCore } from '../core';
import type { AccountRecord } from '../credentials';
import { type ApiResponse, jsonResponse, parseJson, type RequestContext } from '../http';
import { isSingleEmoji } from './emoji';
import { csError } from './errors';
import { checkReactTarget } from './message-urns';

/** What a ConnectSafely handler gets once the key is known good and within its quota. */
export interface CsCall {
  ctx: RequestContext;
  core: EmulatorCore;
  apiKey: string;
}

const ReactBody = z.object({ emoji: z.string(), react: z.boolean() });

/** `?accountId` if given, else the key's first account; undefined means 404. */
function resolveAccount({ ctx, core, apiKey }: CsCall): AccountRecord | undefined {
  const requested = ctx.query.get('accountId');
  if (requested === null) return core.registry.accountsOf(apiKey)[0];
  return core.registry.findAccount(apiKey, requested);
}

export function handleReact(call: CsCall): ApiResponse {
  const { ctx, core, apiKey } = call;
  // Expected raw segments: '', linkedin, conversations, <conv>, messages, <msg>, react.
  // A raw '/' (e.g. from unencoded base64) shifts them, which is an encoding error too.
  const segments = ctx.path.split('/');
  const [, , , rawConversation, messagesWord, rawMessage] = segments;
  if (segments.length !== 7 || messagesWord !== 'messages' || !rawConversation || !rawMessage) {
    return csError(400, 'conversationUrn and messageUrn must be URL-encoded');
  }
  const target = checkReactTarget(rawConversation, rawMessage);
  if (!target.ok) return csError(400, target.error);

  const json = parseJson(ctx.bodyText);
  if (!json.ok) return csError(400, 'The request body must be JSON');
  const body = ReactBody.safeParse(json.value);
  if (!body.success) return csError(400, 'The body must be {"emoji": string, "react": boolean}');
  if (!isSingleEmoji(body.data.emoji)) return csError(400, 'emoji must be exactly one emoji');

  const account = resolveAccount(call);
  if (!account) return csError(404, 'Account not found');

  const at = core.now();
  const { conversationUrn, messageUrn } = target.value;
  const { emoji, react } = body.data;
  core.messages.apply(account.id, messageUrn, emoji, react, at);
  core.events.publish(apiKey, {
    accountId: account.id,
    conversationUrn,
    messageUrn,
    emoji,
    react,
    at,
  });
  return jsonResponse(200, { success: true, messageUrn, emoji, react });
}

export function handleAccounts({ ctx, core, apiKey }: CsCall): ApiResponse {
  const needle = ctx.query.get('q')?.trim().toLowerCase() ?? '';
  const matches = core.registry.accountsOf(apiKey).filter((account) => {
    const haystack = `${account.firstName} ${account.lastName} ${account.publicId}`.toLowerCase();
    return haystack.includes(needle);
  });
  return jsonResponse(
    200,
    matches.map((account) => ({
      id: account.id,
      firstName: account.firstName,
      lastName: account.lastName,
      publicId: account.publicId,
      picture: account.picture,
      status: account.status,
      apiSeatAllocated: account.apiSeatAllocated,
      createdAt: account.createdAt,
    })),
  );
}

export function handleStatus({ ctx, core, apiKey }: CsCall): ApiResponse {
  const accountId = ctx.query.get('accountId');
  if (!accountId) return csError(400, 'accountId is required');
  const account = core.registry.findAccount(apiKey, accountId);
  if (!account) return csError(404, 'Account not found');
  return jsonResponse(200, {
    id: account.id,
    firstName: account.firstName,
    lastName: account.lastName,
    publicId: account.publicId,
    status: account.status,
    enabled: account.enabled,
    hasTokens: account.hasTokens,
    lastUsed: core.messages.lastUsedOf(account.id),
  });
}
