/**
 * Checks on the two URNs of the react call: how they are encoded in the path, their shape, and
 * that the message really is in the conversation (as derived from `data-event-urn`).
 */

export type Checked<T> = { ok: true; value: T } | { ok: false; error: string };

/**
 * Decodes a raw path segment, accepting it only if it is what `encodeURIComponent` makes of the
 * decoded value (upper-case hex, `:` `,` `=` `+` `/` encoded). `encodeURIComponent` leaves `(`
 * and `)` as they are, so those pass raw; `%28`/`%29` (a stricter encoder) pass too.
 */
export function decodeStrictSegment(raw: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    return null;
  }
  const parenthesesRaw = raw.replaceAll('%28', '(').replaceAll('%29', ')');
  return encodeURIComponent(decoded) === parenthesesRaw ? decoded : null;
}

const PROFILE = 'urn:li:fsd_profile:([A-Za-z0-9_-]+)';
const BASE64 = '[A-Za-z0-9+/]+={0,2}';
const CONVERSATION = new RegExp(`^urn:li:msg_conversation:\\(${PROFILE},(2-${BASE64})\\)$`);
const MESSAGE = new RegExp(`^urn:li:msg_message:\\(${PROFILE},2-(${BASE64})\\)$`);
// <epochMs><hex>-<seq>&<threadUuid>_<shard>
const MESSAGE_PAYLOAD = /^\d{13}[0-9a-fA-F]*-\d+&([0-9A-Za-z-]+_\d+)$/;

const toBase64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64');

function decodeBase64Exactly(base64: string): string | null {
  const text = Buffer.from(base64, 'base64').toString('utf8');
  // Node decodes leniently; re-encoding catches truncated or padded-wrong input.
  return toBase64(text) === base64 ? text : null;
}

export interface ParsedConversation {
  profileId: string;
  threadId: string;
}

export interface ParsedMessage {
  profileId: string;
  /** The thread id the message belongs to, derived from its payload. */
  threadId: string;
}

export function parseConversationUrn(urn: string): ParsedConversation | null {
  const match = CONVERSATION.exec(urn);
  if (!match?.[1] || !match[2]) return null;
  return { profileId: match[1], threadId: match[2] };
}

export function parseMessageUrn(urn: string): ParsedMessage | null {
  const match = MESSAGE.exec(urn);
  if (!match?.[1] || !match[2]) return null;
  const payload = decodeBase64Exactly(match[2]);
  const threadPart = payload ? MESSAGE_PAYLOAD.exec(payload)?.[1] : undefined;
  if (!threadPart) return null;
  return { profileId: match[1], threadId: `2-${toBase64(threadPart)}` };
}

export interface ReactTarget {
  conversationUrn: string;
  messageUrn: string;
}

/** The react path's two raw segments, checked in the order a client would want to hear. */
export function checkReactTarget(
  rawConversation: string,
  rawMessage: string,
): Checked<ReactTarget> {
  const conversationUrn = decodeStrictSegment(rawConversation);
  if (conversationUrn === null) return { ok: false, error: 'conversationUrn must be URL-encoded' };
  const messageUrn = decodeStrictSegment(rawMessage);
  if (messageUrn === null) return { ok: false, error: 'messageUrn must be URL-encoded' };
  const conversation = parseConversationUrn(conversationUrn);
  if (!conversation) {
    return {
      ok: false,
      error:
        'conversationUrn must look like urn:li:msg_conversation:(urn:li:fsd_profile:<id>,2-<base64>)',
    };
  }
  const message = parseMessageUrn(messageUrn);
  if (!message) {
    return {
      ok: false,
      error: 'messageUrn must look like urn:li:msg_message:(urn:li:fsd_profile:<id>,2-<base64>)',
    };
  }
  if (message.profileId !== conversation.profileId) {
    return { ok: false, error: 'conversationUrn and messageUrn are from different mailboxes' };
  }
  if (message.threadId !== conversation.threadId) {
    return { ok: false, error: 'The message does not belong to this conversation' };
  }
  return { ok: true, value: { conversationUrn, messageUrn } };
}
