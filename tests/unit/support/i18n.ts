/**
 * WXT's fake browser has no `i18n.getMessage` (it throws "not mocked"), so the unit tests get
 * one that reads the real English catalogue (locales/en.yml) the way the browser reads the built
 * `_locales/en/messages.json`: the same file, turned into the same messages by @wxt-dev/i18n's
 * build, so a component under test shows exactly the English the extension shows.
 */
import path from 'node:path';
import { generateChromeMessages, parseMessagesFile } from '@wxt-dev/i18n/build';
import { beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

const messages = generateChromeMessages(await parseMessagesFile(path.resolve('locales/en.yml')));

/** `browser.i18n.getMessage` as Chrome does it: named placeholders, then `$1`…`$9`, `$$`. */
export function getMessage(name: string, substitutions?: string | string[]): string {
  const message = messages[name];
  if (!message) return '';
  const subs = substitutions === undefined ? [] : [substitutions].flat();
  const fill = (text: string) =>
    text.replace(/\$(\$|[1-9])/g, (_, what: string) =>
      what === '$' ? '$' : (subs[Number(what) - 1] ?? ''),
    );
  const withPlaceholders = message.message.replace(
    /\$([A-Za-z0-9_@]+)\$/g,
    (whole, name: string) => {
      const placeholder =
        message.placeholders?.[name] ?? message.placeholders?.[name.toLowerCase()];
      return placeholder ? placeholder.content : whole;
    },
  );
  return fill(withPlaceholders);
}

function install(): void {
  (fakeBrowser.i18n as { getMessage: typeof getMessage }).getMessage = getMessage;
  (fakeBrowser.i18n as { getUILanguage: () => string }).getUILanguage = () => 'en-US';
}

install();
// fakeBrowser.reset() (some tests call it) must not take it away.
beforeEach(install);
