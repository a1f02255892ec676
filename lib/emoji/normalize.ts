/**
 * One spelling per emoji. Emojibase writes U+FE0F (the "emoji style" selector) even after
 * characters that are emoji by default (👍️ for 👍); two spellings of one emoji would defeat
 * duplicate checks and comparisons with the reactions LinkedIn reports. Removing the selector
 * only where it is redundant gives Unicode's fully-qualified form; ❤️ and #️⃣ keep theirs.
 */
export function normalizeEmoji(value: string): string {
  return value.replace(/(\p{Emoji_Presentation})\uFE0F/gu, '$1');
}
