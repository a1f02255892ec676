/**
 * WXT's fake browser has no `i18n.getMessage` (it throws "not mocked"), so the unit tests get
 * one that reads the real English catalogue (locales/en.yml) the way the browser reads the built
 * `_locales/en/messages.json`: the same file, turned into the same messages by @wxt-dev/i18n's
 * build, so a component under test shows exactly the English the extension shows.
 */
import { beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { catalogueGetMessage } from '../../support/catalogue';

export const getMessage = catalogueGetMessage('en');

function install(): void {
  (fakeBrowser.i18n as { getMessage: typeof getMessage }).getMessage = getMessage;
  (fakeBrowser.i18n as { getUILanguage: () => string }).getUILanguage = () => 'en-US';
}

install();
// fakeBrowser.reset() (some tests call it) must not take it away.
beforeEach(install);
