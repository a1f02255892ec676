/**
 * The realtime wire format (see "Realtime contract" in the project's API notes). This is the only
 * module that knows field names, frame types and close codes: a different format changes this
 * file alone. Everything it hands out is already decoded into the client's own types.
 */
import { z } from 'zod';

/** A reaction made through the key, as the client hands it on. */
export interface RealtimeEvent {
  /** Unique per event: how a replayed or duplicated event is recognised. */
  id: string;
  /** Grows by one per key: the resume cursor. */
  seq: number;
  accountId: string;
  conversationUrn: string;
  messageUrn: string;
  emoji: string;
  react: boolean;
  /** Epoch ms. */
  at: number;
}

/** A server frame the client acts on; anything else decodes to null. */
export type ServerFrame =
  | { kind: 'ready'; latestSeq: number }
  | { kind: 'event'; event: RealtimeEvent }
  | { kind: 'pong' };

export const CLOSE_CODES = {
  /** We stopped on purpose. */
  normal: 1000,
  /** The server did not answer in time; our own code (4000-4999 is the application's). */
  unresponsive: 4000,
  /** The server refused the key: reconnecting with it is pointless. */
  unauthorized: 4401,
} as const;

const Seq = z.number().int().min(0);

const ReadyFrame = z.object({ type: z.literal('ready'), seq: Seq });

const ReactionFrame = z.object({
  type: z.literal('reaction'),
  seq: Seq,
  id: z.string().min(1),
  accountId: z.string().min(1),
  conversationUrn: z.string().min(1),
  messageUrn: z.string().min(1),
  emoji: z.string().min(1),
  react: z.boolean(),
  at: z.number(),
});

const PongFrame = z.object({ type: z.literal('pong') });

/** Text frames are JSON; anything that is not a string is taken as an already-decoded value. */
function decodeJson(raw: unknown): unknown {
  if (typeof raw !== 'string') return raw;
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}

/** Decodes one server frame; malformed JSON, a wrong shape or an unknown type give null. */
export function parseServerFrame(raw: unknown): ServerFrame | null {
  const value = decodeJson(raw);
  const ready = ReadyFrame.safeParse(value);
  if (ready.success) return { kind: 'ready', latestSeq: ready.data.seq };
  const reaction = ReactionFrame.safeParse(value);
  if (reaction.success) {
    const { type: _type, ...event } = reaction.data;
    return { kind: 'event', event };
  }
  if (PongFrame.safeParse(value).success) return { kind: 'pong' };
  return null;
}

/** The first frame on every socket. The key goes here, never in the URL. */
export function authFrame(apiKey: string, resumeFrom: number | null): string {
  return JSON.stringify({ type: 'auth', apiKey, resumeFrom });
}

/** An application-level ping: unlike protocol pings, it keeps an extension worker alive. */
export function pingFrame(): string {
  return JSON.stringify({ type: 'ping' });
}
