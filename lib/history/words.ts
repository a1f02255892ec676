/**
 * The words a history line is shown, searched and exported with: LinkedIn's reaction names,
 * kinds and outcomes. Pure, and shared by the popup, the history page and the export.
 */
import type { HistoryEntry, TargetKind } from '../reactions/types';

/** LinkedIn's reaction types, with the symbol and the name LinkedIn shows for them. */
export const REACTION_NAMES: Readonly<Record<string, { symbol: string; name: string }>> = {
  LIKE: { symbol: '👍', name: 'Like' },
  PRAISE: { symbol: '👏', name: 'Celebrate' },
  APPRECIATION: { symbol: '🫶', name: 'Support' },
  EMPATHY: { symbol: '❤️', name: 'Love' },
  INTEREST: { symbol: '💡', name: 'Insightful' },
  ENTERTAINMENT: { symbol: '😂', name: 'Funny' },
};

/**
 * What became of a line: added and landed (applied), taken away and landed (removed), refused
 * (failed), or still in the outbox (pending).
 */
export type LineStatus = 'applied' | 'removed' | 'failed' | 'pending';

export const LINE_STATUSES: readonly LineStatus[] = ['applied', 'removed', 'failed', 'pending'];
export const TARGET_KINDS: readonly TargetKind[] = ['message', 'post', 'comment'];

/** A line as shown: a stored line, or a click still in the outbox (`pending`, no id). */
export type HistoryLine = Omit<HistoryEntry, 'outcome'> & {
  outcome: HistoryEntry['outcome'] | 'pending';
  /** The outbox slot of a pending line. */
  pendingId?: string;
};

export function statusOf(line: Pick<HistoryLine, 'outcome' | 'react'>): LineStatus {
  if (line.outcome === 'pending') return 'pending';
  if (line.outcome === 'failed') return 'failed';
  return line.react ? 'applied' : 'removed';
}

export const STATUS_WORDS: Readonly<Record<LineStatus, string>> = {
  applied: 'Applied',
  removed: 'Removed',
  failed: 'Failed',
  pending: 'Pending',
};

/** An emoji for messages, LinkedIn's name ("Celebrate") for post and comment reactions. */
export function reactionName(line: Pick<HistoryLine, 'kind' | 'value'>): string {
  if (line.kind === 'message') return line.value;
  return REACTION_NAMES[line.value]?.name ?? humanize(line.value);
}

/** An unknown type in words: "MAYBE" → "Maybe". */
function humanize(value: string): string {
  const words = value.trim().replace(/[_-]+/g, ' ').toLowerCase();
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : 'Unknown';
}

/** The big symbol at the start of a line. */
export function reactionSymbol(line: Pick<HistoryLine, 'kind' | 'value'>): string {
  if (line.kind === 'message') return line.value;
  return REACTION_NAMES[line.value]?.symbol ?? '•';
}

/** A reaction as a filter option shows it: "👍" or "👍 Like". */
export function reactionLabel(value: string): string {
  const known = REACTION_NAMES[value];
  return known ? `${known.symbol} ${known.name}` : value;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/** The local calendar day of a time: "2026-11-03". */
export function localDay(at: number): string {
  const date = new Date(at);
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Local midnight of the day `at` falls in. */
export function startOfLocalDay(at: number): number {
  const date = new Date(at);
  date.setHours(0, 0, 0, 0);
  return date.getTime();
}
