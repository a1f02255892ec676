/**
 * The locale for dates and numbers: the browser's UI language when the catalogue the browser
 * chose is in that language (en-GB keeps its day-month order), else the catalogue's own language,
 * so a page never mixes English words with, say, French dates.
 */
import { i18n } from '#i18n';

let chosen: string | undefined;

export function uiLocale(): string {
  if (chosen) return chosen;
  const catalogue = i18n.t('lang') || 'en';
  let browserLanguage = '';
  try {
    browserLanguage = browser.i18n.getUILanguage();
  } catch {
    // Tests' fake browser, or a context without i18n: the catalogue's language will do.
  }
  const sameLanguage = browserLanguage.toLowerCase().split(/[-_]/)[0] === catalogue;
  chosen = sameLanguage ? browserLanguage.replace('_', '-') : catalogue;
  return chosen;
}
