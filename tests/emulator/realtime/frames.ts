import { z } from 'zod';

/** Close codes of the realtime contract. */
export const CLOSE_CODES = {
  /** The first frame was not a well-formed auth frame. */
  badAuthFrame: 4400,
  /** The key in the auth frame is unknown. */
  badKey: 4401,
  /** No auth frame arrived in time. */
  authTimeout: 4408,
  /** The emulator was reset: sequences restarted, so clients must resynchronise. */
  serviceRestart: 1012,
  /** The emulator is shutting down. */
  goingAway: 1001,
} as const;

export const AuthFrame = z.object({
  type: z.literal('auth'),
  apiKey: z.string().min(1),
  resumeFrom: z.number().int().min(0).nullable(),
});

export const PingFrame = z.object({ type: z.literal('ping') });

/** A client frame as JSON, or undefined if it is not JSON text. */
export function parseFrame(data: Buffer | ArrayBuffer | Buffer[], isBinary: boolean): unknown {
  if (isBinary) return undefined;
  let buffer: Buffer;
  if (Array.isArray(data)) buffer = Buffer.concat(data);
  else buffer = Buffer.isBuffer(data) ? data : Buffer.from(data);
  try {
    return JSON.parse(buffer.toString('utf8'));
  } catch {
    return undefined;
  }
}
