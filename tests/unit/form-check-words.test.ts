/** What a form's check says (lib/messaging/rules.ts) comes from the catalogue, in its language. */
import { describe, expect, it } from 'vitest';
import { REQUEST_RULES } from '@/lib/messaging/rules';
import { validateQuickSet } from '@/lib/quick-set';
import { connectionSettingsSchema } from '@/lib/settings';
import { setCatalogue } from './support/i18n';

const firstError = (result: { success: boolean; error?: { issues: { message: string }[] } }) =>
  result.error?.issues[0]?.message;

describe('form checks', () => {
  it('say what is wrong in English, and in German in a German browser', () => {
    const token = () =>
      firstError(REQUEST_RULES.connectLinkedInToken.schema.safeParse({ accessToken: 'short' }));
    const key = () => firstError(REQUEST_RULES.addKey.schema.safeParse({ apiKey: 'abc' }));
    expect(token()).toBe('That token is too short');
    expect(key()).toBe('That key is too short');
    setCatalogue('de');
    expect(token()).toBe('Dieses Token ist zu kurz');
    expect(key()).toBe('Dieser Schlüssel ist zu kurz');
  });

  it('of the options page (connection settings, quick set) too', () => {
    const url = () =>
      firstError(connectionSettingsSchema.shape.connectSafelyUrl.safeParse('http://example.com'));
    const twice = () => {
      const checked = validateQuickSet(['👍', '👍']);
      return checked.ok ? '' : checked.message;
    };
    expect(url()).toBe('Only local addresses (localhost, 127.0.0.1) may use http://; use https://');
    expect(twice()).toBe('👍 is in the set twice.');
    setCatalogue('de');
    expect(url()).toBe(
      'Nur lokale Adressen (localhost, 127.0.0.1) dürfen http:// verwenden; verwenden Sie https://',
    );
    expect(twice()).toBe('👍 ist zweimal in der Auswahl.');
  });
});
