/**
 * An empty worker: the naive variant needs none, but the shared launcher (tests/support/browser.ts)
 * finds an extension's id through its service worker.
 */
import { defineBackground } from 'wxt/utils/define-background';

export default defineBackground(() => {});
