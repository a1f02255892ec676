/**
 * Product modules that name things through the catalogue (e.g. `wordKeys`, which holds
 * LinkedIn's reaction names) imported by a browser test's Node side: `#i18n` reads
 * `chrome.i18n.getMessage` when first imported, so this module, imported before them, gives it
 * the English catalogue. Nothing here reaches the browser.
 */
import { catalogueGetMessage } from './catalogue';

const scope = globalThis as { chrome?: { i18n?: { getMessage: unknown } } };
scope.chrome ??= {};
scope.chrome.i18n ??= { getMessage: catalogueGetMessage('en') };
