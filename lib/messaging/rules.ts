/**
 * For each background message: who may send it, and the schema its payload must pass.
 * Anything not listed here is not an action the background performs.
 */
import { z } from 'zod';
import { normalizeEmoji } from '../emoji/normalize';
import { isSingleEmoji } from '../emoji/single';
import { connectionSettingsSchema } from '../settings';
import { parseMessageUrn } from '../urn';
import type { BackgroundProtocol, PingRequest, ReactRequest, SenderKind } from './protocol';

interface Rule {
  schema: z.ZodType;
  senders: readonly SenderKind[];
}

const postUrn = z.string().regex(/^urn:li:(activity|share|ugcPost):\d+$/);
const commentUrn = z.string().regex(/^urn:li:comment:\(urn:li:(activity|share|ugcPost):\d+,\d+\)$/);
const messageUrn = z
  .string()
  .max(300)
  .regex(/^urn:li:msg_message:\(urn:li:fsd_profile:[\w-]+,2-[A-Za-z0-9+/=]+\)$/);
const conversationUrn = z
  .string()
  .max(300)
  .regex(/^urn:li:msg_conversation:\(urn:li:fsd_profile:[\w-]+,2-[A-Za-z0-9+/=]+\)$/);
const anyTargetUrn = z.union([postUrn, commentUrn, messageUrn]);

export const REACTION_TYPES = [
  'LIKE',
  'PRAISE',
  'APPRECIATION',
  'EMPATHY',
  'INTEREST',
  'ENTERTAINMENT',
] as const;

/** One emoji: a single grapheme that is pictographic (flags and keycaps included). */
/** One emoji, in one spelling (👍 and 👍️ are the same reaction). */
export const emojiSchema = z
  .string()
  .max(32)
  .transform(normalizeEmoji)
  .refine(isSingleEmoji, 'Not a single emoji');

// Messages only for now: post and comment reactions join when their transport exists.
const reactSchema = z
  .strictObject({
    target: z.strictObject({ kind: z.literal('message'), urn: messageUrn, conversationUrn }),
    value: emojiSchema,
    react: z.boolean(),
  })
  // The conversation must be the message's own, as derived from its URN.
  .refine(
    ({ target }) => parseMessageUrn(target.urn)?.conversationUrn === target.conversationUrn,
    'The conversation does not match the message',
  ) satisfies z.ZodType<ReactRequest>;

const keyId = z.string().min(1).max(64);

export const REQUEST_RULES = {
  ping: {
    schema: z.strictObject({
      from: z.enum(['content', 'popup', 'options']),
    }) satisfies z.ZodType<PingRequest>,
    senders: ['linkedin', 'extension'],
  },
  getStatus: { schema: z.undefined(), senders: ['extension'] },
  saveConnection: { schema: connectionSettingsSchema, senders: ['extension'] },
  react: { schema: reactSchema, senders: ['linkedin'] },
  getViews: {
    schema: z.strictObject({ urns: z.array(anyTargetUrn).max(500) }),
    senders: ['linkedin', 'extension'],
  },
  openAccounts: { schema: z.undefined(), senders: ['linkedin', 'extension'] },
  getAccounts: { schema: z.undefined(), senders: ['extension'] },
  addKey: {
    schema: z.strictObject({
      apiKey: z.string().trim().min(8, 'That key is too short').max(512),
      label: z.string().trim().max(80).optional(),
    }),
    senders: ['extension'],
  },
  renameKey: {
    schema: z.strictObject({ keyId, label: z.string().trim().min(1).max(80) }),
    senders: ['extension'],
  },
  recheckKey: { schema: z.strictObject({ keyId }), senders: ['extension'] },
  removeKey: { schema: z.strictObject({ keyId }), senders: ['extension'] },
  setDefaultAccount: {
    schema: z.strictObject({ keyId, accountId: z.string().regex(/^[0-9a-f]{24}$/i) }),
    senders: ['extension'],
  },
} as const satisfies Record<keyof BackgroundProtocol, Rule>;
