/**
 * Which service each kind of target reacts through, and how that service holds reactions.
 * Type-light and dependency-free: the content script imports it.
 */
import type { ServiceName, TargetKind, ValueModel } from '../reactions/types';

export interface KindDefinition {
  service: ServiceName;
  model: ValueModel;
}

export const KINDS: Readonly<Record<TargetKind, KindDefinition>> = {
  message: { service: 'connectsafely', model: 'many' },
  post: { service: 'linkedin', model: 'one' },
  comment: { service: 'linkedin', model: 'one' },
};

/** LinkedIn's reaction types, in the order LinkedIn shows them (Like, Celebrate, Support, Love,
 * Insightful, Funny). */
export const REACTION_TYPES = [
  'LIKE',
  'PRAISE',
  'APPRECIATION',
  'EMPATHY',
  'INTEREST',
  'ENTERTAINMENT',
] as const;
export type ReactionType = (typeof REACTION_TYPES)[number];
