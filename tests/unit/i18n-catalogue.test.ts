/**
 * The catalogue (locales/*.yml): every locale has every key of the English one, and no other,
 * in the same form (plain or plural, the same plural forms) with the same placeholders.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { type ParsedMessage, parseMessagesFile } from '@wxt-dev/i18n/build';
import { describe, expect, it } from 'vitest';
import { manifestCommands } from '@/lib/shortcuts';

const localesDir = `${path.resolve('locales')}/`;

async function catalogue(locale: string): Promise<Map<string, ParsedMessage>> {
  const messages = await parseMessagesFile(`${localesDir}${locale}.yml`);
  return new Map(messages.map((message) => [message.key.join('.'), message]));
}

/** What must match between locales: the form, the plural forms and the placeholders. */
function shape(message: ParsedMessage) {
  const text =
    message.type === 'plural' ? Object.values(message.plurals).join('\n') : message.message;
  return {
    type: message.type,
    plurals: message.type === 'plural' ? Object.keys(message.plurals).sort() : [],
    // $1…$9 (not $$, an escaped dollar) and {named} placeholders.
    positional: [...new Set(text.replaceAll('$$', '').match(/\$[1-9]/g) ?? [])].sort(),
    named: [...new Set(text.match(/\{\w+\}/g) ?? [])].sort(),
  };
}

const locales = readdirSync(localesDir)
  .filter((file) => file.endsWith('.yml'))
  .map((file) => file.replace(/\.yml$/, ''));

describe('the catalogue', () => {
  it('has English and German', () => {
    expect(locales.sort()).toEqual(['de', 'en']);
  });

  it.each(locales.filter((locale) => locale !== 'en'))(
    '%s has every English key, no other, with the same form and placeholders',
    async (locale) => {
      const en = await catalogue('en');
      const other = await catalogue(locale);
      const missing = [...en.keys()].filter((key) => !other.has(key));
      const extra = [...other.keys()].filter((key) => !en.has(key));
      expect({ missing, extra }).toEqual({ missing: [], extra: [] });
      for (const [key, message] of en) {
        expect({ key, ...shape(other.get(key) as ParsedMessage) }).toEqual({
          key,
          ...shape(message),
        });
      }
    },
  );

  it.each(locales)('%s has no empty message', async (locale) => {
    for (const [key, message] of await catalogue(locale)) {
      const texts = message.type === 'plural' ? Object.values(message.plurals) : [message.message];
      for (const text of texts) expect(text.trim(), key).not.toBe('');
    }
  });

  it("has every key the manifest names (__MSG_…__), nested keys' dots as _", async () => {
    const en = await catalogue('en');
    const names = new Set([...en.keys()].map((key) => key.replaceAll('.', '_')));
    const manifestKeys = [
      '__MSG_extName__',
      '__MSG_extDescription__',
      ...Object.values(manifestCommands()).map((command) => command.description),
    ];
    for (const reference of manifestKeys) {
      expect(reference).toMatch(/^__MSG_\w+__$/);
      expect(names.has(reference.slice(6, -2)), reference).toBe(true);
    }
  });
});
