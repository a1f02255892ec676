/**
 * The content script's UI: ONE React root (in a detached element) that renders bars through
 * portals into the targets' shadow roots, only where a bar is in use or has something to show.
 * Adding a target costs three attribute writes: the host becomes a keyboard stop. Its shadow
 * root (adopting the one shared stylesheet) is made the first time its bar renders.
 */
import { Component, memo, type ReactNode, useLayoutEffect } from 'react';
import { createPortal } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import { MessageBar } from '@/components/reactbar/MessageBar';
import type { BarActions } from '@/lib/content/actions';
import { type ContentStore, renderedSlotIds, type Slot } from '@/lib/content/frame-store';
import type { ContentUi } from '@/lib/content/main';
import { adoptStyles, forgetStyles } from './styles';

export function mountContentUi(store: ContentStore, actions: BarActions): ContentUi {
  const container = document.createElement('div');
  const root = createRoot(container);
  root.render(<Slots store={store} actions={actions} />);
  let nextId = 1;
  // The registry of slots is the store's `slots` map, changed in place: a new target is idle
  // (nothing rendered), so adding one costs no store update and no React work at all.
  const slots = store.getState().slots as Map<number, Slot>;
  let removed = new Set<Slot>();
  let flushQueued = false;

  /** Removals of one scanner batch: one store update, and only if a removed bar mattered. */
  function flushRemovals(): void {
    flushQueued = false;
    const state = store.getState();
    const urns = new Set([...removed].map((slot) => slot.target.urn));
    const ids = new Set([...removed].map((slot) => slot.id));
    for (const id of ids) slots.delete(id);
    removed = new Set();
    // A bar in use that left the page: let go of it, so its portal unmounts.
    const inUse = (['hovered', 'focused', 'pickerFor'] as const).filter((key) => {
      const id = state[key];
      return id !== null && ids.has(id);
    });
    if (inUse.length > 0) store.setState(Object.fromEntries(inUse.map((key) => [key, null])));
    // Forget the state of targets no longer on this page.
    const kept = [...urns].filter((urn) => state.views[urn] || state.notices[urn]);
    if (kept.length === 0) return;
    const shown = new Set([...slots.values()].map((slot) => slot.target.urn));
    const gone = kept.filter((urn) => !shown.has(urn));
    const views = { ...state.views };
    const notices = { ...state.notices };
    for (const urn of gone) {
      delete views[urn];
      delete notices[urn];
    }
    store.setState({ views, notices });
  }

  return {
    addSlot(host, target) {
      // Focusing the host opens its bar (see MessageBar); LinkedIn's markup stays untouched.
      host.tabIndex = 0;
      host.setAttribute('role', 'button');
      host.setAttribute('aria-label', 'Reactions for this message');
      const slot: Slot = { id: nextId++, target, host };
      slots.set(slot.id, slot);
      return slot;
    },
    removeSlot(slot) {
      if (slot.host.shadowRoot) forgetStyles(slot.host.shadowRoot);
      removed.add(slot);
      if (flushQueued) return;
      flushQueued = true;
      queueMicrotask(flushRemovals);
    },
    unmount() {
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
    host.removeAttribute('tabindex');
    host.removeAttribute('role');
    return () => {
      host.tabIndex = 0;
      host.setAttribute('role', 'button');
    };
  }, [slot]);
  return createPortal(
    <OneBarOnly>
      <MessageBar slot={slot} root={root} store={store} actions={actions} />
    </OneBarOnly>,
    root,
  );
});

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
