import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

async function localeWith(uiLanguage: string, catalogue: string): Promise<string> {
  vi.resetModules();
  vi.doMock('#i18n', () => ({ i18n: { t: (key: string) => (key === 'lang' ? catalogue : '') } }));
  (fakeBrowser.i18n as { getUILanguage: () => string }).getUILanguage = () => uiLanguage;
  const { uiLocale } = await import('@/lib/locale');
  return uiLocale();
}

describe('uiLocale', () => {
  beforeEach(() => vi.doUnmock('#i18n'));

  it('keeps the browser’s regional format when the catalogue is in its language', async () => {
    expect(await localeWith('en-GB', 'en')).toBe('en-GB');
    expect(await localeWith('de_AT', 'de')).toBe('de-AT');
  });

  it('falls back to the catalogue’s language for a language Reactbar does not speak', async () => {
    expect(await localeWith('fr-FR', 'en')).toBe('en');
  });
});
