/**
 * The content script's UI: ONE React root (in a detached element) that renders every
 * target's bar through a portal into that target's shadow root. Adding a target is a few DOM
 * operations (a shadow root, an adopted sheet) plus one store update.
 */
import { memo } from 'react';
import { createPortal } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { useStore } from 'zustand';
import { type BarActions, MessageBar } from '@/components/reactbar/MessageBar';
import type { TargetRef } from '../reactions/types';
import type { ContentStore, Slot } from './store';
import { adoptStyles, forgetStyles } from './styles';

export interface ContentUi {
  addSlot(host: HTMLElement, target: TargetRef): Slot;
  removeSlot(slot: Slot): void;
  unmount(): void;
}

export function mountContentUi(store: ContentStore, actions: BarActions): ContentUi {
  const container = document.createElement('div');
  const root = createRoot(container);
  root.render(<Slots store={store} actions={actions} />);
  let nextId = 1;
  // Slots added in one scanner batch become one store update, so one React render.
  let queued: Slot[] = [];
  let flushQueued = false;

  function flush(): void {
    flushQueued = false;
    if (queued.length === 0) return;
    const slots = new Map(store.getState().slots);
    for (const slot of queued) slots.set(slot.id, slot);
    queued = [];
    store.setState({ slots });
  }

  return {
    addSlot(host, target) {
      const shadow = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
      adoptStyles(shadow);
      const slot: Slot = { id: nextId++, target, host, root: shadow };
      queued.push(slot);
      if (!flushQueued) {
        flushQueued = true;
        queueMicrotask(flush);
      }
      return slot;
    },
    removeSlot(slot) {
      queued = queued.filter((candidate) => candidate !== slot);
      forgetStyles(slot.root);
      if (!store.getState().slots.has(slot.id)) return;
      const slots = new Map(store.getState().slots);
      slots.delete(slot.id);
      store.setState({ slots });
    },
    unmount() {
      root.unmount();
    },
  };
}

function Slots({ store, actions }: { store: ContentStore; actions: BarActions }) {
  const slots = useStore(store, (state) => state.slots);
  return [...slots.values()].map((slot) => (
    <SlotPortal key={slot.id} slot={slot} store={store} actions={actions} />
  ));
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
  return createPortal(<MessageBar slot={slot} store={store} actions={actions} />, slot.root);
});
