/**
 * The notices and failures the background words (the engine, the services' backends, the
 * vaults, connecting LinkedIn, the history's undo) come from the catalogue: in a browser set to
 * German they are German. The .ts files are beyond the literal checker (i18n-literals.test.ts,
 * which reads JSX), so each kind of text is checked here by switching the catalogue.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AccountSummary } from '@/lib/accounts/types';
import { CONNECT_WORDS } from '@/lib/background/linkedin-connect';
import { tokenRefusedWords } from '@/lib/background/linkedin-vault';
import * as keys from '@/lib/background/vault';
import { closeDatabaseForTests } from '@/lib/db/schema';
import { noticeFor } from '@/lib/engine/notices';
import { type NoticeContext, ServiceError } from '@/lib/engine/types';
import type { FailureKind } from '@/lib/reactions/types';
import { createConnectSafelyBackend } from '@/lib/services/connectsafely/backend';
import type { ConnectSafelyClient } from '@/lib/services/connectsafely/client';
import {
  connectFailureWords,
  linkedInNoticeWords,
  PERMISSION_PURPOSES,
  redirectFailureWords,
  rowWarningWords,
} from '@/lib/services/linkedin/words';
import { setCatalogue } from './support/i18n';

const FAILURES: FailureKind[] = [
  'credential-refused',
  'permission-missing',
  'target-gone',
  'account-not-found',
  'rate-limited',
  'invalid-request',
  'server-error',
  'offline',
];
const ASKED = [...FAILURES, 'credential', 'actor'] as const;
const CONTEXT: NoticeContext = { rolledBack: true };

/** The same words in English, then in German. */
function inBothLanguages<T>(words: () => T): { en: T; de: T } {
  setCatalogue('en');
  const en = words();
  setCatalogue('de');
  const de = words();
  setCatalogue('en');
  return { en, de };
}

const connectSafely = createConnectSafelyBackend({
  defaultAccount: async () => null,
  hasKeys: async () => false,
  clientFor: async () => null,
  keyRefused: () => undefined,
});

describe('the notices near a bar', () => {
  it('the engine’s shared words and its fallback are German in German', () => {
    const words = inBothLanguages(() => ({
      tooFast: noticeFor(undefined, 'urn:x', 'too-fast', CONTEXT).message,
      changed: noticeFor(undefined, 'urn:x', 'changed-elsewhere', CONTEXT).message,
      fallback: noticeFor(undefined, 'urn:x', 'offline', CONTEXT).message,
    }));
    expect(words.en).toEqual({
      tooFast:
        'That was faster than a person clicks, so Reactbar paused. Try again in a few seconds.',
      changed:
        'This reaction was changed elsewhere after your click; Reactbar kept the newer change.',
      fallback: 'Reactbar cannot react to this yet.',
    });
    expect(words.de).toEqual({
      tooFast:
        'Das war schneller, als ein Mensch klickt, deshalb hat Reactbar pausiert. Versuchen Sie es in ein paar Sekunden erneut.',
      changed:
        'Diese Reaktion wurde nach Ihrem Klick anderswo geändert; Reactbar hat die neuere Änderung behalten.',
      fallback: 'Reactbar kann hierauf noch nicht reagieren.',
    });
  });

  it.each(ASKED)('ConnectSafely’s and LinkedIn’s words for %s are their own in German', (code) => {
    const words = inBothLanguages(() => ({
      connectSafely: connectSafely.words.message(code, CONTEXT),
      linkedIn: linkedInNoticeWords(code, CONTEXT),
    }));
    for (const service of ['connectSafely', 'linkedIn'] as const) {
      expect(words.de[service]).not.toBe('');
      expect(words.de[service], service).not.toBe(words.en[service]);
    }
  });

  it('a rate limit says until when, in the German sentence and a German time', async () => {
    setCatalogue('de');
    // The locale is worked out once per page or worker (lib/locale.ts): a German one, afresh.
    vi.resetModules();
    const fresh = await import('@/lib/services/linkedin/words');
    const retryAt = new Date(2026, 0, 1, 14, 5).getTime();
    expect(fresh.linkedInNoticeWords('rate-limited', { rolledBack: false, retryAt })).toBe(
      'LinkedIn begrenzt Anfragen bis 14:05: Reactbar sendet diese Reaktion dann.',
    );
  });

  it('the missing permission keeps its name, and says what it is for in German', () => {
    const words = inBothLanguages(() => ({
      known: linkedInNoticeWords('permission-missing', {
        ...CONTEXT,
        permission: 'w_member_social',
      }),
      unknown: linkedInNoticeWords('permission-missing', { ...CONTEXT, permission: 'w_other' }),
      purpose: PERMISSION_PURPOSES.w_member_social,
    }));
    expect(words.de.known).toBe(
      'Ihrer LinkedIn-Verbindung fehlt die Berechtigung w_member_social (Zweck: in Ihrem Namen reagieren). Verbinden Sie LinkedIn unter „Konten“ mit dieser Berechtigung neu.',
    );
    expect(words.en.unknown).toBe(
      'Your LinkedIn connection lacks the w_other permission. Reconnect LinkedIn with it in Accounts.',
    );
    expect(words.de.unknown).toContain('die Berechtigung w_other.');
    expect(words.de.purpose).toBe('in Ihrem Namen reagieren');
    expect(Object.keys(PERMISSION_PURPOSES)).toContain('openid');
  });
});

