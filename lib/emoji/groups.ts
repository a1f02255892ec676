/**
 * Emojibase's group numbers, with the names the picker shows. Group 2 ("Components": skin
 * tones and hair on their own) is left out: those are parts of emoji, not reactions.
 */
export const EMOJI_GROUPS = [
  { id: 0, name: 'Smileys & Emotion' },
  { id: 1, name: 'People & Body' },
  { id: 3, name: 'Animals & Nature' },
  { id: 4, name: 'Food & Drink' },
  { id: 5, name: 'Travel & Places' },
  { id: 6, name: 'Activities' },
  { id: 7, name: 'Objects' },
  { id: 8, name: 'Symbols' },
  { id: 9, name: 'Flags' },
] as const;

/** Emojibase's "component" group: skin tone and hair modifiers, never picked alone. */
export const COMPONENT_GROUP = 2;

export function emojiGroupName(group: number): string {
  return EMOJI_GROUPS.find((candidate) => candidate.id === group)?.name ?? 'Other';
}
