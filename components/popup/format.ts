/**
 * Plain words for the popup: budgets, countdowns, realtime states, times and history lines, from
 * the catalogue in the browser's language (`popupFormat`), with its dates and numbers.
 * Pure functions of their inputs (and the local time zone), so they are tested on their own.
 */
import { i18n } from '#i18n';
import type { KeySummary, RateLimitBudget, RealtimeState } from '@/lib/accounts/types';
import { uiLocale } from '@/lib/locale';

export type TabId = 'history' | 'accounts';

/**
 * Accounts when the page asked for it (`#accounts`) or nothing is set up yet (no key, no
 * LinkedIn connection: `setUpCount` 0), else History.
 */
export function pickInitialTab(hash: string, setUpCount: number | undefined): TabId {
  if (hash === '#accounts' || setUpCount === 0) return 'accounts';
  return 'history';
}

/**
 * A formatter made at its first use rather than at import, so it takes the locale the browser
 * chose (uiLocale), and a test can set the browser up before it is made.
 */
export function lazily<T>(make: () => T): () => T {
  let made: T | undefined;
  return () => {
    made ??= make();
    return made;
  };
}

const numbers = lazily(() => new Intl.NumberFormat(uiLocale()));

export function formatCount(value: number): string {
  return numbers().format(value);
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/** Local wall-clock time, 24-hour: "14:00". */
export function formatClock(at: number): string {
  const date = new Date(at);
  return `${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** "812 of 1,000 requests left this hour, resets at 14:00" (the noun follows the limit). */
export function formatBudget(budget: RateLimitBudget, now: number): string {
  const limit = Math.max(0, budget.limit);
  const resetsAt = formatClock(budget.resetAt);
  if (now >= budget.resetAt) {
    return i18n.t('popupFormat.budgetReset', limit, [formatCount(limit), resetsAt]);
  }
  const remaining = Math.min(limit, Math.max(0, budget.remaining));
  if (remaining === 0) {
    return i18n.t('popupFormat.budgetUsed', limit, [formatCount(limit), resetsAt]);
  }
  return i18n.t('popupFormat.budgetLeft', limit, [
    formatCount(remaining),
    formatCount(limit),
    resetsAt,
  ]);
}

/** A short duration, rounded up to whole seconds: "12 s", "2 min 5 s", "1 h 4 min". */
export function formatDuration(ms: number): string {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  if (seconds < 60) return i18n.t('popupFormat.seconds', [seconds]);
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) {
    const rest = seconds % 60;
    return rest === 0
      ? i18n.t('popupFormat.minutes', [minutes])
      : i18n.t('popupFormat.minutesSeconds', [minutes, rest]);
  }
  const hours = Math.floor(minutes / 60);
  const restMinutes = minutes % 60;
  return restMinutes === 0
    ? i18n.t('popupFormat.hours', [hours])
    : i18n.t('popupFormat.hoursMinutes', [hours, restMinutes]);
}

/** What follows "Live updates: ". */
export function realtimeText(realtime: RealtimeState, now: number): string {
  switch (realtime.state) {
    case 'connected':
      return i18n.t('popupFormat.realtimeConnected');
    case 'reconnecting':
      return realtime.retryAt > now
        ? i18n.t('popupFormat.realtimeReconnectingIn', [formatDuration(realtime.retryAt - now)])
        : i18n.t('popupFormat.realtimeReconnecting');
    case 'unauthorized':
      return i18n.t('popupFormat.realtimeUnauthorized');
    case 'offline':
      return i18n.t('popupFormat.realtimeOffline');
    case 'connecting':
      return i18n.t('popupFormat.realtimeConnecting');
    case 'idle':
      return i18n.t('popupFormat.realtimeIdle');
  }
}

export type Tone = 'good' | 'warn' | 'bad' | 'neutral';

export function realtimeTone(realtime: RealtimeState): Tone {
  switch (realtime.state) {
    case 'connected':
      return 'good';
    case 'reconnecting':
    case 'offline':
    case 'connecting':
      return 'warn';
    case 'unauthorized':
      return 'bad';
    case 'idle':
      return 'neutral';
  }
}

export function keyStatusText(status: KeySummary['status']): string {
  switch (status) {
    case 'valid':
      return i18n.t('popupFormat.keyValid');
    case 'invalid':
      return i18n.t('popupFormat.keyInvalid');
    case 'unchecked':
      return i18n.t('popupFormat.keyUnchecked');
  }
}

/**
 * The service's account status ("ACTIVE", "needs_reauth") as words: "Active", "Needs reauth" from
 * the catalogue; a status it does not name, as the service's own words ("on_hold": "On hold").
 */
export function accountStatusText(status: string): string {
  const words = status.trim().replace(/[_-]+/g, ' ').toLowerCase();
  if (!words) return i18n.t('popupFormat.accountUnknown');
  if (words === 'active') return i18n.t('popupFormat.accountActive');
  if (words === 'needs reauth') return i18n.t('popupFormat.accountNeedsReauth');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const monthDay = lazily(
  () => new Intl.DateTimeFormat(uiLocale(), { month: 'short', day: 'numeric' }),
);
const monthDayYear = lazily(
  () => new Intl.DateTimeFormat(uiLocale(), { month: 'short', day: 'numeric', year: 'numeric' }),
);
const weekday = lazily(() => new Intl.DateTimeFormat(uiLocale(), { weekday: 'short' }));
const fullTime = lazily(
  () => new Intl.DateTimeFormat(uiLocale(), { dateStyle: 'medium', timeStyle: 'short' }),
);

function startOfDay(at: number): number {
  const date = new Date(at);
  date.setHours(0, 0, 0, 0);
  return date.getTime();
}

/**
 * When a history line happened, short: "just now", "5 min ago", "14:05", "yesterday 14:05",
 * "Mon 14:05", "Mar 3", "Mar 3, 2024".
 */
export function formatWhen(at: number, now: number): string {
  const ago = now - at;
  if (ago < 60_000) return i18n.t('popupFormat.justNow');
  if (ago < 3_600_000) return i18n.t('popupFormat.minutesAgo', [Math.floor(ago / 60_000)]);
  const days = Math.round((startOfDay(now) - startOfDay(at)) / 86_400_000);
  if (days === 0) return formatClock(at);
  if (days === 1) return i18n.t('popupFormat.yesterdayAt', [formatClock(at)]);
  if (days < 7) return `${weekday().format(at)} ${formatClock(at)}`;
  if (new Date(at).getFullYear() === new Date(now).getFullYear()) return monthDay().format(at);
  return monthDayYear().format(at);
}

/** The full date and time, for a tooltip. */
export function formatFullTime(at: number): string {
  return fullTime().format(at);
}

/** The link as an http(s) URL, or null for anything else (javascript:, data:, garbage). */
export function safeLink(link: string): string | null {
  try {
    const url = new URL(link);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}
