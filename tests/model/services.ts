/**
 * In-memory models of the two services, for the model-based test: their state, the requests
 * waiting for the schedule to decide what happens to them, and (ConnectSafely) the event log
 * the realtime socket replays. The real clients of both talk to them through `fetch`.
 */
import type { RealtimeEvent } from '@/lib/services/connectsafely/realtime/wire';

/** What the schedule does with a request that reached the service. */
export type Outcome =
  | 'ok' // applied, answered
  | 'twice' // applied twice (the browser resent it), answered
  | 'lost-before' // the connection dropped before the service saw it
  | 'lost-after' // applied, then the answer was lost
  | 'server-error' // 500 without applying
  | 'server-error-after' // applied, then 500
  | 'garbled' // applied, answered with a 200 nobody can read
  | 'rate-limited' // 429 with Retry-After
  | 'rate-limited-bare'; // 429 without Retry-After

export interface PendingRequest {
  id: number;
  service: 'connectsafely' | 'linkedin';
  /** The slot it sets, `actor|urn|facet`, and the state it sets there. */
  slot: string;
  state: string | null;
  sentAt: number;
  /** Which engine sent it: answers to a killed engine go nowhere. */
  generation: number;
  apply(): void;
  answer(outcome: Outcome): void;
}

/** A write to a slot, ours or another device's, in the service's order. */
export interface Write {
  slot: string;
  state: string | null;
  at: number;
  by: 'us' | 'elsewhere';
}

export interface ConnectSafelyModel {
  state: Map<string, boolean>;
  events: RealtimeEvent[];
  writes: Write[];
}

export const API_KEY = 'cs_model_key_000000';
export const ACCOUNT_ID = '65f1c2a9e4b0d71a3c8e5f20';

export function connectSafelyModel(): ConnectSafelyModel {
  return { state: new Map(), events: [], writes: [] };
}

/** Applies one reaction on the model and logs its event, as the real service does. */
export function applyMessageReaction(
  model: ConnectSafelyModel,
  input: { messageUrn: string; conversationUrn: string; emoji: string; react: boolean },
  at: number,
  by: Write['by'],
): void {
  const slot = `${ACCOUNT_ID}|${input.messageUrn}|${input.emoji}`;
  model.state.set(slot, input.react);
  model.writes.push({ slot, state: input.react ? input.emoji : null, at, by });
  const seq = model.events.length + 1;
  model.events.push({
    id: `ev-${seq}`,
    seq,
    accountId: ACCOUNT_ID,
    conversationUrn: input.conversationUrn,
    messageUrn: input.messageUrn,
    emoji: input.emoji,
    react: input.react,
    at,
  });
}

export interface LinkedInModel {
  /** `actor|entity|` → the reaction type there. */
  state: Map<string, string>;
  writes: Write[];
  /** What a create does when the actor already reacted: replace it, or answer a conflict. */
  createWhenExists: 'upsert' | 'conflict';
}

export function linkedInModel(createWhenExists: LinkedInModel['createWhenExists']): LinkedInModel {
  return { state: new Map(), writes: [], createWhenExists };
}
