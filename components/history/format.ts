/** Words for history lines: what, as whom, where it opens, which day. Pure (the catalogue aside). */
import { i18n } from '#i18n';
import { type HistoryLine, reactionName, statusOf, statusWord } from '@/lib/history/words';
import { uiLocale } from '@/lib/locale';

/** "Reacted 👍 on a message", "Removed Celebrate from a post", "Reacting Love on a comment". */
export function describeLine(line: Pick<HistoryLine, 'kind' | 'value' | 'react' | 'outcome'>) {
  const what: [string] = [reactionName(line)];
  if (line.outcome === 'pending') {
    return line.react
      ? i18n.t(`historyLine.reacting.${line.kind}`, what)
      : i18n.t(`historyLine.removing.${line.kind}`, what);
  }
  return line.react
    ? i18n.t(`historyLine.reacted.${line.kind}`, what)
    : i18n.t(`historyLine.removed.${line.kind}`, what);
}

/** The outcome in words: "Applied", "Removed", "Pending", "Failed: <why>". */
export function outcomeWords(line: Pick<HistoryLine, 'outcome' | 'react' | 'error'>): string {
  const status = statusOf(line);
  if (status === 'failed' && line.error) return i18n.t('historyLine.failedBecause', [line.error]);
  if (status === 'pending' && line.error) return i18n.t('historyLine.pendingBecause', [line.error]);
  return statusWord(status);
}

/**
 * As whom, without a name (the history keeps none): a page's number, "you" for a LinkedIn
 * member, a ConnectSafely account by the end of its id, or by the label the caller knows.
 */
export function actorLabel(actor: string, known?: ReadonlyMap<string, string>): string {
  const label = known?.get(actor);
  if (label) return label;
  const page = actor.match(/^urn:li:organization:(\d+)$/);
  if (page?.[1]) return i18n.t('historyLine.actorPage', [page[1]]);
  if (actor.startsWith('urn:li:person:')) return i18n.t('historyLine.actorYou');
  return i18n.t('historyLine.actorAccount', [actor.slice(-6)]);
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

let dayHeading: Intl.DateTimeFormat | undefined;

/**
 * "Today", "Yesterday", or "Tuesday, November 3, 2026" ("Dienstag, 3. November 2026"), in the
 * catalogue's language (made on first use, once the locale can be read).
 */
export function dayLabel(dayStartAt: number, todayStartAt: number): string {
  const days = Math.round((todayStartAt - dayStartAt) / 86_400_000);
  if (days === 0) return i18n.t('history.today');
  if (days === 1) return i18n.t('history.yesterday');
  dayHeading ??= new Intl.DateTimeFormat(uiLocale(), {
    weekday: 'long',
    month: 'long',
    day: 'numeric',
    year: 'numeric',
  });
  return dayHeading.format(dayStartAt);
}
