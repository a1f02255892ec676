import { defineContentScript } from 'wxt/utils/define-content-script';
import { startContentScript } from '@/lib/content/main';

export default defineContentScript({
  matches: ['https://*.linkedin.com/*'],
  // The messaging overlay may live in a same-origin `/preload/` iframe.
  allFrames: true,
  runAt: 'document_idle',
  main(ctx) {
    startContentScript(ctx).catch((error: unknown) => {
      // Never break LinkedIn: without Reactbar the page works as before.
      console.debug('[reactbar] not started', error);
    });
  },
});
