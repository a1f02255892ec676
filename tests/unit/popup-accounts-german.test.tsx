/**
 * The Accounts tab's words in a browser set to German: the German catalogue's plurals,
 * placeholders and word order reach the words the popup shows, with German numbers and dates,
 * and markup lands where the German sentence puts its placeholder.
 */
import path from 'node:path';
import { generateChromeMessages, parseMessagesFile } from '@wxt-dev/i18n/build';
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

const german = generateChromeMessages(await parseMessagesFile(path.resolve('locales/de.yml')));

/** `browser.i18n.getMessage` over the German catalogue ($1…$9; it has no named placeholders). */
function getMessage(name: string, substitutions?: string | string[]): string {
  const subs = substitutions === undefined ? [] : [substitutions].flat();
  const message = german[name]?.message ?? '';
  return message.replace(/\$([1-9])/g, (_, at: string) => subs[Number(at) - 1] ?? '');
}

let format: typeof import('@/components/popup/format');
let linkedin: typeof import('@/components/popup/linkedin-format');
let RealtimeStatus: typeof import('@/components/popup/RealtimeStatus').RealtimeStatus;

beforeEach(async () => {
  (fakeBrowser.i18n as { getMessage: typeof getMessage }).getMessage = getMessage;
  (fakeBrowser.i18n as { getUILanguage: () => string }).getUILanguage = () => 'de-DE';
  // The locale and the formatters are read once per page: a fresh page for each test.
  vi.resetModules();
  format = await import('@/components/popup/format');
  linkedin = await import('@/components/popup/linkedin-format');
  ({ RealtimeStatus } = await import('@/components/popup/RealtimeStatus'));
});

const at = (hours: number, minutes = 0, day = 10, month = 2, year = 2026) =>
  new Date(year, month, day, hours, minutes).getTime();
const DAY = 86_400_000;

describe('the Accounts tab in German', () => {
  it('says the budget with German numbers, and the noun follows the limit', () => {
    const now = at(13, 20);
    expect(format.formatBudget({ limit: 1000, remaining: 812, resetAt: at(14) }, now)).toBe(
      'Noch 812 von 1.000 Anfragen in dieser Stunde, der Zähler beginnt um 14:00 Uhr neu',
    );
    expect(format.formatBudget({ limit: 1, remaining: 0, resetAt: at(14) }, now)).toBe(
      'Die 1 Anfrage dieser Stunde ist verbraucht: Reaktionen warten bis 14:00 Uhr',
    );
    expect(format.formatBudget({ limit: 5000, remaining: 0, resetAt: at(13) }, now)).toBe(
      '5.000 Anfragen pro Stunde (der Zähler wurde um 13:00 Uhr zurückgesetzt)',
    );
  });

  it('says the live updates’ state and the key’s', () => {
    expect(format.realtimeText({ state: 'reconnecting', retryAt: 125_000 }, 0)).toBe(
      'neuer Verbindungsversuch in 2 Min. 5 s',
    );
    expect(format.keyStatusText('unchecked')).toBe('Noch nicht geprüft');
    expect(format.accountStatusText('ACTIVE')).toBe('Aktiv');
    // A state the catalogue does not name is shown in the service's words.
    expect(format.accountStatusText('on_hold')).toBe('On hold');
  });

  it('puts the state, in its colour, where the German sentence has it', () => {
    const html = renderToStaticMarkup(<RealtimeStatus realtime={{ state: 'unauthorized' }} />);
    expect(html).toMatch(
      /<span>Live-Aktualisierungen: <span class="[^"]*text-red-700[^"]*">Schlüssel abgelehnt<\/span><\/span>/,
    );
  });

  it('says when, with German dates', () => {
    const now = at(15, 30);
    expect(format.formatWhen(now - 10_000, now)).toBe('gerade eben');
    expect(format.formatWhen(now - 5 * 60_000, now)).toBe('vor 5 Min.');
    expect(format.formatWhen(at(23, 50, 9), now)).toBe('gestern 23:50');
    expect(format.formatWhen(at(12, 0, 24, 11, 2025), now)).toBe('24. Dez. 2025');
  });

  it('says until when LinkedIn is connected, in the German order and plural', () => {
    const now = Date.UTC(2026, 10, 1, 12);
    expect(linkedin.expiryWords({ expiresAt: now + 7 * DAY, expiryKnown: true }, now)).toEqual({
      when: 'Endet in 7 Tagen (8. Nov. 2026)',
      text: 'Endet in 7 Tagen (8. Nov. 2026): Verbinden Sie LinkedIn vorher neu, um weiter reagieren zu können',
      tone: 'warn',
      warn: true,
    });
    expect(linkedin.expiryWords({ expiresAt: now + DAY, expiryKnown: false }, now).when).toBe(
      'Endet spätestens am 2. Nov. 2026 (in 1 Tag)',
    );
    expect(linkedin.viaWords('token')).toBe('Eingefügtes Zugriffstoken');
    expect(linkedin.roleWords(['ADMINISTRATOR', 'RECRUITING_POSTER', 'CURATOR'])).toBe(
      'Administrator, Poster von Stellenanzeigen, Curator',
    );
  });
});
