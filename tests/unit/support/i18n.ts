/**
 * WXT's fake browser has no `i18n.getMessage` (it throws "not mocked"), so the unit tests get
 * one that reads the real English catalogue (locales/en.yml) the way the browser reads the built
 * `_locales/en/messages.json`: the same file, turned into the same messages by @wxt-dev/i18n's
 * build, so a component under test shows exactly the English the extension shows.
 *
 * `setCatalogue('de')` switches to the German catalogue (and a German browser), as a browser set
 * to German would; every test starts in English again.
 */
import { beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { catalogueGetMessage, type GetMessage } from '../../support/catalogue';

const CATALOGUES = {
  en: { getMessage: catalogueGetMessage('en'), uiLanguage: 'en-US' },
  de: { getMessage: catalogueGetMessage('de'), uiLanguage: 'de-DE' },
};
let current: keyof typeof CATALOGUES = 'en';

/** The English catalogue's getMessage. */
export const getMessage = CATALOGUES.en.getMessage;

function install(): void {
  const chosen = CATALOGUES[current];
  (fakeBrowser.i18n as { getMessage: GetMessage }).getMessage = chosen.getMessage;
  (fakeBrowser.i18n as { getUILanguage: () => string }).getUILanguage = () => chosen.uiLanguage;
}

/**
 * The catalogue the browser chose, from now until the test ends. (lib/locale.ts keeps the locale
 * it first worked out: a test of German dates or numbers imports it afresh, after
 * vi.resetModules().)
 */
export function setCatalogue(locale: keyof typeof CATALOGUES): void {
  current = locale;
  install();
}

install();
// fakeBrowser.reset() (some tests call it) must not take it away; a German test leaves no trace.
beforeEach(() => setCatalogue('en'));
