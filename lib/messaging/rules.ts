/**
 * For each background message: who may send it, and the schema its payload must pass.
 * Anything not listed here is not an action the background performs.
 */
import { z } from 'zod';
import { type WordKey, word } from '../catalogue-word';
import { historyRetentionSchema } from '../db/items';
import { normalizeEmoji } from '../emoji/normalize';
import { isSingleEmoji } from '../emoji/single';
import { clipSnippet } from '../history-snippets';
import { REACTION_TYPES } from '../kinds/registry';
import { connectionSettingsSchema } from '../settings';
import { parseCommentUrn, parseMessageUrn, parsePostUrn } from '../urn';
import type { ConnectLinkedInTokenRequest, SignInWithLinkedInRequest } from './linkedin';
import type {
  BackgroundProtocol,
  HistoryRetentionSettings,
  PageReactionChanged,
  PingRequest,
  ReactRequest,
  SenderKind,
  ViewsRequest,
} from './protocol';

interface Rule {
  schema: z.ZodType;
  senders: readonly SenderKind[];
}

// URN forms are known in one place, lib/urn.ts; a target URN must already be in the form the
// APIs take (a normalized comment URN, a message URN whose conversation can be derived).
const postUrn = z.string().refine((value) => parsePostUrn(value) === value);
const commentUrn = z.string().refine((value) => parseCommentUrn(value)?.urn === value);
const messageUrn = z
  .string()
  .max(300)
  .refine((value) => parseMessageUrn(value) !== null);
// Checked against the message's own conversation below.
const conversationUrn = z.string().max(300);
const anyTargetUrn = z.union([postUrn, commentUrn, messageUrn]);

/** One emoji, in one spelling (👍 and 👍️ are the same reaction). */
export const emojiSchema = z
  .string()
  .max(32)
  .transform(normalizeEmoji)
  .refine(isSingleEmoji, 'Not a single emoji');

/** LinkedIn's reaction types (MAYBE is retired: the API refuses it). */
export const reactionTypeSchema = z.enum(REACTION_TYPES);

/**
 * A reaction, by the kind of its target: a message takes one emoji and must name its own
 * conversation; a post or comment takes one of LinkedIn's reaction types.
 */
/** What the history may keep of a target's text: short, one line. */
const snippetSchema = z
  .string()
  .max(400)
  .transform(clipSnippet)
  .refine((value) => value.length > 0)
  .optional();

const reactSchema = z.union([
  z.strictObject({
    target: z
      .strictObject({ kind: z.literal('message'), urn: messageUrn, conversationUrn })
      // The conversation must be the message's own, as derived from its URN.
      .refine(
        (target) => parseMessageUrn(target.urn)?.conversationUrn === target.conversationUrn,
        'The conversation does not match the message',
      ),
    value: emojiSchema,
    react: z.boolean(),
    snippet: snippetSchema,
  }),
  z.strictObject({
    target: z.strictObject({ kind: z.literal('post'), urn: postUrn }),
    value: reactionTypeSchema,
    react: z.boolean(),
    snippet: snippetSchema,
  }),
  z.strictObject({
    target: z.strictObject({ kind: z.literal('comment'), urn: commentUrn }),
    value: reactionTypeSchema,
    react: z.boolean(),
    snippet: snippetSchema,
  }),
]) satisfies z.ZodType<ReactRequest>;

const keyId = z.string().min(1).max(64);

/** A check's words, read when a check fails (in the browser's language, from the catalogue). */
const says = (key: WordKey) => ({ error: () => word(key) });

/** A secret pasted by the member: visible ASCII only, so it can travel in a header or a form. */
function secret(words: { tooShort: WordKey; tooLong: WordKey; oddCharacters: WordKey }) {
  return (min: number, max: number) =>
    z
      .string()
      .trim()
      .min(min, says(words.tooShort))
      .max(max, says(words.tooLong))
      .regex(/^[\x21-\x7e]+$/, says(words.oddCharacters));
}

/** LinkedIn's client ids are short letters and digits. */
const linkedInClientId = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{4,64}$/, says('formCheck.clientIdShape'));

/** Whom to react as: a member or a page. */
const linkedInActor = z
  .string()
  .max(200)
  .regex(/^urn:li:(person:[A-Za-z0-9_-]+|organization:\d+)$/);

/**
 * Each action is accepted from the one context that uses it: the options page alone changes
 * where keys are sent, the popup alone manages keys, LinkedIn frames alone react. A context
 * that is compromised (a content script) or merely another page of ours gets nothing more.
 */
