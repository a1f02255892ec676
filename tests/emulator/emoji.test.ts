import { describe, expect, it } from 'vitest';
import { isSingleEmoji } from './connectsafely/emoji';

describe('isSingleEmoji', () => {
  it.each([
    ['thumbs up', '👍'],
    ['heart with variation selector', '❤️'],
    ['skin tone', '👍🏽'],
    ['ZWJ sequence', '👩‍💻'],
    ['family ZWJ sequence', '👨‍👩‍👧‍👦'],
    ['regional-indicator flag', '🇫🇷'],
    ['keycap', '1️⃣'],
    ['keycap without variation selector', '#\u20E3'],
    ['tag-sequence flag', '🏴󠁧󠁢󠁳󠁣󠁴󠁿'],
    ['LinkedIn quick list', '👏'],
  ])('accepts a %s', (_name, emoji) => {
    expect(isSingleEmoji(emoji)).toBe(true);
  });

  it.each([
    ['the empty string', ''],
    ['a letter', 'a'],
    ['a digit', '1'],
    ['two emoji', '👍👍'],
    ['an emoji and a space', '👍 '],
    ['an emoticon', ':)'],
    ['a word', 'thumbs_up'],
    ['a lone regional indicator', '🇫'],
    ['an emoji with a combining accent', '👍\u0301'],
    ['a lone joiner', '\u200D'],
    ['an emoji ending in a joiner', '👩\u200D'],
    ['a skin tone alone', '🏽'],
  ])('rejects %s', (_name, text) => {
    expect(isSingleEmoji(text)).toBe(false);
  });
});
