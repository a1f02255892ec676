/**
 * The history's words in German: the browser's i18n reads locales/de.yml (as Chromium in German
 * reads _locales/de), so the lines, outcomes, day headings and dates follow it, while the export
 * stays the same data whatever the language.
 */
import path from 'node:path';
import { generateChromeMessages, parseMessagesFile } from '@wxt-dev/i18n/build';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { actorLabel, dayLabel, describeLine, outcomeWords } from '@/components/history/format';
import { CSV_COLUMNS, exportRow, toCsv } from '@/lib/history/export';
import { type HistoryLine, kindsWord, STATUS_WORDS, statusWord } from '@/lib/history/words';

const german = generateChromeMessages(await parseMessagesFile(path.resolve('locales/de.yml')));

/** `browser.i18n.getMessage` over the German catalogue: `$1`…`$9` and `$$`. */
function getMessage(name: string, substitutions?: string | string[]): string {
  const subs = substitutions === undefined ? [] : [substitutions].flat();
  return (german[name]?.message ?? '').replace(/\$(\$|[1-9])/g, (_, what: string) =>
    what === '$' ? '$' : (subs[Number(what) - 1] ?? ''),
  );
}

// After the setup file's English one (its beforeEach runs first); before anything reads the
// locale, which lib/locale.ts keeps for the module's life.
beforeEach(() => {
  (fakeBrowser.i18n as { getMessage: typeof getMessage }).getMessage = getMessage;
  (fakeBrowser.i18n as { getUILanguage: () => string }).getUILanguage = () => 'de-DE';
});

const line: HistoryLine = {
  id: 1,
  at: new Date(2026, 10, 3, 9, 30).getTime(),
  service: 'linkedin',
  kind: 'post',
  urn: 'urn:li:activity:1',
  value: 'PRAISE',
  react: true,
  actor: 'urn:li:person:Xy12Ab34',
  source: 'own',
  outcome: 'applied',
  link: 'https://www.linkedin.com/feed/update/urn:li:activity:1/',
};

describe('the history in German', () => {
  it('says what happened in one sentence per kind, with LinkedIn’s German names', () => {
    expect(describeLine(line)).toBe('Mit „Applaus“ auf einen Beitrag reagiert');
    expect(describeLine({ ...line, kind: 'comment', value: 'LIKE', react: false })).toBe(
      'Reaktion „Gefällt mir“ von einem Kommentar entfernt',
    );
    expect(describeLine({ ...line, kind: 'message', value: '🎉', outcome: 'pending' })).toBe(
      'Reaktion 🎉 auf eine Nachricht wird gesendet',
    );
    expect(
      describeLine({ ...line, kind: 'message', value: '🎉', react: false, outcome: 'pending' }),
    ).toBe('Reaktion 🎉 wird von einer Nachricht entfernt');
  });

  it('names outcomes, kinds and actors', () => {
    expect(outcomeWords(line)).toBe('Ausgeführt');
    expect(outcomeWords({ ...line, outcome: 'failed', error: 'Abgelehnt.' })).toBe(
      'Fehlgeschlagen: Abgelehnt.',
    );
    expect(outcomeWords({ ...line, outcome: 'pending', error: 'offline' })).toBe(
      'Ausstehend (offline, wird erneut versucht)',
    );
    expect(statusWord('removed')).toBe('Entfernt');
    expect(kindsWord('post')).toBe('Beiträge');
    expect(actorLabel('urn:li:person:Xy12Ab34')).toBe('Sie auf LinkedIn');
    expect(actorLabel('urn:li:organization:2414183')).toBe('LinkedIn-Seite 2414183');
    expect(actorLabel('65f1c0ffee0123456789abcd')).toBe('ConnectSafely-Konto …89abcd');
  });

  it('heads days in German', () => {
    const day = new Date(2026, 10, 3).getTime();
    expect(dayLabel(day, day)).toBe('Heute');
    expect(dayLabel(day, new Date(2026, 10, 4).getTime())).toBe('Gestern');
    expect(dayLabel(day, new Date(2026, 10, 10).getTime())).toBe('Dienstag, 3. November 2026');
  });

  it('exports the same data as in English: columns, action and outcome', () => {
    const row = exportRow({ ...line, react: false });
    expect(row).toMatchObject({ kind: 'post', reaction: 'PRAISE', action: 'remove' });
    expect(row.outcome).toBe('removed');
    expect(STATUS_WORDS.applied).toBe('Applied');
    expect(toCsv([line]).split('\r\n')[0]).toBe(`\ufeff${CSV_COLUMNS.join(',')}`);
  });
});
