/**
 * Plain words for the popup's LinkedIn section: when the connection ends, what each permission
 * is for, how it was made, a page's roles. Pure functions, tested on their own.
 */
import type { LinkedInConnectionSummary } from '@/lib/messaging/linkedin';
import { tokenExpiry } from '@/lib/services/linkedin/oauth';
import { PERMISSION_PURPOSES } from '@/lib/services/linkedin/words';
import type { Tone } from './format';

const day = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', year: 'numeric' });

function days(count: number): string {
  return count === 1 ? '1 day' : `${count} days`;
}

export interface ExpiryWords {
  /** When it ends: "Ends in 53 days (Mar 3, 2027)". */
  when: string;
  /** `when`, and what to do about it if anything: "…: reconnect LinkedIn before then". */
  text: string;
  tone: Tone;
  /** Ends within EXPIRY_WARNING_DAYS (oauth.ts; or has ended): said as a warning, not a detail. */
  warn: boolean;
}

function words(when: string, tone: Tone, advice?: string): ExpiryWords {
  return { when, text: advice ? `${when}: ${advice}` : when, tone, warn: advice !== undefined };
}

/**
 * "Ends in 53 days (Mar 3, 2027)"; from 7 days before, a warning to reconnect; for a pasted
 * token whose end is not known, the latest it can end (LinkedIn's tokens last 60 days).
 */
export function expiryWords(
  connection: Pick<LinkedInConnectionSummary, 'expiresAt' | 'expiryKnown'>,
  now: number,
): ExpiryWords {
  const expiry = tokenExpiry(connection.expiresAt, now);
  const date = day.format(connection.expiresAt);
  if (!expiry) return words(`Ends ${date}`, 'neutral');
  if (connection.expiryKnown) {
    if (expiry.expired) return words(`Expired on ${date}`, 'bad', 'reconnect LinkedIn');
    const when = `Ends in ${days(expiry.daysLeft)} (${date})`;
    return expiry.warn
      ? words(when, 'warn', 'reconnect LinkedIn before then to keep reacting')
      : words(when, 'good');
  }
  if (expiry.expired) {
    return words(
      'May have ended (LinkedIn tokens last 60 days)',
      'bad',
      'reconnect LinkedIn if reactions fail',
    );
  }
  if (expiry.warn) {
    return words(
      `Ends by ${date} at the latest (in ${days(expiry.daysLeft)})`,
      'warn',
      'reconnect LinkedIn before then',
    );
  }
  return words(`Ends by ${date} at the latest (LinkedIn tokens last 60 days)`, 'neutral');
}

/** "w_member_social: react as you". */
export function scopeWords(scope: string): string {
  const purpose = PERMISSION_PURPOSES[scope];
  return purpose ? `${scope}: ${purpose}` : scope;
}

export function viaWords(via: LinkedInConnectionSummary['via']): string {
  return via === 'sign-in' ? 'Signed in with LinkedIn' : 'Pasted access token';
}

/** LinkedIn's page roles as words: "ADMINISTRATOR" → "Administrator". */
export function roleWords(roles: readonly string[]): string {
  return roles
    .map((role) => {
      const words = role.replace(/_/g, ' ').toLowerCase();
      return words.charAt(0).toUpperCase() + words.slice(1);
    })
    .join(', ');
}

/** `urn:li:organization:2414183` → "2414183". */
export function pageId(urn: string): string {
  return urn.slice(urn.lastIndexOf(':') + 1);
}
