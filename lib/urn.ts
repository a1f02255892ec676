/**
 * URN parsing and derivation for the three kinds of reaction target.
 * Pure functions: they never throw on bad input, they return null.
 */

export type PostUrn = `urn:li:${'activity' | 'share' | 'ugcPost'}:${string}`;
export type CommentUrn = `urn:li:comment:(${string})`;
export type MessageUrn = `urn:li:msg_message:(${string})`;
export type ConversationUrn = `urn:li:msg_conversation:(${string})`;

const POST_URN = /^urn:li:(activity|share|ugcPost):(\d+)$/;

/** A post URN the Reactions API accepts as `root`, or null (aggregates, people, junk). */
export function parsePostUrn(value: string | null | undefined): PostUrn | null {
  const trimmed = value?.trim();
  return trimmed && POST_URN.test(trimmed) ? (trimmed as PostUrn) : null;
}

// `urn:li:comment:(activity:1,2)`, `(urn:li:activity:1,2)`, `(ugcPost:1,2)`, `(urn:li:ugcPost:1,2)`.
const COMMENT_URN = /^urn:li:comment:\((?:urn:li:)?(activity|ugcPost|share):(\d+),(\d+)\)$/;

export interface ParsedComment {
  /** The full form the Reactions API takes: `urn:li:comment:(urn:li:activity:N,M)`. */
  urn: CommentUrn;
  /** The post the comment belongs to. */
  postUrn: PostUrn;
}

/** Normalizes any comment URN form seen in the page to the API's full form. */
export function parseCommentUrn(value: string | null | undefined): ParsedComment | null {
  const match = value?.trim().match(COMMENT_URN);
  if (!match) return null;
  const [, parentType, parentId, commentId] = match;
  const postUrn = `urn:li:${parentType}:${parentId}` as PostUrn;
  return { urn: `urn:li:comment:(${postUrn},${commentId})`, postUrn };
}

/** Finds a comment URN embedded in a longer string, e.g. a `componentkey`. */
export function findCommentUrn(text: string | null | undefined): ParsedComment | null {
  const match = text?.match(/urn:li:comment:\([^()]*\)/);
  return match ? parseCommentUrn(match[0]) : null;
}

/** Finds a post URN in a `/feed/update/urn:li:activity:N/` style link. */
export function postUrnFromHref(href: string | null | undefined): PostUrn | null {
  let path = href ?? '';
  try {
    path = decodeURIComponent(path);
  } catch {
    // A malformed escape: look at the raw text instead.
  }
  const match = path.match(/\/feed\/update\/(urn:li:(?:activity|share|ugcPost):\d+)(?:[/?#]|$)/);
  return match ? parsePostUrn(match[1]) : null;
}

/** `shareId=<N>` inside a generation-B `componentkey` names the post's share. */
export function shareUrnFromComponentKey(key: string | null | undefined): PostUrn | null {
  const match = key?.match(/(?:^|[^A-Za-z])shareId=(\d+)/);
  return match ? (`urn:li:share:${match[1]}` as PostUrn) : null;
}

export interface ParsedMessage {
  messageUrn: MessageUrn;
  conversationUrn: ConversationUrn;
  /** `2-<base64(threadUuid_shard)>`, as in `/messaging/thread/<threadId>/`. */
  threadId: string;
  viewer: string;
}

const MESSAGE_URN =
  /^urn:li:msg_message:\((urn:li:fsd_profile:[A-Za-z0-9_-]+),2-([A-Za-z0-9+/]+={0,2})\)$/;

/**
 * Derives the conversation from a message's `data-event-urn` alone.
 * The message id base64-decodes to `<epochMs><hex>-<seq>&<threadUuid>_<shard>`;
 * the thread id is `2-` + base64 of the part after `&`.
 */
export function parseMessageUrn(value: string | null | undefined): ParsedMessage | null {
  const match = value?.trim().match(MESSAGE_URN);
  if (!match) return null;
  const [, viewer = '', encoded = ''] = match;
  const decoded = decodeBase64(encoded);
  if (decoded === null) return null;
  const ampersand = decoded.indexOf('&');
  if (ampersand < 0) return null;
  const thread = decoded.slice(ampersand + 1);
  if (!/^[0-9a-fA-F-]+_\d+$/.test(thread)) return null;
  const threadId = `2-${encodeBase64(thread)}`;
  return {
    messageUrn: value?.trim() as MessageUrn,
    conversationUrn: `urn:li:msg_conversation:(${viewer},${threadId})`,
    threadId,
    viewer,
  };
}

/** The thread id in a `/messaging/thread/<threadId>/` path, decoded; null elsewhere. */
export function threadIdFromPath(pathname: string): string | null {
  const match = pathname.match(/\/messaging\/thread\/([^/?#]+)/);
  if (!match?.[1]) return null;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return null;
  }
}

function decodeBase64(encoded: string): string | null {
  if (encoded.length % 4 !== 0) return null;
  try {
    return atob(encoded);
  } catch {
    return null;
  }
}

function encodeBase64(text: string): string {
  return btoa(text);
}

/** Which kind of target a URN names, from its form alone; null for anything else. */
export function kindOfUrn(urn: string): 'message' | 'post' | 'comment' | null {
  if (urn.startsWith('urn:li:msg_message:')) return 'message';
  if (urn.startsWith('urn:li:comment:')) return 'comment';
  return parsePostUrn(urn) ? 'post' : null;
}
