/**
 * `browser.i18n.getMessage` as Chrome answers it from a built `_locales/<lang>/messages.json`,
 * made from our catalogue (locales/<lang>.yml) by @wxt-dev/i18n's own build: named placeholders,
 * then `$1`…`$9`, `$$`. For code under test outside a browser (unit tests, the browser tests'
 * Node side).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { generateChromeMessages, parseMessagesText } from '@wxt-dev/i18n/build';

export type GetMessage = (name: string, substitutions?: string | string[]) => string;

export function catalogueGetMessage(lang = 'en'): GetMessage {
  const text = readFileSync(path.resolve('locales', `${lang}.yml`), 'utf8');
  const messages = generateChromeMessages(parseMessagesText(text, 'YAML'));
  return (name, substitutions) => {
    const message = messages[name];
    if (!message) return '';
    const subs = substitutions === undefined ? [] : [substitutions].flat();
    const fill = (text: string) =>
      text.replace(/\$(\$|[1-9])/g, (_, what: string) =>
        what === '$' ? '$' : (subs[Number(what) - 1] ?? ''),
      );
    const withPlaceholders = message.message.replace(
      /\$([A-Za-z0-9_@]+)\$/g,
      (whole, placeholder: string) => {
        const found =
          message.placeholders?.[placeholder] ?? message.placeholders?.[placeholder.toLowerCase()];
        return found ? found.content : whole;
      },
    );
    return fill(withPlaceholders);
  };
}
