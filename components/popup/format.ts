/**
 * Plain words for the popup: budgets, countdowns, realtime states, times and history lines.
 * Pure functions of their inputs (and the local time zone), so they are tested on their own.
 */
import type { KeySummary, RateLimitBudget, RealtimeState } from '@/lib/accounts/types';

export type TabId = 'history' | 'accounts';

/**
 * Accounts when the page asked for it (`#accounts`) or nothing is set up yet (no key, no
 * LinkedIn connection: `setUpCount` 0), else History.
 */
export function pickInitialTab(hash: string, setUpCount: number | undefined): TabId {
  if (hash === '#accounts' || setUpCount === 0) return 'accounts';
  return 'history';
}

const numbers = new Intl.NumberFormat('en-US');

export function formatCount(value: number): string {
  return numbers.format(value);
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/** Local wall-clock time, 24-hour: "14:00". */
export function formatClock(at: number): string {
  const date = new Date(at);
  return `${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** "812 of 1,000 requests left this hour, resets at 14:00". */
export function formatBudget(budget: RateLimitBudget, now: number): string {
  const limit = Math.max(0, budget.limit);
  const noun = limit === 1 ? 'request' : 'requests';
  const resetsAt = formatClock(budget.resetAt);
  if (now >= budget.resetAt) {
    return `${formatCount(limit)} ${noun} an hour (the count was reset at ${resetsAt})`;
  }
  const remaining = Math.min(limit, Math.max(0, budget.remaining));
  if (remaining === 0) {
    return `All ${formatCount(limit)} ${noun} used this hour: reactions wait until ${resetsAt}`;
  }
  return `${formatCount(remaining)} of ${formatCount(limit)} ${noun} left this hour, resets at ${resetsAt}`;
}

/** A short duration, rounded up to whole seconds: "12 s", "2 min 5 s", "1 h 4 min". */
export function formatDuration(ms: number): string {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) {
    const rest = seconds % 60;
    return rest === 0 ? `${minutes} min` : `${minutes} min ${rest} s`;
  }
  const hours = Math.floor(minutes / 60);
  const restMinutes = minutes % 60;
  return restMinutes === 0 ? `${hours} h` : `${hours} h ${restMinutes} min`;
}

/** What follows "Live updates: ". */
export function realtimeText(realtime: RealtimeState, now: number): string {
  switch (realtime.state) {
    case 'connected':
      return 'connected';
    case 'reconnecting':
      return realtime.retryAt > now
        ? `reconnecting in ${formatDuration(realtime.retryAt - now)}`
        : 'reconnecting…';
    case 'unauthorized':
      return 'key refused';
    case 'offline':
      return 'offline';
    case 'connecting':
      return 'connecting…';
    case 'idle':
      return 'idle';
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
      return 'Valid';
    case 'invalid':
      return 'Refused';
    case 'unchecked':
      return 'Not checked yet';
  }
}

/** The service's account status ("ACTIVE", "needs_reauth") as words: "Active", "Needs reauth". */
export function accountStatusText(status: string): string {
  const words = status.trim().replace(/[_-]+/g, ' ').toLowerCase();
  if (!words) return 'Unknown';
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const monthDay = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric' });
const monthDayYear = new Intl.DateTimeFormat('en-US', {
  month: 'short',
  day: 'numeric',
  year: 'numeric',
});
const weekday = new Intl.DateTimeFormat('en-US', { weekday: 'short' });
const fullTime = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short' });

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
  if (ago < 60_000) return 'just now';
  if (ago < 3_600_000) return `${Math.floor(ago / 60_000)} min ago`;
  const days = Math.round((startOfDay(now) - startOfDay(at)) / 86_400_000);
  if (days === 0) return formatClock(at);
  if (days === 1) return `yesterday ${formatClock(at)}`;
  if (days < 7) return `${weekday.format(at)} ${formatClock(at)}`;
  if (new Date(at).getFullYear() === new Date(now).getFullYear()) return monthDay.format(at);
  return monthDayYear.format(at);
}

/** The full date and time, for a tooltip. */
export function formatFullTime(at: number): string {
  return fullTime.format(at);
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
