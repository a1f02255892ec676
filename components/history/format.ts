/** Words for history lines: what, as whom, where it opens. Pure. */
import { type HistoryLine, reactionName, STATUS_WORDS, statusOf } from '@/lib/history/words';

/** "Reacted 👍 on a message", "Removed Celebrate from a post", "Reacting Love on a comment…". */
export function describeLine(line: Pick<HistoryLine, 'kind' | 'value' | 'react' | 'outcome'>) {
  const what = reactionName(line);
  if (line.outcome === 'pending') {
    return line.react
      ? `Reacting ${what} on a ${line.kind}`
      : `Removing ${what} from a ${line.kind}`;
  }
  return line.react ? `Reacted ${what} on a ${line.kind}` : `Removed ${what} from a ${line.kind}`;
}

/** The outcome in words: "Applied", "Removed", "Pending", "Failed: <why>". */
export function outcomeWords(line: Pick<HistoryLine, 'outcome' | 'react' | 'error'>): string {
  const status = statusOf(line);
  if (status === 'failed') return line.error ? `Failed: ${line.error}` : 'Failed';
  if (status === 'pending' && line.error) return `Pending (${line.error}, retrying)`;
  return STATUS_WORDS[status];
}

/**
 * As whom, without a name (the history keeps none): a page's number, "you" for a LinkedIn
 * member, a ConnectSafely account by the end of its id, or by the label the caller knows.
 */
export function actorLabel(actor: string, known?: ReadonlyMap<string, string>): string {
  const label = known?.get(actor);
  if (label) return label;
  const page = actor.match(/^urn:li:organization:(\d+)$/);
  if (page) return `LinkedIn page ${page[1]}`;
  if (actor.startsWith('urn:li:person:')) return 'You on LinkedIn';
  return `ConnectSafely account …${actor.slice(-6)}`;
}

/** Where a line opens: the message's thread, the post, or the post scrolled to the comment. */
export function openUrl(line: Pick<HistoryLine, 'kind' | 'urn' | 'link'>): string | null {
  let url: URL;
  try {
    url = new URL(line.link);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  if (line.kind === 'comment') url.searchParams.set('commentUrn', line.urn);
  return url.href;
}

const dayHeading = new Intl.DateTimeFormat('en-US', {
  weekday: 'long',
  month: 'long',
  day: 'numeric',
  year: 'numeric',
});

/** "Today", "Yesterday", or "Tuesday, November 3, 2026". */
export function dayLabel(dayStartAt: number, todayStartAt: number): string {
  const days = Math.round((todayStartAt - dayStartAt) / 86_400_000);
  if (days === 0) return 'Today';
  if (days === 1) return 'Yesterday';
  return dayHeading.format(dayStartAt);
}
