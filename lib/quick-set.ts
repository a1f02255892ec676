/**
 * The quick set: the emoji on every message's reaction bar, in order. Edited on the options
 * page, read by the content script; both go through this module so they agree on what is valid.
 */
import { storage } from 'wxt/utils/storage';
import { word, wordWith } from '@/lib/catalogue-word';
import { normalizeEmoji } from '@/lib/emoji/normalize';
import { isSingleEmoji } from '@/lib/emoji/single';
import { DEFAULT_QUICK_SET, QUICK_SET_STORAGE_KEY } from '@/lib/quick-set-default';

export { DEFAULT_QUICK_SET };

/** More than this no longer fits on a message's bar. */
export const MAX_QUICK_SET = 10;

/**
 * Checks a quick set: 1 to MAX_QUICK_SET distinct single emoji, each as the background's own
 * check accepts it (so nothing in the set can be refused when sent). Returns the normalized
 * list, or a sentence saying what is wrong.
 */
export function validateQuickSet(
  value: unknown,
): { ok: true; list: string[] } | { ok: false; message: string } {
  if (!Array.isArray(value) || value.some((item) => typeof item !== 'string')) {
    return { ok: false, message: word('quickSetCheck.notAList') };
  }
  if (value.length < 1) return { ok: false, message: word('quickSetCheck.empty') };
  if (value.length > MAX_QUICK_SET)
    return { ok: false, message: wordWith('quickSetCheck.tooMany', [String(MAX_QUICK_SET)]) };
  const list = (value as string[]).map(normalizeEmoji);
  for (const [index, emoji] of list.entries()) {
    if (!isSingleEmoji(emoji))
      return { ok: false, message: wordWith('quickSetCheck.notOneEmoji', [String(value[index])]) };
    if (list.indexOf(emoji) !== index)
      return { ok: false, message: wordWith('quickSetCheck.twice', [emoji]) };
  }
  return { ok: true, list };
}

const quickSetItem = storage.defineItem<string[]>(`local:${QUICK_SET_STORAGE_KEY}`, {
  fallback: [...DEFAULT_QUICK_SET],
});

function validOrDefault(value: unknown): string[] {
  const checked = validateQuickSet(value);
  return checked.ok ? checked.list : [...DEFAULT_QUICK_SET];
}

/** The stored quick set, or the default if what is stored is missing or no longer valid. */
export async function loadQuickSet(): Promise<string[]> {
  return validOrDefault(await quickSetItem.getValue());
}

/** Validates (normalizing each emoji) and saves; throws an Error with a sentence to show. */
export async function saveQuickSet(list: readonly string[]): Promise<string[]> {
  const checked = validateQuickSet(list);
  if (!checked.ok) throw new Error(checked.message);
  await quickSetItem.setValue(checked.list);
  return checked.list;
}

/** Forgets the stored set, so the default applies (including future changes to it). */
export async function resetQuickSet(): Promise<string[]> {
  await quickSetItem.removeValue();
  return [...DEFAULT_QUICK_SET];
}

/** Calls `onChange` with the new set whenever it changes, in any extension context. */
export function watchQuickSet(onChange: (list: string[]) => void): () => void {
  return quickSetItem.watch((value) => onChange(validOrDefault(value)));
}

// Pure helpers for the editor. Each returns the same array when nothing changes, so callers
// can skip a save with `next === list`.

/** Moves the emoji at `from` to position `to` (clamped to the list). */
export function moveEmoji(list: readonly string[], from: number, to: number): readonly string[] {
  const target = Math.min(Math.max(to, 0), list.length - 1);
  if (from < 0 || from >= list.length || from === target) return list;
  const next = [...list];
  const [moved] = next.splice(from, 1);
  if (moved !== undefined) next.splice(target, 0, moved);
  return next;
}

/** Appends `emoji` unless it is already there or the set is full. */
export function addEmoji(list: readonly string[], emoji: string): readonly string[] {
  const normalized = normalizeEmoji(emoji);
  if (list.length >= MAX_QUICK_SET || list.some((item) => normalizeEmoji(item) === normalized)) {
    return list;
  }
  return [...list, normalized];
}

/** Removes the emoji at `index`, but never the last one: a bar needs at least one. */
export function removeEmoji(list: readonly string[], index: number): readonly string[] {
  if (list.length <= 1 || index < 0 || index >= list.length) return list;
  return list.filter((_, position) => position !== index);
}
