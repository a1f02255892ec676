/**
 * The bars' UI, loaded into a LinkedIn frame when the first bar is wanted (see
 * lib/content/ui-loader.ts): ONE React root (in a detached element) that renders bars through
 * portals into the targets' shadow roots, only where a bar is in use or has something to show.
 * A target's shadow root (adopting the one shared stylesheet) is made when its bar first renders.
 */
import { Component, memo, type ReactNode, useLayoutEffect } from 'react';
import { createPortal, flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import { MessageBar } from '@/components/reactbar/MessageBar';
import type { BarActions } from '@/lib/content/actions';
import { type ContentStore, renderedSlotIds, type Slot } from '@/lib/content/frame-store';
import { makeKeyboardStop } from '@/lib/content/slots';
import type { ContentUi } from '@/lib/content/ui-loader';
import { loadQuickSet, watchQuickSet } from '@/lib/quick-set';
import { adoptStyles, forgetStyles } from './styles';

export async function mountContentUi(store: ContentStore, actions: BarActions): Promise<ContentUi> {
  // The quick set is read here, not by the eager content script: checking it sets up
  // Intl.Segmenter and Unicode property regexes, which cost milliseconds in every fresh frame.
  store.setState({ quickSet: await loadQuickSet() });
  const stopWatching = watchQuickSet((quickSet) => store.setState({ quickSet }));
  const container = document.createElement('div');
  const root = createRoot(container);
  // At once: the bar that asked for the UI (hovered, focused) shows in the next frame.
  flushSync(() => root.render(<Slots store={store} actions={actions} />));
  return {
    forgetSlot(slot) {
      if (slot.host.shadowRoot) forgetStyles(slot.host.shadowRoot);
    },
    unmount() {
      stopWatching();
      root.unmount();
    },
  };
}

function Slots({ store, actions }: { store: ContentStore; actions: BarActions }) {
  // Re-renders only when the set of rendered bars changes.
  const ids = useStore(store, useShallow(renderedSlotIds));
  const slots = store.getState().slots;
  return ids.map((id) => {
    const slot = slots.get(id);
    return slot ? <SlotPortal key={id} slot={slot} store={store} actions={actions} /> : null;
  });
}

const SlotPortal = memo(function SlotPortal({
  slot,
  store,
  actions,
}: {
  slot: Slot;
  store: ContentStore;
  actions: BarActions;
}) {
  const root = shadowRootOf(slot.host);
  // While the bar is rendered its toolbar is the tab stop and the host steps aside (a host
  // with tabindex -1 would take its shadow tree out of the tab order, so no tabindex at all).
  useLayoutEffect(() => {
    const { host } = slot;
    // Reached by Tab, the host itself has focus: focus moves on into the bar. (The browser
    // blurs a host that stops being focusable, even with focus inside it: step aside first.)
    const reachedByTab = host.matches(':focus') && root.activeElement === null;
    host.removeAttribute('tabindex');
    host.removeAttribute('role');
    if (reachedByTab) firstTabStop(root)?.focus();
    return () => makeKeyboardStop(host);
  }, [slot, root]);
  return createPortal(
    <OneBarOnly>
      <MessageBar slot={slot} store={store} actions={actions} />
    </OneBarOnly>,
    root,
  );
});

function firstTabStop(root: ShadowRoot): HTMLElement | null {
  return (
    root.querySelector<HTMLElement>('button[tabindex="0"]') ??
    root.querySelector<HTMLElement>('button')
  );
}

/** The host's shadow root, made (with the shared stylesheet) when its bar first renders. */
function shadowRootOf(host: HTMLElement): ShadowRoot {
  if (host.shadowRoot) return host.shadowRoot;
  // Open, so the browser tests (Playwright cannot pierce closed roots) and assistive tools reach
  // in. Page scripts can too: the guard is that only trusted events act (lib/content/actions.ts).
  const root = host.attachShadow({ mode: 'open' });
  adoptStyles(root);
  return root;
}

/** A bar that throws renders nothing; the other bars, and the page, carry on. */
class OneBarOnly extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override componentDidCatch(error: unknown) {
    console.debug('[reactbar] a bar failed', error);
  }
  override render() {
    return this.state.failed ? null : this.props.children;
  }
}
