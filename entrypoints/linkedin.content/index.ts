import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { startContentScript } from '@/lib/content/main';
import type { ContentUiModule } from '@/lib/content/ui-loader';

export default defineContentScript({
  matches: ['https://www.linkedin.com/*'],
  // The messaging overlay may live in a same-origin `/preload/` iframe.
  allFrames: true,
  runAt: 'document_idle',
  main(ctx) {
    try {
      startContentScript(ctx, loadContentUi);
    } catch (error) {
      // Never break LinkedIn: without Reactbar the page works as before.
      console.debug('[reactbar] not started', error);
    }
  },
});

/**
 * The bars' UI, built from entrypoints/content-ui.ts. It runs in this content script's world;
 * `getURL` gives its per-session URL (use_dynamic_url).
 */
async function loadContentUi(): Promise<ContentUiModule> {
  const module: { default: ContentUiModule } = await import(
    /* @vite-ignore */ browser.runtime.getURL('/content-ui.js')
  );
  return module.default;
}
