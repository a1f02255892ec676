/**
 * Emojibase's group numbers, with the names the picker shows, from the catalogue
 * (`picker.group`). Group 2 ("Components": skin tones and hair on their own) is left out: those
 * are parts of emoji, not reactions.
 */
import { i18n } from '#i18n';

export const EMOJI_GROUPS = [
  { id: 0, key: 'smileys' },
  { id: 1, key: 'people' },
  { id: 3, key: 'animals' },
  { id: 4, key: 'food' },
  { id: 5, key: 'travel' },
  { id: 6, key: 'activities' },
  { id: 7, key: 'objects' },
  { id: 8, key: 'symbols' },
  { id: 9, key: 'flags' },
] as const;

/** Emojibase's "component" group: skin tone and hair modifiers, never picked alone. */
export const COMPONENT_GROUP = 2;

/** "Smileys & Emotion" (English), "Smileys & Emotionen" (German). */
export function emojiGroupName(group: number): string {
  const key = EMOJI_GROUPS.find((candidate) => candidate.id === group)?.key ?? 'other';
  return i18n.t(`picker.group.${key}`);
}
