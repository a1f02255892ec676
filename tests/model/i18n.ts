/**
 * The model test's setup: the engine and the services' backends word their notices from the
 * catalogue (`#i18n`, which calls the browser's getMessage), and in plain Node there is no
 * browser: the English catalogue stands in, as the global `chrome.i18n` a service worker has.
 */
import '../support/node-i18n';
