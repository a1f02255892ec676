/**
 * Builders for realistic LinkedIn messaging URNs, so tests need not hand-write base64.
 * The shape follows the project's notes: the message's base64 decodes to
 * `<epochMs><hex>-<seq>&<threadUuid>_<shard>` and the thread id is `2-` + base64 of the part
 * after `&`.
 */

export interface MessageFixtureInput {
  /** The signed-in member's mailbox, `urn:li:fsd_profile:<profileId>`. */
  profileId: string;
  threadUuid?: string;
  shard?: number;
  epochMs?: number;
  hex?: string;
  /** Message sequence inside the thread, e.g. '001'. */
  seq?: string;
}

export interface MessageFixture {
  messageUrn: string;
  conversationUrn: string;
  threadId: string;
}

const toBase64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64');

// Defaults reproduce the worked example of the project's DOM notes.
const DEFAULT_THREAD_UUID = '0f3c2a1e-7b4d-4c2a-9e11-5a6b7c8d9e0f';

export function buildMessageFixture(input: MessageFixtureInput): MessageFixture {
  const { threadUuid = DEFAULT_THREAD_UUID, shard = 100 } = input;
  const { epochMs = 1767225600000, hex = 'b12345', seq = '001' } = input;
  const threadPart = `${threadUuid}_${shard}`;
  const messagePart = `${epochMs}${hex}-${seq}`;
  const threadId = `2-${toBase64(threadPart)}`;
  const messageId = `2-${toBase64(`${messagePart}&${threadPart}`)}`;
  const mailbox = `urn:li:fsd_profile:${input.profileId}`;
  return {
    messageUrn: `urn:li:msg_message:(${mailbox},${messageId})`,
    conversationUrn: `urn:li:msg_conversation:(${mailbox},${threadId})`,
    threadId,
  };
}

/** The path of the ConnectSafely react call, both URNs encoded as the client must. */
export function reactPath(conversationUrn: string, messageUrn: string): string {
  const conversation = encodeURIComponent(conversationUrn);
  return `/conversations/${conversation}/messages/${encodeURIComponent(messageUrn)}/react`;
}

/**
 * A Rest.li 2.0 value: `encodeURIComponent` leaves `(` and `)` alone, but Rest.li needs them
 * encoded too, or a comment URN would break the key's structure.
 */
export const encodeRestliValue = (value: string): string =>
  encodeURIComponent(value).replaceAll('(', '%28').replaceAll(')', '%29');

/** A Rest.li 2.0 compound key: literal structure, percent-encoded values. */
export function restliKey(fields: Record<string, string>): string {
  const parts = Object.entries(fields).map(
    ([name, value]) => `${name}:${encodeRestliValue(value)}`,
  );
  return `(${parts.join(',')})`;
}
