import { describe, expect, it } from 'vitest';
import type { EmojiEntry } from '@/lib/emoji/data';
import { searchEmoji } from '@/lib/emoji/search';

function entry(emoji: string, label: string, tags: string[], order: number): EmojiEntry {
  return { emoji, label, tags, group: 0, order };
}

// In emojibase's relative order: 😍 comes before ❤️, so ranking has to reorder them.
const ENTRIES: EmojiEntry[] = [
  entry('😂', 'face with tears of joy', ['face', 'joy', 'laugh', 'tear'], 1),
  entry('😍', 'smiling face with heart-eyes', ['eye', 'face', 'love', 'smile'], 2),
  entry('🤩', 'star-struck', ['eyes', 'face', 'grinning', 'star'], 3),
  entry('❤️', 'red heart', ['heart', 'love'], 4),
  entry('⭐', 'star', ['star'], 5),
  entry('👍', 'thumbs up', ['+1', 'good', 'hand', 'like', 'thumb', 'up', 'yes'], 6),
  entry('💫', 'dizzy', ['comic', 'star'], 7),
  entry('🇺🇸', 'flag: United States', ['flag', 'us'], 8),
];

const emojiOf = (entries: EmojiEntry[]) => entries.map((item) => item.emoji);

describe('searchEmoji', () => {
  it('returns everything, in order, for an empty or blank query', () => {
    expect(searchEmoji(ENTRIES, '')).toEqual(ENTRIES);
    expect(searchEmoji(ENTRIES, '   ')).toEqual(ENTRIES);
  });

  it('ranks exact words, then prefixes, then substrings; ties keep the input order', () => {
    // ❤️ has the word "heart"; 😍 only "heart-eyes", a prefix match.
    expect(emojiOf(searchEmoji(ENTRIES, 'heart'))).toEqual(['❤️', '😍']);
    // Prefix matches of equal rank keep the input order: "star-struck", "star", "states".
    expect(emojiOf(searchEmoji(ENTRIES, 'sta'))).toEqual(['🤩', '⭐', '💫', '🇺🇸']);
    // "ear" is only ever a substring ("tears", "heart-eyes", "heart").
    expect(emojiOf(searchEmoji(ENTRIES, 'ear'))).toEqual(['😂', '😍', '❤️']);
  });

  it('puts a prefix match before an earlier substring match', () => {
    const data = [entry('🅰️', 'enjoy', [], 1), entry('🅱️', 'joyful', [], 2)];
    expect(emojiOf(searchEmoji(data, 'joy'))).toEqual(['🅱️', '🅰️']);
  });

  it('matches label words and tags case-insensitively', () => {
    expect(emojiOf(searchEmoji(ENTRIES, 'UNITED'))).toEqual(['🇺🇸']);
    expect(emojiOf(searchEmoji(ENTRIES, 'Like'))).toEqual(['👍']);
    expect(emojiOf(searchEmoji(ENTRIES, '+1'))).toEqual(['👍']);
  });

  it('needs every query word to match', () => {
    expect(emojiOf(searchEmoji(ENTRIES, 'thumbs up'))).toEqual(['👍']);
    expect(emojiOf(searchEmoji(ENTRIES, 'face love'))).toEqual(['😍']);
    expect(searchEmoji(ENTRIES, 'thumbs down')).toEqual([]);
  });

  it('returns nothing when nothing matches, and honours the limit', () => {
    expect(searchEmoji(ENTRIES, 'zebra')).toEqual([]);
    expect(emojiOf(searchEmoji(ENTRIES, 'star', 2))).toEqual(['🤩', '⭐']);
    expect(searchEmoji(ENTRIES, '', 3)).toHaveLength(3);
  });
});
