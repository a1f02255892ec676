/**
 * "Exactly one emoji": one user-perceived character (grapheme) that is an emoji. Skin tones,
 * ZWJ sequences (👩‍💻), flags (🇫🇷, 🏴 tag sequences) and keycaps (1️⃣) are one grapheme each.
 */

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

const FLAG = /^\p{Regional_Indicator}{2}$/u;
const KEYCAP = /^[0-9#*]\uFE0F?\u20E3$/u;
const PICTOGRAPHIC = /^\p{Extended_Pictographic}$/u;
// What may follow a pictograph inside one emoji: skin tone, variation selector, joiner, tags.
const EMOJI_PART =
  /^(?:\p{Extended_Pictographic}|\p{Emoji_Modifier}|\u200D|\uFE0F|[\u{E0020}-\u{E007F}])$/u;

export function isSingleEmoji(text: string): boolean {
  if (text.length === 0 || text.length > 64) return false;
  if ([...graphemes.segment(text)].length !== 1) return false;
  if (FLAG.test(text) || KEYCAP.test(text)) return true;
  const codePoints = [...text];
  const first = codePoints[0] ?? '';
  const last = codePoints[codePoints.length - 1] ?? '';
  return (
    PICTOGRAPHIC.test(first) &&
    last !== '\u200D' &&
    codePoints.every((codePoint) => EMOJI_PART.test(codePoint))
  );
}
