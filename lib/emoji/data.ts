/**
 * The emoji list, from the copy of emojibase-data (en/compact.json) shipped inside the extension
 * as emoji/en.json. Fetched on first use only (it is ~570 KB) and then shared by every picker in
 * the page. Runs in LinkedIn pages too: nothing happens at import time, and the only request
 * is for the extension's own file.
 */
import { browser, type PublicPath } from 'wxt/browser';
import { i18n } from '#i18n';
import { COMPONENT_GROUP } from './groups';
import { normalizeEmoji } from './normalize';

export { EMOJI_GROUPS, emojiGroupName } from './groups';
export { searchEmoji } from './search';

export interface EmojiEntry {
  /** The emoji itself, in its fully-qualified form (see normalizeEmoji). */
  emoji: string;
  label: string;
  tags: string[];
  /** Emojibase group number; see EMOJI_GROUPS. */
  group: number;
  /** Emojibase's display order, unique across groups. */
  order: number;
}

// Added to the build by a hook in wxt.config.ts, so WXT's generated PublicPath does not list it.
const EMOJI_DATA_PATH = '/emoji/en.json' as PublicPath;

interface CompactEmoji {
  unicode: string;
  label: string;
  tags?: string[];
  group?: number;
  order?: number;
}

/**
 * Only the fields the picker uses are checked; emojibase adds others (hexcode, skins, emoticon).
 * Checked by hand rather than with a schema library, to keep the content script small.
 */
function problemWith(entry: unknown): string | null {
  if (typeof entry !== 'object' || entry === null) return 'not an object';
  const { unicode, label, tags, group, order } = entry as Record<string, unknown>;
  if (typeof unicode !== 'string' || unicode.length === 0)
    return 'unicode: expected a non-empty string';
  if (typeof label !== 'string') return 'label: expected a string';
  if (
    tags !== undefined &&
    !(Array.isArray(tags) && tags.every((tag) => typeof tag === 'string'))
  ) {
    return 'tags: expected a list of strings';
  }
  if (group !== undefined && !(Number.isInteger(group) && (group as number) >= 0))
    return 'group: expected a whole number';
  if (order !== undefined && typeof order !== 'number') return 'order: expected a number';
  return null;
}

let pending: Promise<EmojiEntry[]> | null = null;

/**
 * The picker's emoji, sorted by emojibase's order. The file is fetched once; a failed load is
 * forgotten so that the next call (a Retry button) tries again.
 */
export function loadEmojiData(): Promise<EmojiEntry[]> {
  if (pending) return pending;
  const attempt = fetchEmojiData();
  pending = attempt;
  attempt.catch(() => {
    if (pending === attempt) pending = null;
  });
  return attempt;
}

async function fetchEmojiData(): Promise<EmojiEntry[]> {
  const response = await fetch(browser.runtime.getURL(EMOJI_DATA_PATH));
  // The picker shows these under its "Couldn't load emoji.": in the catalogue's words.
  if (!response.ok) throw new Error(i18n.t('picker.httpFailed', [String(response.status)]));
  let json: unknown;
  try {
    json = await response.json();
  } catch {
    throw new Error(i18n.t('picker.notJson'));
  }
  return parseEmojiData(json);
}

/**
 * Maps emojibase's compact format to EmojiEntry. Throws a readable Error when the shape is
 * wrong (in English, naming emojibase's fields: only a broken build ships such a file); skips
 * what the picker should not offer: regional indicator letters (no group), skin tones and hair
 * on their own (the component group), anything without an order.
 */
export function parseEmojiData(json: unknown): EmojiEntry[] {
  if (!Array.isArray(json)) throw new Error('The emoji list is malformed: expected a list');
  for (const [index, entry] of json.entries()) {
    const problem = problemWith(entry);
    if (problem) throw new Error(`The emoji list is malformed at ${index}.${problem}`);
  }
  const parsed = { data: json as CompactEmoji[] };
  const entries: EmojiEntry[] = [];
  for (const raw of parsed.data) {
    const { group, order } = raw;
    if (group === undefined || group === COMPONENT_GROUP || order === undefined) continue;
    entries.push({
      emoji: normalizeEmoji(raw.unicode),
      label: raw.label,
      tags: raw.tags ?? [],
      group,
      order,
    });
  }
  return entries.sort((a, b) => a.order - b.order);
}