describe('what a post’s row says about the connection', () => {
  const warning = (daysLeft: number, expiryKnown: boolean) =>
    inBothLanguages(() =>
      rowWarningWords({
        refused: false,
        expiry: { daysLeft, expired: false, warn: true },
        expiryKnown,
      }),
    );

  it('counts the days left in each language’s plural', () => {
    expect(warning(1, true)).toEqual({
      en: 'Your LinkedIn connection ends in 1 day: reconnect in Accounts',
      de: 'Ihre LinkedIn-Verbindung endet in 1 Tag: Verbinden Sie sie unter „Konten“ neu',
    });
    expect(warning(3, false)).toEqual({
      en: 'Your LinkedIn connection ends in 3 days at the latest: reconnect in Accounts',
      de: 'Ihre LinkedIn-Verbindung endet spätestens in 3 Tagen: Verbinden Sie sie unter „Konten“ neu',
    });
  });

  it('names the member and an unnamed page in German', () => {
    expect(inBothLanguages(() => [CONNECT_WORDS.you, CONNECT_WORDS.unnamedPage])).toEqual({
      en: ['you', 'a page you manage'],
      de: ['Sie', 'eine von Ihnen verwaltete Seite'],
    });
  });
});

describe('what the popup hears when connecting fails', () => {
  it('connecting LinkedIn fails in German', () => {
    const words = inBothLanguages(() => [
      ...FAILURES.flatMap((kind) =>
        (['check-token', 'exchange-code', 'list-pages'] as const).map((step) =>
          connectFailureWords(step, { kind }),
        ),
      ),
      ...(['cancelled', 'refused', 'state-mismatch', 'malformed'] as const).map((reason) =>
        redirectFailureWords({ ok: false, reason }),
      ),
      ...(['noApp', 'busy', 'windowClosed', 'notConnected', 'notYourPage', 'notYou'] as const).map(
        (key) => CONNECT_WORDS[key],
      ),
      CONNECT_WORDS.noRedirect,
      CONNECT_WORDS.signInFailed,
      tokenRefusedWords(),
    ]);
    words.de.forEach((german, index) => {
      expect(german).not.toBe('');
      expect(german, words.en[index]).not.toBe(words.en[index]);
    });
    expect(words.de.at(-1)).toBe(
      'LinkedIn akzeptiert diese Verbindung nicht mehr (sie ist abgelaufen oder wurde widerrufen). Verbinden Sie LinkedIn neu.',
    );
  });

  describe('a ConnectSafely key', () => {
    beforeEach(() => {
      closeDatabaseForTests();
      globalThis.indexedDB = new IDBFactory();
    });
    afterEach(() => closeDatabaseForTests());

    const accounts: AccountSummary[] = [
      { id: 'acc-1', name: 'Maya', publicId: 'maya', status: 'active', apiSeatAllocated: true },
    ];
    const client = (answer: () => Promise<unknown>) =>
      (() => ({ accounts: answer }) as unknown as ConnectSafelyClient) as (
        apiKey: string,
      ) => ConnectSafelyClient;

    it('is named, and refused, in German', async () => {
      setCatalogue('de');
      const key = await keys.addKey(
        'cs_live_0123456789',
        undefined,
        client(async () => accounts),
      );
      expect(key.label).toBe('Schlüssel 1');
      await expect(
        keys.addKey(
          'cs_live_0123456789',
          'again',
          client(async () => accounts),
        ),
      ).rejects.toThrow('Dieser Schlüssel ist bereits gespeichert.');
      const offline = new ServiceError({ kind: 'offline', detail: 'ConnectSafely could not…' });
      await expect(
        keys.addKey(
          'cs_live_other_key',
          undefined,
          client(() => Promise.reject(offline)),
        ),
      ).rejects.toThrow(
        'ConnectSafely war nicht erreichbar. Prüfen Sie Ihre Verbindung und die API-URL in den Einstellungen.',
      );
    });
  });
});
