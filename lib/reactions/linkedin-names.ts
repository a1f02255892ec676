/**
 * LinkedIn's reaction types as people see them: the emoji Reactbar draws for each and the name
 * LinkedIn shows, in the browser's language (the catalogue's `linkedinReaction` section). The
 * bars, the history and its search all read them here.
 */
import { i18n } from '#i18n';
import { REACTION_TYPES, type ReactionType } from '../kinds/registry';

export const REACTION_EMOJI: Readonly<Record<ReactionType, string>> = {
  LIKE: '👍',
  PRAISE: '👏',
  APPRECIATION: '🫶',
  EMPATHY: '❤️',
  INTEREST: '💡',
  ENTERTAINMENT: '😂',
};

export function isReactionType(value: string | undefined): value is ReactionType {
  return (REACTION_TYPES as readonly string[]).includes(value ?? '');
}

/** "Celebrate" (English), "Applaus" (German). */
export function reactionTypeName(type: ReactionType): string {
  return i18n.t(`linkedinReaction.${type}`);
}
