/**
 * The words a history line is shown, searched and exported with: LinkedIn's reaction names,
 * kinds and outcomes. Pure (the catalogue aside), and shared by the popup, the history page and
 * the export. What the member reads comes from the catalogue; STATUS_WORDS stays English, as data.
 */
import { i18n } from '#i18n';
import { isReactionType, REACTION_EMOJI, reactionTypeName } from '../reactions/linkedin-names';
import type { HistoryEntry, TargetKind } from '../reactions/types';

/** LinkedIn's name for a known reaction type ("Celebrate"), '' for anything else. */
export function linkedInName(value: string): string {
  return isReactionType(value) ? reactionTypeName(value) : '';
}

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

/**
 * The outcomes in English, whatever the browser's language: the export's `outcome` column
 * (lower-cased; a data format, like its column names) and the search's words (which the `byWord`
 * index stores, so they cannot change with the language). What the member reads is statusWord.
 */
export const STATUS_WORDS: Readonly<Record<LineStatus, string>> = {
  applied: 'Applied',
  removed: 'Removed',
  failed: 'Failed',
  pending: 'Pending',
};

/** An outcome as the member reads it: "Applied" ("Ausgeführt" in German). */
export function statusWord(status: LineStatus): string {
  return i18n.t(`historyLine.status.${status}`);
}

/** A kind as the Kind filter offers it: "Posts" ("Beiträge"). */
export function kindsWord(kind: TargetKind): string {
  return i18n.t(`historyFilters.kinds.${kind}`);
}

/** An emoji for messages, LinkedIn's name ("Celebrate") for post and comment reactions. */
export function reactionName(line: Pick<HistoryLine, 'kind' | 'value'>): string {
  if (line.kind === 'message') return line.value;
  return linkedInName(line.value) || humanize(line.value);
}

/** An unknown type in words: "MAYBE" → "Maybe" (LinkedIn's own word, untranslated). */
function humanize(value: string): string {
  const words = value.trim().replace(/[_-]+/g, ' ').toLowerCase();
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : i18n.t('historyLine.unknown');
}

/** The big symbol at the start of a line. */
export function reactionSymbol(line: Pick<HistoryLine, 'kind' | 'value'>): string {
  if (line.kind === 'message') return line.value;
  return isReactionType(line.value) ? REACTION_EMOJI[line.value] : '•';
}

/** A reaction as a filter option shows it: "👍" or "👍 Like". */
export function reactionLabel(value: string): string {
  return isReactionType(value) ? `${REACTION_EMOJI[value]} ${reactionTypeName(value)}` : value;
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
