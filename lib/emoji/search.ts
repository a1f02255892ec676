import type { EmojiEntry } from './data';

/** How well one query word matches an emoji; lower is better. */
const Match = { Exact: 0, Prefix: 1, Substring: 2, None: 3 } as const;
type Match = (typeof Match)[keyof typeof Match];

// "flag: United States", "woman’s hat", "face with open mouth" → words.
const WORD_SEPARATORS = /[\s:,()“”"]+/;

/**
 * The entries matching `query`, best first: every query word must match a label word or a tag;
 * exact words rank first, then prefixes ("thum" → thumbs up), then substrings ("umbs").
 * Ties keep the input order (emojibase's). An empty query returns all entries.
 */
export function searchEmoji(
  entries: readonly EmojiEntry[],
  query: string,
  limit = Number.POSITIVE_INFINITY,
): EmojiEntry[] {
  const terms = query.toLowerCase().split(WORD_SEPARATORS).filter(Boolean);
  if (terms.length === 0) return entries.slice(0, limit);

  const ranked: Array<{ entry: EmojiEntry; rank: Match; position: number }> = [];
  entries.forEach((entry, position) => {
    const words = [...entry.label.toLowerCase().split(WORD_SEPARATORS), ...entry.tags];
    let rank: Match = Match.Exact;
    for (const term of terms) {
      rank = Math.max(rank, bestMatch(words, term)) as Match;
      if (rank === Match.None) return;
    }
    ranked.push({ entry, rank, position });
  });
  ranked.sort((a, b) => a.rank - b.rank || a.position - b.position);
  return ranked.slice(0, limit).map((item) => item.entry);
}

function bestMatch(words: readonly string[], term: string): Match {
  let best: Match = Match.None;
  for (const word of words) {
    const lower = word.toLowerCase();
    if (lower === term) return Match.Exact;
    if (lower.startsWith(term)) best = Match.Prefix;
    else if (best === Match.None && lower.includes(term)) best = Match.Substring;
  }
  return best;
}
