import { defineContentScript } from 'wxt/utils/define-content-script';
import * as contentUi from '@/components/reactbar/ContentUi';
import { setDarkTheme } from '@/components/reactbar/styles';
import { startContentScript } from '@/lib/content/main';

export default defineContentScript({
  matches: ['https://www.linkedin.com/*'],
  // The messaging overlay may live in a same-origin `/preload/` iframe.
  allFrames: true,
  runAt: 'document_idle',
  main(ctx) {
    startContentScript(ctx, { mountContentUi: contentUi.mountContentUi, setDarkTheme }).catch(
      (error: unknown) => {
        // Never break LinkedIn: without Reactbar the page works as before.
        console.debug('[reactbar] not started', error);
      },
    );
  },
});
