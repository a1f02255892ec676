import { defineContentScript } from 'wxt/utils/define-content-script';
import { startScanner } from '@/lib/dom/scanner';
import { ALL_SURFACES } from '@/lib/dom/surfaces';
import { backgroundMessenger } from '@/lib/messaging/protocol';

export default defineContentScript({
  matches: ['https://*.linkedin.com/*'],
  // The messaging overlay may live in a same-origin `/preload/` iframe.
  allFrames: true,
  runAt: 'document_idle',
  main(ctx) {
    const scanner = startScanner(document, ALL_SURFACES, {
      added() {},
      removed() {},
    });
    ctx.onInvalidated(() => scanner.stop());
    backgroundMessenger.sendMessage('ping', { from: 'content' }).catch((error: unknown) => {
      console.debug('[reactbar] background did not answer', error);
    });
  },
});