export const REQUEST_RULES = {
  // A liveness check, harmless from anywhere that may talk to us.
  ping: {
    schema: z.strictObject({
      from: z.enum(['content', 'popup', 'options']),
    }) satisfies z.ZodType<PingRequest>,
    senders: ['linkedin', 'popup', 'options'],
  },
  // Where requests go: shown in the popup's Connection panel and on the options page.
  getStatus: { schema: z.undefined(), senders: ['popup', 'options'] },
  saveConnection: { schema: connectionSettingsSchema, senders: ['options'] },
  // The bar.
  react: { schema: reactSchema, senders: ['linkedin'] },
  getViews: {
    schema: z.strictObject({
      urns: z.array(anyTargetUrn).max(500),
      // What LinkedIn's page shows on posts and comments: one of the six types, or none.
      pageStates: z
        .record(z.union([postUrn, commentUrn]), reactionTypeSchema.nullable())
        .refine((states) => Object.keys(states).length <= 500)
        .optional(),
    }) satisfies z.ZodType<ViewsRequest>,
    senders: ['linkedin'],
  },
  // What LinkedIn's own control shows after a trusted click on it: no request leaves for it.
  pageReactionChanged: {
    schema: z.strictObject({
      target: z.union([
        z.strictObject({ kind: z.literal('post'), urn: postUrn }),
        z.strictObject({ kind: z.literal('comment'), urn: commentUrn }),
      ]),
      state: reactionTypeSchema.nullable(),
    }) satisfies z.ZodType<PageReactionChanged>,
    senders: ['linkedin'],
  },
  // The bar's "Open Accounts" link; the popup switches tabs itself.
  openAccounts: { schema: z.undefined(), senders: ['linkedin'] },
  // The rows' "Reacts as …" and warning: words only, never a token or a member's name.
  getLinkedInRow: { schema: z.undefined(), senders: ['linkedin'] },
  // The popup's Accounts tab (also when the bar's link opens it in a tab).
  getAccounts: { schema: z.undefined(), senders: ['popup'] },
  addKey: {
    schema: z.strictObject({
      apiKey: z.string().trim().min(8, says('formCheck.keyTooShort')).max(512),
      label: z.string().trim().max(80).optional(),
    }),
    senders: ['popup'],
  },
  renameKey: {
    schema: z.strictObject({ keyId, label: z.string().trim().min(1).max(80) }),
    senders: ['popup'],
  },
  recheckKey: { schema: z.strictObject({ keyId }), senders: ['popup'] },
  removeKey: { schema: z.strictObject({ keyId }), senders: ['popup'] },
  setDefaultAccount: {
    schema: z.strictObject({ keyId, accountId: z.string().regex(/^[0-9a-f]{24}$/i) }),
    senders: ['popup'],
  },
  // The popup's LinkedIn section: the token and the secret come in, never go out.
  getLinkedIn: { schema: z.undefined(), senders: ['popup'] },
  getLinkedInActors: { schema: z.undefined(), senders: ['popup'] },
  connectLinkedInToken: {
    schema: z.strictObject({
      accessToken: secret({
        tooShort: 'formCheck.tokenTooShort',
        tooLong: 'formCheck.tokenTooLong',
        oddCharacters: 'formCheck.tokenOddCharacters',
      })(16, 4096),
      daysLeft: z.number().int().min(1).max(60).optional(),
    }) satisfies z.ZodType<ConnectLinkedInTokenRequest>,
    senders: ['popup'],
  },
  signInWithLinkedIn: {
    schema: z.strictObject({
      asPages: z.boolean(),
      app: z
        .strictObject({
          clientId: linkedInClientId,
          clientSecret: secret({
            tooShort: 'formCheck.clientSecretTooShort',
            tooLong: 'formCheck.clientSecretTooLong',
            oddCharacters: 'formCheck.clientSecretOddCharacters',
          })(8, 512),
        })
        .optional(),
    }) satisfies z.ZodType<SignInWithLinkedInRequest>,
    senders: ['popup'],
  },
  setLinkedInActor: { schema: z.strictObject({ actor: linkedInActor }), senders: ['popup'] },
  disconnectLinkedIn: { schema: z.undefined(), senders: ['popup'] },
  forgetLinkedInApp: { schema: z.undefined(), senders: ['popup'] },
  // The history (the popup's tab and the same view in a tab of its own).
  undoReaction: {
    schema: z.strictObject({ id: z.number().int().positive() }),
    senders: ['popup', 'history'],
  },
  clearHistory: { schema: z.undefined(), senders: ['popup', 'history'] },
  setHistoryRetention: {
    schema: historyRetentionSchema.strict() satisfies z.ZodType<HistoryRetentionSettings>,
    senders: ['options'],
  },
} as const satisfies Record<keyof BackgroundProtocol, Rule>;
