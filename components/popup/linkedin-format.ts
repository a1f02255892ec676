/**
 * Plain words for the popup's LinkedIn section: when the connection ends, what each permission
 * is for, how it was made, a page's roles; from the catalogue (`linkedinFormat`), dates in the
 * browser's language. Pure functions, tested on their own.
 */
import { i18n } from '#i18n';
import { uiLocale } from '@/lib/locale';
import type { LinkedInConnectionSummary } from '@/lib/messaging/linkedin';
import { ORGANIZATION_ROLES, type OrganizationRole } from '@/lib/services/linkedin/client';
import { tokenExpiry } from '@/lib/services/linkedin/oauth';
import { PERMISSION_PURPOSES } from '@/lib/services/linkedin/words';
import { lazily, type Tone } from './format';

const day = lazily(
  () => new Intl.DateTimeFormat(uiLocale(), { month: 'short', day: 'numeric', year: 'numeric' }),
);

export interface ExpiryWords {
  /** When it ends: "Ends in 53 days (Mar 3, 2027)". */
  when: string;
  /** `when`, and what to do about it if anything: "…: reconnect LinkedIn before then". */
  text: string;
  tone: Tone;
  /** Ends within EXPIRY_WARNING_DAYS (oauth.ts; or has ended): said as a warning, not a detail. */
  warn: boolean;
}

/** `text`, when given, is `when` with advice (linkedinFormat.…Advice), said as a warning. */
function words(when: string, tone: Tone, text?: string): ExpiryWords {
  return { when, text: text ?? when, tone, warn: text !== undefined };
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
  const date = day().format(connection.expiresAt);
  if (!expiry) return words(i18n.t('linkedinFormat.ends', [date]), 'neutral');
  if (connection.expiryKnown) {
    if (expiry.expired) {
      const when = i18n.t('linkedinFormat.expiredOn', [date]);
      return words(when, 'bad', i18n.t('linkedinFormat.expiredAdvice', [when]));
    }
    const when = i18n.t('linkedinFormat.endsIn', expiry.daysLeft, [expiry.daysLeft, date]);
    return expiry.warn
      ? words(when, 'warn', i18n.t('linkedinFormat.soonAdvice', [when]))
      : words(when, 'good');
  }
  if (expiry.expired) {
    const when = i18n.t('linkedinFormat.mayHaveEnded');
    return words(when, 'bad', i18n.t('linkedinFormat.mayHaveEndedAdvice', [when]));
  }
  if (expiry.warn) {
    const when = i18n.t('linkedinFormat.endsBySoon', expiry.daysLeft, [expiry.daysLeft, date]);
    return words(when, 'warn', i18n.t('linkedinFormat.soonUnknownAdvice', [when]));
  }
  return words(i18n.t('linkedinFormat.endsBy', [date]), 'neutral');
}

/** "w_member_social: react as you". */
export function scopeWords(scope: string): string {
  const purpose = PERMISSION_PURPOSES[scope];
  return purpose ? `${scope}: ${purpose}` : scope;
}

export function viaWords(via: LinkedInConnectionSummary['via']): string {
  return via === 'sign-in' ? i18n.t('linkedinFormat.viaSignIn') : i18n.t('linkedinFormat.viaToken');
}

function isOrganizationRole(role: string): role is OrganizationRole {
  return (ORGANIZATION_ROLES as readonly string[]).includes(role);
}

/**
 * LinkedIn's page roles as words: "ADMINISTRATOR" → "Administrator" from the catalogue; a role
 * it does not name, from LinkedIn's code ("CONTENT_ADMIN" → "Content admin").
 */
export function roleWords(roles: readonly string[]): string {
  return roles
    .map((role) => {
      if (isOrganizationRole(role)) return i18n.t(`linkedinFormat.role.${role}`);
      const words = role.replace(/_/g, ' ').toLowerCase();
      return words.charAt(0).toUpperCase() + words.slice(1);
    })
    .join(', ');
}

/** `urn:li:organization:2414183` → "2414183". */
export function pageId(urn: string): string {
  return urn.slice(urn.lastIndexOf(':') + 1);
}
