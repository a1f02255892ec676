/**
 * The content script, in every LinkedIn frame: finds targets, gives messages their bar,
 * and keeps the bars in step with the background's broadcasts.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { ALL_SURFACES } from '../kinds/surfaces';
import { loadQuickSet, watchQuickSet } from '../quick-set';
import type { TargetRef } from '../reactions/types';
import { type BarActions, createBarActions } from './actions';
import { listenToBroadcasts } from './broadcasts';
import { type ContentStore, createContentStore, type Slot } from './frame-store';
import { startScanner } from './scanner';
import { watchLinkedInTheme } from './theme';
import { createViewRequester } from './view-requests';

/**
 * The React UI, handed in by the entrypoint: lib/ never imports components/, and the UI is
 * the heavy part of the content script.
 */
export interface ContentUiModule {
  mountContentUi(store: ContentStore, actions: BarActions): ContentUi;
  setDarkTheme(dark: boolean): void;
}

export interface ContentUi {
  addSlot(host: HTMLElement, target: TargetRef): Slot;
  removeSlot(slot: Slot): void;
  unmount(): void;
}

export async function startContentScript(
  ctx: ContentScriptContext,
  { mountContentUi, setDarkTheme }: ContentUiModule,
): Promise<void> {
  const store = createContentStore(await loadQuickSet());
  const ui = mountContentUi(store, createBarActions(store));
  const views = createViewRequester(store);
  const slotsByHost = new WeakMap<Element, Slot>();

  const scanner = startScanner(document, ALL_SURFACES, {
    added(target) {
      // Posts and comments are marked for now; their bars come with post reactions.
      if (target.kind !== 'message' || !target.conversationUrn) return;
      const slot = ui.addSlot(target.host, {
        kind: 'message',
        urn: target.urn,
        conversationUrn: target.conversationUrn,
      });
      slotsByHost.set(target.host, slot);
      views.request(target.urn);
    },
    removed(target) {
      const slot = slotsByHost.get(target.host);
      if (slot) ui.removeSlot(slot);
    },
  });

  // One listener each for the whole page: the bar under the pointer, and the bar with focus
  // (focus events leave a shadow root retargeted to its host), are rendered and shown.
  let hovered: HTMLElement | null = null;
  const onPointerOver = (event: PointerEvent) => {
    const host = scanner.targetContaining(event.target as Node)?.host ?? null;
    if (host === hovered) return;
    hovered?.removeAttribute('data-hover');
    host?.setAttribute('data-hover', '');
    hovered = host;
    store.setState({ hovered: host ? (slotsByHost.get(host)?.id ?? null) : null });
  };
  const onFocusChange = (event: FocusEvent) => {
    const into =
      event.type === 'focusin'
        ? (event.target as Element)
        : (event.relatedTarget as Element | null);
    const slot = into ? slotsByHost.get(into) : undefined;
    if (store.getState().focused !== (slot?.id ?? null))
      store.setState({ focused: slot?.id ?? null });
  };
  document.addEventListener('pointerover', onPointerOver, { passive: true });
  document.addEventListener('focusin', onFocusChange);
  document.addEventListener('focusout', onFocusChange);

  const stopTheme = watchLinkedInTheme(document, setDarkTheme);
  const stopQuickSet = watchQuickSet((quickSet) => store.setState({ quickSet }));
  const stopListening = listenToBroadcasts(store, views);

  ctx.onInvalidated(() => {
    document.removeEventListener('pointerover', onPointerOver);
    document.removeEventListener('focusin', onFocusChange);
    document.removeEventListener('focusout', onFocusChange);
    stopTheme();
    stopQuickSet();
    stopListening();
    scanner.stop();
    ui.unmount();
  });
}
