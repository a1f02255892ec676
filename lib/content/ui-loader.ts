/**
 * The bars' React UI (React, the bars, the picker, the stylesheet: most of the content script's
 * weight) is loaded on first need: the first hover or focus of a target, or a target with
 * reactions, a pending click or a notice to show. Until then a LinkedIn frame pays for the
 * scanner, the store and the messaging only.
 */
import type { BarActions } from './actions';
import type { ContentState, ContentStore, Slot } from './frame-store';

/** The UI module (components/reactbar), loaded by the entrypoint: lib/ never imports components/. */
export interface ContentUiModule {
  /**
   * Renders the bars that are wanted once what they show (the quick set) is read: never before
   * it returns, so the caller can set the theme meanwhile.
   */
  mountContentUi(store: ContentStore, actions: BarActions): Promise<ContentUi>;
  setDarkTheme(dark: boolean): void;
}

export interface ContentUi {
  /** The slot left the page: let go of what the UI holds for it. */
  forgetSlot(slot: Slot): void;
  unmount(): void;
}

export type LoadContentUi = () => Promise<ContentUiModule>;

/** Whether some bar must render. Cheap: it runs on every store update until the UI is there. */
export function barsWanted(state: ContentState): boolean {
  return (
    state.hovered !== null ||
    state.focused !== null ||
    state.pickerFor !== null ||
    Object.keys(state.views).length > 0 ||
    Object.keys(state.notices).length > 0
  );
}

/** A failed load (the extension was updated or reloaded) is tried again on later need, a few times. */
const MAX_ATTEMPTS = 3;

/**
 * Calls `loaded` with the UI module once, the first time a bar is wanted. Returns a stop
 * function (the content script's context was invalidated).
 */
export function loadUiWhenWanted(
  store: ContentStore,
  load: LoadContentUi,
  loaded: (module: ContentUiModule) => Promise<void>,
): () => void {
  let attempts = 0;
  let loading = false;
  let stopped = false;

  function consider(state: ContentState): void {
    if (loading || stopped || attempts >= MAX_ATTEMPTS || !barsWanted(state)) return;
    loading = true;
    attempts++;
    load().then(
      (module) => {
        if (stopped) return;
        stop();
        // Not tried again: a UI that fails once would fail the same way.
        loaded(module).catch((error: unknown) =>
          console.debug('[reactbar] the bars could not be shown', error),
        );
      },
      (error: unknown) => {
        loading = false;
        console.debug('[reactbar] the bars could not be loaded', error);
      },
    );
  }

  const unsubscribe = store.subscribe(consider);
  function stop(): void {
    stopped = true;
    unsubscribe();
  }
  consider(store.getState());
  return stop;
}
