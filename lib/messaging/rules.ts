/** For each background message: who may send it, and the schema its payload must pass. */
import { z } from 'zod';
import type { BackgroundProtocol, PingRequest, SenderKind } from './protocol';

interface Rule {
  schema: z.ZodType;
  senders: readonly SenderKind[];
}

export const REQUEST_RULES = {
  ping: {
    schema: z.strictObject({
      from: z.enum(['content', 'popup', 'options']),
    }) satisfies z.ZodType<PingRequest>,
    senders: ['linkedin', 'extension'],
  },
  getStatus: { schema: z.undefined(), senders: ['extension'] },
} as const satisfies Record<keyof BackgroundProtocol, Rule>;
