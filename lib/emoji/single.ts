/**
 * Whether a string is exactly one emoji: one grapheme, pictographic (flags and keycaps
 * included). Plain code, no schema library: the content script uses it on every LinkedIn page.
 */
const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });

export function isSingleEmoji(value: string): boolean {
  if (value.length === 0 || value.length > 32) return false;
  let count = 0;
  for (const _ of segmenter.segment(value)) if (++count > 1) return false;
  return /\p{Extended_Pictographic}|\p{Regional_Indicator}|\u20e3/u.test(value);
}
