/**
 * The catalogue's words where `#i18n` would weigh: the eager content script, which runs in every
 * LinkedIn frame (the keyboard stops' labels, the notices of a click that never reached the
 * background), and the message rules it shares with the background (a form's check words).
 * `browser.i18n.getMessage` straight (synchronous in content scripts), which is what `i18n.t`
 * from '#i18n' calls, without that module's plural and named-substitution code in every frame's
 * startup bundle. The bars' UI, loaded later, uses `i18n.t`.
 */
import { browser } from 'wxt/browser';
import type { GeneratedI18nStructure } from '#i18n';

/** The catalogue's keys as `i18n.t` takes them ("bar.hostPost"), of words without placeholders. */
export type WordKey = {
  [K in keyof GeneratedI18nStructure]: GeneratedI18nStructure[K] extends {
    plural: false;
    substitutions: 0;
  }
    ? K
    : never;
}[keyof GeneratedI18nStructure];

/** `i18n.t(key)` for such words: the built catalogue names a message with `_` for `.`. */
export function word(key: WordKey): string {
  return (browser.i18n.getMessage as (name: string) => string)(key.replaceAll('.', '_'));
}

/** Keys of words with `$1`… placeholders (and no plural), as `i18n.t(key, [..])` takes them. */
export type WordWithKey = {
  [K in keyof GeneratedI18nStructure]: GeneratedI18nStructure[K] extends {
    plural: false;
    substitutions: 1 | 2 | 3;
  }
    ? K
    : never;
}[keyof GeneratedI18nStructure];

/** `i18n.t(key, substitutions)` for such words. */
export function wordWith(key: WordWithKey, substitutions: string[]): string {
  return (browser.i18n.getMessage as (name: string, subs: string[]) => string)(
    key.replaceAll('.', '_'),
    substitutions,
  );
}
