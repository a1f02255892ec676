/**
 * The content script, in every LinkedIn frame: finds targets, gives messages their bar,
 * and keeps the bars in step with the background's broadcasts. This part runs at load and stays
 * small; the bars' UI is loaded when the first bar is wanted (see ui-loader.ts).
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { ALL_SURFACES } from '../kinds/surfaces';
import { createBarActions } from './actions';
import { listenToBroadcasts } from './broadcasts';
import { createContentStore, type Slot } from './frame-store';
import { trackHoverAndFocus } from './hover-focus';
import { startScanner } from './scanner';
import { createSlotRegistry, makeKeyboardStop } from './slots';
import { watchLinkedInTheme } from './theme';
import { type ContentUi, type LoadContentUi, loadUiWhenWanted } from './ui-loader';
import { createViewRequester } from './view-requests';

export function startContentScript(ctx: ContentScriptContext, loadUi: LoadContentUi): void {
  const store = createContentStore();
  const actions = createBarActions(store);
  let ui: ContentUi | null = null;
  let stopTheme = () => {};
  const slots = createSlotRegistry(store, (slot) => ui?.forgetSlot(slot));
  const views = createViewRequester(store);
  const slotsByHost = new WeakMap<Element, Slot>();

  const scanner = startScanner(document, ALL_SURFACES, {
    prepareHost(host, info) {
      // Posts and comments are marked for now; their bars come with post reactions.
      if (info.kind === 'message' && info.conversationUrn) makeKeyboardStop(host);
    },
    added(target) {
      if (target.kind !== 'message' || !target.conversationUrn) return;
      const slot = slots.add(target.host, {
        kind: 'message',
        urn: target.urn,
        conversationUrn: target.conversationUrn,
      });
      slotsByHost.set(target.host, slot);
      views.request(target.urn);
    },
    removed(target) {
      const slot = slotsByHost.get(target.host);
      if (slot) slots.remove(slot);
    },
  });

  trackHoverAndFocus(
    document,
    store,
    {
      slotContaining: (node) => {
        const host = scanner.targetContaining(node)?.host;
        return host ? slotsByHost.get(host) : undefined;
      },
      slotOfHost: (element) => slotsByHost.get(element),
    },
    ctx.signal,
  );
  const stopLoading = loadUiWhenWanted(store, loadUi, async (module) => {
    const mounting = module.mountContentUi(store, actions);
    // While the UI reads what it shows; before its first render, so that a dark page never
    // shows a light bar.
    stopTheme = watchLinkedInTheme(document, module.setDarkTheme);
    const mounted = await mounting;
    if (ctx.isInvalid) mounted.unmount();
    else ui = mounted;
  });
  const stopListening = listenToBroadcasts(store, views);

  ctx.onInvalidated(() => {
    stopLoading();
    stopTheme();
    stopListening();
    scanner.stop();
    ui?.unmount();
  });
}
