/**
 * The browser's i18n for lib/ code run in Node by the browser tests and the benchmarks (building
 * what the extension would write, e.g. a history line's `byWord` keys with wordKeys, which names
 * LinkedIn's reactions through the catalogue). @wxt-dev/browser reads `globalThis.chrome` once,
 * when it is first imported: import this module before any lib/ module. English, from the built
 * extension's catalogue (`_locales/en/messages.json`), as Chromium in English reads it.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { EXTENSION_DIR } from './paths';

type Messages = Record<string, { message: string }>;

const file = path.join(EXTENSION_DIR, '_locales', 'en', 'messages.json');
if (!existsSync(file)) throw new Error(`No built catalogue at ${file}: run "npm run build" first`);
const messages = JSON.parse(readFileSync(file, 'utf8')) as Messages;

/** `$1`…`$9` and `$$`, as Chrome fills them (the catalogue's messages have no named ones). */
function getMessage(name: string, substitutions?: string | string[]): string {
  const subs = substitutions === undefined ? [] : [substitutions].flat();
  return (messages[name]?.message ?? '').replace(/\$(\$|[1-9])/g, (_, what: string) =>
    what === '$' ? '$' : (subs[Number(what) - 1] ?? ''),
  );
}

const global = globalThis as { chrome?: { i18n?: unknown } };
global.chrome = { ...global.chrome, i18n: { getMessage, getUILanguage: () => 'en' } };
